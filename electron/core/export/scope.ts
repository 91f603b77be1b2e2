import { OgmaError } from '../../../shared/api/errors';
import type { ExportScope } from '../../../shared/api/export-schemas';
import { WORKSPACE_TENANT, type Vault } from '../vault';
import { textBounds, Where } from '../vault/review-query';
import { toMatchExpression } from '../vault/search';

/**
 * Scope resolution: which messages an export holds, as rows in export order (documents by
 * tenant, then by their first message's time; messages in conversation order). Filters
 * intersect. A saved selection is the list of chats the UI kept under a name; it is
 * passed in whole (there is no selection store in the vault), and its name is recorded.
 * A search query selects whole chats: every chat with at least one matching message.
 */

export interface ScopedMessage {
  tenantId: string;
  chatId: string;
  messageId: string;
  recordSeq: number | null;
  deleted: boolean;
}

export interface ResolvedScope {
  /** Chats in export order, each with its messages in conversation order. */
  chats: { tenantId: string; chatId: string; messages: ScopedMessage[] }[];
  /** Messages in scope whose content is gone (deleted chat, erased subject, shredded tenant). */
  skippedDeleted: number;
  description: string;
}

interface Row {
  tenant_id: string;
  chat_id: string;
  id: string;
  record_seq: number | null;
  deleted_at: string | null;
  t: string;
}

export function resolveScope(vault: Vault, scope: ExportScope): ResolvedScope {
  const db = vault.db;
  const w = new Where().add('m.tenant_id <> ?', WORKSPACE_TENANT);
  if (scope.tenantId !== undefined) w.add('m.tenant_id = ?', scope.tenantId);
  if (scope.orgId !== undefined) w.add('m.org_id = ?', scope.orgId);
  if (scope.userId !== undefined) w.add('s.external_id = ?', scope.userId);
  if (scope.from !== undefined || scope.to !== undefined) w.range('COALESCE(m.created_at, m.captured_at)', textBounds({ from: scope.from, to: scope.to }));
  const listed = [...(scope.chats ?? []), ...(scope.selection?.chats ?? [])];
  let chatFilter: ((tenantId: string, chatId: string) => boolean) | null = null;
  if (scope.chats || scope.selection) {
    // Both given: a chat must be in both lists.
    const sets = [scope.chats, scope.selection?.chats].filter((x): x is NonNullable<typeof x> => x !== undefined).map((list) => refsMatcher(list));
    chatFilter = (t, c) => sets.every((match) => match(t, c));
  }
  if (scope.query !== undefined) {
    const expr = toMatchExpression(scope.query);
    if (!expr) throw new OgmaError('VALIDATION_FAILED', 'The search query has no words to look for.', { field: 'scope.query' });
    w.add(
      `EXISTS (SELECT 1 FROM messages q WHERE q.tenant_id = m.tenant_id AND q.chat_id = m.chat_id AND q.deleted_at IS NULL AND q.rowid IN (SELECT rowid FROM message_fts WHERE message_fts MATCH ?))`,
      expr,
    );
  }
  const rows = db
    .prepare(
      `SELECT m.tenant_id, m.chat_id, m.id, m.record_seq, m.deleted_at, COALESCE(m.created_at, m.captured_at) AS t
       FROM messages m JOIN subjects s ON s.id = m.subject_id ${w.sql}
       ORDER BY m.tenant_id, m.chat_id, t, m.rowid`,
    )
    .all(...w.params) as Row[];
  const byChat = new Map<string, ResolvedScope['chats'][number] & { first: string }>();
  let skippedDeleted = 0;
  for (const r of rows) {
    if (chatFilter && !chatFilter(r.tenant_id, r.chat_id)) continue;
    if (r.deleted_at !== null) {
      skippedDeleted++;
      continue;
    }
    const key = `${r.tenant_id}\u0000${r.chat_id}`;
    let chat = byChat.get(key);
    if (!chat) {
      chat = { tenantId: r.tenant_id, chatId: r.chat_id, messages: [], first: r.t };
      byChat.set(key, chat);
    }
    chat.messages.push({ tenantId: r.tenant_id, chatId: r.chat_id, messageId: r.id, recordSeq: r.record_seq, deleted: false });
  }
  if (listed.length > 0) {
    const known = new Set(rows.map((r) => `${r.tenant_id}\u0000${r.chat_id}`));
    const ids = new Set(rows.map((r) => r.chat_id));
    const missing = listed.filter((c) => (c.tenantId !== undefined ? !known.has(`${c.tenantId}\u0000${c.chatId}`) : !ids.has(c.chatId)));
    if (missing.length > 0 && rows.length === 0 && scope.from === undefined && scope.to === undefined && scope.query === undefined) {
      throw new OgmaError('NOT_FOUND', `No captured chat "${missing[0]!.chatId}"${missing.length > 1 ? ` (and ${missing.length - 1} more)` : ''} in this workspace.`, { field: 'scope.chats' });
    }
  }
  const chats = [...byChat.values()].sort((a, b) => a.tenantId.localeCompare(b.tenantId) || (a.first < b.first ? -1 : a.first > b.first ? 1 : 0) || a.chatId.localeCompare(b.chatId));
  return { chats: chats.map(({ first: _f, ...c }) => c), skippedDeleted, description: describeScope(scope) };
}

function refsMatcher(list: readonly { tenantId?: string | undefined; chatId: string }[]): (tenantId: string, chatId: string) => boolean {
  const exact = new Set<string>();
  const any = new Set<string>();
  for (const c of list) {
    if (c.tenantId !== undefined) exact.add(`${c.tenantId}\u0000${c.chatId}`);
    else any.add(c.chatId);
  }
  return (t, c) => any.has(c) || exact.has(`${t}\u0000${c}`);
}

/** One line for people: what the export covers. */
export function describeScope(s: ExportScope): string {
  const parts: string[] = [];
  if (s.selection) parts.push(`saved selection "${s.selection.name}" (${s.selection.chats.length} chats)`);
  if (s.chats) parts.push(s.chats.length === 1 ? `chat ${s.chats[0]!.chatId}` : `${s.chats.length} selected chats`);
  if (s.tenantId) parts.push(`tenant ${s.tenantId}`);
  if (s.orgId) parts.push(`organisation ${s.orgId}`);
  if (s.userId) parts.push(`custodian ${s.userId}`);
  if (s.query) parts.push(`chats matching "${s.query}"`);
  if (s.from || s.to) parts.push(`messages ${s.from ? `from ${s.from}` : ''}${s.from && s.to ? ' ' : ''}${s.to ? `to ${s.to}` : ''}`);
  return parts.length ? parts.join('; ') : 'everything captured';
}
