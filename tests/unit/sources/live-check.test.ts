import { describe, expect, it } from 'vitest';
import { AnthropicAdminClient } from '../../../electron/core/sources/anthropic-admin';
import { AnthropicComplianceClient } from '../../../electron/core/sources/anthropic-compliance';
import { classifyKey } from '../../../electron/core/sources/keys';
import {
  checkAnthropicAdminKey,
  checkAnthropicComplianceKey,
  checkOpenAIAdminKey,
  NOT_ENTERPRISE,
} from '../../../electron/core/sources/live-check';
import { OpenAIAdminClient } from '../../../electron/core/sources/openai-admin';
import { isSourceError, type SourceError } from '../../../electron/core/sources/source-error';
import { anthropicError, fakeFetch, MISSING_SCOPES, type Handler, type Step } from './helpers/fake-fetch';
import { ADMIN_KEY, COMPLIANCE_KEY, OPENAI_ADMIN_KEY, secretOf } from './helpers/keys';
import { VirtualClock } from './helpers/virtual-clock';

const ORG = 'org_data';
const USER = 'user_data';
const ACT = 'activities';
const scope = (s: string) => `read:compliance_${s}`;

/** A compliance API holding `held` scopes: each endpoint answers 200 or the documented 403. */
function complianceWith(held: string[], orgs = [
  { uuid: '11111111-2345-6789-abcd-ef0123456789', name: 'Acme Parent', created_at: '2025-01-01T00:00:00Z' },
  { uuid: '22222222-2345-6789-abcd-ef0123456789', name: 'Acme Labs', created_at: '2025-06-01T00:00:00Z' },
]): Handler {
  const need = (s: string, ok: Step): Step =>
    held.includes(scope(s)) ? ok : anthropicError(403, 'permission_error', MISSING_SCOPES(held, [scope(s)]));
  return (req) => {
    const p = req.url.pathname;
    if (p === '/v1/compliance/organizations') return need(ORG, { body: { data: orgs, has_more: false, next_page: null }, headers: { 'request-id': 'req_orgs' } });
    if (p.endsWith('/users')) return need(USER, { body: { data: [{ id: 'user_1', full_name: 'A', email: 'a@x.com', organization_role: 'owner', created_at: '2025-01-01T00:00:00Z' }], has_more: true, next_page: 'page_1' } });
    if (p === '/v1/compliance/activities') return need(ACT, { body: { data: [], has_more: false, first_id: null, last_id: null } });
    return anthropicError(404, 'not_found_error', 'no route');
  };
}

function compliance(handler: Handler) {
  const clock = new VirtualClock();
  const fake = fakeFetch(handler, clock);
  const client = new AnthropicComplianceClient({ key: secretOf(COMPLIANCE_KEY), fetch: fake.fetch, clock, retry: { maxAttempts: 2 } });
  return { client, fake };
}

async function refusal(p: Promise<unknown>): Promise<SourceError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  if (!isSourceError(e) && !(e instanceof Error)) throw new Error('expected a refusal');
  return e as SourceError;
}

