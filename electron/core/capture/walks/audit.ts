import type { OpenAIAdminClient } from '../../sources';
import type { PullContext } from '../context';
import { canonicalOf } from '../digest';
import { runResumable } from './resumable';

/**
 * OpenAI audit logs: newest first, `after=<last_id>` towards older events. Each pull reads
 * from the newest `effective_at` it has stored minus the overlap, keeps ids it has not
 * stored, and records each new event (audit_event_captured) with a digest of its JSON.
 */

const EP = 'openai.audit_logs';

interface AuditState {
  /** Newest effective_at (Unix seconds) of the last complete walk. */
  hwm: number | null;
  walk: { gte: number | null; maxSeen: number | null } | null;
}

export async function captureAuditLogs(ctx: PullContext, client: OpenAIAdminClient): Promise<boolean> {
  const initial = ctx.cursors.load<AuditState>(EP, { hwm: null, walk: null });
  const report = ctx.tracker.endpoint(EP, 'openai', initial.cursor);
  ctx.tracker.at('audit logs');
  return runResumable(ctx, report, async () => {
    const row = ctx.cursors.load<AuditState>(EP, { hwm: null, walk: null });
    if (!row.state.walk) {
      row.state.walk = { gte: row.state.hwm !== null ? row.state.hwm - Math.ceil(ctx.tuning.overlapMs / 1000) : null, maxSeen: row.state.hwm };
      row.cursor = null;
    }
    const w = row.state.walk;
    const iso = (s: number | null) => (s === null ? null : new Date(s * 1000).toISOString());
    report.window = { from: iso(w.gte), to: null };
    const pages = client.walkAuditLogs({ ...(w.gte !== null ? { effectiveAt: { gte: w.gte } } : {}), limit: 100, ...(row.cursor ? { from: row.cursor } : {}), signal: ctx.signal });
    for await (const page of pages) {
      let records = 0;
      const now = ctx.now();
      ctx.transaction(() => {
        for (const e of page.items) {
          if (w.maxSeen === null || e.effective_at > w.maxSeen) w.maxSeen = e.effective_at;
          if (ctx.evidence.auditKnown(e.id)) continue;
          const { json, digest } = canonicalOf(e);
          const rec = ctx.vault.chain.append(
            ctx.tenantId,
            'audit_event_captured',
            { eventId: e.id, type: e.type, effectiveAt: e.effective_at, projectId: e.project?.id ?? null, actorType: e.actor?.type ?? null, digest },
            ctx.actor,
          );
          ctx.evidence.putAudit({ id: e.id, effectiveAt: e.effective_at, type: e.type, body: json, digest, recordSeq: rec.seq });
          records++;
        }
        row.cursor = page.cursor;
        ctx.cursors.save(EP, row, now);
      });
      ctx.tracker.counts.auditEvents += records;
      ctx.tracker.stored(report, { items: page.items.length, records, cursor: page.cursor, lastId: page.items.at(-1)?.id ?? null, requestId: page.requestId });
    }
    const now = ctx.now();
    ctx.transaction(() => ctx.cursors.save<AuditState>(EP, { cursor: null, state: { hwm: w.maxSeen, walk: null } }, now));
    report.window = { from: iso(w.gte), to: iso(w.maxSeen) };
  });
}
