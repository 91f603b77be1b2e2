import { isOgmaError } from '../../../shared/api/errors';
import { backoffDelay, DEFAULT_RETRY_POLICY, isSourceError, NOT_ENTERPRISE, type Clock, type Random } from '../sources';
import type { EndpointFailure } from './types';

/**
 * How the engine treats a failure the HTTP layer has already retried. A refused key, a
 * missing scope, a plan that no longer includes the API are persistent: retrying only
 * earns the same answer, so the endpoint stops and the pull says why. A server error,
 * a dropped connection or a cut-off body is transient: the engine retries the request a
 * few more times, and a walk that still fails resumes from its stored cursor.
 */

const TRANSIENT_REASONS: ReadonlySet<string> = new Set(['server-error', 'network', 'timeout', 'malformed-body', 'rate-limited']);

export function isCancellation(e: unknown): boolean {
  return isOgmaError(e) && e.code === 'CANCELLED';
}

export function isTransient(e: unknown): boolean {
  return isSourceError(e) && e.code === 'UPSTREAM' && TRANSIENT_REASONS.has(e.details.reason);
}

export function failureOf(e: unknown): EndpointFailure {
  if (isSourceError(e)) {
    // A Compliance key that suddenly holds no scope at all: the organisation left Enterprise.
    const planGone = e.code === 'FORBIDDEN' && e.details.scopes?.got.length === 0 && /Compliance/.test(e.details.vendor);
    return { code: e.code, reason: e.details.reason, message: planGone ? `${NOT_ENTERPRISE} ${e.message}` : e.message };
  }
  if (isOgmaError(e)) return { code: e.code, reason: null, message: e.message };
  return { code: 'INTERNAL', reason: null, message: e instanceof Error ? e.message : String(e) };
}

export interface RetryContext {
  clock: Clock;
  random?: Random;
  signal?: AbortSignal;
  /** Extra attempts after the HTTP layer gave up. */
  attempts: number;
  baseDelayMs: number;
  onRetry?: () => void;
}

/** Runs `fn`, retrying transient failures with exponential backoff and full jitter. */
export async function retryTransient<T>(fn: () => Promise<T>, ctx: RetryContext): Promise<T> {
  const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: ctx.baseDelayMs, maxDelayMs: Math.max(ctx.baseDelayMs, 30_000) };
  for (let i = 0; ; i++) {
    try {
      return await fn();
    } catch (e) {
      if (i >= ctx.attempts || !isTransient(e)) throw e;
      ctx.onRetry?.();
      await ctx.clock.sleep(Math.max(1, backoffDelay(i, policy, ctx.random ?? Math.random)), ctx.signal);
    }
  }
}
