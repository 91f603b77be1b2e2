import type { Req, Res } from '../../../shared/api/contract';
import { RECORD_TYPE_NAMES } from '../../../shared/api/review-schemas';

/**
 * The audit log's filters as a request of the contract, and how record types read to
 * people. Pure, so it is unit-tested.
 */

export type RecordType = (typeof RECORD_TYPE_NAMES)[number];
export const RECORD_TYPES: readonly RecordType[] = RECORD_TYPE_NAMES;

export interface AuditFilters {
  /** A tenant id (the workspace's own log is the tenant "workspace"), or '' for every log. */
  tenant: string;
  type: RecordType | '';
  /** Member name or capture actor, exactly as recorded. */
  actor: string;
  /** YYYY-MM-DD, both ends inclusive (whole UTC days). */
  from: string;
  to: string;
}

export const NO_AUDIT_FILTERS: AuditFilters = { tenant: '', type: '', actor: '', from: '', to: '' };
export const AUDIT_PAGE = 100;

/** The pseudo-tenant of the workspace's own log (electron/core/vault WORKSPACE_TENANT). */
export const WORKSPACE_LOG = 'workspace';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function auditRequest(filters: AuditFilters, offset = 0): Req<'audit.records'> {
  const req: Req<'audit.records'> = { offset, limit: AUDIT_PAGE };
  if (filters.tenant) req.tenantId = filters.tenant;
  if (filters.type) req.types = [filters.type];
  const actor = filters.actor.trim();
  if (actor) req.actor = actor;
  const from = DAY.test(filters.from) ? filters.from : undefined;
  const to = DAY.test(filters.to) ? filters.to : undefined;
  if (from || to) req.range = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
  return req;
}

export function auditFilterProblem(filters: AuditFilters): string | null {
  if (DAY.test(filters.from) && DAY.test(filters.to) && filters.from > filters.to) return '"From" is after "to": swap the dates.';
  return null;
}

/** `message_captured` -> `Message captured`. */
export function recordTypeLabel(type: string): string {
  const words = type.replace(/_/g, ' ').trim().replace(/\bpii\b/g, 'PII');
  return words.length === 0 ? 'Unknown' : words[0]!.toUpperCase() + words.slice(1);
}

export type TypeTone = 'capture' | 'access' | 'deletion' | 'keys' | 'admin' | 'export' | 'unknown';

/** The badge colour of a type: what kind of event it is, so sensitive actions stand out in a long log. */
export function recordTypeTone(type: string): TypeTone {
  switch (type) {
    case 'message_captured':
    case 'message_superseded':
    case 'chat_flagged':
    case 'pull_completed':
    case 'activity_captured':
    case 'usage_captured':
    case 'cost_captured':
    case 'audit_event_captured':
      return 'capture';
    case 'pii_revealed':
    case 'reveal_refused':
      return 'access';
    case 'chat_deleted':
    case 'subject_erased':
    case 'tenant_shredded':
      return 'deletion';
    case 'key_connected':
    case 'key_rotated':
    case 'key_forgotten':
      return 'keys';
    case 'workspace_created':
    case 'member_added':
    case 'tenant_created':
      return 'admin';
    case 'export_created':
      return 'export';
    default:
      return 'unknown';
  }
}

/** The name of a log for people: the organisation's name, or "Workspace" for the workspace's own log. */
export function logName(tenantId: string, tenants: readonly { id: string; name: string }[]): string {
  if (tenantId === WORKSPACE_LOG) return 'Workspace';
  return tenants.find((t) => t.id === tenantId)?.name ?? tenantId;
}

// --- verification ----------------------------------------------------------------------

export type VerifyReport = Res<'chain.verify'>;

export interface VerifyFinding {
  /** The log's name for people, and its id. */
  log: string;
  tenantId: string;
  seq: number | null;
  code: string;
  message: string;
  affects: string | null;
  path: string | null;
}

export interface VerifyOutcome {
  ok: boolean;
  headline: string;
  detail: string;
  findings: VerifyFinding[];
}

/** What the result panel says: "verified" with what was checked, or each bad record by log, seq and what failed. */
export function verifyOutcome(report: VerifyReport, tenants: readonly { id: string; name: string }[]): VerifyOutcome {
  const records = report.tenants.reduce((n, t) => n + (t.size - t.fromSeq), 0);
  const messages = report.tenants.reduce((n, t) => n + t.messagesChecked, 0);
  const checkpoints = report.tenants.reduce((n, t) => n + t.checkpointsVerified, 0);
  const logs = report.tenants.length;
  const what = `${plural(logs, 'log')}, ${plural(records, 'record')}, ${plural(checkpoints, 'signed checkpoint')} and ${plural(messages, 'message')} checked${report.mode === 'incremental' ? ' since the last verification' : ''}.`;
  const findings: VerifyFinding[] = [];
  for (const t of report.tenants) {
    if (t.ok || !t.problem) continue;
    findings.push({ log: logName(t.tenantId, tenants), tenantId: t.tenantId, seq: t.problem.seq, code: t.problem.code, message: t.problem.message, affects: t.problem.affects, path: t.problem.path ?? null });
  }
  for (const w of report.workspace) findings.push({ log: 'Workspace folder', tenantId: WORKSPACE_LOG, seq: null, code: w.code, message: w.message, affects: null, path: w.path });
  if (report.ok) return { ok: true, headline: 'Chain verified', detail: what, findings: [] };
  return { ok: false, headline: findings.length === 1 ? 'Verification failed: 1 problem' : `Verification failed: ${findings.length} problems`, detail: what, findings };
}

function plural(n: number, one: string): string {
  return `${n.toLocaleString('en-US')} ${one}${n === 1 ? '' : 's'}`;
}

/** How full the bar is (0..1), or null when the amount of work is not known (an indeterminate bar). */
export function progressFraction(p: { done: number; total: number | null }): number | null {
  if (p.total === null || p.total <= 0) return null;
  return Math.max(0, Math.min(1, p.done / p.total));
}

/** Progress events of chain verification (capture's pulls use other task ids). */
export function isVerifyTask(taskId: string): boolean {
  return taskId.startsWith('verify-');
}

/** The record's canonical JSON laid out for reading; the exact bytes stay available beside it. */
export function prettyRecord(canonical: string): string {
  try {
    return JSON.stringify(JSON.parse(canonical), null, 2);
  } catch {
    return canonical;
  }
}
