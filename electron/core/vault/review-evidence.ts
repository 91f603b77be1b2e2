import type { Db } from './db';
import { epochBounds, textBounds, Where, type RangeInput } from './review-query';

/**
 * Read models over the captured non-content evidence (migration 002): Anthropic Activity
 * Feed rows and OpenAI audit events as one newest-first stream, and the usage and cost
 * buckets. The vendor JSON is read as stored (canonical, what the chain's digest covers);
 * masking what is shown is the service's job.
 */

export type ActivitySourceName = 'anthropic' | 'openai';

export interface ActivityFilter {
  tenantId?: string | undefined;
  sources?: readonly ActivitySourceName[] | undefined;
  types?: readonly string[] | undefined;
  actorId?: string | undefined;
  actorEmail?: string | undefined;
  apiKeyId?: string | undefined;
  orgId?: string | undefined;
  range?: RangeInput | undefined;
}

export interface ActivityKey {
  source: ActivitySourceName;
  tenantId: string;
  id: string;
  at: string;
}

export interface ActivityRow extends ActivityKey {
  type: string;
  body: string;
  recordSeq: number;
  actorType: string | null;
  actorId: string | null;
  actorEmail: string | null;
  actorKey: string | null;
  orgId: string | null;
  projectId: string | null;
  /** The API key an event was about (created, updated, deleted), when it names one. */
  subjectKey: string | null;
}

/** Per source: how each normalised column is read from the vendor JSON. */
const A = {
  at: 'a.created_at',
  actorType: "json_extract(a.body, '$.actor.type')",
  actorId:
    "COALESCE(json_extract(a.body, '$.actor.user_id'), json_extract(a.body, '$.actor.api_key_id'), json_extract(a.body, '$.actor.admin_api_key_id'), json_extract(a.body, '$.actor.service_account_id'))",
  actorEmail: "COALESCE(json_extract(a.body, '$.actor.email_address'), json_extract(a.body, '$.actor.unauthenticated_email_address'))",
  actorKey: "COALESCE(json_extract(a.body, '$.actor.api_key_id'), json_extract(a.body, '$.actor.admin_api_key_id'))",
  orgId: "COALESCE(json_extract(a.body, '$.organization_uuid'), json_extract(a.body, '$.organization_id'))",
  orgAlt: "json_extract(a.body, '$.organization_id')",
  projectId: "json_extract(a.body, '$.claude_project_id')",
  subjectKey: "json_extract(a.body, '$.api_key_id')",
};
const E = {
  at: "strftime('%Y-%m-%dT%H:%M:%SZ', e.effective_at, 'unixepoch')",
  actorType: "json_extract(e.body, '$.actor.type')",
  actorId:
    "COALESCE(json_extract(e.body, '$.actor.session.user.id'), json_extract(e.body, '$.actor.api_key.user.id'), json_extract(e.body, '$.actor.api_key.service_account.id'), json_extract(e.body, '$.actor.api_key.id'))",
  actorEmail: "COALESCE(json_extract(e.body, '$.actor.session.user.email'), json_extract(e.body, '$.actor.api_key.user.email'))",
  actorKey: "json_extract(e.body, '$.actor.api_key.id')",
  projectId: "json_extract(e.body, '$.project.id')",
  // The payload sits under a key named after the type: {"type": "api_key.created", "api_key.created": {"id": "key_…"}}.
  subjectKey: `CASE WHEN e.type LIKE 'api\\_key.%' ESCAPE '\\' THEN json_extract(e.body, '$."' || e.type || '".id') END`,
};

function anthropicWhere(f: ActivityFilter): Where {
  const w = new Where();
  if (f.tenantId !== undefined) w.add('a.tenant_id = ?', f.tenantId);
  if (f.types) w.in('a.type', f.types);
  if (f.actorId !== undefined) w.add(`(${A.actorId} = ? OR ${A.actorKey} = ?)`, f.actorId, f.actorId);
  if (f.actorEmail !== undefined) w.add(`lower(${A.actorEmail}) = lower(?)`, f.actorEmail);
  if (f.apiKeyId !== undefined) w.add(`(${A.actorKey} = ? OR ${A.subjectKey} = ?)`, f.apiKeyId, f.apiKeyId);
  if (f.orgId !== undefined) w.add(`(${A.orgId} = ? OR ${A.orgAlt} = ?)`, f.orgId, f.orgId);
  if (f.range) w.range(A.at, textBounds(f.range));
  return w;
}

function openaiWhere(f: ActivityFilter): Where | null {
  // OpenAI events belong to no Anthropic organisation.
  if (f.orgId !== undefined) return null;
  const w = new Where();
  if (f.tenantId !== undefined) w.add('e.tenant_id = ?', f.tenantId);
  if (f.types) w.in('e.type', f.types);
  if (f.actorId !== undefined) w.add(`(${E.actorId} = ? OR ${E.actorKey} = ?)`, f.actorId, f.actorId);
  if (f.actorEmail !== undefined) w.add(`lower(${E.actorEmail}) = lower(?)`, f.actorEmail);
  if (f.apiKeyId !== undefined) w.add(`(${E.actorKey} = ? OR ${E.subjectKey} = ?)`, f.apiKeyId, f.apiKeyId);
  if (f.range) w.range('e.effective_at', epochBounds(f.range));
  return w;
}

