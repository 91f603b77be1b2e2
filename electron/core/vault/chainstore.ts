import { OgmaError } from '../../../shared/api/errors';
import { canonicalize, GENESIS_PREV, MerkleFrontier, recordLeafHash, signCheckpoint, type ChainRecord, type JsonValue, type RecordType } from '../chain';
import { recordShapeProblem } from '../chain/record';
import { stamp, type VaultContext } from './context';
import { sql } from './db';

/**
 * Storage of the per-tenant append-only logs. Records are stored as their canonical bytes
 * (exactly what is hashed) with their leaf hash; a MerkleFrontier per tenant is kept in
 * chain_heads so appending and computing the root cost O(log n).
 *
 * Every committed transaction that appended records ends with a signed checkpoint of each
 * tenant it touched (sealPending, called by Vault.transaction just before commit), so
 * "what was committed" is always covered by a signature. The newest notes are mirrored to
 * heads.json after commit, which is how a lost WAL tail or a truncated log is detected.
 */

export interface AppendedRecord {
  tenantId: string;
  seq: number;
  leafHash: string;
  at: string;
}

export interface StoredCheckpoint {
  tenantId: string;
  size: number;
  root: string;
  note: string;
  time: string;
}

interface Head {
  size: number;
  lastLeaf: string;
  frontier: MerkleFrontier;
  /** Size of the newest stored checkpoint. */
  checkpointed: number;
}

export type RecordBody = { [k: string]: JsonValue };

export class ChainStore {
  private readonly heads = new Map<string, Head>();
  /** Tenants appended to or checkpointed in the current outermost transaction (a superset is harmless). */
  private readonly touched = new Set<string>();
  /** Tenants whose cached head was checked against the database in this transaction. */
  private readonly current = new Set<string>();
  private readonly blocked = new Map<string, OgmaError>();

  constructor(private readonly ctx: VaultContext) {}

  /** Appends inside the caller's transaction; seq and prev are taken from the tenant's head. */
  append(tenantId: string, type: RecordType, body: RecordBody, actor: string): AppendedRecord {
    const { db } = this.ctx;
    if (!db.inTransaction) throw new OgmaError('INTERNAL', 'Chain records are appended inside workspace.transaction(), so the record and what it attests commit together.');
    const refusal = this.blocked.get(tenantId);
    if (refusal) throw refusal;
    const head = this.state(tenantId);
    const at = stamp(this.ctx.clock);
    const record: ChainRecord = { v: 1, tenant: tenantId, seq: head.size, type, at, actor, prev: head.lastLeaf, body };
    const bytes = encodeOwnRecord(record);
    const leaf = recordLeafHash(bytes);
    const hex = leaf.toString('hex');
    sql(db, 'INSERT INTO chain_records (tenant_id, seq, bytes, leaf_hash) VALUES (?, ?, ?, ?)').run(tenantId, head.size, bytes, hex);
    head.frontier.append(leaf);
    head.size++;
    head.lastLeaf = hex;
    // chain_heads is written once per transaction, by sealPending.
    this.touched.add(tenantId);
    return { tenantId, seq: record.seq, leafHash: hex, at };
  }

  /** Size and root (hex) of a tenant's log as this transaction sees it. */
  head(tenantId: string): { size: number; root: string } {
    const h = this.state(tenantId);
    return { size: h.size, root: h.frontier.root().toString('hex') };
  }

  private state(tenantId: string): Head {
    let head = this.heads.get(tenantId);
    const inTx = this.ctx.db.inTransaction;
    if (head && (!inTx || !this.current.has(tenantId))) {
      // Once per transaction: another process may have appended since we cached this head.
      const saved = sql(this.ctx.db, 'SELECT size, last_leaf FROM chain_heads WHERE tenant_id = ?').get(tenantId) as { size: number; last_leaf: string } | undefined;
      if (!saved || saved.size !== head.size || saved.last_leaf !== head.lastLeaf) head = undefined;
    }
    if (!head) {
      head = this.loadHead(tenantId);
      this.heads.set(tenantId, head);
    }
    if (inTx) this.current.add(tenantId);
    return head;
  }

  /** At the start of each outermost transaction: cached heads are re-checked against the database on first use. */
  beginTransaction(): void {
    this.current.clear();
  }

