import { describe, expect, it } from 'vitest';
import { EMPTY_DRAFT, type ExportDraft } from '../../../../renderer/evidence/exports/exportDraft';
import { custodianChoices, describeDraftScope, refFromKey, refKey, userLabel, type Facets } from '../../../../renderer/evidence/exports/scopeSummary';

const facets: Facets = {
  tenants: [
    { id: 't1', name: 'Acme', shredded: false },
    { id: 't2', name: 'Beta', shredded: false },
  ],
  orgs: [
    { tenantId: 't1', id: 'o1', name: 'Acme Legal', chats: 5 },
    { tenantId: 't2', id: 'o1', name: 'Beta Org', chats: 2 },
  ],
  users: [
    { tenantId: 't1', id: 'u1', name: 'Ann Lee', email: '[EMAIL]', chats: 2 },
    { tenantId: 't1', id: 'u2', name: null, email: 'bo@example.com', chats: 7 },
    { tenantId: 't2', id: 'u1', name: 'Cy', email: null, chats: 1 },
  ],
  projects: [],
  models: [],
  roles: [],
};
const d = (patch: Partial<ExportDraft>): ExportDraft => ({ ...EMPTY_DRAFT, ...patch });

describe('scope pickers', () => {
  it('an option value carries tenant and id, since ids repeat across connections', () => {
    expect(refFromKey(refKey({ tenantId: 't2', id: 'o1' }))).toEqual({ tenantId: 't2', id: 'o1' });
    expect(refFromKey('')).toBeNull();
    expect(refFromKey('not json')).toBeNull();
    expect(refFromKey('[1,2]')).toBeNull();
  });

  it('a masked address is left out of a user label; an unmasked one is shown', () => {
    expect(userLabel(facets.users[0]!)).toBe('Ann Lee');
    expect(userLabel(facets.users[1]!)).toBe('bo@example.com');
    expect(userLabel({ id: 'u7', name: null, email: null })).toBe('u7');
  });

  it('custodians are those of the chosen organisation connection, most chats first', () => {
    expect(custodianChoices(facets, null).map((u) => `${u.tenantId}/${u.id}`)).toEqual(['t1/u2', 't1/u1', 't2/u1']);
    expect(custodianChoices(facets, { tenantId: 't2', id: 'o1' }).map((u) => u.id)).toEqual(['u1']);
  });
});

describe('the scope as one sentence', () => {
  it('no filter: every captured chat', () => {
    expect(describeDraftScope(d({}), facets)).toBe('Every captured chat.');
  });

  it('names the organisation and custodian from the facets, then the search and the days kept', () => {
    const s = describeDraftScope(d({ org: { tenantId: 't1', id: 'o1' }, user: { tenantId: 't1', id: 'u1' }, query: 'wire', from: '2026-03-01', to: '2026-03-31' }), facets);
    expect(s).toBe('The chats in organisation Acme Legal of custodian Ann Lee with a message matching "wire"; only messages from 2026-03-01 to 2026-03-31 (UTC days).');
  });

  it('a selection is counted and named; filters then narrow it', () => {
    const chats = [
      { tenantId: 't1', chatId: 'c1' },
      { tenantId: 't1', chatId: 'c2' },
    ];
    expect(describeDraftScope(d({ selection: { name: 'Hot', chats } }), facets)).toBe('The 2 selected chats of "Hot".');
    expect(describeDraftScope(d({ selection: { name: null, chats }, user: { tenantId: 't1', id: 'u2' } }), null)).toBe('The 2 selected chats, those of custodian u2.');
  });
});
