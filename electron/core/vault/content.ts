import { OgmaError } from '../../../shared/api/errors';
import { messageSalt, textCommitment } from '../chain';
import { BlobStore } from './blobs';
import { aad, open, seal, wipe } from './crypto';
import { checkId, stamp, type VaultContext } from './context';
import type { ChainStore } from './chainstore';
import type { SearchIndex } from './search';
import type { SubjectInfo, TenantStore } from './tenants';
import { sql } from './db';

/**
 * Message content: text sealed with AES-256-GCM under the data subject's key, one blob per
 * message, associated data binding workspace + tenant + message + subject (a blob moved to
 * another message, subject or workspace fails to open). The chain commits to the text with
 * a salted commitment whose salt comes from the subject key, so erasure (destroying that
 * key) also ends anyone's ability to confirm a guess of the text.
 */

export type DeletionKind = 'chat_deleted' | 'subject_erased' | 'tenant_shredded';

/** What reading deleted content returns: a value, not an error. */
export interface DeletedContent {
  status: 'deleted';
  reason: DeletionKind;
  at: string;
  /** Member name. */
  by: string;
  recordSeq: number;
}

export interface MessageText {
  status: 'ok';
  text: string;
}

/** "deleted on 2026-11-23 by alice, record #42" */
export function describeDeleted(d: DeletedContent): string {
  return `deleted on ${d.at.slice(0, 10)} by ${d.by}, record #${d.recordSeq}`;
}

export interface CaptureMessageInput {
  tenantId: string;
  chatId: string;
  messageId: string;
  /** Vendor user id of the data subject (the chat's owner). */
  userId: string;
  role: string;
  text: string;
  orgId?: string | null;
  model?: string | null;
  createdAt?: string | null;
}

export type CapturedMessage =
  | { status: 'captured' | 'already_captured'; rowid: number; messageId: string; subjectId: string; recordSeq: number; commitment: string }
  /** Content deleted on purpose is never captured again by a re-pull. */
  | { status: 'skipped'; messageId: string; deleted: 'chat_deleted' | 'subject_erased' };

/** Where a message's sealed text is: a slice of a pack file. */
export interface BlobRef {
  blobPath: string;
  offset: number;
  length: number;
}

interface PendingPack {
  rel: string;
  chunks: Buffer[];
  size: number;
}

/** The body of a message_captured record as the vault writes and checks it. */
export interface MessageCapturedBody {
  messageId: string;
  chatId: string;
  orgId: string | null;
  userId: string;
  role: string;
  model: string | null;
  createdAt: string | null;
  commitment: string;
  [k: string]: string | null;
}

export interface MessageRow {
  rowid: number;
  tenant_id: string;
  id: string;
  chat_id: string;
  subject_id: string;
  blob_path: string | null;
  blob_offset: number | null;
  blob_length: number | null;
  commitment: string | null;
  record_seq: number | null;
  deleted_at: string | null;
  deleted_by: string | null;
  deleted_seq: number | null;
  deleted_reason: DeletionKind | null;
}

export class ContentStore {
  /**
   * Sealed texts of the current transaction, one pack per (subject, chat): a page of one
   * chat becomes one file and one fsync instead of one per message. Written by
   * flushPending just before commit; a pack holds one chat's messages only, so deleting
   * a chat deletes whole files.
   */
  private readonly pending = new Map<string, PendingPack>();
  /**
   * What this transaction already looked up, so a page of one chat asks once rather than
   * per message: the data subject of (tenant, vendor user), and per (tenant, chat) whether
   * it was deleted and whether its row was written. Only filled inside a transaction (the
   * write lock keeps other processes out until it ends), and cleared by Vault.transaction
   * when an outermost transaction begins and ends and after any failure (a rolled-back
   * savepoint may have created the rows cached here).
   */
  private readonly txSubjects = new Map<string, SubjectInfo | null>();
  private readonly txChats = new Map<string, { deleted: boolean; stored: boolean }>();

  constructor(
    private readonly ctx: VaultContext,
    private readonly tenants: TenantStore,
    private readonly chain: ChainStore,
    private readonly search: SearchIndex,
  ) {}