  private loadHead(tenantId: string): Head {
    const { db } = this.ctx;
    const row = sql(db, 'SELECT size, last_leaf, frontier FROM chain_heads WHERE tenant_id = ?').get(tenantId) as { size: number; last_leaf: string; frontier: string } | undefined;
    const last = sql(db, 'SELECT seq, leaf_hash FROM chain_records WHERE tenant_id = ? ORDER BY seq DESC LIMIT 1').get(tenantId) as { seq: number; leaf_hash: string } | undefined;
    const cp = sql(db, 'SELECT max(size) AS s FROM checkpoints WHERE tenant_id = ?').get(tenantId) as { s: number | null };
    if (!row) {
      if (last) throw this.block(tenantId, `the log of tenant "${tenantId}" has records but no saved head`);
      return { size: 0, lastLeaf: GENESIS_PREV, frontier: new MerkleFrontier(), checkpointed: cp.s ?? 0 };
    }
    // The saved head must end where the records end, or appending would fork the log.
    if (!last || last.seq !== row.size - 1 || last.leaf_hash !== row.last_leaf) {
      throw this.block(tenantId, `the saved head of tenant "${tenantId}" (size ${row.size}) does not match its last stored record (${last ? `#${last.seq}` : 'none'})`);
    }
    let frontier: MerkleFrontier;
    try {
      frontier = MerkleFrontier.fromJSON(JSON.parse(row.frontier));
      if (frontier.size !== row.size) throw new Error('size');
    } catch {
      throw this.block(tenantId, `the saved Merkle frontier of tenant "${tenantId}" is unreadable`);
    }
    return { size: row.size, lastLeaf: row.last_leaf, frontier, checkpointed: cp.s ?? 0 };
  }

  /** Refuses further appends to a tenant whose stored log is not what was last signed. */
  block(tenantId: string, why: string): OgmaError {
    const e = new OgmaError('TAMPERED', `Appending to this log is refused because ${why}. Run "ogma verify-chain" to locate the damage; the evidence is left untouched.`, { field: 'tenant' });
    this.blocked.set(tenantId, e);
    return e;
  }

  /** A shredded tenant's log is closed: its last record is tenant_shredded and nothing follows. */
  close(tenantId: string, refusal: OgmaError): void {
    this.blocked.set(tenantId, refusal);
  }

  blockedReason(tenantId: string): OgmaError | undefined {
    return this.blocked.get(tenantId);
  }

  /** Signs and stores a checkpoint of the tenant's current head (inside a transaction). */
  checkpoint(tenantId: string): StoredCheckpoint {
    if (!this.ctx.db.inTransaction) throw new OgmaError('INTERNAL', 'Checkpoints are stored inside workspace.transaction().');
    const head = this.state(tenantId);
    const origin = this.originOf(tenantId);
    const time = stamp(this.ctx.clock);
    this.saveHead(tenantId, head);
    const root = head.frontier.root();
    const note = signCheckpoint({ origin, size: head.size, root, time }, this.ctx.keys.signer(tenantId));
    const cp = { tenantId, size: head.size, root: root.toString('hex'), note, time };
    sql(this.ctx.db, 'INSERT INTO checkpoints (tenant_id, size, root, note, created_at) VALUES (?, ?, ?, ?, ?)').run(tenantId, cp.size, cp.root, note, time);
    head.checkpointed = head.size;
    this.touched.add(tenantId);
    return cp;
  }

  /** Before commit: checkpoint (and save the head of) every tenant that gained records since its last checkpoint. */
  sealPending(): void {
    for (const t of this.touched) {
      const h = this.state(t);
      if (h.size > h.checkpointed) this.checkpoint(t);
    }
  }

  private saveHead(tenantId: string, h: Head): void {
    sql(
      this.ctx.db,
      `INSERT INTO chain_heads (tenant_id, size, last_leaf, frontier) VALUES (?, ?, ?, ?)
       ON CONFLICT (tenant_id) DO UPDATE SET size = excluded.size, last_leaf = excluded.last_leaf, frontier = excluded.frontier`,
    ).run(tenantId, h.size, h.lastLeaf, JSON.stringify(h.frontier.toJSON()));
  }

  /** The cached heads, copied, so a failed savepoint can put them back (its records were rolled back). */
  snapshot(): Map<string, Head> {
    const copy = new Map<string, Head>();
    for (const [t, h] of this.heads) copy.set(t, { size: h.size, lastLeaf: h.lastLeaf, checkpointed: h.checkpointed, frontier: MerkleFrontier.fromJSON(h.frontier.toJSON()) });
    return copy;
  }

  restore(snapshot: Map<string, Head>): void {
    this.heads.clear();
    for (const [t, h] of snapshot) this.heads.set(t, h);
  }

  /** After commit: the newest stored checkpoint of each tenant this transaction touched (for heads.json). */
  takeCommitted(): StoredCheckpoint[] {
    const out: StoredCheckpoint[] = [];
    for (const t of this.touched) {
      const cp = this.latestCheckpoint(t);
      if (cp) out.push(cp);
    }
    this.touched.clear();
    return out;
  }

  /** After an outermost rollback the cached heads may describe rows that no longer exist; they are reloaded on next use. */
  invalidate(): void {
    this.heads.clear();
    this.touched.clear();
  }

  originOf(tenantId: string): string {
    const row = sql(this.ctx.db, 'SELECT signing_key_name FROM tenants WHERE id = ?').get(tenantId) as { signing_key_name: string } | undefined;
    if (!row) throw new OgmaError('NOT_FOUND', `No tenant "${tenantId}" in this workspace.`, { field: 'tenant' });
    return row.signing_key_name;
  }

  /** Stored records in seq order, as bytes (what verification consumes). */
  *records(tenantId: string, fromSeq = 0): IterableIterator<{ seq: number; bytes: Buffer }> {
    yield* this.ctx.db.prepare('SELECT seq, bytes FROM chain_records WHERE tenant_id = ? AND seq >= ? ORDER BY seq').iterate(tenantId, fromSeq) as IterableIterator<{ seq: number; bytes: Buffer }>;
  }

  /** One record, decoded. */
  record(tenantId: string, seq: number): ChainRecord {
    const row = sql(this.ctx.db, 'SELECT bytes FROM chain_records WHERE tenant_id = ? AND seq = ?').get(tenantId, seq) as { bytes: Buffer } | undefined;
    if (!row) throw new OgmaError('NOT_FOUND', `Tenant "${tenantId}" has no record #${seq}.`, { seq });
    try {
      return JSON.parse(row.bytes.toString('utf8')) as ChainRecord;
    } catch {
      throw new OgmaError('TAMPERED', `Record #${seq} of tenant "${tenantId}" is not readable JSON.`, { seq });
    }
  }

  checkpoints(tenantId: string): StoredCheckpoint[] {
    return (sql(this.ctx.db, 'SELECT tenant_id AS tenantId, size, root, note, created_at AS time FROM checkpoints WHERE tenant_id = ? ORDER BY id').all(tenantId) as StoredCheckpoint[]);
  }

  latestCheckpoint(tenantId: string): StoredCheckpoint | null {
    return (sql(this.ctx.db, 'SELECT tenant_id AS tenantId, size, root, note, created_at AS time FROM checkpoints WHERE tenant_id = ? ORDER BY id DESC LIMIT 1').get(tenantId) as StoredCheckpoint | undefined) ?? null;
  }
}

/**
 * encodeRecord for a record this store has just built: the same rules, checked without
 * zod. recordShapeProblem (pinned to ChainRecordSchema by the chain tests) checks the
 * envelope, and canonicalize refuses anything in the body that is not I-JSON (undefined,
 * NaN, BigInt, class instances, lone surrogates), so nothing invalid is ever stored. zod
 * stays on the paths that read records someone else wrote (verification, bundles).
 */
export function encodeOwnRecord(record: ChainRecord): Buffer {
  const problem = recordShapeProblem(record);
  if (problem !== null) {
    const field = /^field "([a-z]+)"/.exec(problem)?.[1];
    throw new OgmaError('VALIDATION_FAILED', `Chain record is invalid${field ? ` at "${field}"` : ''}: ${problem}.`, {
      ...(field ? { field } : {}),
      ...(Number.isSafeInteger(record.seq) ? { seq: record.seq } : {}),
    });
  }
  return Buffer.from(canonicalize(record as unknown as JsonValue), 'utf8');
}