describe('checkAnthropicComplianceKey', () => {
  it('a fully scoped key: reports orgs, the scopes proven, and a parent label; the key never appears', async () => {
    const { client, fake } = compliance(complianceWith([scope(ORG), scope(USER), scope(ACT)]));
    const r = await checkAnthropicComplianceKey(client, { classified: classifyKey(COMPLIANCE_KEY) });
    expect(r.orgs.map((o) => o.name)).toEqual(['Acme Parent', 'Acme Labs']);
    expect(r.scopesFound).toEqual([scope(ORG), scope(USER), scope(ACT)]);
    expect(r.scopesMissing).toEqual([]);
    expect(r.parentOrgLabel).toBe('Acme Parent (+1 linked organisation)');
    expect(r.keyHint).toBe('sk-ant-api01-…Wx9z');
    expect(JSON.stringify(r)).not.toContain(COMPLIANCE_KEY);
    const users = fake.calls.find((c) => c.url.pathname.endsWith('/users'))!;
    expect(users.url.pathname).toBe('/v1/compliance/organizations/11111111-2345-6789-abcd-ef0123456789/users');
    expect(users.url.searchParams.get('limit')).toBe('1');
    expect(fake.calls.filter((c) => c.url.pathname.endsWith('/users'))).toHaveLength(1);
    expect(r.requestIds).toContain('req_orgs');
  });

  it('a key without the Activity Feed scope passes, and says so', async () => {
    const { client } = compliance(complianceWith([scope(ORG), scope(USER)]));
    const r = await checkAnthropicComplianceKey(client);
    expect(r.scopesFound).toEqual([scope(ORG), scope(USER)]);
    expect(r.scopesMissing).toEqual([scope(ACT)]);
  });

  it('a half-scoped key (org data only) is refused naming read:compliance_user_data', async () => {
    const { client } = compliance(complianceWith([scope(ORG), scope(ACT)]));
    const e = await refusal(checkAnthropicComplianceKey(client));
    expect(e.code).toBe('KEY_REJECTED');
    expect(e.message).toContain('missing the scope read:compliance_user_data');
    expect(e.message).not.toContain('missing the scopes');
    expect(e.details.scopes?.missing).toEqual([scope(USER)]);
  });

  it('a half-scoped key (user data only) is refused naming read:compliance_org_data', async () => {
    const { client, fake } = compliance(complianceWith([scope(USER)]));
    const e = await refusal(checkAnthropicComplianceKey(client));
    expect(e.code).toBe('KEY_REJECTED');
    expect(e.message).toContain('missing the scope read:compliance_org_data');
    expect(e.message).toContain('It holds read:compliance_user_data');
    expect(fake.calls).toHaveLength(1);
  });

  it('a feed-only key is refused naming both missing scopes', async () => {
    const { client } = compliance(complianceWith([scope(ACT)]));
    const e = await refusal(checkAnthropicComplianceKey(client));
    expect(e.message).toContain('missing the scopes read:compliance_org_data and read:compliance_user_data');
  });

  it('a non-Enterprise organisation (403 with Got: []) is told the Compliance API is Enterprise-only', async () => {
    const { client } = compliance(complianceWith([]));
    const e = await refusal(checkAnthropicComplianceKey(client));
    expect(e.code).toBe('KEY_REJECTED');
    expect(e.message.startsWith(NOT_ENTERPRISE)).toBe(true);
  });

  it('a revoked key (401) is KEY_REJECTED: revoked or invalid, reconnect, and the Enterprise note', async () => {
    const { client, fake } = compliance(() => anthropicError(401, 'authentication_error', 'The API key provided is invalid or has been revoked.'));
    const e = await refusal(checkAnthropicComplianceKey(client));
    expect(e.code).toBe('KEY_REJECTED');
    expect(e.message).toContain('revoked or is invalid');
    expect(e.message).toContain('Reconnect');
    expect(e.message).toContain('only available to Enterprise organisations');
    expect(e.message).not.toContain(COMPLIANCE_KEY);
    expect(fake.calls).toHaveLength(1);
  });

  it('a key seeing no organisation is refused', async () => {
    const { client } = compliance(complianceWith([scope(ORG), scope(USER)], []));
    await expect(checkAnthropicComplianceKey(client)).rejects.toMatchObject({ code: 'KEY_REJECTED', message: expect.stringContaining('sees no organisation') });
  });

  it('a key in the wrong slot is refused before any request', async () => {
    const { client, fake } = compliance(complianceWith([scope(ORG), scope(USER)]));
    await expect(checkAnthropicComplianceKey(client, { classified: classifyKey(ADMIN_KEY) })).rejects.toMatchObject({
      code: 'KEY_REJECTED',
      message: expect.stringContaining('It belongs in the Admin key slot'),
    });
    expect(fake.calls).toHaveLength(0);
  });

  it('an outage is UPSTREAM, not blamed on the key', async () => {
    const { client } = compliance(() => anthropicError(503, 'overloaded_error', 'Overloaded'));
    await expect(checkAnthropicComplianceKey(client)).rejects.toMatchObject({ code: 'UPSTREAM' });
  });
});

