import { describe, expect, it } from 'vitest';
import { SearchRequest } from '../../../../shared/api/review-schemas';
import { termsLabel } from '../../../../renderer/review/search/querySyntax';
import { activeFilterCount, filterProblem, hitPath, NO_FILTERS, PAGE_SIZE, resultCountLabel, searchRequest, splitScoped } from '../../../../renderer/review/search/searchQuery';
import { isTypingTarget } from '../../../../renderer/review/search/useSlashFocus';

describe('search request from the form', () => {
  it('given only a query, asks for the first page with the chosen order and nothing else', () => {
    const req = searchRequest('  invoice refund ', NO_FILTERS);
    expect(req).toEqual({ query: 'invoice refund', sort: 'relevance', offset: 0, limit: PAGE_SIZE });
    expect(SearchRequest.safeParse(req).success).toBe(true);
  });

  it('given an organisation and a user of the same tenant, pins the tenant and sends both ids', () => {
    const req = searchRequest('x', { ...NO_FILTERS, org: 't_1/org-a', user: 't_1/user_9', role: 'assistant', sort: 'newest' }, 50);
    expect(req).toMatchObject({ tenantId: 't_1', orgIds: ['org-a'], userIds: ['user_9'], roles: ['assistant'], sort: 'newest', offset: 50 });
    expect(SearchRequest.safeParse(req).success).toBe(true);
  });

  it('given a user of another tenant than the organisation, the user is left out rather than asking for an impossible match', () => {
    const req = searchRequest('x', { ...NO_FILTERS, org: 't_1/org-a', user: 't_2/user_9' });
    expect(req.tenantId).toBe('t_1');
    expect(req.userIds).toBeUndefined();
  });

  it('sends only complete days, and says when the range runs backwards', () => {
    expect(searchRequest('x', { ...NO_FILTERS, from: '2026-03-01', to: '' }).created).toEqual({ from: '2026-03-01' });
    expect(searchRequest('x', { ...NO_FILTERS, from: '2026-03', to: '2026-04-01' }).created).toEqual({ to: '2026-04-01' });
    expect(searchRequest('x', NO_FILTERS).created).toBeUndefined();
    expect(filterProblem({ ...NO_FILTERS, from: '2026-04-02', to: '2026-04-01' })).toMatch(/after/);
    expect(filterProblem({ ...NO_FILTERS, from: '2026-04-01', to: '2026-04-01' })).toBeNull();
    expect(activeFilterCount({ ...NO_FILTERS, org: 't/o', from: '2026-04-01', sort: 'oldest' })).toBe(2);
  });

  it('splits scoped ids only where both halves exist', () => {
    expect(splitScoped('t_1/org')).toEqual({ tenantId: 't_1', id: 'org' });
    expect(splitScoped('')).toBeNull();
    expect(splitScoped('/org')).toBeNull();
    expect(splitScoped('t_1/')).toBeNull();
  });
});

describe('what the results header says', () => {
  it('counts, with "showing" while more pages remain', () => {
    expect(resultCountLabel(0, 0)).toBe('No messages match');
    expect(resultCountLabel(1, 1)).toBe('1 message');
    expect(resultCountLabel(25, 1200)).toBe('Showing 25 of 1,200 messages');
    expect(resultCountLabel(12, 12)).toBe('12 messages');
  });

  it('shows how the query was read: phrases quoted, prefixes with their star', () => {
    expect(termsLabel([{ kind: 'word', text: 'invoice' }, { kind: 'phrase', text: 'wire transfer' }, { kind: 'prefix', text: 'contract*' }])).toBe('invoice · "wire transfer" · contract*');
  });

  it('links a hit to its transcript with the message id as the third segment', () => {
    expect(hitPath({ tenantId: 't', chatId: 'c', messageId: 'm' })).toEqual(['t', 'c', 'm']);
  });
});

describe('the / shortcut', () => {
  it('is left alone while the user types in a field', () => {
    expect(isTypingTarget({ tagName: 'INPUT' })).toBe(true);
    expect(isTypingTarget({ tagName: 'textarea' })).toBe(true);
    expect(isTypingTarget({ tagName: 'SELECT' })).toBe(true);
    expect(isTypingTarget({ tagName: 'DIV', isContentEditable: true })).toBe(true);
    expect(isTypingTarget({ tagName: 'BUTTON' })).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});
