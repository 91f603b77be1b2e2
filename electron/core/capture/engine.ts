import { setMaxListeners } from 'node:events';
import { isOgmaError, OgmaError } from '../../../shared/api/errors';
import type { Vault } from '../vault';
import { systemClock, type Clock, type Random } from '../sources';
import { SourceAccess, type AccessOptions } from './clients';
import { pullCompletedBody } from './completeness';
import { DEFAULT_TUNING, PullContext, type PullTuning } from './context';
import { PullTracker } from './progress';
import { failureOf, isCancellation } from './retry';
import { RunTable } from './state/runs';
import type { CaptureSlot, EndpointName, EndpointReport, PullProgress, PullStatus, PullSummary } from './types';
import { captureActivities } from './walks/activities';
import { captureAuditLogs } from './walks/audit';
import { captureBuckets } from './walks/buckets';
import { captureChats } from './walks/chats';
import { captureDirectory } from './walks/directory';
import { reconcileChats } from './walks/reconcile';
import { anthropicCost, anthropicUsage, openaiCosts } from './walks/reports';
import { keyIsUnusable } from './walks/resumable';

/**
 * One pull of one tenant: every connected source, each walk resuming from its stored
 * cursors, each page stored in one transaction with its records and cursor; then a
 * pull_completed record (the completeness record) and its signed checkpoint. Failures of
 * one endpoint do not stop the others; a refused key stops the rest of its own slot.
 */

export interface PullRequest {
  vault: Vault;
  tenantId: string;
  /** The member the records name as actor. */
  actor: string;
  access: AccessOptions;
  clock?: Clock;
  random?: Random;
  signal?: AbortSignal;
  tuning?: Partial<PullTuning>;
  onProgress?: (p: PullProgress) => void;
}

const ENDPOINTS_OF: Record<CaptureSlot, EndpointName[]> = {
  'anthropic-compliance': ['compliance.organizations', 'compliance.users', 'compliance.chats', 'compliance.chat_messages', 'compliance.chats_reconcile'],
  'anthropic-admin': ['admin.usage_report', 'admin.cost_report'],
  openai: ['openai.costs', 'openai.audit_logs'],
};

export async function runPull(req: PullRequest): Promise<PullSummary> {
  const { vault, tenantId } = req;
  const clock = req.clock ?? req.access.clock ?? systemClock;
  const signal = req.signal ?? new AbortController().signal;
  // Every request in flight (read-ahead, concurrent fetches, paced waits) listens for a cancel.
  setMaxListeners(256, signal);
  vault.tenants.requireLive(tenantId);
  if (vault.credentials.list(tenantId).length === 0) {
    throw new OgmaError('NOT_FOUND', `Tenant "${tenantId}" has no connected key; connect one before pulling.`, { field: 'tenant' });
  }
  const startedAt = new Date(clock.now()).toISOString();
  const { run } = vault.transaction(() => new RunTable(vault.db).begin(tenantId, startedAt));
  const tracker = new PullTracker(run.id, tenantId, clock, req.onProgress);
  const access = new SourceAccess(vault, tenantId, { ...req.access, clock }, (e) => tracker.exchange(e));
  const ctx = new PullContext(vault, tenantId, run.id, req.actor, clock, tracker, { ...DEFAULT_TUNING, ...req.tuning }, signal, req.random);

  let cancelled = false;
  let fatal: unknown = null;
  try {
    if (access.has('anthropic-compliance')) await complianceContent(ctx, access);
    const feed = access.feedSlot();
    if (feed && !unusable(tracker, feed)) await access.withFeedClient(feed, (c) => captureActivities(ctx, c, feed));
    else if (feed) skipRest(tracker, feed, ['compliance.activities']);
    else if (access.has('anthropic-compliance')) skip(tracker, 'compliance.activities', 'anthropic-compliance', 'The Compliance key has no read:compliance_activities scope and no Admin key is connected, so the Activity Feed was not read.');
    if (access.has('anthropic-admin')) {
      await access.withClient('anthropic-admin', async (c) => {
        const usage = await captureBuckets(ctx, anthropicUsage(c));
        if (usage || !keyIsUnusable(tracker.endpoint('admin.usage_report', 'anthropic-admin'))) await captureBuckets(ctx, anthropicCost(c));
        else skipRest(tracker, 'anthropic-admin');
      });
    }
    if (access.has('openai')) {
      await access.withClient('openai', async (c) => {
        const costs = await captureBuckets(ctx, openaiCosts(c));
        if (costs || !keyIsUnusable(tracker.endpoint('openai.costs', 'openai'))) await captureAuditLogs(ctx, c);
        else skipRest(tracker, 'openai');
      });
    }
  } catch (e) {
    if (isCancellation(e) || signal.aborted) cancelled = true;
    else fatal = e;
  }
  return finish(ctx, tracker, startedAt, cancelled, fatal);
}

