import type { Random } from './clock';

/** How hard to try before a failure becomes a status the user sees. */
export interface RetryPolicy {
  /** Total attempts including the first; after the last one the failure is thrown. */
  maxAttempts: number;
  /** First backoff ceiling (doubles each retry). */
  baseDelayMs: number;
  /** Backoff ceiling never grows past this. */
  maxDelayMs: number;
  /** A server asking for a longer pause than this is reported, not waited out. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 6,
  baseDelayMs: 1_000,
  maxDelayMs: 60_000,
  maxRetryAfterMs: 5 * 60_000,
};

/**
 * Exponential backoff with full jitter: a uniform delay in [0, min(max, base * 2^n)).
 * `retryIndex` is 0 for the first retry.
 */
export function backoffDelay(retryIndex: number, policy: RetryPolicy, random: Random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(retryIndex, 30));
  return Math.floor(random() * ceiling);
}

/**
 * `retry-after` as milliseconds from `nowMs`: delta-seconds (decimals accepted) or an
 * HTTP date. Null when absent or unreadable; never negative.
 */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (value === null) return null;
  const v = value.trim();
  if (v === '') return null;
  if (/^\d+(\.\d+)?$/.test(v)) return Math.ceil(Number(v) * 1000);
  const at = Date.parse(v);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - nowMs);
}