function select(source: ActivitySourceName, columns: 'keys' | 'full', w: Where): string {
  if (source === 'anthropic') {
    const extra =
      columns === 'full'
        ? `, a.body, a.record_seq AS recordSeq, ${A.actorType} AS actorType, ${A.actorId} AS actorId, ${A.actorEmail} AS actorEmail, ${A.actorKey} AS actorKey, ${A.orgId} AS orgId, ${A.projectId} AS projectId, ${A.subjectKey} AS subjectKey`
        : '';
    return `SELECT 'anthropic' AS source, a.tenant_id AS tenantId, a.id, ${A.at} AS at, a.type${extra} FROM capture_activities a ${w.sql}`;
  }
  const extra =
    columns === 'full'
      ? `, e.body, e.record_seq AS recordSeq, ${E.actorType} AS actorType, ${E.actorId} AS actorId, ${E.actorEmail} AS actorEmail, ${E.actorKey} AS actorKey, NULL AS orgId, ${E.projectId} AS projectId, ${E.subjectKey} AS subjectKey`
      : '';
  return `SELECT 'openai' AS source, e.tenant_id AS tenantId, e.id, ${E.at} AS at, e.type${extra} FROM capture_audit_events e ${w.sql}`;
}

/** The union of the two sources under the filter, with its parameters. */
function union(f: ActivityFilter, columns: 'keys' | 'full'): { sql: string; params: unknown[] } {
  const sources = new Set(f.sources ?? ['anthropic', 'openai']);
  const parts: string[] = [];
  const params: unknown[] = [];
  if (sources.has('anthropic')) {
    const w = anthropicWhere(f);
    parts.push(select('anthropic', columns, w));
    params.push(...w.params);
  }
  const ow = sources.has('openai') ? openaiWhere(f) : null;
  if (ow) {
    parts.push(select('openai', columns, ow));
    params.push(...ow.params);
  }
  if (parts.length === 0) return { sql: `SELECT 'anthropic' AS source, '' AS tenantId, '' AS id, '' AS at, '' AS type, NULL AS actorKey WHERE 0`, params };
  return { sql: parts.join(' UNION ALL '), params };
}

export class ActivityReadModel {
  constructor(private readonly db: Db) {}

  count(f: ActivityFilter): number {
    const u = union(f, 'keys');
    return this.db.prepare(`SELECT count(*) FROM (${u.sql})`).pluck().get(...u.params) as number;
  }

  /** Newest first; the bodies of the page only. */
  page(f: ActivityFilter, offset: number, limit: number): ActivityRow[] {
    const u = union(f, 'keys');
    const keys = this.db.prepare(`SELECT source, tenantId, id, at FROM (${u.sql}) ORDER BY at DESC, id DESC LIMIT ? OFFSET ?`).all(...u.params, limit, offset) as ActivityKey[];
    return keys.map((k) => this.row(k)).filter((r): r is ActivityRow => r !== null);
  }

  /** Every matching event's source, type and time, and whether the key acted or was acted upon (for keyUsage). */
  keyEvents(apiKeyId: string, f: Omit<ActivityFilter, 'apiKeyId'>): { source: ActivitySourceName; type: string; at: string; actorKey: string | null }[] {
    const u = union({ ...f, apiKeyId }, 'full');
    return this.db.prepare(`SELECT source, type, at, actorKey FROM (${u.sql}) ORDER BY at`).all(...u.params) as { source: ActivitySourceName; type: string; at: string; actorKey: string | null }[];
  }

  private row(k: ActivityKey): ActivityRow | null {
    const alias = k.source === 'anthropic' ? 'a' : 'e';
    const w = new Where().add(`${alias}.tenant_id = ?`, k.tenantId).add(`${alias}.id = ?`, k.id);
    return (this.db.prepare(select(k.source, 'full', w)).get(...w.params) as ActivityRow | undefined) ?? null;
  }
}

// --- usage and cost buckets -------------------------------------------------------------

export interface BucketRow {
  tenantId: string;
  report: string;
  bucket: string;
  endingAt: string;
  body: string;
}

/** Buckets of `reports` whose start lies in the range (latest version of each), oldest first. */
export function bucketsIn(db: Db, reports: readonly string[], opts: { tenantId?: string | undefined; range?: RangeInput | undefined }): BucketRow[] {
  const w = new Where().in('report', reports);
  if (opts.tenantId !== undefined) w.add('tenant_id = ?', opts.tenantId);
  if (opts.range) w.range('bucket', textBounds(opts.range));
  return db.prepare(`SELECT tenant_id AS tenantId, report, bucket, ending_at AS endingAt, body FROM capture_buckets ${w.sql} ORDER BY bucket, tenant_id`).all(...w.params) as BucketRow[];
}
