import { textCommitment } from '../../chain';
import { messageText, type Chat, type ChatMessage } from '../../sources';
import type { PullContext } from '../context';
import type { ChatState, MessageState } from '../state/chats';
import type { SkipReason } from '../types';
import { flagChat } from './flags';

/**
 * Stores one fetched chat inside the caller's transaction. Each message with text is
 * captured once (the vault seals it under the chat user's subject key, commits to it and
 * appends message_captured); the same text again adds nothing; a different text under the
 * same id is an edit, captured as a new version `<id>~vN` and linked to the version it
 * supersedes by a message_superseded record. Messages without text are remembered with
 * the reason, counted once. A soft delete upstream flags the chat; captured content stays.
 */

/** The subject of a chat that names no user (the vendor allows `user: null`). */
export const UNATTRIBUTED = 'unattributed';

export type FetchedChat = { kind: 'chat'; chat: Chat; messages: ChatMessage[]; requestId: string | null } | { kind: 'gone'; chat: Chat; requestId: string | null };

export interface ChatOutcome {
  records: number;
  seen: number;
  captured: number;
  superseded: number;
  unchanged: number;
  skipped: Partial<Record<SkipReason, number>>;
  isNew: boolean;
  softDeleted: boolean;
  gone: boolean;
}

function versionId(messageId: string, version: number): string {
  return version <= 1 ? messageId : `${messageId}~v${version}`;
}

export function writeChat(ctx: PullContext, fetched: FetchedChat): ChatOutcome {
  const { chat } = fetched;
  const prev = ctx.chats.chat(chat.id);
  const out: ChatOutcome = { records: 0, seen: 0, captured: 0, superseded: 0, unchanged: 0, skipped: {}, isNew: prev === null, softDeleted: false, gone: false };
  const orgId = chat.organization_uuid ?? null;
  const userId = chat.user?.id ?? null;
  const state: ChatState = {
    id: chat.id,
    orgUuid: orgId,
    userId,
    createdAt: chat.created_at,
    updatedAt: chat.updated_at ?? null,
    deletedAt: chat.deleted_at ?? null,
    softDeleted: prev?.softDeleted ?? false,
    goneAtSource: prev?.goneAtSource ?? false,
    messages: prev?.messages ?? 0,
  };

  if (fetched.kind === 'gone') {
    if (!state.goneAtSource) {
      flagChat(ctx, { chatId: chat.id, flag: 'gone_at_source', orgId, userId, detectedBy: 'not_found' });
      out.records++;
      out.gone = true;
      state.goneAtSource = true;
    }
    if (prev) state.updatedAt = prev.updatedAt; // nothing new was read: keep what was captured
    ctx.chats.upsertChat(state, ctx.runId);
    return out;
  }

  if (state.goneAtSource) {
    flagChat(ctx, { chatId: chat.id, flag: 'back_at_source', orgId, userId, detectedBy: 'listing' });
    out.records++;
    state.goneAtSource = false;
  }

  const known = prev ? ctx.chats.messagesOf(chat.id) : new Map<string, MessageState>();
  const subject = userId ?? UNATTRIBUTED;
  for (const m of fetched.messages) {
    out.seen++;
    const before = known.get(m.id);
    const text = messageText(m, chat);
    if (text.kind === 'no-text') {
      // A message that had text keeps it (a soft delete empties content upstream; the capture stands).
      if (!before) {
        ctx.chats.putMessageState({ id: m.id, chatId: chat.id, status: 'no_text', reason: text.reason, vaultId: null, version: 0 }, ctx.runId);
        out.skipped[text.reason] = (out.skipped[text.reason] ?? 0) + 1;
      }
      continue;
    }
    if (before?.status === 'withheld') continue;
    if (!before || before.status === 'no_text' || before.vaultId === null) {
      const got = ctx.vault.content.captureMessage(
        { tenantId: ctx.tenantId, chatId: chat.id, messageId: m.id, userId: subject, role: m.role, text: text.text, orgId, model: chat.model ?? null, createdAt: m.created_at },
        ctx.actor,
      );
      if (got.status === 'skipped') {
        ctx.chats.putMessageState({ id: m.id, chatId: chat.id, status: 'withheld', reason: 'withheld', vaultId: null, version: 0 }, ctx.runId);
        out.skipped.withheld = (out.skipped.withheld ?? 0) + 1;
        continue;
      }
      ctx.chats.putMessageState({ id: m.id, chatId: chat.id, status: 'text', reason: null, vaultId: m.id, version: 1 }, ctx.runId);
      if (got.status === 'captured') {
        out.captured++;
        out.records++;
        state.messages++;
      } else out.unchanged++;
      continue;
    }
    // Seen with text before: the same text adds nothing, another text is an edit.
    const salt = ctx.vault.content.messageSalt(ctx.tenantId, before.vaultId);
    if (!Buffer.isBuffer(salt)) {
      // Deleted on purpose in the vault (chat deleted, subject erased): never captured again.
      ctx.chats.putMessageState({ ...before, status: 'withheld', reason: 'withheld' }, ctx.runId);
      out.skipped.withheld = (out.skipped.withheld ?? 0) + 1;
      continue;
    }
    const row = ctx.vault.content.row(ctx.tenantId, before.vaultId);
    if (row && row.commitment === textCommitment(salt, text.text)) {
      out.unchanged++;
      continue;
    }
    const version = before.version + 1;
    const newId = versionId(m.id, version);
    const got = ctx.vault.content.captureMessage(
      { tenantId: ctx.tenantId, chatId: chat.id, messageId: newId, userId: subject, role: m.role, text: text.text, orgId, model: chat.model ?? null, createdAt: m.created_at },
      ctx.actor,
    );
    if (got.status === 'skipped') {
      ctx.chats.putMessageState({ ...before, status: 'withheld', reason: 'withheld' }, ctx.runId);
      out.skipped.withheld = (out.skipped.withheld ?? 0) + 1;
      continue;
    }
    ctx.vault.chain.append(
      ctx.tenantId,
      'message_superseded',
      {
        messageId: m.id,
        chatId: chat.id,
        supersededId: before.vaultId,
        supersededRecord: row?.record_seq ?? null,
        supersededCommitment: row?.commitment ?? null,
        newId,
        newRecord: got.recordSeq,
        commitment: got.commitment,
        version,
        runId: ctx.runId,
      },
      ctx.actor,
    );
    ctx.vault.db.prepare('UPDATE messages SET superseded_by = ? WHERE tenant_id = ? AND id = ?').run(newId, ctx.tenantId, before.vaultId);
    ctx.chats.putMessageState({ ...before, status: 'text', vaultId: newId, version }, ctx.runId);
    out.superseded++;
    out.records += 2;
    state.messages++;
  }

  if (state.deletedAt && !state.softDeleted) {
    flagChat(ctx, { chatId: chat.id, flag: 'soft_deleted', orgId, userId, deletedAt: state.deletedAt, detectedBy: 'listing' });
    out.records++;
    out.softDeleted = true;
    state.softDeleted = true;
  }
  // After the messages: the vault seals a title under the key of the chat's data subject, known once text was captured.
  if (chat.name) ctx.vault.content.setChatTitle(ctx.tenantId, chat.id, chat.name);
  ctx.chats.upsertChat(state, ctx.runId);
  return out;
}
