import { fromArray, keysetPage } from '../../http/pagination';
import { limitParam, type Query } from '../../http/query';
import { InputError } from '../../http/reply';

/**
 * Admin API id-cursor lists: `after_id=<last_id>` / `before_id=<first_id>` are plain object
 * ids, `limit` 1–1000 (default 20), response `{data, has_more, first_id, last_id}`.
 * `items` must be ascending by (time, id); `order` is the presentation order.
 */
export function idCursorList<T>(q: Query, items: readonly T[], key: (item: T) => { t: number; id: string }, order: 'asc' | 'desc', filter?: (item: T) => boolean): { data: T[]; has_more: boolean; first_id: string | null; last_id: string | null } {
  const limit = limitParam(q, { max: 1000, def: 20 });
  const after = q.get('after_id');
  const before = q.get('before_id');
  if (after !== undefined && before !== undefined) throw new InputError('Only one of `after_id` or `before_id` may be provided.', 'after_id');
  let cursor;
  const ref = after ?? before;
  if (ref !== undefined) {
    const param = after !== undefined ? 'after_id' : 'before_id';
    const anchor = items.find((x) => key(x).id === ref);
    if (!anchor) throw new InputError(`Invalid \`${param}\`: no object with id "${ref}" in this list.`, param);
    const a = key(anchor);
    cursor = {
      dir: after !== undefined ? ('after' as const) : ('before' as const),
      isBefore: (x: T) => key(x).t < a.t || (key(x).t === a.t && key(x).id < a.id),
      isAt: (x: T) => key(x).id === a.id,
    };
  }
  const page = keysetPage(fromArray(items), { order, limit, filter, cursor });
  const first = page.items[0];
  const last = page.items[page.items.length - 1];
  return { data: page.items, has_more: page.hasMore, first_id: first ? key(first).id : null, last_id: last ? key(last).id : null };
}

export function sortAsc<T>(items: readonly T[], key: (item: T) => { t: number; id: string }): T[] {
  return [...items].sort((a, b) => key(a).t - key(b).t || (key(a).id < key(b).id ? -1 : key(a).id > key(b).id ? 1 : 0));
}
