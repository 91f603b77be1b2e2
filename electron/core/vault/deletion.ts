import { OgmaError } from '../../../shared/api/errors';
import { stamp, WORKSPACE_TENANT, type VaultContext } from './context';
import type { ChainStore } from './chainstore';
import type { DeletionKind } from './content';
import { requireErasersCover, type SubjectDataEraser } from './erasure';
import type { SearchIndex } from './search';
import type { TenantStore } from './tenants';
import { sql } from './db';

/**
 * The three ways content leaves the vault. Each appends its own record first (so the log
 * says who deleted what, when) and leaves the log verifiable: records are never removed,
 * only content, keys and search terms.
 *
 * Search terms: FTS5 secure-delete removes a row's entries, but segment boundaries kept
 * in the index still carry terms of deleted rows (the erasure test finds them), so every
 * deletion also runs 'optimize', which rewrites the index: its cost grows with the index.
 *
 * Erasure and shredding also run the subject data erasers of the modules whose tables
 * hold personal data (capture: directory, chat state, vendor evidence; see erasure.ts),
 * in the same transaction, after the vault's own changes.
 *
 * The database part runs in the caller's transaction; the returned `afterCommit` removes
 * files and flushes SQLite, and must run only once the transaction committed (a rolled-
 * back deletion must not have removed anything). If the process dies between the two,
 * the blobs of deleted rows are swept on the next open.
 */

export interface Deleted {
  kind: DeletionKind;
  recordSeq: number;
  messages: number;
  afterCommit: () => void;
}

export class Deletions {
  constructor(
    private readonly ctx: VaultContext,
    private readonly tenants: TenantStore,
    private readonly chain: ChainStore,
    private readonly search: SearchIndex,
    private readonly erasers: readonly SubjectDataEraser[] = [],
  ) {}

  deleteChat(tenantId: string, chatId: string, actor: string): Deleted {
    const { db } = this.ctx;
    this.tenants.requireLive(tenantId);
    const chat = sql(db, 'SELECT deleted_at, deleted_by, deleted_seq FROM chats WHERE tenant_id = ? AND id = ?').get(tenantId, chatId) as
      | { deleted_at: string | null; deleted_by: string | null; deleted_seq: number | null }
      | undefined;
    if (!chat) throw new OgmaError('NOT_FOUND', `No chat "${chatId}" in tenant "${tenantId}".`, { field: 'chatId' });
    if (chat.deleted_at) {
      throw new OgmaError('DELETED', `Chat "${chatId}" was already deleted on ${chat.deleted_at.slice(0, 10)} by ${chat.deleted_by}, record #${chat.deleted_seq}.`, { field: 'chatId', seq: chat.deleted_seq ?? undefined });
    }
    const live = sql(db, 'SELECT rowid, blob_path FROM messages WHERE tenant_id = ? AND chat_id = ? AND deleted_at IS NULL').all(tenantId, chatId) as { rowid: number; blob_path: string | null }[];
    const rec = this.chain.append(tenantId, 'chat_deleted', { chatId, messages: live.length }, actor);
    const at = stamp(this.ctx.clock);
    sql(db, `UPDATE messages SET deleted_at = ?, deleted_by = ?, deleted_seq = ?, deleted_reason = 'chat_deleted' WHERE tenant_id = ? AND chat_id = ? AND deleted_at IS NULL`).run(at, actor, rec.seq, tenantId, chatId);
    sql(db, 'UPDATE chats SET title_sealed = NULL, deleted_at = ?, deleted_by = ?, deleted_seq = ? WHERE tenant_id = ? AND id = ?').run(at, actor, rec.seq, tenantId, chatId);
    this.search.remove(live.map((m) => m.rowid));
    this.search.optimize();
    this.log(tenantId, 'chat_deleted', chatId, actor, at, rec.seq);
    const paths = [...new Set(live.map((m) => m.blob_path).filter((p): p is string => p !== null))];
    return {
      kind: 'chat_deleted',
      recordSeq: rec.seq,
      messages: live.length,
      afterCommit: () => {
        paths.forEach((p) => this.ctx.blobs.remove(p));
        flushDeletedPages(this.ctx);
      },
    };
  }

