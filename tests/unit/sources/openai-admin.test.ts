import { describe, expect, it } from 'vitest';
import { OpenAIAdminClient } from '../../../electron/core/sources/openai-admin';
import { fakeFetch, type Handler } from './helpers/fake-fetch';
import { OPENAI_ADMIN_KEY, secretOf } from './helpers/keys';
import { VirtualClock } from './helpers/virtual-clock';

function setup(handler: Handler) {
  const clock = new VirtualClock();
  const fake = fakeFetch(handler, clock);
  const client = new OpenAIAdminClient({ key: secretOf(OPENAI_ADMIN_KEY), fetch: fake.fetch, clock, retry: { maxAttempts: 2 } });
  return { client, fake };
}

const auditEvent = (n: number) => ({
  id: `audit_log-${n}`,
  type: 'api_key.updated',
  effective_at: 1720804190 - n,
  project: { id: 'proj_abc', name: 'Project example' },
  actor: { type: 'session', session: { user: { id: 'user-xxx', email: 'user@example.com' }, ip_address: '127.0.0.1' } },
  'api_key.updated': { id: 'key_xxxx', changes_requested: { scopes: ['resource_2.operation_2'] } },
});

describe('OpenAIAdminClient', () => {
  it('sends Bearer auth and no Anthropic headers', async () => {
    const { client, fake } = setup(() => ({ body: { object: 'list', data: [], first_id: null, last_id: null, has_more: false } }));
    for await (const _ of client.walkAuditLogs()) break;
    expect(fake.calls[0]!.headers.authorization).toBe(`Bearer ${OPENAI_ADMIN_KEY}`);
    expect(fake.calls[0]!.headers['x-api-key']).toBeUndefined();
    expect(fake.calls[0]!.url.origin).toBe('https://api.openai.com');
  });

  it('walks audit logs with after=<last_id>, limit capped at 100, effective_at filters; payload under its type key survives', async () => {
    const events = Array.from({ length: 5 }, (_, i) => auditEvent(i));
    const { client, fake } = setup((req) => {
      const after = req.url.searchParams.get('after');
      const start = after ? events.findIndex((e) => e.id === after) + 1 : 0;
      const slice = events.slice(start, start + 2);
      return { body: { object: 'list', data: slice, first_id: slice[0]?.id ?? null, last_id: slice.at(-1)?.id ?? null, has_more: start + 2 < events.length } };
    });
    const pages = [];
    for await (const p of client.walkAuditLogs({ limit: 500, effectiveAt: { gte: 1720000000, lt: 1730000000 }, eventTypes: ['api_key.updated'] })) pages.push(p);
    expect(pages.flatMap((p) => p.items.map((e) => e.id))).toEqual(events.map((e) => e.id));
    expect(pages.map((p) => p.cursor)).toEqual(['audit_log-1', 'audit_log-3', 'audit_log-4']);
    const q = fake.calls[0]!.url.searchParams;
    expect(q.get('limit')).toBe('100');
    expect(q.get('effective_at[gte]')).toBe('1720000000');
    expect(q.get('effective_at[lt]')).toBe('1730000000');
    expect(q.getAll('event_types[]')).toEqual(['api_key.updated']);
    expect(fake.calls[1]!.url.searchParams.get('after')).toBe('audit_log-1');
    expect((pages[0]!.items[0] as Record<string, unknown>)['api_key.updated']).toEqual({ id: 'key_xxxx', changes_requested: { scopes: ['resource_2.operation_2'] } });
  });

  it('costs: dollars keep their value, decimal text and exact integer micro-dollars', async () => {
    const { client, fake } = setup(() => ({
      raw: '{"object":"page","data":[{"object":"bucket","start_time":1730419200,"end_time":1730505600,"results":[{"object":"organization.costs.result","amount":{"value":0.07,"currency":"usd"},"line_item":null,"project_id":null,"api_key_id":null,"quantity":null,"quantity_unit":null}]}],"has_more":false,"next_page":null}',
    }));
    const pages = [];
    for await (const p of client.walkCosts({ startTime: 1730419200, groupBy: ['line_item'] })) pages.push(p);
    const amount = pages[0]!.items[0]!.results[0]!.amount;
    expect(amount).toMatchObject({ value: 0.07, currency: 'usd', value_text: '0.07', micro_units: 70000 });
    expect(fake.calls[0]!.url.searchParams.get('start_time')).toBe('1730419200');
    expect(fake.calls[0]!.url.searchParams.get('bucket_width')).toBe('1d');
    expect(fake.calls[0]!.url.searchParams.getAll('group_by[]')).toEqual(['line_item']);
  });

  it('completions usage pages by next_page', async () => {
    const { client, fake } = setup((req) =>
      req.url.searchParams.get('page')
        ? { body: { object: 'page', data: [{ object: 'bucket', start_time: 2, end_time: 3, results: [] }], has_more: false, next_page: null } }
        : { body: { object: 'page', data: [{ object: 'bucket', start_time: 1, end_time: 2, results: [{ object: 'organization.usage.completions.result', input_tokens: 10, output_tokens: 5, num_model_requests: 1, model: null }] }], has_more: true, next_page: 'pg2' } },
    );
    const pages = [];
    for await (const p of client.walkCompletionsUsage({ startTime: 1, bucketWidth: '1h' })) pages.push(p);
    expect(pages.map((p) => p.items[0]!.start_time)).toEqual([1, 2]);
    expect(fake.calls[1]!.url.searchParams.get('page')).toBe('pg2');
    expect(pages[0]!.items[0]!.results[0]!.input_tokens).toBe(10);
  });

  it('users and projects walk with after', async () => {
    const { client, fake } = setup((req) =>
      req.url.pathname.endsWith('/users')
        ? { body: { object: 'list', data: [{ object: 'organization.user', id: 'user-1', name: 'A', email: 'a@x.com', role: 'owner', added_at: 1711471533 }], first_id: 'user-1', last_id: 'user-1', has_more: false } }
        : { body: { object: 'list', data: [{ object: 'organization.project', id: 'proj_1', name: 'P', created_at: 1711471533, archived_at: null, status: 'active' }], first_id: 'proj_1', last_id: 'proj_1', has_more: false } },
    );
    for await (const p of client.walkUsers()) expect(p.items[0]!.email).toBe('a@x.com');
    for await (const p of client.walkProjects({ includeArchived: true })) expect(p.items[0]!.status).toBe('active');
    expect(fake.calls[1]!.url.searchParams.get('include_archived')).toBe('true');
  });

  it('a 401 says the key may be revoked, invalid, or lacking permission (OpenAI uses 401 for all)', async () => {
    const { client, fake } = setup(() => ({ status: 401, body: { error: { message: 'Incorrect API key provided: sk-admin-***', type: 'invalid_request_error', param: null, code: 'invalid_api_key' } } }));
    const walk = client.walkAuditLogs();
    await expect(walk.next()).rejects.toMatchObject({ code: 'KEY_REJECTED' });
    expect(fake.calls).toHaveLength(1);
    const again = client.walkAuditLogs();
    const err = await again.next().catch((e: Error) => e);
    expect((err as Error).message).toContain('lacks permission for this endpoint');
    expect((err as Error).message).not.toContain(OPENAI_ADMIN_KEY);
  });

  it('a 429 without Retry-After falls back to backoff, and OpenAI 400s keep their message', async () => {
    const { client, fake } = setup((_req, n) =>
      n === 0 ? { status: 429, body: { error: { message: 'Rate limit', type: 'rate_limit_error', param: null, code: null } } } : { status: 400, body: { error: { message: 'limit must be <= 100', type: 'invalid_request_error', param: 'limit', code: null } } },
    );
    const walk = client.walkAuditLogs();
    await expect(walk.next()).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('limit must be <= 100') });
    expect(fake.calls).toHaveLength(2);
  });
});
