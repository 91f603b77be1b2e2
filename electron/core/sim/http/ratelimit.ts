/**
 * Sliding-window request limiter on the sim clock: at most `limit` accepted requests in
 * any 60 s window per bucket (a parent org). Rejected requests do not use the budget.
 */
export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  resetMs: number; // when the oldest request in the window leaves it
  retryAfterS: number; // only meaningful when !allowed; includes a 1 s margin
}

const WINDOW_MS = 60_000;

export class SlidingWindowLimiter {
  private readonly windows = new Map<string, number[]>();

  take(bucket: string, now: number, limit: number): RateDecision {
    let w = this.windows.get(bucket);
    if (!w) {
      w = [];
      this.windows.set(bucket, w);
    }
    let drop = 0;
    while (drop < w.length && (w[drop] as number) <= now - WINDOW_MS) drop++;
    if (drop > 0) w.splice(0, drop);
    if (w.length >= limit) {
      const oldest = w[0] ?? now;
      const resetMs = oldest + WINDOW_MS;
      // retry-after may include a small margin beyond the reset (reference §12)
      return { allowed: false, limit, remaining: 0, resetMs, retryAfterS: Math.max(1, Math.ceil((resetMs - now) / 1000)) + 1 };
    }
    w.push(now);
    const oldest = w[0] ?? now;
    return { allowed: true, limit, remaining: limit - w.length, resetMs: oldest + WINDOW_MS, retryAfterS: 0 };
  }

  /** A read-only view (for headers when the limit is lifted). */
  peek(bucket: string, now: number, limit: number): RateDecision {
    const w = (this.windows.get(bucket) ?? []).filter((t) => t > now - WINDOW_MS);
    return { allowed: true, limit, remaining: Math.max(0, limit - w.length), resetMs: (w[0] ?? now) + WINDOW_MS, retryAfterS: 0 };
  }

  reset(): void {
    this.windows.clear();
  }
}

export function rateLimitHeaders(d: RateDecision): Record<string, string> {
  return {
    'anthropic-ratelimit-requests-limit': String(d.limit),
    'anthropic-ratelimit-requests-remaining': String(d.remaining),
    'anthropic-ratelimit-requests-reset': new Date(Math.ceil(d.resetMs / 1000) * 1000).toISOString().replace('.000Z', 'Z'),
  };
}
