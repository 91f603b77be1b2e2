import { isOgmaError } from '../../../shared/api/errors';
import { verifyRecordStream, verifyRecordStreamParallel, type ChainProblemCode, type LeafHashPool, type VerifyState } from '../chain';
import { sqliteProblem, sql } from './db';
import { stamp, type VaultContext } from './context';
import type { ChainStore } from './chainstore';
import type { ContentStore, DeletionKind, MessageRow } from './content';
import type { HeadsFile } from './heads';
import type { TenantInfo } from './tenants';

/**
 * Verification of one tenant: the chain core checks records, links, Merkle roots and
 * signed checkpoints (those stored in the database plus the newest head from heads.json,
 * which is what catches a truncated log or a lost WAL tail); then the vault checks what
 * the records attest: every message_captured record has its row, its blob opens under the
 * subject key with the right associated data, and the text matches the commitment; content
 * that is gone is gone because a deletion record says so, and its blobs are gone too.
 *
 * Damage never escapes as an exception: an unreadable page becomes a problem located at
 * the first record that could not be read.
 */

export type VaultProblemCode =
  | ChainProblemCode
  | 'database_damaged'
  | 'head_missing'
  | 'head_not_in_log'
  | 'message_row_missing'
  | 'message_row_mismatch'
  | 'blob_missing'
  | 'blob_tampered'
  | 'content_unreadable'
  | 'deletion_unrecorded'
  | 'deleted_content_present';

export interface VerifyProblem {
  tenantId: string;
  /** First record from which the log or what it attests cannot be trusted. */
  seq: number;
  code: VaultProblemCode;
  message: string;
  affects: string;
  path?: string;
  messageId?: string;
}

export interface TenantVerdict {
  tenantId: string;
  ok: boolean;
  mode: 'full' | 'incremental';
  /** Records verified in this run (from `fromSeq`). */
  fromSeq: number;
  size: number;
  root: string | null;
  checkpointsVerified: number;
  messagesChecked: number;
  problem: VerifyProblem | null;
}

export interface VerifyOptions {
  mode: 'full' | 'incremental';
  onProgress?: (p: { tenantId: string; done: number; phase: 'records' | 'content' }) => void;
  /**
   * A log with more records to verify than this has its per-record work (byte scan, leaf
   * and Merkle node hashes) done by worker threads (chain/parallel.ts); the verdict is the
   * same. Default PARALLEL_FROM; Infinity: never.
   */
  parallelFrom?: number;
}

/**
 * Below this many records the serial verifier wins: starting the workers costs tens of ms,
 * and each record costs a copy into shared memory.
 */
export const PARALLEL_FROM = 50_000;

const MESSAGE_MARK = Buffer.from('"type":"message_captured"');
const DELETION_TYPES: ReadonlySet<string> = new Set(['chat_deleted', 'subject_erased', 'tenant_shredded']);

interface Attested {
  seq: number;
  messageId: string;
  chatId: string;
  userId: string;
  commitment: string;
}