  /** Destroys the subject key, the subject's blobs and search terms, and (erasers) what other tables hold about them. `userId` is the vendor user id. */
  eraseSubject(tenantId: string, userId: string, actor: string): Deleted {
    const { db } = this.ctx;
    this.tenants.requireLive(tenantId);
    const subject = this.tenants.findSubject(tenantId, userId);
    if (!subject) throw new OgmaError('NOT_FOUND', `No data subject "${userId}" in tenant "${tenantId}".`, { field: 'userId' });
    if (subject.erased) {
      throw new OgmaError('DELETED', `Data subject "${userId}" was already erased on ${subject.erased.at.slice(0, 10)} by ${subject.erased.by}, record #${subject.erased.recordSeq}.`, {
        field: 'userId',
        seq: subject.erased.recordSeq,
      });
    }
    requireErasersCover(db, this.erasers, tenantId);
    const all = sql(db, 'SELECT rowid, deleted_at FROM messages WHERE subject_id = ?').all(subject.id) as { rowid: number; deleted_at: string | null }[];
    const rec = this.chain.append(tenantId, 'subject_erased', { userId, messages: all.length }, actor);
    const at = stamp(this.ctx.clock);
    sql(db, `UPDATE messages SET deleted_at = ?, deleted_by = ?, deleted_seq = ?, deleted_reason = 'subject_erased' WHERE subject_id = ? AND deleted_at IS NULL`).run(at, actor, rec.seq, subject.id);
    sql(db, 'UPDATE chats SET title_sealed = NULL WHERE subject_id = ?').run(subject.id);
    sql(db, 'UPDATE subjects SET wrapped_key = NULL, erased_at = ?, erased_by = ?, erased_seq = ? WHERE id = ?').run(at, actor, rec.seq, subject.id);
    this.search.remove(all.filter((m) => m.deleted_at === null).map((m) => m.rowid));
    this.search.optimize();
    for (const e of this.erasers) e.eraseSubject(db, { tenantId, userId, subjectId: subject.id, recordSeq: rec.seq, at });
    this.log(tenantId, 'subject_erased', userId, actor, at, rec.seq);
    return {
      kind: 'subject_erased',
      recordSeq: rec.seq,
      messages: all.length,
      afterCommit: () => {
        this.ctx.keys.forgetSubject(subject.id);
        this.ctx.blobs.remove(`${tenantId}/${subject.id}`);
        flushDeletedPages(this.ctx);
      },
    };
  }

  /** Destroys the tenant key and everything under it; the tenant's log ends with tenant_shredded. */
  shredTenant(tenantId: string, actor: string): Deleted {
    const { db } = this.ctx;
    if (tenantId === WORKSPACE_TENANT) throw new OgmaError('VALIDATION_FAILED', 'The workspace log cannot be shredded; delete the workspace folder instead.', { field: 'tenant' });
    this.tenants.requireLive(tenantId);
    requireErasersCover(db, this.erasers, tenantId);
    const live = sql(db, 'SELECT rowid FROM messages WHERE tenant_id = ? AND deleted_at IS NULL', { pluck: true }).all(tenantId) as number[];
    const subjects = this.tenants.subjectsOf(tenantId).map((s) => s.id);
    const rec = this.chain.append(tenantId, 'tenant_shredded', { tenant: tenantId, messages: live.length, subjects: subjects.length }, actor);
    // Sign the final head while the signing key still exists; the log is closed after this.
    this.chain.checkpoint(tenantId);
    this.chain.append(WORKSPACE_TENANT, 'tenant_shredded', { tenant: tenantId, tenantSeq: rec.seq }, actor);
    const at = stamp(this.ctx.clock);
    sql(db, `UPDATE messages SET deleted_at = ?, deleted_by = ?, deleted_seq = ?, deleted_reason = 'tenant_shredded' WHERE tenant_id = ? AND deleted_at IS NULL`).run(at, actor, rec.seq, tenantId);
    sql(db, 'UPDATE chats SET title_sealed = NULL WHERE tenant_id = ?').run(tenantId);
    sql(db, 'UPDATE subjects SET wrapped_key = NULL WHERE tenant_id = ?').run(tenantId);
    sql(db, 'DELETE FROM credentials WHERE tenant_id = ?').run(tenantId);
    sql(db, 'UPDATE tenants SET wrapped_key = NULL, sealed_signing_key = NULL, shredded_at = ?, shredded_by = ?, shred_seq = ? WHERE id = ?').run(at, actor, rec.seq, tenantId);
    this.search.remove(live);
    this.search.optimize();
    for (const e of this.erasers) e.shredTenant(db, { tenantId, recordSeq: rec.seq, at });
    this.log(tenantId, 'tenant_shredded', tenantId, actor, at, rec.seq);
    return {
      kind: 'tenant_shredded',
      recordSeq: rec.seq,
      messages: live.length,
      afterCommit: () => {
        this.ctx.keys.forgetTenant(tenantId, subjects);
        this.chain.close(tenantId, new OgmaError('DELETED', `Tenant "${tenantId}" was shredded on ${at.slice(0, 10)} by ${actor}, record #${rec.seq}; its log is closed.`, { seq: rec.seq }));
        this.ctx.blobs.remove(tenantId);
        flushDeletedPages(this.ctx);
      },
    };
  }

  private log(tenantId: string, kind: DeletionKind, target: string, actor: string, at: string, seq: number): void {
    const member = sql(this.ctx.db, 'SELECT id FROM members WHERE name = ?').get(actor) as { id: string } | undefined;
    sql(this.ctx.db, 'INSERT INTO deletions (tenant_id, kind, target, member_id, member_name, at, record_seq) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(tenantId, kind, target, member?.id ?? actor, actor, at, seq);
  }
}

/**
 * After the deleting transaction committed: copy the WAL into the database and truncate
 * it to zero bytes, so no pre-deletion page image survives in the WAL. (secure_delete has
 * already zeroed the freed cells and pages in the new images.)
 */
export function flushDeletedPages(ctx: VaultContext): void {
  const r = ctx.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
  if (r[0] && r[0].busy !== 0) {
    throw new OgmaError('UNAVAILABLE', 'The deletion committed, but another reader kept the database busy so old pages could not be flushed yet; close other Ogma windows on this workspace and run the deletion flush again.');
  }
}
