import { SourceError } from './source-error';
import type { ActivitiesFilter, ActivityPage, AnthropicComplianceClient } from './anthropic-compliance';

/**
 * The two Activity Feed patterns of the vendor's integration guide (§15).
 *
 * Window polling: each run reads `[previous lt - overlap, now - lag)` and pages inside
 * it with `after_id`. Rows are indexed up to ~1 min late, so windows overlap and the
 * caller dedupes on activity id (delivery is at-least-once).
 *
 * Cursor catch-up: keep the newest `first_id`; each run walks `before_id=<cursor>`
 * towards newer rows. Persist the cursor only once a page says `hasMore: false`.
 */

export const FEED_PAGE_LIMIT = 5000;
export const DEFAULT_INGESTION_LAG_MS = 60_000;
export const DEFAULT_OVERLAP_MS = 5 * 60_000;

export interface PollingWindow {
  /** RFC 3339, inclusive. */
  gte: string;
  /** RFC 3339, exclusive; store it as the next run's `previousLt`. */
  lt: string;
}

export interface WindowOptions {
  /** The previous window's `lt`, or undefined on the first run. */
  previousLt?: string;
  nowMs: number;
  /** How far back the first run reaches (default 24 h). */
  initialLookbackMs?: number;
  /** Stay this far behind now: the feed indexes rows up to ~1 min late (minimum 1 min). */
  lagMs?: number;
  /** Re-read this much before the previous window's end to catch late rows. */
  overlapMs?: number;
}

/** The next window to poll, or null when it would be empty (called again too soon). */
export function nextPollingWindow(o: WindowOptions): PollingWindow | null {
  const lag = Math.max(DEFAULT_INGESTION_LAG_MS, o.lagMs ?? DEFAULT_INGESTION_LAG_MS);
  const overlap = Math.max(0, o.overlapMs ?? DEFAULT_OVERLAP_MS);
  // Whole seconds, so the stored `lt` parses back to exactly the same instant.
  const lt = Math.floor((o.nowMs - lag) / 1000) * 1000;
  const prev = o.previousLt !== undefined ? Date.parse(o.previousLt) : Number.NaN;
  if (o.previousLt !== undefined && Number.isNaN(prev)) {
    throw new SourceError('VALIDATION_FAILED', `The stored end of the previous Activity Feed window ("${o.previousLt}") is not a timestamp.`, {
      reason: 'bad-request',
      vendor: 'the Anthropic Compliance API',
    });
  }
  const gte = Number.isNaN(prev) ? lt - (o.initialLookbackMs ?? 24 * 3_600_000) : prev - overlap;
  if (lt <= gte) return null;
  return { gte: rfc3339(gte), lt: rfc3339(lt) };
}

/** Pages of one polling window, paged inside with `after_id`. */
export function walkActivityWindow(
  client: AnthropicComplianceClient,
  window: PollingWindow,
  filter: Omit<ActivitiesFilter, 'createdAt' | 'order'> & { from?: string; limit?: number; signal?: AbortSignal } = {},
): AsyncGenerator<ActivityPage> {
  return client.walkActivities({
    ...filter,
    createdAt: { gte: window.gte, lt: window.lt },
    limit: filter.limit ?? FEED_PAGE_LIMIT,
    follow: 'after_id',
  });
}

/** Pages newer than `cursor` (a stored `first_id`). Seed the cursor with `newestActivityId`. */
export function walkActivityCatchUp(
  client: AnthropicComplianceClient,
  cursor: string,
  filter: Omit<ActivitiesFilter, 'createdAt' | 'order'> & { limit?: number; signal?: AbortSignal } = {},
): AsyncGenerator<ActivityPage> {
  return client.walkActivities({ ...filter, from: cursor, limit: filter.limit ?? FEED_PAGE_LIMIT, follow: 'before_id' });
}

/** The newest activity id now (the starting cursor for catch-up), or null on an empty feed. */
export async function newestActivityId(client: AnthropicComplianceClient, filter: Omit<ActivitiesFilter, 'order'> = {}): Promise<string | null> {
  for await (const page of client.walkActivities({ ...filter, limit: 1, follow: 'after_id' })) {
    return page.items[0]?.id ?? null;
  }
  return null;
}

/**
 * Remembers recently seen activity ids so overlapping windows do not hand the same row
 * on twice. Bounded (oldest forgotten first); the vault's upsert by id stays the last word.
 */
export class ActivityDeduper {
  private readonly seen = new Set<string>();

  constructor(private readonly capacity = 200_000) {}

  /** The items not seen before (first occurrence wins), marking them seen. */
  fresh<T extends { id: string }>(items: readonly T[]): T[] {
    const out: T[] = [];
    for (const item of items) {
      if (this.seen.has(item.id)) continue;
      this.seen.add(item.id);
      out.push(item);
    }
    while (this.seen.size > this.capacity) {
      const oldest = this.seen.values().next().value;
      if (oldest === undefined) break;
      this.seen.delete(oldest);
    }
    return out;
  }

  has(id: string): boolean {
    return this.seen.has(id);
  }
}

function rfc3339(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
