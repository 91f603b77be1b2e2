import { describe, expect, it } from 'vitest';
import { Limiter, mapSettled, mapSettledShared } from '../../../electron/core/capture/walks/pool';

describe('mapSettled', () => {
  it('keeps the input order, settles every item, and never runs more than the limit at once', async () => {
    let inFlight = 0;
    let peak = 0;
    const out = await mapSettled([5, 1, 4, 2, 3, 0], 2, async (n) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, n * 2));
      inFlight--;
      if (n === 4) throw new Error('four');
      return n * 10;
    });
    expect(peak).toBe(2);
    expect(out.map((s) => (s.ok ? s.value : (s.error as Error).message))).toEqual([50, 10, 'four', 20, 30, 0]);
  });

  it('returns an empty list for no items', async () => {
    expect(await mapSettled([], 4, async () => 1)).toEqual([]);
  });
});

describe('mapSettledShared', () => {
  it('keeps each call\'s input order and settles every item, with at most the limit in flight across calls sharing the limiter', async () => {
    const limiter = new Limiter(3);
    let inFlight = 0;
    let peak = 0;
    const work = async (n: number) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, (n % 4) * 2));
      inFlight--;
      if (n === 7) throw new Error('seven');
      return n * 10;
    };
    const [a, b] = await Promise.all([mapSettledShared([1, 2, 3, 4, 5], limiter, work), mapSettledShared([6, 7, 8, 9], limiter, work)]);
    expect(peak).toBe(3);
    expect(a.map((s) => (s.ok ? s.value : 'x'))).toEqual([10, 20, 30, 40, 50]);
    expect(b.map((s) => (s.ok ? s.value : (s.error as Error).message))).toEqual([60, 'seven', 80, 90]);
    expect(await mapSettledShared([], limiter, work)).toEqual([]);
  });
});