describe('checkAnthropicAdminKey', () => {
  function admin(handler: Handler) {
    const clock = new VirtualClock();
    const fake = fakeFetch(handler, clock);
    return { client: new AnthropicAdminClient({ key: secretOf(ADMIN_KEY), fetch: fake.fetch, clock, retry: { maxAttempts: 1 } }), fake };
  }
  const now = Date.parse('2026-11-23T10:00:00Z');

  it('reports the organisation and a readable one-bucket usage report', async () => {
    const { client, fake } = admin((req) =>
      req.url.pathname.endsWith('/me')
        ? { body: { id: '12345678-1234-5678-1234-567812345678', type: 'organization', name: 'Acme Console' } }
        : { body: { data: [{ starting_at: '2026-11-22T00:00:00Z', ending_at: '2026-11-23T00:00:00Z', results: [] }], has_more: true, next_page: 'p2' } },
    );
    const r = await checkAnthropicAdminKey(client, { nowMs: now, classified: classifyKey(ADMIN_KEY) });
    expect(r).toMatchObject({ org: { id: '12345678-1234-5678-1234-567812345678', name: 'Acme Console' }, usageReportReadable: true, keyHint: 'sk-ant-admin01-…Qr7t' });
    const usage = fake.calls[1]!.url;
    expect(usage.pathname).toBe('/v1/organizations/usage_report/messages');
    expect(usage.searchParams.get('limit')).toBe('1');
    expect(usage.searchParams.get('bucket_width')).toBe('1d');
    expect(usage.searchParams.get('starting_at')).toBe('2026-11-22T00:00:00Z');
    expect(fake.calls).toHaveLength(2);
  });

  it('a revoked Admin key is KEY_REJECTED', async () => {
    const { client } = admin(() => anthropicError(401, 'authentication_error', 'invalid x-api-key'));
    await expect(checkAnthropicAdminKey(client, { nowMs: now })).rejects.toMatchObject({ code: 'KEY_REJECTED', message: expect.stringContaining('Reconnect the Admin key') });
  });

  it('a key that cannot read usage (an Enterprise scoped key) is refused with the reason', async () => {
    const { client } = admin((req) =>
      req.url.pathname.endsWith('/me') ? { body: { id: 'uuid-1', type: 'organization', name: 'Ent' } } : anthropicError(403, 'permission_error', MISSING_SCOPES(['read:members'], ['org:admin'])),
    );
    const e = await refusal(checkAnthropicAdminKey(client, { nowMs: now }));
    expect(e.code).toBe('KEY_REJECTED');
    expect(e.message).toContain('cannot read its usage report');
  });
});

describe('checkOpenAIAdminKey', () => {
  function openai(handler: Handler) {
    const clock = new VirtualClock();
    const fake = fakeFetch(handler, clock);
    return { client: new OpenAIAdminClient({ key: secretOf(OPENAI_ADMIN_KEY), fetch: fake.fetch, clock, retry: { maxAttempts: 1 } }), fake };
  }
  const costs: Step = { body: { object: 'page', data: [], has_more: false, next_page: null } };

  it('reads one audit event and one day of costs', async () => {
    const { client, fake } = openai((req) =>
      req.url.pathname.endsWith('/audit_logs')
        ? { body: { object: 'list', data: [{ id: 'audit_log-1', type: 'login.succeeded', effective_at: 1720804190, project: { id: 'proj_abc', name: 'Default project' }, actor: null }], first_id: 'audit_log-1', last_id: 'audit_log-1', has_more: true } }
        : costs,
    );
    const r = await checkOpenAIAdminKey(client, { nowMs: 1_730_000_000_000 });
    expect(r).toMatchObject({ costsReadable: true, auditLogsReadable: true, latestAuditEvent: { type: 'login.succeeded', effectiveAt: 1720804190 }, projectSeen: { id: 'proj_abc' } });
    expect(fake.calls[0]!.url.searchParams.get('limit')).toBe('1');
    expect(fake.calls[1]!.url.searchParams.get('start_time')).toBe(String(1_730_000_000 - 86_400));
    expect(fake.calls).toHaveLength(2);
  });

  it('an empty audit log passes with a note about enabling audit logging', async () => {
    const { client } = openai((req) => (req.url.pathname.endsWith('/audit_logs') ? { body: { object: 'list', data: [], first_id: null, last_id: null, has_more: false } } : costs));
    const r = await checkOpenAIAdminKey(client);
    expect(r.auditLogsNote).toContain('enable audit logging');
  });

  it('a revoked or non-admin key (401) is KEY_REJECTED', async () => {
    const { client } = openai(() => ({ status: 401, body: { error: { message: 'Incorrect API key provided', type: 'invalid_request_error', param: null, code: 'invalid_api_key' } } }));
    await expect(checkOpenAIAdminKey(client)).rejects.toMatchObject({ code: 'KEY_REJECTED' });
  });

  it('a project key is refused before any request', async () => {
    const { client, fake } = openai(() => costs);
    await expect(checkOpenAIAdminKey(client, { classified: classifyKey('sk-proj-abcdefghijklmnopqrstuvwxyz') })).rejects.toMatchObject({ code: 'KEY_REJECTED' });
    expect(fake.calls).toHaveLength(0);
  });
});
