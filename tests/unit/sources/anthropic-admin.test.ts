import { describe, expect, it } from 'vitest';
import { AnthropicAdminClient } from '../../../electron/core/sources/anthropic-admin';
import { fakeFetch, type Handler } from './helpers/fake-fetch';
import { ADMIN_KEY, secretOf } from './helpers/keys';
import { VirtualClock } from './helpers/virtual-clock';

function setup(handler: Handler) {
  const clock = new VirtualClock();
  const fake = fakeFetch(handler, clock);
  const client = new AnthropicAdminClient({ key: secretOf(ADMIN_KEY), fetch: fake.fetch, clock });
  return { client, fake };
}

const costBucket = (day: number, amount: string) => ({
  starting_at: `2025-08-0${day}T00:00:00Z`,
  ending_at: `2025-08-0${day + 1}T00:00:00Z`,
  results: [
    {
      amount,
      currency: 'USD',
      cost_type: 'tokens',
      description: 'Claude Sonnet 4 Usage - Input Tokens',
      model: 'claude-opus-4-6',
      token_type: 'uncached_input_tokens',
      service_tier: 'standard',
      context_window: '0-200k',
      inference_geo: 'global',
      workspace_id: 'wrkspc_01JwQvzr7rXLA5AGx3HKfFUJ',
    },
  ],
});

describe('AnthropicAdminClient', () => {
  it('me() identifies the organisation with x-api-key and anthropic-version', async () => {
    const { client, fake } = setup(() => ({ body: { id: '12345678-1234-5678-1234-567812345678', type: 'organization', name: 'Organization Name' }, headers: { 'request-id': 'req_me' } }));
    const { org, requestId } = await client.me();
    expect(org).toEqual({ id: '12345678-1234-5678-1234-567812345678', type: 'organization', name: 'Organization Name' });
    expect(requestId).toBe('req_me');
    expect(fake.calls[0]!.url.pathname).toBe('/v1/organizations/me');
    expect(fake.calls[0]!.headers['x-api-key']).toBe(ADMIN_KEY);
    expect(fake.calls[0]!.headers['anthropic-version']).toBe('2023-06-01');
  });

  it('walks the cost report by page token, keeping amounts as decimal strings in cents', async () => {
    const { client, fake } = setup((req) => {
      const page = req.url.searchParams.get('page');
      return page === null
        ? { body: { data: [costBucket(1, '123.78912')], has_more: true, next_page: 'page_MjAy' } }
        : { body: { data: [costBucket(2, '0.10000000000000001')], has_more: false, next_page: null } };
    });
    const pages = [];
    for await (const p of client.walkCostReport({ startingAt: '2025-08-01T00:00:00Z', groupBy: ['workspace_id', 'description'], limit: 1 })) pages.push(p);
    const amounts = pages.flatMap((p) => p.items.flatMap((b) => b.results.map((r) => r.amount)));
    expect(amounts).toEqual(['123.78912', '0.10000000000000001']);
    expect(typeof amounts[0]).toBe('string');
    expect(pages.map((p) => p.cursor)).toEqual(['page_MjAy', null]);
    const q = fake.calls[0]!.url.searchParams;
    expect(q.getAll('group_by[]')).toEqual(['workspace_id', 'description']);
    expect(q.get('starting_at')).toBe('2025-08-01T00:00:00Z');
    expect(fake.calls[1]!.url.searchParams.get('starting_at')).toBe('2025-08-01T00:00:00Z');
  });

  it('refuses a cost amount that is not a decimal', async () => {
    const { client } = setup(() => ({ body: { data: [costBucket(1, 'twelve')], has_more: false, next_page: null } }));
    const walk = client.walkCostReport({ startingAt: '2025-08-01T00:00:00Z' });
    await expect(walk.next()).rejects.toMatchObject({ code: 'UPSTREAM', details: { reason: 'unexpected-shape' } });
  });

  it('walks usage buckets including empty intervals, dimensions null unless grouped', async () => {
    const { client } = setup(() => ({
      body: {
        data: [
          {
            starting_at: '2025-08-01T00:00:00Z',
            ending_at: '2025-08-02T00:00:00Z',
            results: [
              {
                uncached_input_tokens: 1500,
                cache_creation: { ephemeral_1h_input_tokens: 1000, ephemeral_5m_input_tokens: 500 },
                cache_read_input_tokens: 200,
                output_tokens: 500,
                server_tool_use: { web_search_requests: 10 },
                model: null,
                api_key_id: null,
                workspace_id: null,
                account_id: null,
                service_account_id: null,
                service_tier: null,
                context_window: null,
                inference_geo: null,
              },
            ],
          },
          { starting_at: '2025-08-02T00:00:00Z', ending_at: '2025-08-03T00:00:00Z', results: [] },
        ],
        has_more: false,
        next_page: null,
      },
    }));
    const pages = [];
    for await (const p of client.walkUsageReport({ startingAt: '2025-08-01T00:00:00Z', bucketWidth: '1d' })) pages.push(p);
    expect(pages[0]!.items).toHaveLength(2);
    expect(pages[0]!.items[0]!.results[0]!.output_tokens).toBe(500);
    expect(pages[0]!.items[1]!.results).toEqual([]);
  });

  it('walks members with after_id = last_id', async () => {
    const users = ['user_a', 'user_b', 'user_c'].map((id) => ({ type: 'user', id, email: `${id}@x.com`, name: id, role: 'developer', added_at: '2024-10-30T23:58:27.427722Z' }));
    const { client, fake } = setup((req) => {
      const after = req.url.searchParams.get('after_id');
      const start = after ? users.findIndex((u) => u.id === after) + 1 : 0;
      const slice = users.slice(start, start + 2);
      return { body: { data: slice, has_more: start + 2 < users.length, first_id: slice[0]?.id ?? null, last_id: slice.at(-1)?.id ?? null } };
    });
    const ids: string[] = [];
    for await (const p of client.walkUsers({ limit: 2 })) ids.push(...p.items.map((u) => u.id));
    expect(ids).toEqual(['user_a', 'user_b', 'user_c']);
    expect(fake.calls[1]!.url.searchParams.get('after_id')).toBe('user_b');
  });
});
