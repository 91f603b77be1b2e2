import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { captureBuckets, type BucketReportSpec } from '../../../electron/core/capture/walks/buckets';
import { SourceError, type Page } from '../../../electron/core/sources';
import type { Vault } from '../../../electron/core/vault';
import { cleanupDirs, contextFor, records, vaultWithTenant } from './fixtures';

/**
 * Report buckets: recorded when first seen with results, recorded again as a new version
 * (superseding the old record) when a growing bucket changes, left alone when unchanged;
 * a walk that fails mid-way resumes from its page token; the next walk starts from the
 * newest bucket minus the overlap.
 */

interface B {
  start: string;
  results: number[];
}

let vault: Vault;
let tenantId: string;

beforeEach(async () => {
  ({ vault, tenantId } = await vaultWithTenant());
});
afterAll(cleanupDirs);

const day = (d: number) => `2026-09-${String(d).padStart(2, '0')}T00:00:00Z`;

/** A report of `days` daily buckets from Sept 1, two per page; `fail` makes one page fail once. */
function report(data: Map<string, number[]>, calls: Array<{ startMs: number; from: string | undefined }>, fail?: { page: number }): BucketReportSpec<B> {
  return {
    endpoint: 'admin.usage_report',
    slot: 'anthropic-admin',
    report: 'anthropic.usage',
    recordType: 'usage_captured',
    counter: 'usageBuckets',
    async *walk(startMs, from) {
      calls.push({ startMs, from });
      const keys = [...data.keys()].filter((k) => Date.parse(k) >= startMs).sort();
      let i = from ? Number(from) : 0;
      for (let index = 0; i < keys.length; index++) {
        if (fail && fail.page === i / 2) {
          fail.page = -1;
          throw new SourceError('UPSTREAM', 'boom', { reason: 'server-error', vendor: 'the Anthropic Admin API' });
        }
        const items = keys.slice(i, i + 2).map((k) => ({ start: k, results: data.get(k)! }));
        i += 2;
        const page: Page<B> = { items, cursor: i < keys.length ? String(i) : null, hasMore: i < keys.length, requestId: `req_${i}`, index };
        yield page;
      }
    },
    bounds: (b) => ({ start: b.start, end: b.start }),
    results: (b) => b.results,
  };
}

describe('captureBuckets', () => {
  it('records non-empty buckets once, and a changed bucket as a new version that supersedes the old', async () => {
    const data = new Map<string, number[]>([
      [day(1), [1]],
      [day(2), []],
      [day(3), [3]],
    ]);
    const calls: Array<{ startMs: number; from: string | undefined }> = [];
    const ctx = contextFor(vault, tenantId, { reportsLookbackDays: 60 });
    expect(await captureBuckets(ctx, report(data, calls))).toBe(true);
    expect(records(vault, tenantId, 'usage_captured').map((r) => [r.body.bucket, r.body.version, r.body.supersedes])).toEqual([
      [day(1), 1, null],
      [day(3), 1, null],
    ]);
    // A day later: Sept 3 grew, Sept 2 got its first usage, Sept 4 appeared.
    data.set(day(3), [3, 4]).set(day(2), [2]).set(day(4), []);
    const ctx2 = contextFor(vault, tenantId, { bucketOverlapDays: 2 }, 'run_2');
    expect(await captureBuckets(ctx2, report(data, calls))).toBe(true);
    expect(calls.at(-1)!.startMs).toBe(Date.parse(day(1))); // newest was Sept 3, minus two days
    const recs = records(vault, tenantId, 'usage_captured');
    const firstSept3 = recs.find((r) => r.body.bucket === day(3))!.seq;
    expect(recs.slice(2).map((r) => [r.body.bucket, r.body.version, r.body.supersedes])).toEqual([
      [day(2), 1, null],
      [day(3), 2, firstSept3],
    ]);
    expect(ctx2.tracker.counts.usageBuckets).toBe(2);
    // Nothing changed: nothing recorded.
    await captureBuckets(contextFor(vault, tenantId, {}, 'run_3'), report(data, calls));
    expect(records(vault, tenantId, 'usage_captured').length).toBe(4);
    expect(vault.verify({ mode: 'full' }).ok).toBe(true);
  });

  it('given a page fails transiently, then the walk resumes from the stored page token and stores every bucket once', async () => {
    const data = new Map<string, number[]>([1, 2, 3, 4, 5, 6].map((d) => [day(d), [d]]));
    const calls: Array<{ startMs: number; from: string | undefined }> = [];
    const ctx = contextFor(vault, tenantId, { reportsLookbackDays: 60 });
    expect(await captureBuckets(ctx, report(data, calls, { page: 1 }))).toBe(true);
    expect(calls.map((c) => c.from)).toEqual([undefined, '2']);
    expect(records(vault, tenantId, 'usage_captured').map((r) => r.body.bucket)).toEqual([1, 2, 3, 4, 5, 6].map(day));
    const r = ctx.tracker.endpoint('admin.usage_report', 'anthropic-admin');
    expect(r).toMatchObject({ status: 'complete', pages: 3, records: 6, terminalId: day(6) });
  });
});
