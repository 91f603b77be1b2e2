import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkspaceService } from '../../../electron/services/workspace';
import { cleanup, connect, control, countingFetch, newWorkspace, pull, recordCounts, recordsOf, startSim, type Sim, connectAllKeys } from './helpers';

/**
 * Non-content evidence across pulls: usage and cost buckets that grow are recorded again
 * as new versions superseding the old record (unchanged ones are not), the Activity Feed
 * and the OpenAI audit log are deduped by id across overlapping windows, and the feed is
 * read with the Admin key when the Compliance key lacks its scope.
 */

let sim: Sim;
let ws: WorkspaceService;
let tenantId: string;

beforeAll(async () => {
  sim = await startSim({ seed: 'ogma-evidence' });
  ws = await newWorkspace();
  tenantId = await connectAllKeys(ws, sim);
});
afterAll(async () => {
  ws?.closeWorkspace();
  await sim?.close();
  cleanup();
});

describe('usage, cost, feed and audit log across pulls', () => {
  it('given buckets that grow as time passes, then only the changed buckets are recorded again, each superseding its previous record', async () => {
    const f = countingFetch();
    expect((await pull(ws, tenantId, { fetch: f.fetch })).status).toBe('complete');
    const before = recordCounts(ws, tenantId);
    sim.clock.advance(6 * 3_600_000); // today's buckets fill up; older ones are final
    const s = await pull(ws, tenantId);
    expect(s.status).toBe('complete');
    const usage = recordsOf(ws, tenantId, 'usage_captured');
    const newer = usage.slice(before.usage_captured);
    expect(newer.length).toBeGreaterThan(0);
    expect(newer.length).toBeLessThanOrEqual(2); // yesterday's tail and today, nothing older
    for (const r of newer) {
      if (r.body.version === 1) continue;
      const previous = usage.find((x) => x.seq === r.body.supersedes)!;
      expect(previous.body).toMatchObject({ report: r.body.report, bucket: r.body.bucket, version: (r.body.version as number) - 1 });
      expect(previous.body.digest).not.toBe(r.body.digest);
    }
    const stored = ws.vault.db.prepare(`SELECT bucket, version, record_seq FROM capture_buckets WHERE tenant_id = ? AND report = 'anthropic.usage' AND record_seq IS NOT NULL`).all(tenantId) as Array<{ bucket: string; version: number; record_seq: number }>;
    for (const b of stored) expect(usage.find((r) => r.seq === b.record_seq)!.body).toMatchObject({ bucket: b.bucket, version: b.version });
    // The feed: every row visible now is captured exactly once, including the first pull's own API calls.
    const feed = sim.world.tenants[0]!.activities;
    const lagEnd = sim.clock.now() - sim.world.config.activityLagMs;
    const visible: string[] = [];
    for (let i = 0; i < feed.length; i++) if (feed.at(i).t <= lagEnd) visible.push(feed.at(i).id);
    const captured = recordsOf(ws, tenantId, 'activity_captured').map((r) => r.body.activityId as string);
    expect(captured.sort()).toEqual(visible.sort());
    expect(captured.filter((id) => feed.get(id)!.type === 'compliance_api_accessed').length).toBeGreaterThanOrEqual(f.count('/v1/compliance'));
    // The audit log did not change: nothing new, although the window overlapped.
    expect(recordCounts(ws, tenantId).audit_event_captured).toBe(before.audit_event_captured);
  });

  it('stores every activity and audit event as canonical JSON whose digest is in its record', async () => {
    const { createHash } = await import('node:crypto');
    const rows = ws.vault.db.prepare('SELECT id, body, digest, record_seq FROM capture_activities WHERE tenant_id = ? LIMIT 50').all(tenantId) as Array<{ id: string; body: string; digest: string; record_seq: number }>;
    for (const r of rows) {
      expect(createHash('sha256').update(r.body).digest('hex')).toBe(r.digest);
      expect(ws.vault.chain.record(tenantId, r.record_seq).body).toMatchObject({ activityId: r.id, digest: r.digest });
      expect((JSON.parse(r.body) as { id: string }).id).toBe(r.id);
    }
    const audit = ws.vault.db.prepare('SELECT id, digest, record_seq FROM capture_audit_events WHERE tenant_id = ? LIMIT 20').all(tenantId) as Array<{ id: string; digest: string; record_seq: number }>;
    expect(audit.length).toBeGreaterThan(0);
    for (const a of audit) expect(ws.vault.chain.record(tenantId, a.record_seq).body).toMatchObject({ eventId: a.id, digest: a.digest });
  });

  it('reads the feed with the Admin key when the Compliance key lacks read:compliance_activities, and skips it (saying why) with neither', async () => {
    const made = await control(sim, 'POST', '/keys', { kind: 'compliance', tenant: 't1', scopes: ['read:compliance_org_data', 'read:compliance_user_data'] });
    const other = await newWorkspace();
    try {
      const t = (await connect(other, sim, 'anthropic-compliance', made.key)).tenantId;
      const alone = await pull(other, t);
      expect(alone.status).toBe('complete');
      expect(alone.endpoints.find((e) => e.endpoint === 'compliance.activities')).toMatchObject({ status: 'skipped', failure: { message: expect.stringContaining('read:compliance_activities') } });
      await connect(other, sim, 'anthropic-admin', sim.keys.anthropicAdmin);
      const both = await pull(other, t);
      expect(both.endpoints.find((e) => e.endpoint === 'compliance.activities')).toMatchObject({ status: 'complete', slot: 'anthropic-admin' });
      expect(both.counts.activities).toBeGreaterThan(0);
    } finally {
      other.closeWorkspace();
    }
  });
});
