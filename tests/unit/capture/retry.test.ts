import { describe, expect, it } from 'vitest';
import { OgmaError } from '../../../shared/api/errors';
import { failureOf, isCancellation, isTransient, retryTransient } from '../../../electron/core/capture/retry';
import { SourceError, type Clock, type FailureReason } from '../../../electron/core/sources';

/** The engine's own retries: transient failures only, bounded, with backoff on the injected clock. */

function virtualClock(): Clock & { slept: number[] } {
  let t = 0;
  const slept: number[] = [];
  return { slept, now: () => t, sleep: async (ms) => void (slept.push(ms), (t += ms)) };
}

const upstream = (reason: FailureReason) => new SourceError('UPSTREAM', `failed: ${reason}`, { reason, vendor: 'the Anthropic Compliance API' });

describe('failure classes', () => {
  it('treats server errors, dropped connections, timeouts, cut-off bodies and exhausted 429s as transient', () => {
    for (const r of ['server-error', 'network', 'timeout', 'malformed-body', 'rate-limited'] as const) expect(isTransient(upstream(r))).toBe(true);
  });

  it('treats a refused key, a missing scope, a bad request, an unexpected shape and plain errors as persistent', () => {
    expect(isTransient(new SourceError('KEY_REJECTED', 'no', { reason: 'key-rejected', vendor: 'x' }))).toBe(false);
    expect(isTransient(new SourceError('FORBIDDEN', 'no', { reason: 'missing-scope', vendor: 'x' }))).toBe(false);
    expect(isTransient(new SourceError('VALIDATION_FAILED', 'no', { reason: 'bad-request', vendor: 'x' }))).toBe(false);
    expect(isTransient(upstream('unexpected-shape'))).toBe(false);
    expect(isTransient(new Error('bug'))).toBe(false);
  });

  it('recognises cancellation and describes failures as code, reason and message', () => {
    expect(isCancellation(new OgmaError('CANCELLED', 'stop'))).toBe(true);
    expect(failureOf(upstream('timeout'))).toEqual({ code: 'UPSTREAM', reason: 'timeout', message: 'failed: timeout' });
    expect(failureOf(new Error('boom'))).toEqual({ code: 'INTERNAL', reason: null, message: 'boom' });
  });
});

describe('retryTransient', () => {
  it('given a request failing transiently twice, then it succeeds on the third attempt after two backoffs', async () => {
    const clock = virtualClock();
    let calls = 0;
    const v = await retryTransient(async () => (++calls < 3 ? Promise.reject(upstream('server-error')) : 'ok'), { clock, attempts: 4, baseDelayMs: 100, random: () => 0.5 });
    expect(v).toBe('ok');
    expect(calls).toBe(3);
    expect(clock.slept).toEqual([50, 100]);
  });

  it('gives up after the allowed attempts with the last failure', async () => {
    const clock = virtualClock();
    let calls = 0;
    await expect(retryTransient(async () => ((calls++, Promise.reject(upstream('network'))) as Promise<never>), { clock, attempts: 2, baseDelayMs: 10 })).rejects.toMatchObject({ details: { reason: 'network' } });
    expect(calls).toBe(3);
  });

  it('never retries a persistent failure', async () => {
    const clock = virtualClock();
    let calls = 0;
    const refused = new SourceError('KEY_REJECTED', 'revoked', { reason: 'key-rejected', vendor: 'x' });
    await expect(retryTransient(async () => ((calls++, Promise.reject(refused)) as Promise<never>), { clock, attempts: 5, baseDelayMs: 10 })).rejects.toBe(refused);
    expect(calls).toBe(1);
    expect(clock.slept).toEqual([]);
  });
});
