import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOT_ENTERPRISE } from '../../../electron/core/sources';
import type { WorkspaceService } from '../../../electron/services/workspace';
import { cleanup, connect, control, countingFetch, newWorkspace, pull, recordsOf, startSim, type Sim } from './helpers';

/**
 * Failures that retrying cannot fix end a source's walk at once with a status that says
 * what happened, while the other sources go on: a revoked key (401) and a plan that no
 * longer includes the Compliance API (403 with no scopes). Each costs one request, not a
 * retry loop, and the completeness record carries the reason.
 */

let sim: Sim;
let ws: WorkspaceService;
let tenantId: string;

beforeAll(async () => {
  sim = await startSim({ seed: 'ogma-status' });
  ws = await newWorkspace();
  tenantId = (await connect(ws, sim, 'anthropic-compliance', sim.keys.complianceFull)).tenantId;
  await connect(ws, sim, 'openai', sim.keys.openaiAdmin);
  expect((await pull(ws, tenantId)).status).toBe('complete');
});
afterAll(async () => {
  ws?.closeWorkspace();
  await sim?.close();
  cleanup();
});

describe('persistent failures', () => {
  it('given the Compliance key was revoked upstream, when pulled, then its endpoints stop after one request with key-rejected, the OpenAI source still completes, and the pull is partial', async () => {
    await control(sim, 'POST', '/keys/revoke', { key: sim.keys.complianceFull });
    const f = countingFetch();
    const s = await pull(ws, tenantId, { fetch: f.fetch });
    expect(s.status).toBe('partial');
    expect(f.count('/v1/compliance')).toBe(1);
    const byName = Object.fromEntries(s.endpoints.map((e) => [e.endpoint, e]));
    expect(byName['compliance.organizations']).toMatchObject({ status: 'failed', failure: { code: 'KEY_REJECTED', reason: 'key-rejected' } });
    expect(byName['compliance.organizations']!.failure!.message).toMatch(/rejected the key sk-ant-api01-…/);
    for (const e of ['compliance.users', 'compliance.chats', 'compliance.chats_reconcile', 'compliance.activities']) expect(byName[e]).toMatchObject({ status: 'skipped', failure: { code: 'KEY_REJECTED' } });
    expect(byName['openai.costs']!.status).toBe('complete');
    expect(byName['openai.audit_logs']!.status).toBe('complete');
    const rec = recordsOf(ws, tenantId, 'pull_completed').at(-1)!.body;
    expect(rec.status).toBe('partial');
    expect(s.errors.map((e) => e.endpoint)).toContain('compliance.organizations');
  });

  it('given the organisation left Enterprise, when pulled with a fresh key, then the status says it is not on Enterprise, after one request', async () => {
    const made = await control(sim, 'POST', '/keys', { kind: 'compliance', tenant: 't1', scopes: ['read:compliance_org_data', 'read:compliance_user_data'] });
    await connect(ws, sim, 'anthropic-compliance', made.key);
    await control(sim, 'POST', '/plan', { tenant: 't1', plan: 'team' });
    try {
      const f = countingFetch();
      const s = await pull(ws, tenantId, { fetch: f.fetch });
      expect(s.status).toBe('partial');
      expect(f.count('/v1/compliance')).toBe(1);
      const orgs = s.endpoints.find((e) => e.endpoint === 'compliance.organizations')!;
      expect(orgs).toMatchObject({ status: 'failed', failure: { code: 'FORBIDDEN', reason: 'missing-scope' } });
      expect(orgs.failure!.message).toContain(NOT_ENTERPRISE);
    } finally {
      await control(sim, 'POST', '/plan', { tenant: 't1', plan: 'enterprise' });
    }
    // Back on Enterprise: the same key pulls again, from the cursors it left.
    const s = await pull(ws, tenantId);
    expect(s.status, JSON.stringify(s.errors)).toBe('complete');
    expect(s.counts.messagesCaptured).toBe(0);
  });

  it('given only the OpenAI key, when that is revoked too, then the pull fails with the reason and still ends with its completeness record', async () => {
    const made = await control(sim, 'POST', '/keys', { kind: 'openai_admin', tenant: 't1' });
    const ws2 = await newWorkspace();
    try {
      const t2 = (await connect(ws2, sim, 'openai', made.key)).tenantId;
      await control(sim, 'POST', '/keys/revoke', { key: made.key });
      const s = await pull(ws2, t2);
      expect(s.status).toBe('failed');
      expect(s.errors[0]).toMatchObject({ endpoint: 'openai.costs', code: 'KEY_REJECTED' });
      expect(recordsOf(ws2, t2, 'pull_completed').at(-1)!.seq).toBe(s.recordSeq);
      expect(ws2.verifyChain().ok).toBe(true);
    } finally {
      ws2.closeWorkspace();
    }
  });
});
