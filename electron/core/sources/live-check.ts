import type { AnthropicAdminClient } from './anthropic-admin';
import type { AnthropicComplianceClient } from './anthropic-compliance';
import type { Organization } from './anthropic-compliance-schemas';
import { checkKeyPlacement, type ClassifiedKey, type KeySlot } from './keys';
import type { OpenAIAdminClient } from './openai-admin';
import { isSourceError, SourceError } from './source-error';

/**
 * Live checks run when a key is connected: they prove with real calls what the key can
 * read and report what they found for the UI. They never return or echo the key.
 */

export const SCOPE_ORG_DATA = 'read:compliance_org_data';
export const SCOPE_USER_DATA = 'read:compliance_user_data';
export const SCOPE_ACTIVITIES = 'read:compliance_activities';
const REQUIRED = [SCOPE_ORG_DATA, SCOPE_USER_DATA] as const;

export const NOT_ENTERPRISE =
  'This organisation is not on Claude Enterprise: the Compliance API is only available to Enterprise organisations.';

export interface LiveCheckOptions {
  /** The classified key behind the client: a wrong-slot key is refused before any call. */
  classified?: ClassifiedKey;
  signal?: AbortSignal;
}

export interface ComplianceKeyReport {
  keyHint: string;
  orgs: Array<{ uuid: string; name: string | null; createdAt: string | null }>;
  /** Scopes proven by a successful call. */
  scopesFound: string[];
  /** Scopes known to be missing but not needed for capture (from a 403's list). */
  scopesMissing: string[];
  /** A name for the tenant: the oldest organisation, plus how many are linked to it. */
  parentOrgLabel: string;
  /** Request ids of the check's calls, for support. */
  requestIds: string[];
}

function placement(slot: KeySlot, opts: LiveCheckOptions): void {
  if (!opts.classified) return;
  const refused = checkKeyPlacement(slot, opts.classified);
  if (refused) throw refused;
}

function rejected(e: SourceError, message: string): SourceError {
  return new SourceError('KEY_REJECTED', message, e.details, e.where);
}

/** For a 403 from the compliance endpoints: not Enterprise, or which required scopes are missing. */
function scopeRefusal(e: SourceError, keyHint: string, probed: string): SourceError {
  const scopes = e.details.scopes;
  if (scopes && scopes.got.length === 0) return rejected(e, `${NOT_ENTERPRISE} (The key ${keyHint} holds no compliance scopes.)`);
  const held = scopes?.got ?? [];
  const missing = REQUIRED.filter((s) => !held.includes(s) && !held.includes('read:org_audit'));
  const named = missing.length > 0 ? missing : [probed];
  const holds = held.length > 0 ? ` It holds ${held.join(', ')}.` : '';
  return rejected(
    e,
    `The key ${keyHint} is missing the scope${named.length > 1 ? 's' : ''} ${named.join(' and ')}, so Ogma Desk cannot capture with it.${holds} Create a Compliance Access Key in claude.ai > Organization settings > API with both ${SCOPE_ORG_DATA} and ${SCOPE_USER_DATA}, and connect that one.`,
  );
}

function unauthorized(e: SourceError): SourceError {
  return rejected(e, `${e.message} If the key is current, note that ${NOT_ENTERPRISE.charAt(0).toLowerCase()}${NOT_ENTERPRISE.slice(1)}`);
}

/**
 * Proves a Compliance Access Key: lists organisations (read:compliance_org_data), reads
 * one member of the first (read:compliance_user_data), and probes the Activity Feed
 * (read:compliance_activities, reported but not required).
 */
export async function checkAnthropicComplianceKey(client: AnthropicComplianceClient, opts: LiveCheckOptions = {}): Promise<ComplianceKeyReport> {
  placement('anthropic-compliance', opts);
  const keyHint = client.keyHint;
  const requestIds: string[] = [];
  const orgs: Organization[] = [];
  const scopesFound: string[] = [];
  const scopesMissing: string[] = [];
  const sig = opts.signal ? { signal: opts.signal } : {};

  try {
    for await (const page of client.walkOrganizations(sig)) {
      orgs.push(...page.items);
      if (page.requestId) requestIds.push(page.requestId);
    }
  } catch (e) {
    if (isSourceError(e) && e.code === 'FORBIDDEN') throw scopeRefusal(e, keyHint, SCOPE_ORG_DATA);
    if (isSourceError(e) && e.code === 'KEY_REJECTED') throw unauthorized(e);
    throw e;
  }
  scopesFound.push(SCOPE_ORG_DATA);
  const first = orgs[0];
  if (!first) {
    throw new SourceError('KEY_REJECTED', `The key ${keyHint} works but sees no organisation, so there is nothing to capture. Use a key made by the primary owner (parent-wide) or an org owner.`, {
      reason: 'forbidden',
      vendor: client.http.vendor,
    });
  }

  try {
    for await (const page of client.walkOrgUsers(first.uuid, { limit: 1, ...sig })) {
      if (page.requestId) requestIds.push(page.requestId);
      break;
    }
  } catch (e) {
    if (isSourceError(e) && e.code === 'FORBIDDEN') throw scopeRefusal(e, keyHint, SCOPE_USER_DATA);
    if (isSourceError(e) && e.code === 'KEY_REJECTED') throw unauthorized(e);
    throw e;
  }
  scopesFound.push(SCOPE_USER_DATA);

  try {
    for await (const page of client.walkActivities({ limit: 1, follow: 'after_id', ...sig })) {
      if (page.requestId) requestIds.push(page.requestId);
      break;
    }
    scopesFound.push(SCOPE_ACTIVITIES);
  } catch (e) {
    if (!(isSourceError(e) && e.code === 'FORBIDDEN')) throw e;
    scopesMissing.push(SCOPE_ACTIVITIES);
  }

  const sorted = [...orgs].sort((a, b) => (a.created_at ?? '').localeCompare(b.created_at ?? ''));
  const lead = sorted[0] ?? first;
  const leadName = lead.name && lead.name.length > 0 ? lead.name : lead.uuid;
  const parentOrgLabel = orgs.length > 1 ? `${leadName} (+${orgs.length - 1} linked organisation${orgs.length > 2 ? 's' : ''})` : leadName;
  return {
    keyHint,
    orgs: orgs.map((o) => ({ uuid: o.uuid, name: o.name ?? null, createdAt: o.created_at ?? null })),
    scopesFound,
    scopesMissing,
    parentOrgLabel,
    requestIds,
  };
}

