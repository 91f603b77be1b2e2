import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkspaceService } from '../../../electron/services/workspace';
import { cleanup, connect, newWorkspace, pull, recordCounts, recordsOf, startSim, type Sim, connectAllKeys } from './helpers';
import { expectVaultEqualsTruth } from './truth';

/**
 * A full pull against the simulator: the vault ends equal to the ground truth, every pull
 * ends with a signed completeness record, and pulling again with nothing changed upstream
 * adds no content record.
 */

let sim: Sim;
let ws: WorkspaceService;
let tenantId: string;

beforeAll(async () => {
  sim = await startSim({ sizes: { orgs: 2, users: 3, chats: 4, messages: 6 } });
  ws = await newWorkspace();
  tenantId = await connectAllKeys(ws, sim);
});
afterAll(async () => {
  ws?.closeWorkspace();
  await sim?.close();
  cleanup();
});

describe('a pull', () => {
  it('given a connected Enterprise tenant, when it is pulled, then the vault equals the ground truth and the chain verifies', async () => {
    const s = await pull(ws, tenantId);
    expect(s.status, JSON.stringify(s.errors)).toBe('complete');
    const truth = sim.truth('text');
    const counts = truth.tenants.find((t) => t.plan === 'enterprise')!.counts;
    expect(s.counts.messagesCaptured).toBe(counts.textMessages);
    expect(s.counts.chatsNew).toBe(counts.chats);
    expect(s.counts.chatsSoftDeleted).toBe(counts.softDeletedChats);
    const skipped = Object.values(s.counts.messagesSkipped).reduce((a, b) => a + (b ?? 0), 0);
    expect(skipped).toBe(counts.noTextMessages);
    expect(s.counts.messagesSkipped['deleted-chat']).toBe(counts.contentRemovedMessages);
    expectVaultEqualsTruth(ws, tenantId, truth);
  });

  it('ends with a completeness record naming every endpoint, then a signed checkpoint that covers it', async () => {
    const [last] = recordsOf(ws, tenantId, 'pull_completed').slice(-1);
    expect(last).toBeDefined();
    const body = last!.body;
    const endpoints = (body.endpoints as Array<{ endpoint: string; status: string; requestIds: string[]; pages: number }>).map((e) => e.endpoint);
    expect(endpoints).toEqual(
      expect.arrayContaining(['compliance.organizations', 'compliance.users', 'compliance.chats', 'compliance.chat_messages', 'compliance.chats_reconcile', 'compliance.activities', 'admin.usage_report', 'admin.cost_report', 'openai.costs', 'openai.audit_logs']),
    );
    for (const e of body.endpoints as Array<{ status: string; requestIds: string[]; pages: number }>) {
      expect(e.status).toBe('complete');
      if (e.pages > 0) expect(e.requestIds.length).toBeGreaterThan(0);
    }
    const cp = ws.vault.chain.latestCheckpoint(tenantId)!;
    expect(cp.size).toBe(last!.seq + 1);
  });

  it('given nothing changed upstream, when pulled again, then no content, flag or evidence record is added', async () => {
    const before = recordCounts(ws, tenantId);
    const s = await pull(ws, tenantId);
    expect(s.status).toBe('complete');
    const after = recordCounts(ws, tenantId);
    expect({ ...after, pull_completed: 0 }).toEqual({ ...before, pull_completed: 0 });
    expect(after.pull_completed).toBe((before.pull_completed ?? 0) + 1);
    expect(s.counts.chatsFetched).toBe(0);
    expectVaultEqualsTruth(ws, tenantId, sim.truth('text'));
  });

  it('captures the Activity Feed once the ingestion lag has passed, without repeating rows it has', async () => {
    const known = recordsOf(ws, tenantId, 'activity_captured').length;
    sim.clock.advance(2 * 60_000); // the pulls' own compliance_api_accessed rows become visible
    const s = await pull(ws, tenantId);
    expect(s.counts.activities).toBeGreaterThan(0);
    const ids = recordsOf(ws, tenantId, 'activity_captured').map((r) => r.body.activityId as string);
    expect(ids.length).toBe(known + s.counts.activities);
    const visible = sim.world.tenants[0]!.activities;
    const lagEnd = sim.clock.now() - sim.world.config.activityLagMs;
    const expected: string[] = [];
    for (let i = 0; i < visible.length; i++) if (visible.at(i).t <= lagEnd) expected.push(visible.at(i).id);
    // The sim clock stood still during the pull: exactly the rows visible then were captured (its own requests come later).
    expect(new Set(ids)).toEqual(new Set(expected));
  });
});