export function verifyTenant(
  ctx: VaultContext,
  chain: ChainStore,
  content: ContentStore,
  tenant: TenantInfo,
  heads: HeadsFile | null,
  opts: VerifyOptions,
  /** The worker pool for a large log (created on first use by the caller, who closes it), or null when none could start. */
  pool: () => LeafHashPool | null = () => null,
): TenantVerdict {
  const tenantId = tenant.id;
  const from = opts.mode === 'incremental' ? savedState(ctx, tenantId) : undefined;
  const fromSeq = from?.size ?? 0;
  const checker = new ContentChecker(ctx, chain, content, tenant, (n) => opts.onProgress?.({ tenantId, done: n, phase: 'content' }));
  const fail = (p: Omit<VerifyProblem, 'tenantId'>, size = fromSeq): TenantVerdict => ({
    tenantId,
    mode: opts.mode,
    fromSeq,
    ok: false,
    size,
    root: null,
    checkpointsVerified: 0,
    messagesChecked: checker.checked,
    problem: { tenantId, ...p },
  });

  // 1. The log itself, with what each message record attests checked as it streams past
  //    (only the first content problem is kept, and reported only if the log holds).
  const head = heads?.heads[tenantId];
  let stored: { note: string }[];
  try {
    stored = chain.checkpoints(tenantId).map((c) => ({ note: c.note }));
  } catch (e) {
    return fail(damaged(e, 0, 'reading the checkpoints'));
  }
  let lastRead = fromSeq - 1;
  const tapped = function* (): Generator<{ seq: number; bytes: Buffer }> {
    for (const r of chain.records(tenantId, fromSeq)) {
      lastRead = r.seq;
      if (r.bytes.includes(MESSAGE_MARK)) {
        const a = attestedMessage(r.seq, r.bytes);
        if (a) checker.check(a);
      }
      yield r;
    }
  };
  let verdict;
  // The verifier stops reading at the first problem; the generator is then closed so the
  // SQLite statement behind it is released (an open statement keeps the connection busy).
  // With workers, records are read (and their content checked) a few chunks ahead of the
  // verifier: the verdict is the same, but messagesChecked of a failed one may count more.
  const records = tapped();
  const workers = pendingRecords(ctx, tenantId, fromSeq) > (opts.parallelFrom ?? PARALLEL_FROM) ? pool() : null;
  try {
    const input = {
      tenant: tenantId,
      records,
      checkpoints: head ? [...stored, { note: head.note }] : stored,
      publicKey: tenant.signingPublicKey,
      keyName: tenant.origin,
      origin: tenant.origin,
      ...(from ? { from } : {}),
      onProgress: (done: number) => opts.onProgress?.({ tenantId, done, phase: 'records' as const }),
    };
    verdict = workers ? verifyRecordStreamParallel(input, workers) : verifyRecordStream(input);
  } catch (e) {
    return fail(damaged(e, lastRead + 1, 'reading the log'), lastRead + 1);
  } finally {
    records.return(undefined);
  }
  if (!verdict.ok) {
    const p = verdict.problem;
    return fail({ seq: p.seq, code: p.code, message: p.message, affects: p.affects }, verdict.verifiedUpTo);
  }
  // The newest signed head must be one the database still holds: a lost transaction that
  // carried only a checkpoint would otherwise pass unnoticed.
  if (head && !stored.some((c) => c.note === head.note)) {
    return fail(
      {
        seq: head.size,
        code: 'head_not_in_log',
        message: `The newest signed head in heads.json (size ${head.size}) is not among the database's checkpoints: the database lost committed transactions (a damaged WAL) or was replaced by an older copy.`,
        affects: `What was committed after record ${head.size - 1} cannot be trusted.`,
        path: 'vault.db-wal',
      },
      verdict.size,
    );
  }

  // 2. What the records attest.
  try {
    const problem = checker.first ?? checker.finish(fromSeq);
    if (problem) return fail(problem, verdict.size);
  } catch (e) {
    return fail(damaged(e, fromSeq, 'reading message rows'), verdict.size);
  }

  saveState(ctx, tenantId, verdict.state);
  return {
    tenantId,
    mode: opts.mode,
    fromSeq,
    ok: true,
    size: verdict.size,
    root: verdict.root,
    checkpointsVerified: verdict.checkpointsVerified,
    messagesChecked: checker.checked,
    problem: null,
  };
}

function attestedMessage(seq: number, bytes: Buffer): Attested | null {
  try {
    const r = JSON.parse(bytes.toString('utf8')) as { type?: string; body?: Record<string, unknown> };
    if (r.type !== 'message_captured' || !r.body) return null;
    const b = r.body;
    return { seq, messageId: String(b.messageId), chatId: String(b.chatId), userId: String(b.userId), commitment: String(b.commitment) };
  } catch {
    return null; // the chain verifier reports unreadable records
  }
}

type Problem = Omit<VerifyProblem, 'tenantId'>;

const contentAffects = (seq: number) => `The content attested by record ${seq} cannot be trusted; the log itself verified.`;

/** Checks message records against rows and blobs one at a time, in O(1) memory; keeps the first problem. */
class ContentChecker {
  first: Problem | null = null;
  checked = 0;
  private attested = 0;
  private readonly deletionRecords = new Map<number, { type: string; body: Record<string, unknown> } | null>();

  constructor(
    private readonly ctx: VaultContext,
    private readonly chain: ChainStore,
    private readonly content: ContentStore,
    private readonly tenant: TenantInfo,
    private readonly progress: (n: number) => void,
  ) {}

