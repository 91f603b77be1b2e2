import { describe, expect, it } from 'vitest';
import { SlidingWindowLimiter, rateLimitHeaders } from '../../../electron/core/sim/http/ratelimit';
import { FaultInjector } from '../../../electron/core/sim/http/faults';

describe('sliding-window limiter', () => {
  it('accepts 600 requests in a minute, refuses the 601st with a retry-after that reaches past the reset', () => {
    const l = new SlidingWindowLimiter();
    const t0 = 1_000_000;
    for (let i = 0; i < 600; i++) expect(l.take('p', t0 + i * 10, 600).allowed).toBe(true);
    const d = l.take('p', t0 + 6_000, 600);
    expect(d.allowed).toBe(false);
    expect(d.remaining).toBe(0);
    expect(d.resetMs).toBe(t0 + 60_000);
    expect(d.retryAfterS).toBe(55); // 54 s to the reset, plus a 1 s margin
  });

  it('a refused request uses no budget, and the window slides', () => {
    const l = new SlidingWindowLimiter();
    for (let i = 0; i < 3; i++) l.take('p', 0, 3);
    expect(l.take('p', 1000, 3).allowed).toBe(false);
    expect(l.take('p', 60_000, 3).allowed).toBe(true);
    expect(l.take('p', 60_001, 3).remaining).toBe(1); // the three at t=0 left the window; two inside now
  });

  it('buckets are independent', () => {
    const l = new SlidingWindowLimiter();
    for (let i = 0; i < 5; i++) l.take('a', 0, 5);
    expect(l.take('a', 1, 5).allowed).toBe(false);
    expect(l.take('b', 1, 5).allowed).toBe(true);
  });

  it('headers carry limit, remaining and an RFC 3339 reset', () => {
    const h = rateLimitHeaders({ allowed: true, limit: 600, remaining: 12, resetMs: Date.UTC(2026, 3, 21, 14, 38, 25), retryAfterS: 0 });
    expect(h).toEqual({ 'anthropic-ratelimit-requests-limit': '600', 'anthropic-ratelimit-requests-remaining': '12', 'anthropic-ratelimit-requests-reset': '2026-04-21T14:38:25Z' });
  });
});

describe('fault injector', () => {
  it('a queue is served first, one fault per request, then nothing', () => {
    const f = new FaultInjector();
    f.configure({ queue: ['500', 'reset'] });
    expect([f.draw('/v1/x'), f.draw('/v1/x'), f.draw('/v1/x')]).toEqual(['500', 'reset', null]);
  });

  it('rates are reproducible from the fault seed and roughly honoured', () => {
    const run = (seed: number): Array<string | null> => {
      const f = new FaultInjector();
      f.configure({ seed, rates: { '503': 0.2, '529': 0.1 } });
      return Array.from({ length: 2000 }, () => f.draw('/v1/x'));
    };
    const a = run(7);
    expect(run(7)).toEqual(a);
    expect(run(8)).not.toEqual(a);
    const n503 = a.filter((k) => k === '503').length;
    expect(n503).toBeGreaterThan(300);
    expect(n503).toBeLessThan(500);
  });

  it('only paths under the prefix are eligible', () => {
    const f = new FaultInjector();
    f.configure({ queue: ['500'], pathPrefix: '/v1/organization/' });
    expect(f.draw('/v1/compliance/apps/chats')).toBeNull();
    expect(f.draw('/v1/organization/costs')).toBe('500');
  });
});