async function complianceContent(ctx: PullContext, access: SourceAccess): Promise<void> {
  const t = ctx.tracker;
  await access.withClient('anthropic-compliance', async (c) => {
    await captureDirectory(ctx, c);
    if (unusable(t, 'anthropic-compliance')) return skipRest(t, 'anthropic-compliance');
    await captureChats(ctx, c);
    if (unusable(t, 'anthropic-compliance')) return skipRest(t, 'anthropic-compliance');
    // Judging what is gone needs a complete list of what is there: only after a complete directory and chat walk.
    const ready = (['compliance.organizations', 'compliance.chats'] as const).every((e) => t.endpoint(e, 'anthropic-compliance').status === 'complete');
    if (ready) await reconcileChats(ctx, c);
    else skip(t, 'compliance.chats_reconcile', 'anthropic-compliance', 'Skipped: deletions upstream are judged only after a complete directory and chat walk.');
  });
}

/** A slot whose key was refused (revoked, scope or plan gone): nothing more is asked with it. */
function unusable(t: PullTracker, slot: CaptureSlot): boolean {
  return t.allReports().some((r) => r.slot === slot && keyIsUnusable(r) && r.endpoint !== 'compliance.activities');
}

function skip(t: PullTracker, endpoint: EndpointName, slot: CaptureSlot, message: string): void {
  const r = t.endpoint(endpoint, slot);
  if (r.pages > 0 || r.status !== 'complete' || r.failure) return;
  r.status = 'skipped';
  r.failure = { code: 'UNAVAILABLE', reason: null, message };
}

function skipRest(t: PullTracker, slot: CaptureSlot, endpoints: readonly EndpointName[] = ENDPOINTS_OF[slot]): void {
  const cause = t.allReports().find((r) => r.slot === slot && keyIsUnusable(r));
  for (const ep of endpoints) {
    const r = t.endpoint(ep, slot);
    if (r.pages > 0 || r.failure) continue;
    r.status = 'skipped';
    r.failure = { code: cause?.failure?.code ?? 'UNAVAILABLE', reason: cause?.failure?.reason ?? null, message: `Skipped: ${cause?.failure?.message ?? 'the key of this source was refused.'}` };
  }
}

function statusOf(reports: EndpointReport[], cancelled: boolean, fatal: unknown): PullStatus {
  if (cancelled) return 'cancelled';
  if (fatal) return 'failed';
  const attempted = reports.filter((r) => r.status !== 'skipped');
  const failed = reports.filter((r) => r.status === 'failed' || (r.status === 'skipped' && r.failure?.reason));
  if (failed.length === 0) return 'complete';
  return attempted.some((r) => r.status === 'complete' && r.pages > 0) ? 'partial' : 'failed';
}

function finish(ctx: PullContext, tracker: PullTracker, startedAt: string, cancelled: boolean, fatal: unknown): PullSummary {
  const reports = tracker.allReports();
  for (const r of reports) {
    if (cancelled && r.status === 'complete' && r.failure) r.status = 'cancelled';
  }
  const status = statusOf(reports, cancelled, fatal);
  const errors: PullSummary['errors'] = reports.filter((r) => r.failure && r.status !== 'complete').map((r) => ({ endpoint: r.endpoint, ...r.failure! }));
  if (fatal) errors.push({ endpoint: 'pull', ...failureOf(fatal) });
  const finishedAt = ctx.now();
  const base: Omit<PullSummary, 'recordSeq'> = {
    runId: ctx.runId,
    tenantId: ctx.tenantId,
    status,
    startedAt,
    finishedAt,
    counts: tracker.snapshot().counts,
    endpoints: reports,
    errors,
    requests: { ...tracker.requests },
    durationMs: tracker.elapsedMs(),
  };
  let summary: PullSummary;
  try {
    summary = ctx.transaction(() => {
      const rec = ctx.vault.chain.append(ctx.tenantId, 'pull_completed', pullCompletedBody(base), ctx.actor);
      const s: PullSummary = { ...base, recordSeq: rec.seq };
      new RunTable(ctx.vault.db).finish(ctx.runId, s);
      return s;
    });
  } catch (e) {
    // The vault refused even the completeness record (a blocked log, a full disk): that is the pull's outcome.
    tracker.emit('failed');
    throw fatal && !isOgmaError(e) ? fatal : e;
  }
  tracker.emit(status === 'cancelled' ? 'cancelled' : status === 'failed' ? 'failed' : 'done');
  if (fatal && !isOgmaError(fatal)) throw fatal;
  return summary;
}