  check(a: Attested): void {
    this.attested++;
    if (this.first) return;
    try {
      this.first = this.problemWith(a);
    } catch (e) {
      // Whatever kept the content from being checked (a damaged page, a key that does not
      // open, a subject row gone) is a finding about this record, not a crash.
      const err = sqliteProblem(e, 'checking message content');
      if (err.code === 'INTERNAL') throw err;
      this.first = {
        seq: a.seq,
        code: err.where?.path === 'vault.db' && err.code !== 'NOT_FOUND' ? 'database_damaged' : 'content_unreadable',
        message: err.message,
        affects: contentAffects(a.seq),
        messageId: a.messageId,
        ...(err.where?.path ? { path: err.where.path } : {}),
      };
    }
    if (!this.first && ++this.checked % 1024 === 0) this.progress(this.checked);
  }

  private problemWith(a: Attested): Problem | null {
    const row = sql(this.ctx.db, 'SELECT * FROM messages WHERE tenant_id = ? AND record_seq = ?').get(this.tenant.id, a.seq) as MessageRow | undefined;
    const where = { messageId: a.messageId };
    if (!row) {
      return { seq: a.seq, code: 'message_row_missing', message: `Record ${a.seq} attests message "${a.messageId}", but the database has no row for it: the row was removed.`, affects: contentAffects(a.seq), ...where };
    }
    if (row.id !== a.messageId || row.chat_id !== a.chatId || row.commitment !== a.commitment) {
      return { seq: a.seq, code: 'message_row_mismatch', message: `The row of message "${row.id}" does not match record ${a.seq} (id, chat or commitment differ): the row was edited.`, affects: contentAffects(a.seq), ...where };
    }
    const deleted = this.content.deletionOf(row);
    if (deleted) {
      if (!this.deletionMatches(row, a, deleted.reason, deleted.recordSeq)) {
        return {
          seq: a.seq,
          code: 'deletion_unrecorded',
          message: `Message "${row.id}" is marked ${deleted.reason.replace('_', ' ')} by record #${deleted.recordSeq}, but that record is not such a deletion of it: content was hidden without a deletion record.`,
          affects: contentAffects(a.seq),
          ...where,
        };
      }
      if (row.blob_path && this.ctx.blobs.exists(row.blob_path)) {
        // Sweeping on open removes files of deletions a crash interrupted; one still here is a failed erasure.
        return {
          seq: a.seq,
          code: 'deleted_content_present',
          message: `Message "${row.id}" was deleted (record #${deleted.recordSeq}) but its content file is still present.`,
          affects: `Deletion record #${deleted.recordSeq} was not carried out completely.`,
          path: `blobs/${row.blob_path}`,
          ...where,
        };
      }
      return null;
    }
    if (this.tenant.shredded) {
      return { seq: a.seq, code: 'deletion_unrecorded', message: `The tenant was shredded but message "${row.id}" is not marked deleted.`, affects: contentAffects(a.seq), ...where };
    }
    try {
      this.content.openText(row);
    } catch (e) {
      if (!isOgmaError(e) || e.code !== 'TAMPERED') throw e;
      const missing = /missing|no content file/.test(e.message);
      return { seq: a.seq, code: missing ? 'blob_missing' : 'blob_tampered', message: e.message, affects: contentAffects(a.seq), path: `blobs/${row.blob_path ?? ''}`, ...where };
    }
    return null;
  }

  private deletionMatches(row: MessageRow, a: Attested, kind: DeletionKind, seq: number): boolean {
    if (!this.deletionRecords.has(seq)) {
      let rec: { type: string; body: Record<string, unknown> } | null = null;
      try {
        const r = this.chain.record(this.tenant.id, seq);
        rec = { type: r.type, body: r.body as Record<string, unknown> };
      } catch {
        rec = null;
      }
      this.deletionRecords.set(seq, rec);
    }
    const rec = this.deletionRecords.get(seq)!;
    return rec !== null && rec.type === kind && deletionNames(rec, kind, row, a, this.tenant.id);
  }

