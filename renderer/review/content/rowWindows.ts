/**
 * The chat table's rows, held in fixed pages fetched as they scroll into view. The table may
 * have 100,000 rows; only the pages near the viewport are ever requested, and only a bounded
 * number of pages is kept, so memory stays flat however far one scrolls. Pure: the hook that
 * talks to the API (useChatRows) drives it.
 */

export class RowWindows<T> {
  private readonly pages = new Map<number, T[]>();
  private readonly loading = new Set<number>();
  /** Pages by recency of use, oldest first, for eviction. */
  private readonly order: number[] = [];
  total: number | null = null;

  constructor(
    readonly pageSize: number,
    readonly maxPages = 40,
  ) {
    if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError('pageSize must be a positive integer.');
  }

  row(index: number): T | undefined {
    const page = this.pages.get(Math.floor(index / this.pageSize));
    return page?.[index % this.pageSize];
  }

  pageOf(index: number): number {
    return Math.floor(index / this.pageSize);
  }

  /**
   * Pages that cover rows [first, last] and are neither held nor being fetched, nearest to
   * the middle of the range first (what the reader looks at arrives first). Before the total
   * is known, only the first page is asked for.
   */
  missing(first: number, last: number): number[] {
    if (last < first) return [];
    const lastRow = this.total === null ? Math.min(last, this.pageSize - 1) : Math.min(last, this.total - 1);
    if (lastRow < 0) return this.total === null && !this.loading.has(0) && !this.pages.has(0) ? [0] : [];
    const lo = this.pageOf(Math.max(0, first));
    const hi = this.pageOf(lastRow);
    const mid = (lo + hi) / 2;
    const out: number[] = [];
    for (let p = lo; p <= hi; p++) if (!this.pages.has(p) && !this.loading.has(p)) out.push(p);
    return out.sort((a, b) => Math.abs(a - mid) - Math.abs(b - mid) || a - b);
  }

  markLoading(page: number): void {
    this.loading.add(page);
  }

  loadingCount(): number {
    return this.loading.size;
  }

  /** Stores a fetched page and the total the same answer gave; evicts the least recently used pages beyond maxPages. */
  put(page: number, rows: readonly T[], total: number): void {
    this.loading.delete(page);
    this.total = total;
    this.pages.set(page, [...rows]);
    this.touch(page);
    while (this.order.length > this.maxPages) {
      const evict = this.order.shift()!;
      this.pages.delete(evict);
    }
  }

  /** A fetch that failed: the page may be asked for again. */
  fail(page: number): void {
    this.loading.delete(page);
  }

  /** Marks pages as just used (the ones on screen), so eviction takes the far ones. */
  touchRange(first: number, last: number): void {
    for (let p = this.pageOf(Math.max(0, first)); p <= this.pageOf(Math.max(0, last)); p++) if (this.pages.has(p)) this.touch(p);
  }

  heldPages(): number {
    return this.pages.size;
  }

  private touch(page: number): void {
    const at = this.order.indexOf(page);
    if (at >= 0) this.order.splice(at, 1);
    this.order.push(page);
  }
}
