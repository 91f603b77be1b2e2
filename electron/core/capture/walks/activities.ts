import type { Activity, AnthropicComplianceClient } from '../../sources';
import { FEED_PAGE_LIMIT } from '../../sources';
import type { PullContext } from '../context';
import { canonicalOf } from '../digest';
import { laterOf, runResumable, secondsIso } from './resumable';

/**
 * The Activity Feed. Rows are indexed up to ~1 min late and delivered at least once, so
 * each pull reads from the newest `created_at` it has stored minus an overlap, newest
 * first, paging to older rows with `after_id`, and keeps only ids it has not stored. The
 * window's start comes from the vendor's own timestamps, never from this machine's clock,
 * so clock skew cannot open a gap. Each new row: activity_captured with a digest of its
 * canonical JSON (kept in capture_activities).
 */

const EP = 'compliance.activities';

interface FeedState {
  hwm: string | null;
  walk: { gte: string | null; maxSeen: string | null } | null;
}

export function actorIdOf(a: Activity): string | null {
  const actor = a.actor;
  if (!actor) return null;
  return actor.user_id ?? actor.api_key_id ?? actor.admin_api_key_id ?? null;
}

export async function captureActivities(ctx: PullContext, client: AnthropicComplianceClient, slot: 'anthropic-compliance' | 'anthropic-admin'): Promise<boolean> {
  const initial = ctx.cursors.load<FeedState>(EP, { hwm: null, walk: null });
  const report = ctx.tracker.endpoint(EP, slot, initial.cursor);
  ctx.tracker.at('activities');
  return runResumable(ctx, report, async () => {
    const row = ctx.cursors.load<FeedState>(EP, { hwm: null, walk: null });
    if (!row.state.walk) {
      row.state.walk = { gte: row.state.hwm ? secondsIso(Date.parse(row.state.hwm) - ctx.tuning.overlapMs) : null, maxSeen: row.state.hwm };
      row.cursor = null;
    }
    const w = row.state.walk;
    report.window = { from: w.gte, to: null };
    const pages = client.walkActivities({
      follow: 'after_id',
      ...(w.gte ? { createdAt: { gte: w.gte } } : {}),
      ...(row.cursor ? { from: row.cursor } : {}),
      limit: FEED_PAGE_LIMIT,
      signal: ctx.signal,
    });
    for await (const page of pages) {
      let records = 0;
      const now = ctx.now();
      ctx.transaction(() => {
        for (const a of page.items) {
          w.maxSeen = laterOf(w.maxSeen, a.created_at);
          if (ctx.evidence.activityKnown(a.id)) continue;
          const { json, digest } = canonicalOf(a);
          const rec = ctx.vault.chain.append(
            ctx.tenantId,
            'activity_captured',
            {
              activityId: a.id,
              type: a.type,
              createdAt: a.created_at,
              orgId: a.organization_uuid ?? a.organization_id ?? null,
              actorType: a.actor?.type ?? null,
              actorId: actorIdOf(a),
              digest,
            },
            ctx.actor,
          );
          ctx.evidence.putActivity({ id: a.id, createdAt: a.created_at, type: a.type, body: json, digest, recordSeq: rec.seq });
          records++;
        }
        row.cursor = page.cursor;
        ctx.cursors.save(EP, row, now);
      });
      ctx.tracker.counts.activities += records;
      ctx.tracker.stored(report, { items: page.items.length, records, cursor: page.cursor, lastId: page.items.at(-1)?.id ?? null, requestId: page.requestId });
    }
    const now = ctx.now();
    ctx.transaction(() => ctx.cursors.save<FeedState>(EP, { cursor: null, state: { hwm: w.maxSeen, walk: null } }, now));
    report.window = { from: w.gte, to: w.maxSeen };
  });
}
