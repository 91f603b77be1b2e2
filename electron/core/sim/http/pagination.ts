import { InputError } from './reply';

/**
 * Keyset paging over a list kept in ascending order. `order` is the order the page is
 * presented in; `after` continues in that order, `before` goes back (the page adjacent
 * to the cursor). Filters are applied while scanning, so pages are always full when
 * more matching items exist.
 */
export interface Sorted<T> {
  length: number;
  at(i: number): T;
}

export function fromArray<T>(items: readonly T[]): Sorted<T> {
  return { length: items.length, at: (i) => items[i] as T };
}

export interface CursorPosition<T> {
  dir: 'after' | 'before';
  /** true when the item sorts strictly before the cursor (ascending). */
  isBefore(item: T): boolean;
  /** true when the item is the cursor's own item. */
  isAt(item: T): boolean;
}

export interface PageResult<T> {
  items: T[];
  hasMore: boolean;
}

function lowerBound<T>(src: Sorted<T>, isBefore: (item: T) => boolean): number {
  let lo = 0;
  let hi = src.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (isBefore(src.at(mid))) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function keysetPage<T>(src: Sorted<T>, opts: { order: 'asc' | 'desc'; limit: number; filter?: (item: T) => boolean; cursor?: CursorPosition<T> }): PageResult<T> {
  const { order, limit, cursor } = opts;
  const filter = opts.filter ?? (() => true);
  let start: number;
  let step: 1 | -1;
  let reverse = false;
  if (!cursor) {
    start = order === 'asc' ? 0 : src.length - 1;
    step = order === 'asc' ? 1 : -1;
  } else {
    const lb = lowerBound(src, cursor.isBefore);
    const ub = lb < src.length && cursor.isAt(src.at(lb)) ? lb + 1 : lb;
    const forward = (order === 'asc') === (cursor.dir === 'after'); // walking up the ascending list?
    start = forward ? ub : lb - 1;
    step = forward ? 1 : -1;
    reverse = cursor.dir === 'before';
  }
  const items: T[] = [];
  for (let i = start; i >= 0 && i < src.length && items.length <= limit; i += step) {
    const item = src.at(i);
    if (filter(item)) items.push(item);
  }
  const hasMore = items.length > limit;
  if (hasMore) items.length = limit;
  if (reverse) items.reverse();
  return { items, hasMore };
}

/** Opaque cursors: base64url JSON. Clients must not parse them; the simulator checks what it wrote. */
export function encodeCursor(payload: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

export function decodeCursor(token: string): Record<string, unknown> | null {
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(token)) return null;
  try {
    const v: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * Page tokens for the page-token lists (`page` -> `next_page`). The token names the list
 * it was issued for and the parent org; any other use is a 400. Keyset on (t, id).
 */
export interface PageToken {
  scope: string;
  owner: string;
  t: number;
  id: string;
}

export function encodePageToken(tok: PageToken): string {
  return 'page_' + encodeCursor({ s: tok.scope, o: tok.owner, t: tok.t, id: tok.id });
}

export function decodePageToken(raw: string, scope: string, owner: string, param = 'page'): PageToken {
  const bad = (): InputError => new InputError(`Invalid \`${param}\`. The ${param} parameter is not a valid cursor for this request. Got "${raw}".`, param);
  if (!raw.startsWith('page_')) throw bad();
  const p = decodeCursor(raw.slice(5));
  if (!p || p.s !== scope || p.o !== owner || typeof p.t !== 'number' || typeof p.id !== 'string') throw bad();
  return { scope, owner, t: p.t, id: p.id };
}

/** A page-token list sorted ascending by (t, id): returns `{data, has_more, next_page}`. */
export function tokenPage<T>(items: readonly T[], key: (item: T) => { t: number; id: string }, opts: { scope: string; owner: string; limit: number; page?: string; filter?: (item: T) => boolean }): { data: T[]; has_more: boolean; next_page: string | null } {
  const sorted = [...items].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return ka.t - kb.t || (ka.id < kb.id ? -1 : ka.id > kb.id ? 1 : 0);
  });
  let cursor: CursorPosition<T> | undefined;
  if (opts.page !== undefined) {
    const tok = decodePageToken(opts.page, opts.scope, opts.owner);
    cursor = {
      dir: 'after',
      isBefore: (item) => {
        const k = key(item);
        return k.t < tok.t || (k.t === tok.t && k.id < tok.id);
      },
      isAt: (item) => key(item).id === tok.id && key(item).t === tok.t,
    };
  }
  const page = keysetPage(fromArray(sorted), { order: 'asc', limit: opts.limit, filter: opts.filter, cursor });
  const last = page.items[page.items.length - 1];
  const next = page.hasMore && last ? encodePageToken({ scope: opts.scope, owner: opts.owner, ...key(last) }) : null;
  return { data: page.items, has_more: page.hasMore, next_page: next };
}
