import type { ReplySpec, SeenRequest, Step } from './fake-fetch';
import { anthropicError } from './fake-fetch';

/**
 * A tiny scripted stand-in for the Compliance API, returning the documented shapes:
 * page tokens for directory lists, opaque id cursors for chats/messages/activities.
 * Only what the unit tests need; the real simulator lives in electron/core/sim.
 */

const enc = (s: string) => Buffer.from(JSON.stringify({ id: s })).toString('base64url');
const dec = (c: string) => (JSON.parse(Buffer.from(c, 'base64url').toString('utf8')) as { id: string }).id;

export interface MiniData {
  orgs: Array<{ uuid: string; name: string; created_at: string }>;
  users: Record<string, Array<{ id: string; full_name: string; email: string; organization_role: string; created_at: string }>>;
  chats: Array<Record<string, unknown> & { id: string; created_at: string; updated_at: string }>;
  messages: Record<string, Array<Record<string, unknown> & { id: string }>>;
  /** Newest first, as the feed returns them. */
  activities: Array<Record<string, unknown> & { id: string; created_at: string }>;
}

let rid = 0;
function ok(body: unknown): ReplySpec {
  rid++;
  return { status: 200, body, headers: { 'request-id': `req_${rid}` } };
}

function tokenPage<T>(items: T[], q: URLSearchParams, defLimit: number): ReplySpec {
  const limit = Number(q.get('limit') ?? defLimit);
  const start = q.get('page') ? Number(q.get('page')!.replace('page_', '')) : 0;
  const slice = items.slice(start, start + limit);
  const more = start + limit < items.length;
  return ok({ data: slice, has_more: more, next_page: more ? `page_${start + limit}` : null });
}

/** Cursor page over `items` in their given order; `after_id` continues forward, `before_id` backward. */
function cursorPage<T extends { id: string }>(items: T[], q: URLSearchParams, defLimit: number, extra: object = {}): ReplySpec {
  const limit = q.get('limit') ? Number(q.get('limit')) : defLimit;
  let slice: T[];
  let more: boolean;
  const after = q.get('after_id');
  const before = q.get('before_id');
  if (before) {
    const i = items.findIndex((x) => x.id === dec(before));
    if (i < 0) return anthropicError(400, 'invalid_request_error', `Invalid \`before_id\`.`);
    const from = Math.max(0, i - limit);
    slice = items.slice(from, i);
    more = from > 0;
  } else {
    let from = 0;
    if (after) {
      const i = items.findIndex((x) => x.id === dec(after));
      if (i < 0) return anthropicError(400, 'invalid_request_error', `Invalid \`after_id\`.`);
      from = i + 1;
    }
    slice = items.slice(from, from + limit);
    more = from + limit < items.length;
  }
  return ok({
    ...extra,
    data: slice,
    has_more: more,
    first_id: slice[0] ? enc(slice[0].id) : null,
    last_id: slice.at(-1) ? enc(slice.at(-1)!.id) : null,
  });
}

