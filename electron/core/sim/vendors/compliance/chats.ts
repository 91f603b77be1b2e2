import type { Ctx } from '../../http/context';
import { decodeCursor, encodeCursor, fromArray, keysetPage, type CursorPosition } from '../../http/pagination';
import { enumParam, hasRange, inRange, limitParam, optionalLimit, RANGE_OPS, timeRange, type Query } from '../../http/query';
import { InputError, NotFound, ok, type Reply } from '../../http/reply';
import type { MessageRecord } from '../../data/chat-gen';
import type { ChatRecord } from '../../model/entities';
import { hardDeleteChat } from '../../model/mutations';
import { USER_IDS_UPDATED_AT_CUTOFF_MS } from '../../types';
import { orgFilter, orgVisible, type CompliancePrincipal } from './principal';
import { chatJson, messageJson, type ToolCaps } from './serialize';

/** List chats, chat messages and chat delete (reference §6, §11). */

type OrderBy = 'created_at' | 'updated_at';

function cursorParam(q: Query): { param: 'after_id' | 'before_id'; value: string } | null {
  const after = q.get('after_id');
  const before = q.get('before_id');
  if (after !== undefined && before !== undefined) throw new InputError('Only one of `after_id` or `before_id` may be provided.', 'after_id');
  if (after !== undefined) return { param: 'after_id', value: after };
  if (before !== undefined) return { param: 'before_id', value: before };
  return null;
}

function rangeNames(field: string, q: Query): string[] {
  return RANGE_OPS.map((op) => `${field}.${op}`).filter((n) => q.has(n));
}

export function listChats(ctx: Ctx, p: CompliancePrincipal): Reply {
  const q = ctx.query;
  const limit = limitParam(q, { max: 1000, def: 100 });
  const orderBy = enumParam(q, 'order_by', ['created_at', 'updated_at'] as const, 'created_at');
  const created = timeRange(q, 'created_at');
  const updated = timeRange(q, 'updated_at');
  const userIds = q.list('user_ids');
  const projectIds = q.list('project_ids');
  const perUser = userIds.length > 0;
  const cur = cursorParam(q);
  const now = ctx.world.clock.now();

  if (ctx.world.config.chatsRequireUserIds && !perUser) throw new InputError('`user_ids[]` is required.', 'user_ids[]');
  if (userIds.length > 10) throw new InputError(`\`user_ids[]\` accepts at most 10 values. Got ${userIds.length}.`, 'user_ids[]');
  if (perUser && orderBy === 'updated_at') throw new InputError('`order_by=updated_at` cannot be combined with `user_ids[]`. Omit `user_ids[]` to list the whole organization by `updated_at`.', 'order_by');
  if (projectIds.length > 0 && !perUser) throw new InputError('`project_ids[]` can only be used together with `user_ids[]`.', 'project_ids[]');
  if (perUser && hasRange(updated) && now >= USER_IDS_UPDATED_AT_CUTOFF_MS) {
    throw new InputError('`updated_at` filters cannot be combined with `user_ids[]`; this combination was deprecated and is rejected since 2026-09-22.', rangeNames('updated_at', q)[0] ?? 'updated_at');
  }
  if (!perUser) {
    // on org-wide queries the time filter must match the sort key
    if (orderBy === 'updated_at' && hasRange(created)) throw new InputError(`\`${rangeNames('created_at', q)[0]}\` can only be used with \`order_by=created_at\` on organization-wide queries.`, 'created_at');
    if (orderBy === 'created_at' && hasRange(updated)) throw new InputError(`\`${rangeNames('updated_at', q)[0]}\` can only be used with \`order_by=updated_at\` on organization-wide queries.`, 'updated_at');
    if (cur?.param === 'before_id') throw new InputError('`before_id` is only supported on per-user queries (with `user_ids[]`).', 'before_id');
  }

  let cursor: CursorPosition<ChatRecord> | undefined;
  if (cur) {
    const c = decodeCursor(cur.value);
    const bad = `Invalid \`${cur.param}\`. No chat found for \`${cur.param}\` "${cur.value}"`;
    if (!c || typeof c.t !== 'number' || typeof c.id !== 'string' || typeof c.k !== 'string') throw new InputError(bad, cur.param);
    if (c.p !== p.tenant.parentUuid) throw new InputError(bad, cur.param); // cursors belong to the parent org
    if (c.k !== orderBy) throw new InputError(`Invalid \`${cur.param}\`. The cursor was issued for \`order_by=${c.k}\` and cannot be used with \`order_by=${orderBy}\`.`, cur.param);
    const t = c.t;
    const id = c.id;
    const field = orderBy === 'created_at' ? 'createdAt' : 'updatedAt';
    cursor = { dir: cur.param === 'after_id' ? 'after' : 'before', isBefore: (x) => x[field] < t || (x[field] === t && x.id < id), isAt: (x) => x[field] === t && x.id === id };
  }

  const orgs = orgFilter(p, q.list('organization_ids'));
  const users = perUser ? new Set(userIds) : null;
  const projects = projectIds.length > 0 ? new Set(projectIds) : null;
  const filter = (c: ChatRecord): boolean =>
    orgVisible(p, c.orgUuid) &&
    (!orgs || orgs.has(c.orgUuid)) &&
    (!users || users.has(c.userId)) &&
    (!projects || (c.projectId !== null && projects.has(c.projectId))) &&
    inRange(c.createdAt, created) &&
    inRange(c.updatedAt, updated);

  const page = keysetPage(fromArray(p.tenant.chats.sorted(orderBy)), { order: 'asc', limit, filter, cursor });
  const key = (c: ChatRecord | undefined): string | null => (c ? encodeCursor({ k: orderBy, t: orderBy === 'created_at' ? c.createdAt : c.updatedAt, id: c.id, p: p.tenant.parentUuid }) : null);
  return ok({
    data: page.items.map((c) => chatJson(ctx.world, c)),
    has_more: page.hasMore,
    first_id: key(page.items[0]),
    last_id: key(page.items[page.items.length - 1]),
  });
}

