import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, control, startSim, walkCursor, walkPages, type Sim } from './helpers';

let sim: Sim;
beforeAll(async () => {
  sim = await startSim({ sizes: { orgs: 2, users: 5, chats: 4, messages: 9 } });
});
afterAll(async () => {
  await sim.close();
});

const ids = (xs: Array<{ id: string }>): string[] => xs.map((x) => x.id);
const sorted = (xs: string[]): string[] => [...xs].sort();

describe('cursor pagination (after_id / before_id / first_id / last_id / has_more)', () => {
  it('org-wide chats walk forward by created_at: every chat of the truth exactly once, oldest first', async () => {
    const truthIds = sim.truth('chats').tenants[0]?.orgs?.flatMap((o) => o.chats.map((c) => c.id)) ?? [];
    const { items, pages } = await walkCursor(sim, '/v1/compliance/apps/chats?limit=7', sim.keys.complianceFull);
    expect(pages).toBeGreaterThan(3);
    expect(new Set(ids(items)).size).toBe(items.length);
    expect(sorted(ids(items))).toEqual(sorted(truthIds));
    const times = items.map((c) => `${c.created_at}|${c.id}`);
    expect(times).toEqual([...times].sort());
  });

  it('org-wide chats by updated_at also return every chat once, ascending by updated_at', async () => {
    const { items } = await walkCursor(sim, '/v1/compliance/apps/chats?order_by=updated_at&limit=9', sim.keys.complianceFull);
    expect(new Set(ids(items)).size).toBe(items.length);
    const keys = items.map((c) => `${c.updated_at}|${c.id}`);
    expect(keys).toEqual([...keys].sort());
    expect(items.length).toBe(sim.truth('counts').tenants[0]?.counts.chats);
  });

  it('per-user chats walk backward with before_id=<first_id> and give the same set as forward', async () => {
    const user = sim.truth('chats').tenants[0]?.orgs?.[0]?.users[0]?.id ?? '';
    const path = `/v1/compliance/apps/chats?user_ids[]=${user}&limit=1`;
    const forward = await walkCursor(sim, path, sim.keys.complianceFull);
    expect(forward.items.length).toBe(4);
    const last = forward.items[forward.items.length - 1];
    const lastPage = await call(sim, `${path}&after_id=${encodeURIComponent((await call(sim, `/v1/compliance/apps/chats?user_ids[]=${user}&limit=3`, { key: sim.keys.complianceFull })).json.last_id)}`, { key: sim.keys.complianceFull });
    expect(ids(lastPage.json.data)).toEqual([last.id]);
    const backward = await walkCursor(sim, path, sim.keys.complianceFull, 'before_id', lastPage.json.first_id);
    expect([...ids(backward.items).reverse(), last.id].sort()).toEqual(sorted(ids(forward.items)));
  });

  it('activities walk newest first; after_id=<last_id> goes to older rows, each once', async () => {
    const { items } = await walkCursor(sim, '/v1/compliance/activities?limit=40', sim.keys.complianceFull);
    expect(items.length).toBeGreaterThan(80);
    expect(new Set(ids(items)).size).toBe(items.length);
    const keys = items.map((a) => `${a.created_at}|${a.id}`);
    expect(keys).toEqual([...keys].sort().reverse());
  });

  it('activities walked with order=asc and with before_id from the oldest page give the same rows', async () => {
    const asc = await walkCursor(sim, '/v1/compliance/activities?order=asc&limit=50', sim.keys.complianceFull);
    const desc = await walkCursor(sim, '/v1/compliance/activities?limit=50', sim.keys.complianceFull);
    expect(sorted(ids(asc.items))).toEqual(sorted(ids(desc.items)));
    // from the oldest row, before_id walks to newer rows
    const oldest = desc.items[desc.items.length - 1];
    const newer = await walkCursor(sim, '/v1/compliance/activities?limit=50', sim.keys.complianceFull, 'before_id', oldest.id);
    expect(sorted([...ids(newer.items), oldest.id])).toEqual(sorted(ids(desc.items)));
  });

  it('an empty page has first_id and last_id null and has_more false', async () => {
    const r = await call(sim, '/v1/compliance/activities?created_at.lt=2000-01-01T00:00:00Z', { key: sim.keys.complianceFull });
    expect(r.json).toEqual({ data: [], has_more: false, first_id: null, last_id: null });
  });

  it('chat messages page by page equal one whole-chat read (limit omitted = whole chat), both orders', async () => {
    const chat = (await call(sim, '/v1/compliance/apps/chats?limit=1', { key: sim.keys.complianceFull })).json.data[0];
    const base = `/v1/compliance/apps/chats/${chat.id}/messages`;
    const whole = await call(sim, base, { key: sim.keys.complianceFull });
    expect(whole.json.has_more).toBe(false);
    expect(whole.json.chat_messages).toHaveLength(9);
    const pageIds: string[] = [];
    let after: string | undefined;
    for (;;) {
      const r = await call(sim, `${base}?limit=2${after ? `&after_id=${after}` : ''}`, { key: sim.keys.complianceFull });
      pageIds.push(...ids(r.json.chat_messages));
      if (!r.json.has_more) break;
      after = r.json.last_id;
    }
    expect(pageIds).toEqual(ids(whole.json.chat_messages));
    const desc = await call(sim, `${base}?order=desc`, { key: sim.keys.complianceFull });
    expect(ids(desc.json.chat_messages)).toEqual(ids(whole.json.chat_messages).reverse());
  });

  it('cursors belong to the org: a cursor issued to key A works for key B after A is revoked', async () => {
    const a = await control(sim, 'POST', '/keys', { scopes: ['read:compliance_user_data'] });
    const page1 = await call(sim, '/v1/compliance/apps/chats?limit=5', { key: a.key });
    const b = await control(sim, 'POST', '/keys', { scopes: ['read:compliance_user_data'] });
    await control(sim, 'POST', '/keys/revoke', { key: a.key });
    expect((await call(sim, '/v1/compliance/apps/chats', { key: a.key })).status).toBe(401);
    const page2 = await call(sim, `/v1/compliance/apps/chats?limit=5&after_id=${page1.json.last_id}`, { key: b.key });
    expect(page2.status).toBe(200);
    const straight = await call(sim, '/v1/compliance/apps/chats?limit=10', { key: b.key });
    expect([...ids(page1.json.data), ...ids(page2.json.data)]).toEqual(ids(straight.json.data));
  });
});