  private blobAad(tenantId: string, messageId: string, subjectId: string): Buffer {
    return aad('ogma/blob/v1', this.ctx.workspaceId, tenantId, messageId, subjectId);
  }

  /**
   * Inside a transaction: seals the text into this transaction's pack for its chat (on disk
   * before the commit), writes the message row, appends message_captured and indexes the
   * text. A message already captured is left as it is (a re-pull never duplicates a
   * record), and content deleted on purpose is not captured again.
   */
  captureMessage(input: CaptureMessageInput, actor: string): CapturedMessage {
    const { db } = this.ctx;
    checkId(input.tenantId, 'Tenant id', 'tenant');
    if (!input.messageId || !input.chatId) throw new OgmaError('VALIDATION_FAILED', 'A message needs its id and its chat id.', { field: 'messageId' });
    if (typeof input.text !== 'string') throw new OgmaError('VALIDATION_FAILED', 'Only text content is captured.', { field: 'text', messageId: input.messageId });
    const existing = sql(db, 'SELECT rowid, id, subject_id, record_seq, commitment FROM messages WHERE tenant_id = ? AND id = ?').get(input.tenantId, input.messageId) as
      | Pick<MessageRow, 'rowid' | 'id' | 'subject_id' | 'record_seq' | 'commitment'>
      | undefined;
    if (existing) {
      return { status: 'already_captured', rowid: existing.rowid, messageId: existing.id, subjectId: existing.subject_id, recordSeq: existing.record_seq ?? -1, commitment: existing.commitment ?? '' };
    }
    const inTx = db.inTransaction;
    // A shredded tenant's log is closed: chain.append below refuses with DELETED.
    const subjectKey = `${input.tenantId}\u0000${input.userId}`;
    let found = inTx ? this.txSubjects.get(subjectKey) : undefined;
    if (found === undefined) {
      found = this.tenants.findSubject(input.tenantId, input.userId);
      if (inTx) this.txSubjects.set(subjectKey, found);
    }
    if (found?.erased) return { status: 'skipped', messageId: input.messageId, deleted: 'subject_erased' };
    const chatKey = `${input.tenantId}\u0000${input.chatId}`;
    let chat = inTx ? this.txChats.get(chatKey) : undefined;
    if (!chat) {
      const row = sql(db, 'SELECT deleted_at FROM chats WHERE tenant_id = ? AND id = ?').get(input.tenantId, input.chatId) as { deleted_at: string | null } | undefined;
      chat = { deleted: Boolean(row?.deleted_at), stored: false };
      if (inTx) this.txChats.set(chatKey, chat);
    }
    if (chat.deleted) return { status: 'skipped', messageId: input.messageId, deleted: 'chat_deleted' };
    let subject = found;
    if (!subject) {
      subject = this.tenants.ensureSubject(input.tenantId, input.userId);
      if (inTx) this.txSubjects.set(subjectKey, subject);
    }
    const { blob, commitment } = this.putMessageText(input.tenantId, subject.id, input.chatId, input.messageId, input.text);
    const now = stamp(this.ctx.clock);
    if (!chat.stored) {
      sql(db, 'INSERT OR IGNORE INTO chats (tenant_id, id, org_id, subject_id, captured_at) VALUES (?, ?, ?, ?, ?)').run(input.tenantId, input.chatId, input.orgId ?? null, subject.id, now);
      chat.stored = inTx;
    }
    const body: MessageCapturedBody = {
      messageId: input.messageId,
      chatId: input.chatId,
      orgId: input.orgId ?? null,
      userId: input.userId,
      role: input.role,
      model: input.model ?? null,
      createdAt: input.createdAt ?? null,
      commitment,
    };
    const rec = this.chain.append(input.tenantId, 'message_captured', body, actor);
    const res = sql(db, 
        `INSERT INTO messages (tenant_id, id, chat_id, org_id, subject_id, role, model, created_at, captured_at, blob_path, blob_offset, blob_length, commitment, record_seq)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(input.tenantId, input.messageId, input.chatId, input.orgId ?? null, subject.id, input.role, input.model ?? null, input.createdAt ?? null, now, blob.blobPath, blob.offset, blob.length, commitment, rec.seq);
    const rowid = Number(res.lastInsertRowid);
    this.search.add(rowid, input.text);
    return { status: 'captured', rowid, messageId: input.messageId, subjectId: subject.id, recordSeq: rec.seq, commitment };
  }

  /**
   * Seals `text` under the subject key into the transaction's pack for (subject, chat) and
   * returns where it will be and its commitment. Inside a transaction: the pack is written
   * when the transaction commits.
   */
  putMessageText(tenantId: string, subjectId: string, chatId: string, messageId: string, text: string): { blob: BlobRef; commitment: string } {
    if (!this.ctx.db.inTransaction) throw new OgmaError('INTERNAL', 'Content is stored inside workspace.transaction(), so the blob and the row that names it commit together.');
    const key = this.ctx.keys.subjectKey(tenantId, subjectId);
    if (!key) throw new OgmaError('DELETED', `Data subject "${subjectId}" was erased; content cannot be stored for them.`, { messageId });
    const plain = Buffer.from(text, 'utf8');
    try {
      const sealed = seal(key, plain, this.blobAad(tenantId, messageId, subjectId), this.ctx.random);
      const commitment = textCommitment(messageSalt(key, messageId), text);
      const packKey = `${tenantId}\u0000${subjectId}\u0000${chatId}`;
      let pack = this.pending.get(packKey);
      if (!pack) {
        pack = { rel: BlobStore.relPath(tenantId, subjectId, `${this.ctx.random(16).toString('hex')}.bin`), chunks: [], size: 0 };
        this.pending.set(packKey, pack);
      }
      const blob = { blobPath: pack.rel, offset: pack.size, length: sealed.length };
      pack.chunks.push(sealed);
      pack.size += sealed.length;
      return { blob, commitment };
    } finally {
      wipe(plain);
    }
  }

  /** Just before commit: every pack of the transaction on disk, fsynced, names durable. */
  flushPending(): void {
    if (this.pending.size === 0) return;
    const packs = [...this.pending.values()];
    this.pending.clear();
    this.ctx.blobs.createAllSynced(packs);
  }

  /** After an outermost rollback nothing of the transaction may reach disk. */
  discardPending(): void {
    this.pending.clear();
  }

  /** Forgets what the transaction looked up (see txSubjects); Vault.transaction calls it. */
  resetTransactionCache(): void {
    this.txSubjects.clear();
    this.txChats.clear();
  }

  private sealedBytes(row: MessageRow): Buffer | null {
    const offset = row.blob_offset ?? 0;
    const length = row.blob_length ?? 0;
    for (const p of this.pending.values()) {
      if (p.rel === row.blob_path) return Buffer.concat(p.chunks).subarray(offset, offset + length);
    }
    const got = this.ctx.blobs.readSlice(row.blob_path!, offset, length);
    return got && got.length === 0 && length > 0 ? null : got;
  }

  row(tenantId: string, messageId: string): MessageRow | undefined {
    return sql(this.ctx.db, 'SELECT * FROM messages WHERE tenant_id = ? AND id = ?').get(tenantId, messageId) as MessageRow | undefined;
  }

  requireRow(tenantId: string, messageId: string): MessageRow {
    const r = this.row(tenantId, messageId);
    if (!r) throw new OgmaError('NOT_FOUND', `No message "${messageId}" in tenant "${tenantId}".`, { messageId });
    return r;
  }

  /** Why a message's content is gone, or null while it is readable. */
  deletionOf(row: MessageRow): DeletedContent | null {
    if (row.deleted_at && row.deleted_reason && row.deleted_seq !== null) {
      return { status: 'deleted', reason: row.deleted_reason, at: row.deleted_at, by: row.deleted_by ?? 'unknown', recordSeq: row.deleted_seq };
    }
    return null;
  }

  /** The text, or a DeletedContent saying when, by whom and in which record it was deleted. */
  getMessageText(tenantId: string, messageId: string): MessageText | DeletedContent {
    const row = this.requireRow(tenantId, messageId);
    const deleted = this.deletionOf(row);
    if (deleted) return deleted;
    return { status: 'ok', text: this.openText(row) };
  }

  /**
   * Decrypts a live message's blob and checks it against the commitment the chain holds.
   * A missing, altered or swapped blob is TAMPERED naming the message.
   */
  openText(row: MessageRow): string {
    const where = { messageId: row.id, path: `blobs/${row.blob_path ?? ''}`, ...(row.record_seq !== null ? { seq: row.record_seq } : {}) };
    if (!row.blob_path) throw new OgmaError('TAMPERED', `Message "${row.id}" has no content file although it was never deleted.`, where);
    const sealed = this.sealedBytes(row);
    if (!sealed) throw new OgmaError('TAMPERED', `The content file of message "${row.id}" is missing although no deletion was recorded.`, where);
    const key = this.ctx.keys.subjectKey(row.tenant_id, row.subject_id);
    if (!key) throw new OgmaError('TAMPERED', `The key of message "${row.id}"'s data subject is gone although no erasure was recorded for the message.`, where);
    const plain = open(key, sealed, this.blobAad(row.tenant_id, row.id, row.subject_id), `The content file of message "${row.id}"`, where);
    try {
      const text = plain.toString('utf8');
      if (row.commitment === null || textCommitment(messageSalt(key, row.id), text) !== row.commitment) {
        throw new OgmaError('TAMPERED', `The text of message "${row.id}" does not match its commitment.`, where);
      }
      return text;
    } finally {
      wipe(plain);
    }
  }

  /**
   * Seals a chat's title under its data subject's key: a title is personal data, so erasing
   * the subject (or shredding the tenant) makes it unreadable with the rest of their content.
   * A chat the vault holds no text of yet, or that was deleted, keeps no title. An empty
   * title (what the vendor sends once a user deleted the chat) never replaces a known one.
   */
  setChatTitle(tenantId: string, chatId: string, title: string): void {
    if (title === '') return;
    const row = sql(this.ctx.db, 'SELECT subject_id, deleted_at FROM chats WHERE tenant_id = ? AND id = ?').get(tenantId, chatId) as
      | { subject_id: string | null; deleted_at: string | null }
      | undefined;
    if (!row || row.deleted_at || !row.subject_id) return;
    const key = this.ctx.keys.subjectKey(tenantId, row.subject_id);
    if (!key) return; // the subject was erased: nothing of theirs is kept
    const sealed = seal(key, Buffer.from(title, 'utf8'), this.titleAad(tenantId, chatId, row.subject_id), this.ctx.random);
    sql(this.ctx.db, 'UPDATE chats SET title_sealed = ? WHERE tenant_id = ? AND id = ?').run(sealed, tenantId, chatId);
  }

  /** The chat's title as captured, or null (never captured, deleted, erased). */
  chatTitle(tenantId: string, chatId: string): string | null {
    const row = sql(this.ctx.db, 'SELECT subject_id, title_sealed, deleted_at FROM chats WHERE tenant_id = ? AND id = ?').get(tenantId, chatId) as
      | { subject_id: string | null; title_sealed: Buffer | null; deleted_at: string | null }
      | undefined;
    if (!row || !row.title_sealed || row.deleted_at || !row.subject_id) return null;
    const key = this.ctx.keys.subjectKey(tenantId, row.subject_id);
    if (!key) return null;
    return open(key, row.title_sealed, this.titleAad(tenantId, chatId, row.subject_id), `The title of chat "${chatId}"`, { field: 'title', path: 'vault.db' }).toString('utf8');
  }

  private titleAad(tenantId: string, chatId: string, subjectId: string): Buffer {
    // Bound to its chat: a title sealed for one chat cannot be moved onto another.
    return aad('ogma chat title v1', tenantId, chatId, subjectId);
  }

  /**
   * The commitment salt (it ships in exports with the text), or DeletedContent for deleted
   * content. After a chat deletion the subject key still exists, so the vault could derive
   * it, but a salt without its text only serves to test guesses, so it is refused too.
   */
  messageSalt(tenantId: string, messageId: string): Buffer | DeletedContent {
    const row = this.requireRow(tenantId, messageId);
    const deleted = this.deletionOf(row);
    if (deleted) return deleted;
    const key = this.ctx.keys.subjectKey(row.tenant_id, row.subject_id);
    if (!key) throw new OgmaError('TAMPERED', `The key of message "${messageId}"'s data subject is gone although no erasure was recorded.`, { messageId });
    return messageSalt(key, messageId);
  }
}
