import { describe, expect, it } from 'vitest';
import { AnthropicComplianceClient } from '../../../electron/core/sources/anthropic-compliance';
import type { Page } from '../../../electron/core/sources/pagination';
import { isSourceError } from '../../../electron/core/sources/source-error';
import { anthropicError, fakeFetch, type Handler, type Step } from './helpers/fake-fetch';
import { COMPLIANCE_KEY, secretOf } from './helpers/keys';
import { miniCompliance, sampleData } from './helpers/mini-compliance';
import { fixedRandom, VirtualClock } from './helpers/virtual-clock';

function setup(wrap?: (inner: Handler) => Handler) {
  const clock = new VirtualClock();
  const data = sampleData();
  const inner: Handler = miniCompliance(data);
  const fake = fakeFetch(wrap ? wrap(inner) : inner, clock);
  const client = new AnthropicComplianceClient({
    key: secretOf(COMPLIANCE_KEY),
    fetch: fake.fetch,
    baseUrl: 'https://api.anthropic.com',
    clock,
    random: fixedRandom(0.5),
    retry: { maxAttempts: 3 },
  });
  return { client, fake, data, clock };
}

async function collect<T>(gen: AsyncGenerator<Page<T>>): Promise<Page<T>[]> {
  const pages: Page<T>[] = [];
  for await (const p of gen) pages.push(p);
  return pages;
}

describe('walkOrganizations / walkOrgUsers (page tokens)', () => {
  it('visits every organisation exactly once and yields the token that resumes after each page', async () => {
    const { client, fake, data } = setup();
    const pages = await collect(client.walkOrganizations({ limit: 2 }));
    expect(pages.map((p) => p.items.map((o) => o.uuid))).toEqual([
      [data.orgs[0]!.uuid, data.orgs[1]!.uuid],
      [data.orgs[2]!.uuid, data.orgs[3]!.uuid],
      [data.orgs[4]!.uuid],
    ]);
    expect(pages.map((p) => p.cursor)).toEqual(['page_2', 'page_4', null]);
    expect(pages.map((p) => p.hasMore)).toEqual([true, true, false]);
    expect(fake.calls.map((c) => c.url.searchParams.get('page'))).toEqual([null, 'page_2', 'page_4']);
    expect(pages.every((p) => p.requestId?.startsWith('req_'))).toBe(true);
    expect(fake.calls[0]!.headers['x-api-key']).toBe(COMPLIANCE_KEY);
    expect(fake.calls[0]!.headers['anthropic-version']).toBe('2023-06-01');
  });

  it('resumes from a stored token with the rest only', async () => {
    const { client, data } = setup();
    const pages = await collect(client.walkOrganizations({ limit: 2, from: 'page_2' }));
    expect(pages.flatMap((p) => p.items.map((o) => o.name))).toEqual(data.orgs.slice(2).map((o) => o.name));
  });

  it('lists an organisation\'s users page by page', async () => {
    const { client, data, fake } = setup();
    const uuid = data.orgs[0]!.uuid;
    const pages = await collect(client.walkOrgUsers(uuid, { limit: 2 }));
    expect(pages.flatMap((p) => p.items.map((u) => u.id))).toEqual(['user_0', 'user_1', 'user_2']);
    expect(fake.calls[0]!.url.pathname).toBe(`/v1/compliance/organizations/${uuid}/users`);
  });

  it('keeps walking past a short page while has_more is true', async () => {
    const { client } = setup((inner) => (req, n) => {
      if (n === 0) return { status: 200, body: { data: [], has_more: true, next_page: 'page_0x' } };
      if (req.url.searchParams.get('page') === 'page_0x') req.url.searchParams.delete('page');
      return inner(req, n);
    });
    const pages = await collect(client.walkOrganizations({}));
    expect(pages[0]!.items).toEqual([]);
    expect(pages.flatMap((p) => p.items)).toHaveLength(5);
  });
  it('stops with UPSTREAM instead of ending silently when has_more comes without a next_page', async () => {
    const { client } = setup(() => () => ({ status: 200, body: { data: [], has_more: true, next_page: null } }));
    await expect(collect(client.walkOrganizations({}))).rejects.toMatchObject({ code: 'UPSTREAM', where: { page: 0 } });
  });

  it('stops with UPSTREAM when the next token repeats the current one', async () => {
    const { client, fake } = setup(() => () => ({ status: 200, body: { data: [], has_more: true, next_page: 'page_same' } }));
    await expect(collect(client.walkOrganizations({ from: 'page_same' }))).rejects.toMatchObject({ code: 'UPSTREAM' });
    expect(fake.calls).toHaveLength(1);
  });
});