describe('page-token pagination (page -> next_page, has_more)', () => {
  it('org users walk in pages and return exactly the active users', async () => {
    const org = sim.truth('chats').tenants[0]?.orgs?.[0];
    const users = await walkPages(sim, `/v1/compliance/organizations/${org?.uuid}/users?limit=2`, sim.keys.complianceFull);
    expect(sorted(ids(users))).toEqual(sorted(org?.users.filter((u) => u.active).map((u) => u.id) ?? []));
    const times = users.map((u) => u.created_at);
    expect(times).toEqual([...times].sort());
  });

  it('organizations and projects walk with limit 1 and return each once', async () => {
    const orgs = await walkPages(sim, '/v1/compliance/organizations?limit=1', sim.keys.complianceFull);
    expect(orgs.map((o) => o.uuid)).toHaveLength(2);
    const projects = await walkPages(sim, '/v1/compliance/apps/projects?limit=1', sim.keys.complianceFull);
    expect(new Set(ids(projects)).size).toBe(sim.truth('counts').tenants[0]?.counts.projects);
  });

  it('a page token from one list is refused by another (400)', async () => {
    const orgs = await call(sim, '/v1/compliance/organizations?limit=1', { key: sim.keys.complianceFull });
    const r = await call(sim, `/v1/compliance/apps/projects?page=${orgs.json.next_page}`, { key: sim.keys.complianceFull });
    expect(r.status).toBe(400);
    expect(r.json.error.type).toBe('invalid_request_error');
  });

  it('Admin API users walk with after_id (ids), newest first, each once', async () => {
    const { items } = await walkCursor(sim, '/v1/organizations/users?limit=2', sim.keys.anthropicAdmin);
    expect(items.length).toBe(sim.world.tenants[0]?.console?.members.length);
    const added = items.map((u) => u.added_at);
    expect(added).toEqual([...added].sort().reverse());
    expect(new Set(ids(items)).size).toBe(items.length);
  });

  it('usage buckets walk by next_page and cover the range exactly once', async () => {
    const days: string[] = [];
    let page: string | null = null;
    for (;;) {
      const r = await call(sim, `/v1/organizations/usage_report/messages?starting_at=2026-08-01T00:00:00Z&ending_at=2026-09-01T00:00:00Z&limit=7${page ? `&page=${page}` : ''}`, { key: sim.keys.anthropicAdmin });
      expect(r.status).toBe(200);
      days.push(...r.json.data.map((b: { starting_at: string }) => b.starting_at));
      if (!r.json.has_more) break;
      page = r.json.next_page;
    }
    expect(days).toHaveLength(31);
    expect(new Set(days).size).toBe(31);
    expect(days[0]).toBe('2026-08-01T00:00:00Z');
    expect(days[30]).toBe('2026-08-31T00:00:00Z');
  });

  it('OpenAI audit logs walk newest first with after=<last_id>, and before=<first_id> walks back', async () => {
    const all: Array<{ id: string; effective_at: number }> = [];
    let after: string | undefined;
    for (;;) {
      const r = await call(sim, `/v1/organization/audit_logs?limit=9${after ? `&after=${after}` : ''}`, { bearer: sim.keys.openaiAdmin });
      expect(r.json.object).toBe('list');
      all.push(...r.json.data);
      if (!r.json.has_more) break;
      after = r.json.last_id;
    }
    expect(all.length).toBeGreaterThan(50);
    expect(new Set(ids(all)).size).toBe(all.length);
    const times = all.map((e) => e.effective_at);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const back = await call(sim, `/v1/organization/audit_logs?limit=3&before=${all[10]?.id}`, { bearer: sim.keys.openaiAdmin });
    expect(ids(back.json.data)).toEqual(ids(all.slice(7, 10)));
  });
});
