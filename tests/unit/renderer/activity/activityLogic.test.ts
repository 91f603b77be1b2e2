import { describe, expect, it } from 'vitest';
import { activityHref, parseActivityView } from '../../../../renderer/review/activity/activityRoutes';
import { describeRange, rangeFor } from '../../../../renderer/review/activity/dateRange';
import { activeFilterCount, feedRequest, NO_FEED_FILTERS, pageSummary } from '../../../../renderer/review/activity/feedFilters';
import { keysOf, type ActivityRow } from '../../../../renderer/review/activity/keyIds';

function row(over: Partial<ActivityRow>): ActivityRow {
  return {
    source: 'anthropic',
    tenantId: 't_1',
    id: 'activity_1',
    type: 'claude_chat_created',
    at: '2026-03-01T10:00:00Z',
    actor: { type: 'user_actor', id: 'user_1', email: '[EMAIL]', apiKeyId: null },
    orgId: null,
    projectId: null,
    recordSeq: 7,
    body: {},
    ...over,
  };
}

describe('views inside Usage & Activity', () => {
  it('reads the hash segments after #/activity', () => {
    expect(parseActivityView([])).toEqual({ view: 'usage' });
    expect(parseActivityView(['feed'])).toEqual({ view: 'feed' });
    expect(parseActivityView(['key', 'apikey_01abc'])).toEqual({ view: 'key', keyId: 'apikey_01abc' });
    expect(parseActivityView(['key'])).toEqual({ view: 'usage' });
    expect(parseActivityView(['key', '  '])).toEqual({ view: 'usage' });
    expect(parseActivityView(['nonsense'])).toEqual({ view: 'usage' });
  });

  it('builds links that parse back to the same view, whatever the key id holds', () => {
    expect(activityHref({ view: 'feed' })).toBe('#/activity/feed');
    expect(activityHref({ view: 'key', keyId: 'key/with space' })).toBe('#/activity/key/key%2Fwith%20space');
  });
});

describe('key ids an event names', () => {
  it('takes the acting key from the actor and the subject key from the vendor body', () => {
    const created = row({
      type: 'platform_api_key_created',
      actor: { type: 'admin_api_key_actor', id: 'apikey_admin', email: null, apiKeyId: 'apikey_admin' },
      body: { api_key_id: 'apikey_new' },
    });
    expect(keysOf(created)).toEqual({ actor: 'apikey_admin', subject: 'apikey_new' });
    const openai = row({ source: 'openai', type: 'api_key.deleted', body: { 'api_key.deleted': { id: 'key_abc' } } });
    expect(keysOf(openai)).toEqual({ actor: null, subject: 'key_abc' });
  });

  it('names no subject for events that are not about a key, nor the actor twice', () => {
    expect(keysOf(row({ source: 'openai', type: 'login.succeeded', body: { 'login.succeeded': { id: 'x' } } }))).toEqual({ actor: null, subject: null });
    const self = row({ actor: { type: 'api_key', id: 'k', email: null, apiKeyId: 'k' }, body: { api_key_id: 'k' } });
    expect(keysOf(self)).toEqual({ actor: 'k', subject: null });
  });
});

describe('the usage period', () => {
  const today = '2026-11-23';
  it('counts presets back from today, both ends inclusive', () => {
    expect(rangeFor({ preset: 'all', from: '', to: '' }, today)).toEqual({ ok: true, range: undefined });
    expect(rangeFor({ preset: '7d', from: '', to: '' }, today)).toEqual({ ok: true, range: { from: '2026-11-17', to: today } });
    expect(rangeFor({ preset: '30d', from: '', to: '' }, today)).toEqual({ ok: true, range: { from: '2026-10-25', to: today } });
  });

  it('takes custom dates, open at either end, and says what is wrong with a bad pair', () => {
    expect(rangeFor({ preset: 'custom', from: '2026-03-01', to: '' }, today)).toEqual({ ok: true, range: { from: '2026-03-01' } });
    const swapped = rangeFor({ preset: 'custom', from: '2026-04-01', to: '2026-03-01' }, today);
    expect(swapped).toMatchObject({ ok: false, field: 'from' });
    expect(!swapped.ok && swapped.message).toMatch(/after the end/);
    expect(describeRange({ from: '2026-03-01', to: '2026-03-31' })).toBe('2026-03-01 to 2026-03-31');
    expect(describeRange(undefined)).toBe('everything captured');
  });
});

describe('the feed request', () => {
  it('sends only the filters that were filled in', () => {
    expect(feedRequest(NO_FEED_FILTERS, 0, null)).toEqual({ ok: true, request: { offset: 0, limit: 50 } });
    const r = feedRequest({ ...NO_FEED_FILTERS, source: 'openai', type: ' api_key.created ', apiKeyId: 'key_1', orgId: 'org-9', from: '2026-03-01' }, 50, 't_1');
    expect(r).toEqual({
      ok: true,
      request: { offset: 50, limit: 50, tenantId: 't_1', sources: ['openai'], types: ['api_key.created'], apiKeyId: 'key_1', orgId: 'org-9', range: { from: '2026-03-01' } },
    });
  });

  it('reads an actor with an @ as an email, anything else as an id', () => {
    const byEmail = feedRequest({ ...NO_FEED_FILTERS, actor: 'Ana@Example.com' }, 0, null);
    expect(byEmail.ok && byEmail.request).toMatchObject({ actorEmail: 'Ana@Example.com' });
    expect(byEmail.ok && byEmail.request.actorId).toBeUndefined();
    const byId = feedRequest({ ...NO_FEED_FILTERS, actor: 'user_01abc' }, 0, null);
    expect(byId.ok && byId.request).toMatchObject({ actorId: 'user_01abc' });
  });

  it('refuses dates in the wrong order before asking the service', () => {
    expect(feedRequest({ ...NO_FEED_FILTERS, from: '2026-05-01', to: '2026-04-01' }, 0, null)).toMatchObject({ ok: false, field: 'from' });
  });

  it('counts active filters and summarises a page', () => {
    expect(activeFilterCount({ ...NO_FEED_FILTERS, type: 'x', actor: '  ' })).toBe(1);
    expect(pageSummary(50, 50, 273)).toBe('Showing 51–100 of 273');
    expect(pageSummary(0, 0, 0)).toBe('No events');
  });
});