describe('walkChats (id cursors)', () => {
  it('visits every chat exactly once, in order, with after_id = the previous last_id', async () => {
    const { client, fake, data } = setup();
    const pages = await collect(client.walkChats({ limit: 3 }));
    const ids = pages.flatMap((p) => p.items.map((c) => c.id));
    expect(ids).toEqual(data.chats.map((c) => c.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(pages.map((p) => p.items.length)).toEqual([3, 3, 1]);
    expect(fake.calls.map((c) => c.url.searchParams.get('after_id'))).toEqual([null, pages[0]!.cursor, pages[1]!.cursor]);
    // The final cursor stays set: an incremental export resumes from it next time.
    expect(pages.at(-1)!.cursor).not.toBeNull();
    expect(pages.at(-1)!.hasMore).toBe(false);
  });

  it('an org-wide incremental walk sends order_by=updated_at and updated_at.gte', async () => {
    const { client, fake } = setup();
    const pages = await collect(client.walkChats({ orderBy: 'updated_at', updatedAt: { gte: '2026-04-03T00:00:00Z' }, limit: 10 }));
    const q = fake.calls[0]!.url.searchParams;
    expect(q.get('order_by')).toBe('updated_at');
    expect(q.get('updated_at.gte')).toBe('2026-04-03T00:00:00Z');
    expect(pages[0]!.items.map((c) => c.updated_at)).toEqual([
      '2026-04-03T00:00:00Z',
      '2026-04-04T00:00:00Z',
      '2026-04-05T00:00:00Z',
      '2026-04-06T00:00:00Z',
      '2026-04-07T00:00:00Z',
    ]);
  });

  it('per-user queries send user_ids[] in bracket form', async () => {
    const { client, fake } = setup();
    const pages = await collect(client.walkChats({ userIds: ['user_1'] }));
    expect(fake.calls[0]!.url.searchParams.getAll('user_ids[]')).toEqual(['user_1']);
    expect(pages[0]!.items.every((c) => c.user?.id === 'user_1')).toBe(true);
  });

  it('a failed page does not advance the cursor: resuming from the last stored cursor yields the rest exactly once', async () => {
    let failing = true;
    const { client, data } = setup((inner) => (req, n) => (failing && req.url.searchParams.get('after_id') ? anthropicError(503, 'overloaded_error', 'Overloaded') : inner(req, n)));
    const stored: { cursor: string | null; ids: string[] } = { cursor: null, ids: [] };
    let thrown: unknown;
    try {
      for await (const page of client.walkChats({ limit: 3 })) {
        // Store page and cursor together, as the vault does in one transaction.
        stored.ids.push(...page.items.map((c) => c.id));
        stored.cursor = page.cursor;
      }
    } catch (e) {
      thrown = e;
    }
    expect(isSourceError(thrown) && thrown.code).toBe('UPSTREAM');
    expect(stored.ids).toEqual(data.chats.slice(0, 3).map((c) => c.id));
    failing = false;
    for await (const page of client.walkChats({ limit: 3, from: stored.cursor! })) {
      stored.ids.push(...page.items.map((c) => c.id));
      stored.cursor = page.cursor;
    }
    expect(stored.ids).toEqual(data.chats.map((c) => c.id));
  });

  it('a transient failure retries the SAME cursor', async () => {
    const { client, fake } = setup((inner) => (req, n) => (n === 1 ? ('reset' as Step) : inner(req, n)));
    await collect(client.walkChats({ limit: 3 }));
    expect(fake.calls[1]!.url.searchParams.get('after_id')).toBe(fake.calls[2]!.url.searchParams.get('after_id'));
    expect(fake.calls).toHaveLength(4);
  });

  it('an empty final page keeps the previous cursor', async () => {
    const { client } = setup();
    const all = await collect(client.walkChats({ limit: 7 }));
    const end = all.at(-1)!.cursor!;
    const more = await collect(client.walkChats({ limit: 7, from: end }));
    expect(more).toHaveLength(1);
    expect(more[0]!.items).toEqual([]);
    expect(more[0]!.cursor).toBe(end);
  });

  it('stops with UPSTREAM instead of looping when has_more comes without a cursor', async () => {
    const { client } = setup(() => () => ({ status: 200, body: { data: [], has_more: true, first_id: null, last_id: null } }));
    await expect(collect(client.walkChats({}))).rejects.toMatchObject({ code: 'UPSTREAM' });
  });

  it.each([
    [{ userIds: ['user_1'], orderBy: 'updated_at' as const }, 'only org-wide'],
    [{ projectIds: ['claude_proj_1'] }, 'needs user ids'],
    [{ userIds: Array.from({ length: 11 }, (_, i) => `user_${i}`) }, 'at most 10 users'],
    [{ updatedAt: { gte: '2026-01-01T00:00:00Z' } }, 'need orderBy updated_at'],
  ])('refuses a filter the API would reject, before any request: %j', (filter, text) => {
    const { client, fake } = setup();
    let err: unknown;
    try {
      client.walkChats(filter);
    } catch (e) {
      err = e;
    }
    expect(isSourceError(err) && err.code).toBe('VALIDATION_FAILED');
    expect((err as Error).message).toContain(text);
    expect(fake.calls).toHaveLength(0);
  });
});

describe('chat messages', () => {
  it('fetches a whole chat in one response when no limit is given', async () => {
    const { client, fake } = setup();
    const { chat, requestId } = await client.getChatWithMessages('claude_chat_0');
    expect(fake.calls[0]!.url.searchParams.has('limit')).toBe(false);
    expect(chat.chat_messages.map((m) => m.id)).toEqual(['claude_chat_msg_0', 'claude_chat_msg_1', 'claude_chat_msg_2', 'claude_chat_msg_3', 'claude_chat_msg_4']);
    expect(chat.name).toBe('Chat 0');
    expect(requestId).toMatch(/^req_/);
  });

  it('pages a long chat and carries the chat fields on every page', async () => {
    const { client } = setup();
    const pages = [];
    for await (const p of client.walkChatMessages('claude_chat_0', { limit: 2 })) pages.push(p);
    expect(pages.map((p) => p.items.map((m) => m.id.slice(-1)))).toEqual([['0', '1'], ['2', '3'], ['4']]);
    expect(pages.every((p) => p.chat.id === 'claude_chat_0' && p.chat.name === 'Chat 0')).toBe(true);
    expect(pages.map((p) => p.hasMore)).toEqual([true, true, false]);
  });

  it('a chat that is gone is NOT_FOUND', async () => {
    const { client } = setup();
    await expect(client.getChatWithMessages('claude_chat_nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('walkActivities', () => {
  it('after_id walks to older rows; unknown types, unknown actors and extra fields pass through', async () => {
    const { client, data } = setup();
    const pages = await collect(client.walkActivities({ follow: 'after_id', limit: 4 }));
    const items = pages.flatMap((p) => p.items);
    expect(items.map((a) => a.id)).toEqual(data.activities.map((a) => a.id));
    const future = items.find((a) => a.type === 'claude_future_thing_happened');
    expect(future).toBeDefined();
    const alien = items.find((a) => a.actor?.type === 'quantum_actor');
    expect((alien?.actor as Record<string, unknown> | undefined)?.qubit).toBe(7);
    expect((items[0] as Record<string, unknown>).claude_chat_id).toBe('claude_chat_0');
    expect(items[0]!.organization_id).toBeNull();
  });

  it('before_id walks to newer rows from a stored first_id', async () => {
    const { client, fake } = setup();
    // Take a cursor in the middle of the feed (as if stored by an earlier run).
    const older = await collect(client.walkActivities({ follow: 'after_id', limit: 5 }));
    const middle = older[1]!.items[0]!.id; // activity_04
    expect(middle).toBe('activity_04');
    const cursor = Buffer.from(JSON.stringify({ id: middle })).toString('base64url');
    const newer = await collect(client.walkActivities({ follow: 'before_id', limit: 2, from: cursor }));
    expect(newer.flatMap((p) => p.items.map((a) => a.id)).sort()).toEqual(['activity_05', 'activity_06', 'activity_07', 'activity_08', 'activity_09']);
    expect(new Set(newer.flatMap((p) => p.items.map((a) => a.id))).size).toBe(5);
    expect(fake.calls.at(-1)!.url.searchParams.get('before_id')).toBe(newer.at(-2)!.cursor);
  });

  it('sends the array filters in bracket form and dotted time filters', async () => {
    const { client, fake } = setup();
    await collect(client.walkActivities({ follow: 'after_id', activityTypes: ['claude_chat_created', 'claude_chat_deleted'], createdAt: { gte: '2026-04-10T08:00:00Z' } }));
    const q = fake.calls[0]!.url.searchParams;
    expect(q.getAll('activity_types[]')).toEqual(['claude_chat_created', 'claude_chat_deleted']);
    expect(q.get('created_at.gte')).toBe('2026-04-10T08:00:00Z');
  });

  it('refuses include and exclude types together, before any request', () => {
    const { client, fake } = setup();
    expect(() => client.walkActivities({ follow: 'after_id', activityTypes: ['a'], excludeActivityTypes: ['b'] })).toThrow(/not both/);
    expect(fake.calls).toHaveLength(0);
  });
});

describe('settings and delete', () => {
  it('reads effective settings with their rows and the key list', async () => {
    const { client, data } = setup();
    const { settings } = await client.getSettings(data.orgs[0]!.uuid);
    expect(settings.organization_id).toBe(data.orgs[0]!.uuid);
    expect(settings.settings.map((s) => s.name)).toEqual(['web_search_enabled', 'data_retention_periods']);
    expect(settings.api_keys?.[0]?.scopes).toEqual(['read:compliance_user_data']);
  });

  it('a delete is confirmed only by the typed answer', async () => {
    const { client, fake } = setup();
    const done = await client.deleteChat('claude_chat_3');
    expect(done).toMatchObject({ id: 'claude_chat_3', type: 'claude_chat_deleted' });
    expect(fake.calls[0]!.method).toBe('DELETE');
  });

  it('a delete answered with anything else is not treated as done', async () => {
    const { client } = setup(() => () => ({ status: 200, body: { id: 'claude_chat_3', type: 'claude_project_deleted' } }));
    await expect(client.deleteChat('claude_chat_3')).rejects.toMatchObject({ code: 'UPSTREAM', details: { reason: 'not-confirmed' } });
    const other = setup(() => () => ({ status: 200, body: { id: 'claude_chat_OTHER', type: 'claude_chat_deleted' } }));
    await expect(other.client.deleteChat('claude_chat_3')).rejects.toMatchObject({ code: 'UPSTREAM' });
  });
});