export interface AdminKeyReport {
  keyHint: string;
  org: { id: string; name: string | null };
  usageReportReadable: true;
  requestIds: string[];
}

/** Proves an Anthropic Admin key: who the org is, and that a one-bucket usage report reads. */
export async function checkAnthropicAdminKey(client: AnthropicAdminClient, opts: LiveCheckOptions & { nowMs?: number } = {}): Promise<AdminKeyReport> {
  placement('anthropic-admin', opts);
  const sig = opts.signal ? { signal: opts.signal } : {};
  const requestIds: string[] = [];
  const { org, requestId } = await client.me(sig);
  if (requestId) requestIds.push(requestId);
  const dayMs = 86_400_000;
  const startOfYesterday = Math.floor(((opts.nowMs ?? Date.now()) - dayMs) / dayMs) * dayMs;
  try {
    for await (const page of client.walkUsageReport({
      startingAt: new Date(startOfYesterday).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      bucketWidth: '1d',
      limit: 1,
      ...sig,
    })) {
      if (page.requestId) requestIds.push(page.requestId);
      break;
    }
  } catch (e) {
    if (isSourceError(e) && (e.code === 'FORBIDDEN' || e.code === 'NOT_FOUND')) {
      throw rejected(
        e,
        `The key ${client.keyHint} identifies the organisation "${org.name ?? org.id}" but cannot read its usage report. Usage and cost reports need an Admin key (sk-ant-admin01-) of a Claude Console organisation; Claude Enterprise organisations have no usage or cost endpoints.`,
      );
    }
    throw e;
  }
  return { keyHint: client.keyHint, org: { id: org.id, name: org.name ?? null }, usageReportReadable: true, requestIds };
}

export interface OpenAIKeyReport {
  keyHint: string;
  costsReadable: boolean;
  auditLogsReadable: boolean;
  /** Why audit logs could not be read (e.g. audit logging not enabled by an owner). */
  auditLogsNote: string | null;
  /** The newest audit event seen, to show the log is live. */
  latestAuditEvent: { type: string; effectiveAt: number } | null;
  /** A project id the audit event belonged to, when it names one. */
  projectSeen: { id: string; name: string | null } | null;
  requestIds: string[];
}

/** Proves an OpenAI Admin key: one audit-log row and one day of costs. */
export async function checkOpenAIAdminKey(client: OpenAIAdminClient, opts: LiveCheckOptions & { nowMs?: number } = {}): Promise<OpenAIKeyReport> {
  placement('openai', opts);
  const sig = opts.signal ? { signal: opts.signal } : {};
  const requestIds: string[] = [];
  let auditLogsReadable = false;
  let auditLogsNote: string | null = null;
  let latestAuditEvent: OpenAIKeyReport['latestAuditEvent'] = null;
  let projectSeen: OpenAIKeyReport['projectSeen'] = null;
  try {
    for await (const page of client.walkAuditLogs({ limit: 1, ...sig })) {
      if (page.requestId) requestIds.push(page.requestId);
      const ev = page.items[0];
      if (ev) {
        latestAuditEvent = { type: ev.type, effectiveAt: ev.effective_at };
        if (ev.project) projectSeen = { id: ev.project.id, name: ev.project.name ?? null };
      } else {
        auditLogsNote = 'The audit log is empty; an Organization Owner may need to enable audit logging (Data controls > Data retention).';
      }
      break;
    }
    auditLogsReadable = true;
  } catch (e) {
    if (!isSourceError(e) || e.code === 'KEY_REJECTED' || e.code === 'UPSTREAM' || e.code === 'CANCELLED') throw e;
    auditLogsNote = e.message;
  }
  const nowSec = Math.floor((opts.nowMs ?? Date.now()) / 1000);
  for await (const page of client.walkCosts({ startTime: nowSec - 86_400, limit: 1, ...sig })) {
    if (page.requestId) requestIds.push(page.requestId);
    break;
  }
  return { keyHint: client.keyHint, costsReadable: true, auditLogsReadable, auditLogsNote, latestAuditEvent, projectSeen, requestIds };
}
