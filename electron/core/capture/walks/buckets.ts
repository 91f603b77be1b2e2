import type { Page } from '../../sources';
import type { PullContext } from '../context';
import { canonicalOf } from '../digest';
import type { CaptureSlot, ContentCounts, EndpointName } from '../types';
import { runResumable } from './resumable';

/**
 * Usage and cost reports come as time buckets, oldest first, page tokens. The newest
 * buckets keep growing (and usage is reported minutes late), so each pull re-reads from
 * the newest bucket it has minus `bucketOverlapDays`; a bucket is stored by its start and
 * recorded (usage_captured / cost_captured) when first seen with results, and again, as a
 * new version superseding the previous record, whenever its content changes.
 */

const DAY_MS = 86_400_000;

export interface BucketReportSpec<B> {
  endpoint: EndpointName;
  slot: CaptureSlot;
  /** Key of the report in capture_buckets, e.g. 'anthropic.usage'. */
  report: string;
  recordType: 'usage_captured' | 'cost_captured';
  counter: keyof Pick<ContentCounts, 'usageBuckets' | 'costBuckets'>;
  /** Pages of buckets from `startMs` (inclusive), resuming at page token `from`. */
  walk(startMs: number, from: string | undefined, signal: AbortSignal): AsyncGenerator<Page<B>>;
  /** Bucket bounds as RFC 3339. */
  bounds(b: B): { start: string; end: string };
  results(b: B): unknown[];
}

interface BucketState {
  /** Start of the newest bucket a complete walk stored. */
  hwm: string | null;
  walk: { startMs: number; newest: string | null } | null;
}

export async function captureBuckets<B>(ctx: PullContext, spec: BucketReportSpec<B>): Promise<boolean> {
  const initial = ctx.cursors.load<BucketState>(spec.endpoint, { hwm: null, walk: null });
  const report = ctx.tracker.endpoint(spec.endpoint, spec.slot, initial.cursor);
  ctx.tracker.at(spec.report);
  return runResumable(ctx, report, async () => {
    const row = ctx.cursors.load<BucketState>(spec.endpoint, { hwm: null, walk: null });
    if (!row.state.walk) {
      const from = row.state.hwm ? Date.parse(row.state.hwm) - ctx.tuning.bucketOverlapDays * DAY_MS : ctx.clock.now() - ctx.tuning.reportsLookbackDays * DAY_MS;
      row.state.walk = { startMs: Math.floor(from / DAY_MS) * DAY_MS, newest: row.state.hwm };
      row.cursor = null;
    }
    const w = row.state.walk;
    report.window = { from: new Date(w.startMs).toISOString(), to: null };
    for await (const page of spec.walk(w.startMs, row.cursor ?? undefined, ctx.signal)) {
      let records = 0;
      const now = ctx.now();
      ctx.transaction(() => {
        for (const b of page.items) {
          const { start, end } = spec.bounds(b);
          const results = spec.results(b);
          const { json, digest } = canonicalOf(b);
          if (!w.newest || Date.parse(start) > Date.parse(w.newest)) w.newest = start;
          const stored = ctx.evidence.bucket(spec.report, start);
          if (stored?.digest === digest) continue;
          if (!stored && results.length === 0) {
            ctx.evidence.putBucket({ report: spec.report, bucket: start, endingAt: end, body: json, digest, version: 0, recordSeq: null });
            continue;
          }
          const version = (stored?.version ?? 0) + 1;
          const rec = ctx.vault.chain.append(
            ctx.tenantId,
            spec.recordType,
            { report: spec.report, bucket: start, endingAt: end, results: results.length, digest, version, supersedes: stored?.recordSeq ?? null, runId: ctx.runId },
            ctx.actor,
          );
          ctx.evidence.putBucket({ report: spec.report, bucket: start, endingAt: end, body: json, digest, version, recordSeq: rec.seq });
          records++;
        }
        row.cursor = page.cursor;
        ctx.cursors.save(spec.endpoint, row, now);
      });
      ctx.tracker.counts[spec.counter] += records;
      const last = page.items.at(-1);
      ctx.tracker.stored(report, { items: page.items.length, records, cursor: page.cursor, lastId: last ? spec.bounds(last).start : null, requestId: page.requestId });
    }
    const now = ctx.now();
    ctx.transaction(() => ctx.cursors.save<BucketState>(spec.endpoint, { cursor: null, state: { hwm: w.newest, walk: null } }, now));
    report.window = { from: new Date(w.startMs).toISOString(), to: w.newest };
  });
}
