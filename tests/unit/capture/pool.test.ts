import { describe, expect, it } from 'vitest';
import { mapSettled } from '../../../electron/core/capture/walks/pool';

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
