import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAULT_KINDS } from '../../../electron/core/sim';
import type { WorkspaceService } from '../../../electron/services/workspace';
import { cleanup, connect, control, newWorkspace, pull, startSim, type Sim, connectAllKeys } from './helpers';
import { expectVaultEqualsTruth } from './truth';

/**
 * Every fault the simulator can inject (429 with and without retry-after, 500 with and
 * without x-should-retry, HTML 502, 503, 504, 529, reset sockets, slow answers, truncated
 * and malformed bodies), each on 5% of requests at once: the pull still ends complete and
 * equal to the ground truth, and its evidence equals that of a pull without faults.
 */

let sim: Sim;
const spaces: WorkspaceService[] = [];

beforeAll(async () => {
  sim = await startSim({ seed: 'ogma-faults', sizes: { orgs: 2, users: 4, chats: 6, messages: 4 } });
});
afterAll(async () => {
  for (const w of spaces) w.closeWorkspace();
  await sim?.close();
  cleanup();
});

async function connected(): Promise<{ ws: WorkspaceService; tenantId: string }> {
  const ws = await newWorkspace();
  spaces.push(ws);
  const tenantId = await connectAllKeys(ws, sim);
  return { ws, tenantId };
}

function evidence(ws: WorkspaceService, tenantId: string) {
  const db = ws.vault.db;
  return {
    activities: db.prepare('SELECT id, digest FROM capture_activities WHERE tenant_id = ? ORDER BY id').all(tenantId),
    buckets: db.prepare('SELECT report, bucket, digest FROM capture_buckets WHERE tenant_id = ? ORDER BY report, bucket').all(tenantId),
    audit: db.prepare('SELECT id, digest FROM capture_audit_events WHERE tenant_id = ? ORDER BY id').all(tenantId),
  };
}

describe('a pull under injected faults', () => {
  it('given every fault type at 5% of requests, when pulled, then it ends complete and equal to the ground truth', async () => {
    const faulty = await connected();
    const clean = await connected();
    const rates = Object.fromEntries(FAULT_KINDS.map((k) => [k, 0.05]));
    await control(sim, 'POST', '/faults', { seed: 'faults-5pct', rates, slowMs: 40 });
    let s;
    try {
      s = await pull(faulty.ws, faulty.tenantId);
    } finally {
      await control(sim, 'DELETE', '/faults');
    }
    const injected = (await control(sim, 'GET', '/faults')).injected as Record<string, number>;
    expect(s.status, JSON.stringify(s.errors)).toBe('complete');
    expect(Object.keys(injected).sort(), JSON.stringify(injected)).toEqual([...FAULT_KINDS].sort()); // every kind really happened
    expect(s.requests.retried).toBeGreaterThan(0);
    expectVaultEqualsTruth(faulty.ws, faulty.tenantId, sim.truth('text'));

    const c = await pull(clean.ws, clean.tenantId);
    expect(c.status).toBe('complete');
    expect(evidence(faulty.ws, faulty.tenantId)).toEqual(evidence(clean.ws, clean.tenantId));
    expect(s.counts).toEqual(c.counts);
  });
});
