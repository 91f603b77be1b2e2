import { describe, expect, it } from 'vitest';
import { calls } from '../../../../shared/api/contract';
import { activeFilterCount, dateRangeProblem, EMPTY_QUERY, nextSort, parseScoped, queryKey, scopedValue, toChatsRequest } from '../../../../renderer/review/content/chatQuery';

const parse = (req: unknown) => calls['content.chats'].request.safeParse(req);

describe('the chat table query becomes a content.chats request', () => {
  it('with no filter, asks for a page in the default order, and the contract accepts it', () => {
    const req = toChatsRequest(EMPTY_QUERY, 200, 100);
    expect(req).toEqual({ sort: { by: 'updatedAt', dir: 'desc' }, offset: 200, limit: 100 });
    expect(parse(req).success).toBe(true);
  });

  it('given every filter, sends each one and pins the tenant of the chosen organisation', () => {
    const req = toChatsRequest(
      { ...EMPTY_QUERY, org: { tenantId: 't1', id: 'org-a' }, user: { tenantId: 't1', id: 'u-9' }, model: 'claude-opus-4', dateField: 'created', from: '2026-03-01', to: '2026-03-31', flag: 'softDeleted', title: '  invoice ' },
      0,
      100,
    );
    expect(req).toMatchObject({ tenantId: 't1', orgIds: ['org-a'], userIds: ['u-9'], models: ['claude-opus-4'], created: { from: '2026-03-01', to: '2026-03-31' }, flags: { softDeleted: true }, title: 'invoice' });
    expect(req.updated).toBeUndefined();
    expect(parse(req).success).toBe(true);
  });

  it('an open-ended range sends only its end, on the updated date by default', () => {
    expect(toChatsRequest({ ...EMPTY_QUERY, to: '2026-01-31' }, 0, 10).updated).toEqual({ to: '2026-01-31' });
  });

  it('a backwards date range is not sent, and the filter bar is told why', () => {
    const q = { ...EMPTY_QUERY, from: '2026-04-01', to: '2026-03-01' };
    expect(dateRangeProblem(q)).toMatch(/after the end/);
    expect(toChatsRequest(q, 0, 10).updated).toBeUndefined();
    expect(dateRangeProblem({ from: '2026-03-01', to: '2026-03-01' })).toBeNull();
  });

  it('the query key changes with filters and sort but not with the page asked for', () => {
    expect(queryKey(EMPTY_QUERY)).toBe(queryKey({ ...EMPTY_QUERY }));
    expect(queryKey({ ...EMPTY_QUERY, model: 'x' })).not.toBe(queryKey(EMPTY_QUERY));
    expect(queryKey({ ...EMPTY_QUERY, sort: { by: 'messages', dir: 'desc' } })).not.toBe(queryKey(EMPTY_QUERY));
  });

  it('counts active filters (the sort is not one)', () => {
    expect(activeFilterCount(EMPTY_QUERY)).toBe(0);
    expect(activeFilterCount({ ...EMPTY_QUERY, from: '2026-01-01', to: '2026-02-01', flag: 'deleted', sort: { by: 'title', dir: 'asc' } })).toBe(2);
  });
});

describe('sorting by a column header', () => {
  it('a new column starts newest or A-Z first; the same column flips', () => {
    expect(nextSort({ by: 'updatedAt', dir: 'desc' }, 'createdAt')).toEqual({ by: 'createdAt', dir: 'desc' });
    expect(nextSort({ by: 'updatedAt', dir: 'desc' }, 'user')).toEqual({ by: 'user', dir: 'asc' });
    expect(nextSort({ by: 'user', dir: 'asc' }, 'user')).toEqual({ by: 'user', dir: 'desc' });
  });
});

describe('facet choices in a <select>', () => {
  it('round-trip ids with any character, and nothing for the empty choice', () => {
    const s = { tenantId: 't"1', id: 'a,b]' };
    expect(parseScoped(scopedValue(s))).toEqual(s);
    expect(parseScoped('')).toBeNull();
    expect(parseScoped('not json')).toBeNull();
  });
});
