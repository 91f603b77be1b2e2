import type { Db } from '../../vault/db';
import { ERASED_BODY, erasedMention } from './erasure';

/**
 * Non-content evidence, keyed the way the vendor dedupes it: Activity Feed rows and OpenAI
 * audit events by id (delivery is at-least-once, windows overlap), report buckets by
 * (report, bucket start) with a version that grows when a bucket's content changes.
 */

export interface BucketState {
  digest: string;
  version: number;
  recordSeq: number | null;
}

export class EvidenceTable {
  private readonly hasActivity;
  private readonly hasAudit;
  private readonly insActivity;
  private readonly insAudit;

  constructor(
    private readonly db: Db,
    private readonly tenantId: string,
  ) {
    this.hasActivity = db.prepare('SELECT 1 FROM capture_activities WHERE tenant_id = ? AND id = ?');
    this.hasAudit = db.prepare('SELECT 1 FROM capture_audit_events WHERE tenant_id = ? AND id = ?');
    this.insActivity = db.prepare('INSERT INTO capture_activities (tenant_id, id, created_at, type, body, digest, record_seq, erased_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    this.insAudit = db.prepare('INSERT INTO capture_audit_events (tenant_id, id, effective_at, type, body, digest, record_seq, erased_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  }

  activityKnown(id: string): boolean {
    return this.hasActivity.get(this.tenantId, id) !== undefined;
  }

  /** A row naming an erased data subject is stored redacted, pointing at the erasure record (erasure.ts). */
  putActivity(a: { id: string; createdAt: string; type: string; body: string; digest: string; recordSeq: number }): void {
    const erased = erasedMention(a.body, this.erasedSubjects());
    this.insActivity.run(this.tenantId, a.id, a.createdAt, a.type, erased === null ? a.body : ERASED_BODY, a.digest, a.recordSeq, erased);
  }

  auditKnown(id: string): boolean {
    return this.hasAudit.get(this.tenantId, id) !== undefined;
  }

  putAudit(e: { id: string; effectiveAt: number; type: string; body: string; digest: string; recordSeq: number }): void {
    const erased = erasedMention(e.body, this.erasedSubjects());
    this.insAudit.run(this.tenantId, e.id, e.effectiveAt, e.type, erased === null ? e.body : ERASED_BODY, e.digest, e.recordSeq, erased);
  }

  /** Vendor user ids of the tenant's erased data subjects, with their erasure records (read once per pull). */
  private erasedSubjects(): Map<string, number> {
    this.erased ??= new Map(
      (this.db.prepare('SELECT external_id, erased_seq FROM subjects WHERE tenant_id = ? AND erased_seq IS NOT NULL').all(this.tenantId) as { external_id: string; erased_seq: number }[]).map((r) => [
        r.external_id,
        r.erased_seq,
      ]),
    );
    return this.erased;
  }
  private erased: Map<string, number> | undefined;

  bucket(report: string, bucket: string): BucketState | null {
    const r = this.db.prepare('SELECT digest, version, record_seq FROM capture_buckets WHERE tenant_id = ? AND report = ? AND bucket = ?').get(this.tenantId, report, bucket) as
      | { digest: string; version: number; record_seq: number | null }
      | undefined;
    return r ? { digest: r.digest, version: r.version, recordSeq: r.record_seq } : null;
  }

  putBucket(b: { report: string; bucket: string; endingAt: string; body: string; digest: string; version: number; recordSeq: number | null }): void {
    this.db
      .prepare(
        `INSERT INTO capture_buckets (tenant_id, report, bucket, ending_at, body, digest, version, record_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (tenant_id, report, bucket) DO UPDATE SET ending_at = excluded.ending_at, body = excluded.body, digest = excluded.digest,
           version = excluded.version, record_seq = excluded.record_seq`,
      )
      .run(this.tenantId, b.report, b.bucket, b.endingAt, b.body, b.digest, b.version, b.recordSeq);
  }
}
