import { backoffDelay, DEFAULT_RETRY_POLICY } from '../../sources';
import type { PullContext } from '../context';
import { failureOf, isCancellation, isTransient } from '../retry';
import type { EndpointReport } from '../types';

/**
 * Runs one endpoint's walk to its end. `walk` always starts from the stored cursor, so a
 * transient failure (the HTTP layer and the engine's own retries exhausted) is followed by
 * a new round from where the last stored page left off. Rounds that store nothing count
 * towards `maxIdleRounds`; then, or on a persistent failure, the endpoint is marked failed
 * with the reason, and the pull goes on with other endpoints. Cancellation propagates.
 */
export async function runResumable(ctx: PullContext, report: EndpointReport, walk: () => Promise<void>): Promise<boolean> {
  let idle = 0;
  for (;;) {
    const before = report.pages;
    try {
      await walk();
      report.status = 'complete';
      report.failure = null;
      return true;
    } catch (e) {
      if (isCancellation(e) || ctx.signal.aborted) {
        report.status = 'cancelled';
        report.failure = failureOf(e);
        throw e;
      }
      report.failure = failureOf(e);
      if (!isTransient(e)) {
        report.status = 'failed';
        return false;
      }
      idle = report.pages > before ? 0 : idle + 1;
      if (idle >= ctx.tuning.maxIdleRounds) {
        report.status = 'failed';
        return false;
      }
      const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: ctx.tuning.retryBaseDelayMs };
      await ctx.clock.sleep(Math.max(1, backoffDelay(idle, policy, ctx.random)), ctx.signal);
    }
  }
}

/** Whether a failure means the slot's key can no longer be used at all (revoked, plan changed). */
export function keyIsUnusable(report: EndpointReport): boolean {
  const f = report.failure;
  if (!f || report.status !== 'failed') return false;
  return f.code === 'KEY_REJECTED' || (f.code === 'FORBIDDEN' && f.reason !== null);
}

/** RFC 3339 to whole seconds, minus `ms` (for `updated_at.gte` style filters). */
export function secondsIso(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The later of two RFC 3339 timestamps (either may be null). */
export function laterOf(a: string | null, b: string | null | undefined): string | null {
  if (!b) return a;
  if (!a) return b;
  return Date.parse(b) > Date.parse(a) ? b : a;
}
