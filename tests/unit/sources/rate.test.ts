import { describe, expect, it } from 'vitest';
import { RateGovernor, RateGovernors } from '../../../electron/core/sources/rate';
import { VirtualClock } from './helpers/virtual-clock';

function headers(h: Record<string, string>) {
  return new Headers(h);
}

/** The most requests sent inside any window of `windowMs` (sliding). */
function peak(times: number[], windowMs = 60_000): number {
  let best = 0;
  let lo = 0;
  for (let hi = 0; hi < times.length; hi++) {
    while ((times[lo] ?? 0) <= (times[hi] ?? 0) - windowMs) lo++;
    best = Math.max(best, hi - lo + 1);
  }
  return best;
}

async function sendSequentially(g: RateGovernor, clock: VirtualClock, n: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    await g.acquire();
    times.push(clock.now());
  }
  return times;
}

describe('RateGovernor: half of the shared budget by default', () => {
  it('given the Compliance budget of 600/min, never sends more than 300 in any simulated minute', async () => {
    const clock = new VirtualClock();
    const g = new RateGovernor({ clock });
    expect(g.allowedPerWindow).toBe(300);
    const times = await sendSequentially(g, clock, 1000);
    expect(peak(times)).toBe(300);
    // The work still gets done: 1000 requests need a little over three minutes.
    expect((times.at(-1) ?? 0) - (times[0] ?? 0)).toBeLessThan(4 * 60_000);
    expect((times.at(-1) ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(3 * 60_000);
  });

  it('holds under many concurrent callers too', async () => {
    const clock = new VirtualClock();
    const g = new RateGovernor({ clock });
    const times: number[] = [];
    await Promise.all(
      Array.from({ length: 700 }, async () => {
        await g.acquire();
        times.push(clock.now());
      }),
    );
    times.sort((a, b) => a - b);
    expect(times).toHaveLength(700);
    expect(peak(times)).toBeLessThanOrEqual(300);
  });

  it('adapts when the server reports a different limit', async () => {
    const clock = new VirtualClock();
    const g = new RateGovernor({ clock });
    g.observe(headers({ 'anthropic-ratelimit-requests-limit': '1000', 'anthropic-ratelimit-requests-remaining': '1000' }));
    expect(g.allowedPerWindow).toBe(500);
    const times = await sendSequentially(g, clock, 800);
    expect(peak(times)).toBe(500);
  });

  it('slows down when the server says little remains, spreading our half of it until the reset', async () => {
    const clock = new VirtualClock();
    const g = new RateGovernor({ clock });
    const reset = new Date(clock.now() + 10_000).toISOString();
    g.observe(headers({ 'anthropic-ratelimit-requests-limit': '600', 'anthropic-ratelimit-requests-remaining': '20', 'anthropic-ratelimit-requests-reset': reset }));
    // 20 remaining, our half is 10 over 10 s: one request per second.
    expect(g.status().pacingGapMs).toBe(1000);
    const t0 = clock.now();
    const times = await sendSequentially(g, clock, 4);
    expect(times.map((t) => t - t0)).toEqual([0, 1000, 2000, 3000]);
  });

  it('stops until the reset when the server says nothing remains', async () => {
    const clock = new VirtualClock();
    const g = new RateGovernor({ clock });
    const t0 = clock.now();
    g.observe(headers({ 'anthropic-ratelimit-requests-remaining': '0', 'anthropic-ratelimit-requests-reset': new Date(t0 + 7_000).toISOString() }));
    await g.acquire();
    expect(clock.now() - t0).toBe(7_000);
  });

  it('after a 429, nothing is sent before retry-after has passed', async () => {
    const clock = new VirtualClock();
    const g = new RateGovernor({ clock });
    const t0 = clock.now();
    g.pauseUntil(t0 + 25_000);
    expect(g.status().pausedUntil).toBe(t0 + 25_000);
    await g.acquire();
    expect(clock.now() - t0).toBe(25_000);
    expect(g.status().pausedUntil).toBeNull();
  });

  it('a healthy remaining count ends any pacing', () => {
    const clock = new VirtualClock();
    const g = new RateGovernor({ clock });
    const reset = new Date(clock.now() + 10_000).toISOString();
    g.observe(headers({ 'anthropic-ratelimit-requests-remaining': '5', 'anthropic-ratelimit-requests-reset': reset }));
    expect(g.status().pacingGapMs).not.toBeNull();
    g.observe(headers({ 'anthropic-ratelimit-requests-remaining': '590', 'anthropic-ratelimit-requests-reset': reset }));
    expect(g.status().pacingGapMs).toBeNull();
  });
});

describe('RateGovernor: lifted mode for benchmarks', () => {
  it('sends without a client-side cap', async () => {
    const clock = new VirtualClock();
    const g = new RateGovernor({ clock, lifted: true });
    const t0 = clock.now();
    const times = await sendSequentially(g, clock, 1000);
    expect(times.every((t) => t === t0)).toBe(true);
    expect(g.status().lifted).toBe(true);
  });

  it('still honours a pause the server asked for', async () => {
    const clock = new VirtualClock();
    const g = new RateGovernor({ clock, lifted: true });
    const t0 = clock.now();
    g.pauseUntil(t0 + 3_000);
    await g.acquire();
    expect(clock.now() - t0).toBe(3_000);
  });
});

describe('RateGovernors: one governor per parent organisation', () => {
  it('every client of one parent shares a budget; another parent has its own', async () => {
    const clock = new VirtualClock();
    const all = new RateGovernors({ clock, budget: 10 });
    const a1 = all.forParent('parent-a');
    const a2 = all.forParent('parent-a');
    const b = all.forParent('parent-b');
    expect(a1).toBe(a2);
    expect(b).not.toBe(a1);
    for (let i = 0; i < 5; i++) await a1.acquire();
    expect(a2.status().usedInWindow).toBe(5);
    expect(b.status().usedInWindow).toBe(0);
  });
});
