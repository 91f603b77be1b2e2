import { describe, expect, it } from 'vitest';
import {
  ActivityDeduper,
  nextPollingWindow,
  newestActivityId,
  walkActivityCatchUp,
  walkActivityWindow,
} from '../../../electron/core/sources/activity-polling';
import { AnthropicComplianceClient } from '../../../electron/core/sources/anthropic-compliance';
import { fakeFetch } from './helpers/fake-fetch';
import { COMPLIANCE_KEY, secretOf } from './helpers/keys';
import { miniCompliance, sampleData } from './helpers/mini-compliance';
import { VirtualClock } from './helpers/virtual-clock';

function setup() {
  const clock = new VirtualClock();
  const data = sampleData();
  const fake = fakeFetch(miniCompliance(data), clock);
  const client = new AnthropicComplianceClient({ key: secretOf(COMPLIANCE_KEY), fetch: fake.fetch, clock });
  return { client, fake, data };
}

describe('nextPollingWindow', () => {
  const now = Date.parse('2026-04-10T09:00:30Z');

  it('stays at least one minute behind now and overlaps the previous window', () => {
    const w = nextPollingWindow({ previousLt: '2026-04-10T08:50:00Z', nowMs: now, overlapMs: 5 * 60_000 });
    expect(w).toEqual({ gte: '2026-04-10T08:45:00Z', lt: '2026-04-10T08:59:30Z' });
  });

  it('never lags less than the one-minute ingestion delay even if asked', () => {
    const w = nextPollingWindow({ previousLt: '2026-04-10T08:50:00Z', nowMs: now, lagMs: 1000, overlapMs: 0 });
    expect(w?.lt).toBe('2026-04-10T08:59:30Z');
  });

  it('the first run looks back the initial lookback', () => {
    const w = nextPollingWindow({ nowMs: now, initialLookbackMs: 3_600_000 });
    expect(w).toEqual({ gte: '2026-04-10T07:59:30Z', lt: '2026-04-10T08:59:30Z' });
  });

  it('successive windows butt up with the overlap and leave no gap', () => {
    const first = nextPollingWindow({ nowMs: now, initialLookbackMs: 3_600_000 })!;
    const second = nextPollingWindow({ previousLt: first.lt, nowMs: now + 10 * 60_000, overlapMs: 120_000 })!;
    expect(Date.parse(second.gte)).toBe(Date.parse(first.lt) - 120_000);
    expect(Date.parse(second.gte)).toBeLessThan(Date.parse(first.lt));
  });

  it('is null when called again too soon', () => {
    expect(nextPollingWindow({ previousLt: '2026-04-10T08:59:30Z', nowMs: now, overlapMs: 0 })).toBeNull();
  });

  it('refuses a stored end that is not a timestamp', () => {
    expect(() => nextPollingWindow({ previousLt: 'yesterday', nowMs: now })).toThrow(/not a timestamp/);
  });
});

describe('window polling and cursor catch-up against the feed', () => {
  it('a window walk sends created_at.gte/lt with limit 5000 and pages with after_id', async () => {
    const { client, fake, data } = setup();
    const pages = [];
    for await (const p of walkActivityWindow(client, { gte: '2026-04-10T08:52:00Z', lt: '2026-04-10T08:58:00Z' }, { limit: 2 })) pages.push(p);
    const q = fake.calls[0]!.url.searchParams;
    expect(q.get('created_at.gte')).toBe('2026-04-10T08:52:00Z');
    expect(q.get('created_at.lt')).toBe('2026-04-10T08:58:00Z');
    const ids = pages.flatMap((p) => p.items.map((a) => a.id));
    expect(ids).toEqual(data.activities.filter((a) => a.created_at >= '2026-04-10T08:52:00Z' && a.created_at < '2026-04-10T08:58:00Z').map((a) => a.id));
    expect(fake.calls.slice(1).every((c) => c.url.searchParams.has('after_id'))).toBe(true);
  });

  it('the default page size is the feed maximum', async () => {
    const { client, fake } = setup();
    for await (const _ of walkActivityWindow(client, { gte: '2026-04-10T08:00:00Z', lt: '2026-04-10T09:00:00Z' })) break;
    expect(fake.calls[0]!.url.searchParams.get('limit')).toBe('5000');
  });

  it('overlapping windows deliver a row twice; the deduper hands it on once', async () => {
    const { client } = setup();
    const dedupe = new ActivityDeduper();
    const delivered: string[] = [];
    for (const w of [
      { gte: '2026-04-10T08:50:00Z', lt: '2026-04-10T08:56:00Z' },
      { gte: '2026-04-10T08:54:00Z', lt: '2026-04-10T09:00:00Z' },
    ]) {
      for await (const p of walkActivityWindow(client, w)) delivered.push(...dedupe.fresh(p.items).map((a) => a.id));
    }
    expect(delivered).toHaveLength(9);
    expect(new Set(delivered).size).toBe(9);
  });

  it('catch-up seeds with the newest id, then walks before_id to newer rows only', async () => {
    const { client, data, fake } = setup();
    const seed = await newestActivityId(client);
    expect(seed).toBe('activity_09');
    // A cursor stored earlier, pointing at activity_06 (as an opaque first_id).
    const stored = Buffer.from(JSON.stringify({ id: 'activity_06' })).toString('base64url');
    const got: string[] = [];
    let final: string | null = null;
    for await (const p of walkActivityCatchUp(client, stored, { limit: 2 })) {
      got.push(...p.items.map((a) => a.id));
      if (!p.hasMore) final = p.cursor;
    }
    expect(got.sort()).toEqual(['activity_07', 'activity_08', 'activity_09']);
    expect(final).toBe(Buffer.from(JSON.stringify({ id: 'activity_09' })).toString('base64url'));
    expect(fake.calls.slice(1).every((c) => c.url.searchParams.has('before_id') && !c.url.searchParams.has('after_id'))).toBe(true);
    expect(data.activities[0]!.id).toBe('activity_09');
  });

  it('the deduper is bounded and forgets the oldest ids first', () => {
    const d = new ActivityDeduper(2);
    d.fresh([{ id: 'a' }, { id: 'b' }, { id: 'c' }]);
    expect(d.has('a')).toBe(false);
    expect(d.has('c')).toBe(true);
    expect(d.fresh([{ id: 'c' }, { id: 'd' }, { id: 'd' }]).map((x) => x.id)).toEqual(['d']);
  });
});
