import type { Db } from '../../vault/db';
import type { SkipReason } from '../types';

/**
 * What was seen of each chat and message upstream, by vendor id. A chat whose listed
 * `updated_at` and `deleted_at` equal what is stored here needs no re-fetch; a message
 * row says whether it had text (and which vault message holds its latest version) or why
 * it had none, so a re-pull neither captures nor counts anything twice.
 */

export interface ChatState {
  id: string;
  orgUuid: string | null;
  userId: string | null;
  createdAt: string | null;
  updatedAt: string | null;
  deletedAt: string | null;
  softDeleted: boolean;
  goneAtSource: boolean;
  messages: number;
  /** Its user was erased as a data subject: never fetched again (erasure.ts). */
  erased?: boolean;
}

export interface MessageState {
  id: string;
  chatId: string;
  status: 'text' | 'no_text' | 'withheld';
  reason: SkipReason | null;
  /** Vault message id of the latest captured version (the vendor id, or `<id>~vN` for edits). */
  vaultId: string | null;
  version: number;
}

interface ChatRow {
  id: string;
  org_uuid: string | null;
  user_id: string | null;
  created_at: string | null;
  updated_at: string | null;
  deleted_at: string | null;
  soft_deleted: number;
  gone_at_source: number;
  messages: number;
  erased_seq: number | null;
}

interface MessageRow {
  id: string;
  chat_id: string;
  status: MessageState['status'];
  reason: SkipReason | null;
  vault_id: string | null;
  version: number;
}

const toChat = (r: ChatRow): ChatState => ({
  id: r.id,
  orgUuid: r.org_uuid,
  userId: r.user_id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  deletedAt: r.deleted_at,
  softDeleted: r.soft_deleted === 1,
  goneAtSource: r.gone_at_source === 1,
  messages: r.messages,
  ...(r.erased_seq !== null ? { erased: true } : {}),
});

const toMessage = (r: MessageRow): MessageState => ({ id: r.id, chatId: r.chat_id, status: r.status, reason: r.reason, vaultId: r.vault_id, version: r.version });

export class ChatTable {
  private readonly getChat;
  private readonly getMessages;
  private readonly putMessage;
  private readonly putChat;

  constructor(
    private readonly db: Db,
    private readonly tenantId: string,
  ) {
    this.getChat = db.prepare('SELECT * FROM capture_chats WHERE tenant_id = ? AND id = ?');
    this.getMessages = db.prepare('SELECT id, chat_id, status, reason, vault_id, version FROM capture_messages WHERE tenant_id = ? AND chat_id = ?');
    this.putMessage = db.prepare(
      `INSERT INTO capture_messages (tenant_id, id, chat_id, status, reason, vault_id, version, first_run) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (tenant_id, id) DO UPDATE SET status = excluded.status, reason = excluded.reason, vault_id = excluded.vault_id, version = excluded.version`,
    );
    this.putChat = db.prepare(
      `INSERT INTO capture_chats (tenant_id, id, org_uuid, user_id, created_at, updated_at, deleted_at, soft_deleted, gone_at_source, messages, first_run, last_run)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (tenant_id, id) DO UPDATE SET org_uuid = excluded.org_uuid, user_id = excluded.user_id, created_at = excluded.created_at,
         updated_at = excluded.updated_at, deleted_at = excluded.deleted_at, soft_deleted = excluded.soft_deleted,
         gone_at_source = excluded.gone_at_source, messages = excluded.messages, last_run = excluded.last_run`,
    );
  }

  chat(id: string): ChatState | null {
    const r = this.getChat.get(this.tenantId, id) as ChatRow | undefined;
    return r ? toChat(r) : null;
  }

  upsertChat(c: ChatState, runId: string): void {
    this.putChat.run(this.tenantId, c.id, c.orgUuid, c.userId, c.createdAt, c.updatedAt, c.deletedAt, c.softDeleted ? 1 : 0, c.goneAtSource ? 1 : 0, c.messages, runId, runId);
  }

  markGone(id: string): void {
    this.db.prepare('UPDATE capture_chats SET gone_at_source = 1 WHERE tenant_id = ? AND id = ?').run(this.tenantId, id);
  }

  /** Is `userId` a data subject erased in this tenant? (Their chats are not fetched.) */
  userErased(userId: string | null | undefined): boolean {
    if (!userId) return false;
    this.erasedUsers ??= new Set(this.db.prepare('SELECT external_id FROM subjects WHERE tenant_id = ? AND erased_seq IS NOT NULL').pluck().all(this.tenantId) as string[]);
    return this.erasedUsers.has(userId);
  }
  private erasedUsers: Set<string> | undefined;

  /** Ids of captured chats not (yet) flagged gone at the source. */
  presentIds(): string[] {
    return this.db.prepare('SELECT id FROM capture_chats WHERE tenant_id = ? AND gone_at_source = 0').pluck().all(this.tenantId) as string[];
  }

  messagesOf(chatId: string): Map<string, MessageState> {
    const out = new Map<string, MessageState>();
    for (const r of this.getMessages.all(this.tenantId, chatId) as MessageRow[]) out.set(r.id, toMessage(r));
    return out;
  }

  putMessageState(m: MessageState, runId: string): void {
    this.putMessage.run(this.tenantId, m.id, m.chatId, m.status, m.reason, m.vaultId, m.version, runId);
  }
}
