import { describe, expect, it } from 'vitest';
import { decodePageToken, encodePageToken, fromArray, keysetPage, tokenPage, type CursorPosition } from '../../../electron/core/sim/http/pagination';
import { InputError } from '../../../electron/core/sim/http/reply';

const items = Array.from({ length: 37 }, (_, i) => ({ t: Math.floor(i / 3), id: `id${String(i).padStart(2, '0')}` })); // ties on t
type Item = (typeof items)[number];
const at = (x: Item): CursorPosition<Item> => ({ dir: 'after', isBefore: (y) => y.t < x.t || (y.t === x.t && y.id < x.id), isAt: (y) => y.id === x.id });
const before = (x: Item): CursorPosition<Item> => ({ ...at(x), dir: 'before' });

function walk(order: 'asc' | 'desc', dir: 'after' | 'before', limit: number, filter?: (x: Item) => boolean): Item[] {
  const out: Item[] = [];
  let cursor: CursorPosition<Item> | undefined;
  if (dir === 'before') {
    // start from the far end: the last page in presentation order
    const all = keysetPage(fromArray(items), { order, limit: 1000, filter });
    const last = all.items[all.items.length - 1];
    if (!last) return out;
    out.push(last);
    cursor = before(last);
  }
  for (let guard = 0; guard < 100; guard++) {
    const page = keysetPage(fromArray(items), { order, limit, filter, cursor });
    if (dir === 'after') out.push(...page.items);
    else out.unshift(...page.items);
    if (!page.hasMore) break;
    const edge = dir === 'after' ? page.items[page.items.length - 1] : page.items[0];
    if (!edge) break;
    cursor = dir === 'after' ? at(edge) : before(edge);
  }
  return out;
}

describe('keyset paging', () => {
  const asc = [...items];
  const desc = [...items].reverse();

  it.each([1, 2, 5, 36, 37, 100])('walking forward with limit %i returns every item exactly once, in order, both orders', (limit) => {
    expect(walk('asc', 'after', limit)).toEqual(asc);
    expect(walk('desc', 'after', limit)).toEqual(desc);
  });

  it.each([1, 4, 37])('walking backward (before=<first_id>) with limit %i also returns every item exactly once', (limit) => {
    expect(walk('asc', 'before', limit)).toEqual(asc);
    expect(walk('desc', 'before', limit)).toEqual(desc);
  });

  it('a filter keeps pages full while more matching items exist', () => {
    const odd = (x: Item): boolean => Number(x.id.slice(2)) % 2 === 1;
    const page = keysetPage(fromArray(items), { order: 'asc', limit: 5, filter: odd });
    expect(page.items.map((x) => x.id)).toEqual(['id01', 'id03', 'id05', 'id07', 'id09']);
    expect(page.hasMore).toBe(true);
    expect(walk('desc', 'after', 4, odd)).toEqual(desc.filter(odd));
  });

  it('before returns the page adjacent to the cursor, presented in list order', () => {
    const cursorItem = items[20] as Item;
    const page = keysetPage(fromArray(items), { order: 'asc', limit: 3, cursor: before(cursorItem) });
    expect(page.items.map((x) => x.id)).toEqual(['id17', 'id18', 'id19']);
    expect(page.hasMore).toBe(true);
  });

  it('an empty list gives no items and no more', () => {
    expect(keysetPage(fromArray([] as Item[]), { order: 'desc', limit: 10 })).toEqual({ items: [], hasMore: false });
  });
});

describe('page tokens', () => {
  it('walk a list in pages and return every item once', () => {
    const seen: Item[] = [];
    let page: string | undefined;
    for (;;) {
      const r = tokenPage(items, (x) => x, { scope: 'users:o', owner: 'p', limit: 4, page });
      seen.push(...r.data);
      if (!r.has_more) {
        expect(r.next_page).toBeNull();
        break;
      }
      expect(r.next_page).toMatch(/^page_/);
      page = r.next_page ?? undefined;
    }
    expect(seen).toEqual(items);
  });

  it('refuse tokens made for another list or another parent org, and garbage', () => {
    const tok = encodePageToken({ scope: 'users:o', owner: 'p', t: 1, id: 'x' });
    expect(decodePageToken(tok, 'users:o', 'p')).toMatchObject({ t: 1, id: 'x' });
    expect(() => decodePageToken(tok, 'roles:o', 'p')).toThrow(InputError);
    expect(() => decodePageToken(tok, 'users:o', 'other-parent')).toThrow(InputError);
    expect(() => decodePageToken('page_!!!', 'users:o', 'p')).toThrow(InputError);
    expect(() => decodePageToken('nonsense', 'users:o', 'p')).toThrow(InputError);
  });
});