  /**
   * After the stream: rows that claim a record which is not theirs, and (incremental runs)
   * deletions since the resume point of messages captured before it.
   */
  finish(fromSeq: number): Problem | null {
    const { db } = this.ctx;
    const rows = sql(db, 'SELECT count(*) FROM messages WHERE tenant_id = ? AND record_seq >= ?', { pluck: true }).get(this.tenant.id, fromSeq) as number;
    if (rows !== this.attested) {
      const all = db.prepare('SELECT id, record_seq FROM messages WHERE tenant_id = ? AND record_seq >= ? ORDER BY record_seq').all(this.tenant.id, fromSeq) as { id: string; record_seq: number }[];
      for (const r of all) {
        let ok = false;
        try {
          const rec = this.chain.record(this.tenant.id, r.record_seq);
          ok = rec.type === 'message_captured' && rec.body.messageId === r.id;
        } catch {
          ok = false;
        }
        if (!ok) {
          return { seq: r.record_seq, code: 'message_row_mismatch', message: `Message "${r.id}" claims record ${r.record_seq}, which is not a message_captured record of it.`, affects: contentAffects(r.record_seq), messageId: r.id };
        }
      }
    }
    if (fromSeq > 0) {
      const older = db.prepare('SELECT * FROM messages WHERE tenant_id = ? AND record_seq < ? AND deleted_seq >= ?').all(this.tenant.id, fromSeq, fromSeq) as MessageRow[];
      for (const row of older) {
        const a = attestedMessage(row.record_seq!, Buffer.from(JSON.stringify(this.chain.record(this.tenant.id, row.record_seq!))));
        const deleted = this.content.deletionOf(row)!;
        if (!a || !this.deletionMatches(row, a, deleted.reason, deleted.recordSeq)) {
          return {
            seq: deleted.recordSeq,
            code: 'deletion_unrecorded',
            message: `Message "${row.id}" is marked deleted by record #${deleted.recordSeq}, but that record is not such a deletion of it.`,
            affects: contentAffects(deleted.recordSeq),
            messageId: row.id,
          };
        }
      }
    }
    return null;
  }
}

function deletionNames(rec: { type: string; body: Record<string, unknown> }, kind: DeletionKind, row: MessageRow, a: Attested, tenantId: string): boolean {
  if (!DELETION_TYPES.has(rec.type)) return false;
  if (kind === 'chat_deleted') return rec.body.chatId === row.chat_id;
  if (kind === 'subject_erased') return rec.body.userId === a.userId;
  return rec.body.tenant === tenantId;
}

function damaged(e: unknown, seq: number, doing: string): Omit<VerifyProblem, 'tenantId'> {
  const err = sqliteProblem(e, doing);
  if (err.code !== 'TAMPERED' && err.code !== 'UNREADABLE') throw err;
  return {
    seq,
    code: 'database_damaged',
    message: err.message,
    affects: `Record ${seq} and everything after it could not be read.`,
    path: 'vault.db',
  };
}

/** Records of the tenant's log from `fromSeq` on (0 when that cannot be read: then the serial path reports it). */
function pendingRecords(ctx: VaultContext, tenantId: string, fromSeq: number): number {
  try {
    const last = sql(ctx.db, 'SELECT max(seq) AS s FROM chain_records WHERE tenant_id = ?').get(tenantId) as { s: number | null };
    return (last.s ?? -1) + 1 - fromSeq;
  } catch {
    return 0;
  }
}

/**
 * Where the last successful verification stopped. Only a convenience: it lives in the same
 * database it vouches for, so full verification is the authority. A resume point beyond
 * the stored log (records removed since) is ignored, so the run becomes a full one.
 */
function savedState(ctx: VaultContext, tenantId: string): VerifyState | undefined {
  try {
    const row = sql(ctx.db, 'SELECT state FROM verify_state WHERE tenant_id = ?').get(tenantId) as { state: string } | undefined;
    if (!row) return undefined;
    const state = JSON.parse(row.state) as VerifyState;
    const last = sql(ctx.db, 'SELECT max(seq) AS s FROM chain_records WHERE tenant_id = ?').get(tenantId) as { s: number | null };
    return Number.isSafeInteger(state.size) && state.size <= (last.s ?? -1) + 1 ? state : undefined;
  } catch {
    return undefined;
  }
}

function saveState(ctx: VaultContext, tenantId: string, state: VerifyState): void {
  try {
    sql(ctx.db, 'INSERT INTO verify_state (tenant_id, state, verified_at) VALUES (?, ?, ?) ON CONFLICT (tenant_id) DO UPDATE SET state = excluded.state, verified_at = excluded.verified_at')
      .run(tenantId, JSON.stringify(state), stamp(ctx.clock));
  } catch {
    // Saving the resume point is a convenience; a read-only or damaged file must not hide the verdict.
  }
}
