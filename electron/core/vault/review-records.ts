import type { Db } from './db';
import { textBounds, Where, type RangeInput } from './review-query';

/**
 * The audit view's read model over the chain: `review_records` (migration 003) indexes
 * each stored record by type, time and actor so "newest pii_revealed records of alice in
 * March" is an index range, not a parse of every record. It is derived, rebuilt from
 * chain_records by catchUp() before each query, and every row returned is re-read from
 * the record's own bytes; the index only decides which rows to read.
 */

export interface RecordFilter {
  tenantId?: string | undefined;
  types?: readonly string[] | undefined;
  actor?: string | undefined;
  range?: RangeInput | undefined;
}

export interface StoredRecordRow {
  tenantId: string;
  seq: number;
  bytes: Buffer;
}

const CHUNK = 5000;

export class RecordReadModel {
  constructor(private readonly db: Db) {}

  /**
   * Brings review_records level with chain_records, tenant by tenant, in chunks (each its
   * own write transaction via `write`). Rows beyond a log's end (a log cut short, which
   * verification reports) are dropped so the index never lists records that are not there.
   */
  catchUp(write: (fn: () => void) => void): number {
    const tenants = this.db.prepare('SELECT id FROM tenants').pluck().all() as string[];
    const maxChain = this.db.prepare('SELECT max(seq) FROM chain_records WHERE tenant_id = ?').pluck();
    const maxIndexed = this.db.prepare('SELECT max(seq) FROM review_records WHERE tenant_id = ?').pluck();
    const read = this.db.prepare('SELECT seq, bytes FROM chain_records WHERE tenant_id = ? AND seq > ? ORDER BY seq LIMIT ?');
    const put = this.db.prepare('INSERT OR REPLACE INTO review_records (tenant_id, seq, type, at, actor) VALUES (?, ?, ?, ?, ?)');
    let added = 0;
    for (const tenantId of tenants) {
      const top = (maxChain.get(tenantId) as number | null) ?? -1;
      let from = (maxIndexed.get(tenantId) as number | null) ?? -1;
      if (from > top) {
        write(() => this.db.prepare('DELETE FROM review_records WHERE tenant_id = ? AND seq > ?').run(tenantId, top));
        from = top;
      }
      while (from < top) {
        const rows = read.all(tenantId, from, CHUNK) as { seq: number; bytes: Buffer }[];
        if (rows.length === 0) break;
        write(() => {
          for (const r of rows) {
            const f = fieldsOf(r.bytes);
            put.run(tenantId, r.seq, f.type, f.at, f.actor);
          }
        });
        added += rows.length;
        from = rows[rows.length - 1]!.seq;
      }
    }
    return added;
  }

  count(f: RecordFilter): number {
    const w = where(f);
    // From the index alone: a record missing inside a log (which verification reports) is counted but not shown.
    return this.db.prepare(`SELECT count(*) FROM review_records r ${w.sql}`).pluck().get(...w.params) as number;
  }

  /** Newest first (by record time, then tenant and seq). */
  page(f: RecordFilter, offset: number, limit: number): StoredRecordRow[] {
    const w = where(f);
    return this.db
      .prepare(
        `SELECT r.tenant_id AS tenantId, r.seq, c.bytes FROM review_records r JOIN chain_records c ON c.tenant_id = r.tenant_id AND c.seq = r.seq
         ${w.sql} ORDER BY r.at DESC, r.tenant_id DESC, r.seq DESC LIMIT ? OFFSET ?`,
      )
      .all(...w.params, limit, offset) as StoredRecordRow[];
  }
}

function where(f: RecordFilter): Where {
  const w = new Where();
  if (f.tenantId !== undefined) w.add('r.tenant_id = ?', f.tenantId);
  if (f.types) w.in('r.type', f.types);
  if (f.actor !== undefined) w.add('r.actor = ?', f.actor);
  if (f.range) w.range('r.at', textBounds(f.range));
  return w;
}

/** type, at and actor of stored bytes; an unreadable record is indexed as such (verification says why). */
function fieldsOf(bytes: Buffer): { type: string; at: string; actor: string } {
  try {
    const r = JSON.parse(bytes.toString('utf8')) as { type?: unknown; at?: unknown; actor?: unknown };
    return {
      type: typeof r.type === 'string' ? r.type : '?',
      at: typeof r.at === 'string' ? r.at : '',
      actor: typeof r.actor === 'string' ? r.actor : '',
    };
  } catch {
    return { type: '?', at: '', actor: '' };
  }
}

// --- proofs ------------------------------------------------------------------------------

export function storedRecord(db: Db, tenantId: string, seq: number): { bytes: Buffer; leafHash: string } | null {
  return (db.prepare('SELECT bytes, leaf_hash AS leafHash FROM chain_records WHERE tenant_id = ? AND seq = ?').get(tenantId, seq) as { bytes: Buffer; leafHash: string } | undefined) ?? null;
}

/** The stored leaf hashes of records 0 .. size-1 of a tenant's log, in order (hex). */
export function leafHashes(db: Db, tenantId: string, size: number): string[] {
  return db.prepare('SELECT leaf_hash FROM chain_records WHERE tenant_id = ? AND seq < ? ORDER BY seq').pluck().all(tenantId, size) as string[];
}
