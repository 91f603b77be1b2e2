import { describe, expect, it } from 'vitest';
import { RowWindows } from '../../../../renderer/review/content/rowWindows';

const rows = (page: number, size: number) => Array.from({ length: size }, (_, i) => page * size + i);

describe('rows paged in as they scroll into view', () => {
  it('before the total is known, asks only for the first page', () => {
    const w = new RowWindows<number>(100);
    expect(w.missing(0, 5000)).toEqual([0]);
  });

  it('given 100,000 rows, asks for the pages of the visible range only, middle first', () => {
    const w = new RowWindows<number>(100);
    w.put(0, rows(0, 100), 100_000);
    expect(w.missing(50_010, 50_290)).toEqual([501, 500, 502]);
    expect(w.row(42)).toBe(42);
    expect(w.row(50_010)).toBeUndefined();
  });

  it('does not ask again for a page in flight, and asks again after a failure', () => {
    const w = new RowWindows<number>(100);
    w.put(0, rows(0, 100), 1000);
    w.markLoading(3);
    expect(w.missing(300, 399)).toEqual([]);
    expect(w.loadingCount()).toBe(1);
    w.fail(3);
    expect(w.missing(300, 399)).toEqual([3]);
  });

  it('never asks beyond the last row', () => {
    const w = new RowWindows<number>(100);
    w.put(0, rows(0, 100), 250);
    expect(w.missing(150, 900)).toEqual([1, 2]);
  });

  it('keeps a bounded number of pages, evicting the least recently shown', () => {
    const w = new RowWindows<number>(10, 3);
    w.put(0, rows(0, 10), 1000);
    w.put(1, rows(1, 10), 1000);
    w.put(2, rows(2, 10), 1000);
    w.touchRange(0, 9); // page 0 is on screen again
    w.put(3, rows(3, 10), 1000);
    expect(w.heldPages()).toBe(3);
    expect(w.row(5)).toBe(5);
    expect(w.row(15)).toBeUndefined();
    expect(w.row(35)).toBe(35);
  });

  it('an empty result asks for nothing more', () => {
    const w = new RowWindows<number>(100);
    w.put(0, [], 0);
    expect(w.missing(0, 30)).toEqual([]);
  });
});