export function miniCompliance(data: MiniData) {
  return (req: SeenRequest): Step => {
    const q = req.url.searchParams;
    const path = req.url.pathname.replace(/^\/v1\/compliance/, '');
    let m: RegExpExecArray | null;
    if (req.method === 'GET' && path === '/organizations') return tokenPage(data.orgs, q, 1000);
    if (req.method === 'GET' && (m = /^\/organizations\/([^/]+)\/users$/.exec(path))) return tokenPage(data.users[m[1]!] ?? [], q, 500);
    if (req.method === 'GET' && path === '/apps/chats') {
      const key = q.get('order_by') === 'updated_at' ? 'updated_at' : 'created_at';
      let chats = [...data.chats].sort((a, b) => String(a[key]).localeCompare(String(b[key])) || a.id.localeCompare(b.id));
      const gte = q.get(`${key}.gte`);
      if (gte) chats = chats.filter((c) => String(c[key]) >= gte);
      const users = q.getAll('user_ids[]');
      if (users.length) chats = chats.filter((c) => users.includes((c.user as { id: string }).id));
      return cursorPage(chats, q, 100);
    }
    if (req.method === 'GET' && (m = /^\/apps\/chats\/([^/]+)\/messages$/.exec(path))) {
      const chat = data.chats.find((c) => c.id === m![1]);
      if (!chat) return anthropicError(404, 'not_found_error', `Chat ${m[1]} not found.`);
      const msgs = data.messages[chat.id] ?? [];
      if (!q.get('limit') && !q.get('after_id')) {
        return ok({ ...chat, chat_messages: msgs, has_more: false, first_id: msgs[0] ? enc(msgs[0].id) : null, last_id: msgs.at(-1) ? enc(msgs.at(-1)!.id) : null });
      }
      const page = cursorPage(msgs, q, 1000, chat);
      const body = page.body as { data: unknown[] } & Record<string, unknown>;
      if (page.status !== 200) return page;
      const { data: d, ...rest } = body;
      return { ...page, body: { ...rest, chat_messages: d } };
    }
    if (req.method === 'DELETE' && (m = /^\/apps\/chats\/([^/]+)$/.exec(path))) return ok({ id: m[1], type: 'claude_chat_deleted' });
    if (req.method === 'GET' && path === '/activities') {
      let acts = data.activities;
      const gte = q.get('created_at.gte');
      const lt = q.get('created_at.lt');
      if (gte) acts = acts.filter((a) => a.created_at >= gte);
      if (lt) acts = acts.filter((a) => a.created_at < lt);
      return cursorPage(acts, q, 100);
    }
    if (req.method === 'GET' && (m = /^\/organizations\/([^/]+)\/settings$/.exec(path))) {
      return ok({
        type: 'effective_organization_settings',
        organization_id: m[1],
        settings: [
          { name: 'web_search_enabled', type: 'boolean', value: true },
          { name: 'data_retention_periods', type: 'data_retention', value: { chat: { type: 'fixed', duration: 30, timescale: 'day' } } },
        ],
        api_keys: [{ type: 'compliance_api_key', id: 'apikey_1', name: 'Ogma', scopes: ['read:compliance_user_data'], is_active: true, created_at: '2026-01-01T00:00:00Z', created_by_id: 'user_1', expires_at: null }],
      });
    }
    return anthropicError(404, 'not_found_error', `No route ${req.method} ${path}`);
  };
}

export function sampleData(): MiniData {
  const orgs = Array.from({ length: 5 }, (_, i) => ({
    uuid: `0000000${i}-2345-6789-abcd-ef0123456789`,
    name: `Org ${i}`,
    created_at: `2026-01-0${i + 1}T00:00:00Z`,
  }));
  const users: MiniData['users'] = {
    [orgs[0]!.uuid]: Array.from({ length: 3 }, (_, i) => ({
      id: `user_${i}`,
      full_name: `User ${i}`,
      email: `u${i}@example.com`,
      organization_role: i === 0 ? 'primary_owner' : 'user',
      created_at: `2026-02-0${i + 1}T00:00:00Z`,
    })),
  };
  const chats = Array.from({ length: 7 }, (_, i) => ({
    id: `claude_chat_${i}`,
    name: `Chat ${i}`,
    created_at: `2026-03-0${i + 1}T00:00:00Z`,
    updated_at: `2026-04-0${7 - i}T00:00:00Z`,
    deleted_at: null,
    href: `https://claude.ai/chat/${i}`,
    model: 'claude-opus-4-7',
    organization_uuid: orgs[0]!.uuid,
    organization_id: 'org_01Wv',
    project_id: null,
    user: { id: `user_${i % 3}`, email_address: `u${i % 3}@example.com` },
  }));
  const messages: MiniData['messages'] = {
    claude_chat_0: Array.from({ length: 5 }, (_, i) => ({
      id: `claude_chat_msg_${i}`,
      role: i % 2 === 0 ? 'user' : 'assistant',
      created_at: `2026-03-01T00:0${i}:00Z`,
      content: [{ type: 'text', text: `message ${i}`, truncated: false, thinking_redacted: false }],
      files: null,
      generated_files: null,
      artifacts: null,
    })),
  };
  const activities = Array.from({ length: 9 }, (_, i) => ({
    id: `activity_${String(9 - i).padStart(2, '0')}`,
    created_at: `2026-04-10T08:${String(59 - i).padStart(2, '0')}:00Z`,
    organization_id: i % 3 === 0 ? null : 'org_01Wv',
    organization_uuid: i % 3 === 0 ? null : orgs[0]!.uuid,
    actor:
      i === 4
        ? { type: 'quantum_actor', qubit: 7 }
        : { type: 'user_actor', email_address: 'u1@example.com', user_id: 'user_1', ip_address: '192.0.2.34', user_agent: 'Mozilla/5.0' },
    type: i === 2 ? 'claude_future_thing_happened' : 'claude_chat_created',
    claude_chat_id: `claude_chat_${i % 7}`,
  }));
  return { orgs, users, chats, messages, activities };
}
