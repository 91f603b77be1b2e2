import { SourceError } from './source-error';

/**
 * Page walkers. Each yields one page at a time with the cursor that resumes the walk
 * AFTER that page, so a caller stores the page and the cursor in one transaction. A
 * page that fails throws before it is yielded: the caller's stored cursor never moves
 * past a page it does not hold.
 */
export interface Page<T> {
  items: T[];
  /**
   * Resume point after this page: pass it back as the walker's start to continue.
   * Page-token walks: the next token, null once the walk is complete (start over next
   * time). Id-cursor walks: the boundary id, which stays valid after the last page for
   * incremental continuation (an empty page repeats the previous cursor).
   */
  cursor: string | null;
  hasMore: boolean;
  requestId: string | null;
  /** 0-based position of this page within this walk. */
  index: number;
}

export interface TokenPageFetch<T> {
  items: T[];
  nextPage: string | null;
  /** Absent on endpoints that page by `next_page` alone (sessions). */
  hasMore: boolean | undefined;
  requestId: string | null;
}

/** Opaque page-token walk (`page` -> `next_page`). Short or empty pages are not the end. */
export async function* walkPageTokens<T, X extends object = Record<never, never>>(
  fetchPage: (page: string | undefined) => Promise<TokenPageFetch<T> & X>,
  start: string | undefined,
  vendor: string,
): AsyncGenerator<Page<T> & Omit<X, keyof TokenPageFetch<T>>> {
  let token = start;
  for (let index = 0; ; index++) {
    const got = await fetchPage(token);
    if (got.hasMore === true && got.nextPage === null) throw stuck(vendor, index);
    const more = got.nextPage !== null && got.hasMore !== false;
    if (more && got.nextPage === token) throw stuck(vendor, index);
    const { nextPage: _n, hasMore: _h, ...rest } = got;
    yield { ...rest, cursor: more ? got.nextPage : null, hasMore: more, index } as Page<T> & Omit<X, keyof TokenPageFetch<T>>;
    if (!more) return;
    token = got.nextPage ?? undefined;
  }
}

export interface IdPageFetch<T> {
  items: T[];
  firstId: string | null;
  lastId: string | null;
  hasMore: boolean;
  requestId: string | null;
}

/**
 * Id-cursor walk. `follow: 'last'` continues with `after_id=<last_id>` (chats forward,
 * activities backwards in time, OpenAI `after`); `'first'` with `before_id=<first_id>`
 * (activity cursor catch-up towards newer rows).
 */
export async function* walkIds<T, X extends object = Record<never, never>>(
  fetchPage: (cursor: string | undefined) => Promise<IdPageFetch<T> & X>,
  start: string | undefined,
  follow: 'last' | 'first',
  vendor: string,
): AsyncGenerator<Page<T> & Omit<X, keyof IdPageFetch<T>>> {
  let cursor = start;
  for (let index = 0; ; index++) {
    const got = await fetchPage(cursor);
    const boundary = follow === 'last' ? got.lastId : got.firstId;
    const next = boundary ?? cursor ?? null;
    if (got.hasMore && (boundary === null || boundary === cursor)) throw stuck(vendor, index);
    const { firstId: _f, lastId: _l, hasMore: _h, ...rest } = got;
    yield { ...rest, hasMore: got.hasMore, cursor: next, index } as Page<T> & Omit<X, keyof IdPageFetch<T>>;
    if (!got.hasMore) return;
    cursor = next ?? undefined;
  }
}

function stuck(vendor: string, index: number): SourceError {
  return new SourceError(
    'UPSTREAM',
    `${vendor.charAt(0).toUpperCase()}${vendor.slice(1)} said more results follow page ${index + 1} but gave no new cursor to reach them. The walk stopped so it cannot loop forever; nothing past the last stored page was advanced.`,
    { reason: 'unexpected-shape', vendor },
    { page: index },
  );
}