export function findChat(ctx: Ctx, p: CompliancePrincipal, id: string): ChatRecord {
  const chat = p.tenant.chats.get(id);
  if (!chat || !orgVisible(p, chat.orgUuid)) throw new NotFound(`Chat ${id} not found.`);
  return chat;
}

/** `tool_use_input_max_chars` / `tool_result_max_chars`: -1 = server maximum; 0 or other negatives refused [inferred, stricter]. */
function capParam(q: Query, name: string): number {
  const SERVER_MAX = 1_048_576;
  const DEFAULT = 10_000; // [inferred] the session endpoints' documented default
  const v = q.get(name);
  if (v === undefined) return DEFAULT;
  if (!/^-?\d+$/.test(v)) throw new InputError(`The ${name} parameter must be -1 or between 1 and ${SERVER_MAX}, inclusive. Got "${v}".`, name);
  const n = Number(v);
  if (n === -1) return SERVER_MAX;
  if (n < 1 || n > SERVER_MAX) throw new InputError(`The ${name} parameter must be -1 or between 1 and ${SERVER_MAX}, inclusive. Got ${n}.`, name);
  return n;
}

export function listMessages(ctx: Ctx, p: CompliancePrincipal): Reply {
  const q = ctx.query;
  const chat = findChat(ctx, p, ctx.params.claude_chat_id ?? '');
  const limit = optionalLimit(q, 1000);
  const order = enumParam(q, 'order', ['asc', 'desc'] as const, 'asc');
  const created = timeRange(q, 'created_at');
  const updated = timeRange(q, 'updated_at');
  const caps: ToolCaps = { toolUseInput: capParam(q, 'tool_use_input_max_chars'), toolResult: capParam(q, 'tool_result_max_chars') };
  const cur = cursorParam(q);

  let cursor: CursorPosition<MessageRecord> | undefined;
  if (cur) {
    const c = decodeCursor(cur.value);
    const bad = `Invalid \`${cur.param}\`. No message found for \`${cur.param}\` "${cur.value}"`;
    if (!c || typeof c.msg_uuid !== 'string' || typeof c.t !== 'number' || typeof c.i !== 'number' || c.c !== chat.id) throw new InputError(bad, cur.param);
    const t = c.t;
    const i = c.i;
    cursor = { dir: cur.param === 'after_id' ? 'after' : 'before', isBefore: (m) => m.createdAt < t || (m.createdAt === t && m.index < i), isAt: (m) => m.createdAt === t && m.index === i };
  }

  const msgs = p.tenant.chats.messages(chat);
  const filter = (m: MessageRecord): boolean => inRange(m.createdAt, created) && inRange(m.editedAt ?? m.createdAt, updated);
  const page = keysetPage(fromArray(msgs), { order, limit: limit ?? Number.MAX_SAFE_INTEGER, filter, cursor });
  const key = (m: MessageRecord | undefined): string | null => (m ? encodeCursor({ msg_uuid: m.id, c: chat.id, t: m.createdAt, i: m.index }) : null);
  return ok({
    ...chatJson(ctx.world, chat),
    chat_messages: page.items.map((m) => messageJson(ctx.world, chat, m, caps)),
    has_more: page.hasMore,
    first_id: key(page.items[0]),
    last_id: key(page.items[page.items.length - 1]),
  });
}

export function deleteChat(ctx: Ctx, p: CompliancePrincipal): Reply {
  const chat = findChat(ctx, p, ctx.params.claude_chat_id ?? '');
  hardDeleteChat(p.tenant, chat);
  return ok({ id: chat.id, type: 'claude_chat_deleted' });
}

export type { OrderBy };
