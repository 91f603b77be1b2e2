import { fromArray, keysetPage, type CursorPosition } from '../../http/pagination';
import { limitParam, type Query } from '../../http/query';
import { InputError } from '../../http/reply';

/**
 * OpenAI list paging: `after` (and on audit logs `before`) are object ids, `limit` 1–100
 * (default 20), envelope `{object:"list", data, first_id, last_id, has_more}`.
 * `items` are in presentation order already. An unknown cursor id is a 400 [inferred, stricter].
 */
export function openaiList<T>(q: Query, items: readonly T[], id: (item: T) => string, filter?: (item: T) => boolean, allowBefore = false): { object: 'list'; data: T[]; first_id: string | null; last_id: string | null; has_more: boolean } {
  const limit = limitParam(q, { max: 100, def: 20 });
  const after = q.get('after');
  const before = allowBefore ? q.get('before') : undefined;
  if (after !== undefined && before !== undefined) throw new InputError("Only one of 'after' or 'before' may be provided.", 'after');
  let cursor: CursorPosition<{ item: T; i: number }> | undefined;
  const ref = after ?? before;
  if (ref !== undefined) {
    const pos = items.findIndex((x) => id(x) === ref);
    const param = after !== undefined ? 'after' : 'before';
    if (pos < 0) throw new InputError(`Invalid '${param}': no object with id '${ref}'.`, param);
    // positions index the presentation order, which keysetPage treats as ascending
    cursor = { dir: after !== undefined ? ('after' as const) : ('before' as const), isBefore: (x) => x.i < pos, isAt: (x) => x.i === pos };
  }
  const indexed = items.map((item, i) => ({ item, i }));
  const page = keysetPage(fromArray(indexed), { order: 'asc', limit, filter: filter ? (x) => filter(x.item) : undefined, cursor });
  const data = page.items.map((x) => x.item);
  const first = data[0];
  const last = data[data.length - 1];
  return { object: 'list', data, first_id: first ? id(first) : null, last_id: last ? id(last) : null, has_more: page.hasMore };
}
