import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isOgmaError } from '../../../shared/api/errors';
import type { CaptureSlot } from '../../../electron/core/capture';
import { NOT_ENTERPRISE } from '../../../electron/core/sources';
import { WorkspaceService } from '../../../electron/services/workspace';
import { cleanup, connect, control, integrations, KDF, newWorkspace, pull, recordCounts, recordsOf, startSim, type Sim } from './helpers';

/**
 * Connecting keys: every wrong key is explained (what it is, where it belongs, or which
 * scope it lacks) and leaves the workspace exactly as it was; a good key is sealed with a
 * key_connected record, a second one for the same slot rotates it in place, and the
 * cursors of the tenant survive the rotation.
 */

let sim: Sim;
let ws: WorkspaceService;

beforeAll(async () => {
  sim = await startSim({ seed: 'ogma-connect' });
  ws = await newWorkspace();
});
afterAll(async () => {
  ws?.closeWorkspace();
  await sim?.close();
  cleanup();
});

function snapshot(w: WorkspaceService) {
  const db = w.vault.db;
  return {
    credentials: db.prepare('SELECT count(*) FROM credentials').pluck().get(),
    tenants: db.prepare('SELECT id FROM tenants ORDER BY id').pluck().all(),
    sources: db.prepare('SELECT count(*) FROM capture_sources').pluck().get(),
    records: db.prepare('SELECT count(*) FROM chain_records').pluck().get(),
  };
}

async function refusal(slot: CaptureSlot, key: string, w: WorkspaceService = ws): Promise<{ code: string; message: string }> {
  const before = snapshot(w);
  try {
    await integrations(w).connectKey({ slot, key, baseUrl: sim.baseUrl });
  } catch (e) {
    expect(snapshot(w)).toEqual(before); // nothing sealed, no tenant, no record
    if (!isOgmaError(e)) throw e;
    const bare = key.trim().replace(/^["']|["']$/g, '');
    if (bare.length > 8) expect(e.message).not.toContain(bare); // never echoes the key
    return { code: e.code, message: e.message };
  }
  throw new Error(`the ${slot} slot accepted ${key.slice(0, 14)}…`);
}

describe('connecting a key', () => {
  it('refuses an Admin key in the Compliance slot, naming what it is and where it belongs', async () => {
    const r = await refusal('anthropic-compliance', sim.keys.anthropicAdmin);
    expect(r.code).toBe('KEY_REJECTED');
    expect(r.message).toMatch(/Anthropic Admin key/);
    expect(r.message).toMatch(/belongs in the Admin key slot/);
    expect(r.message).toMatch(/Activity Feed only/);
  });

  it('refuses a Claude API key', async () => {
    const r = await refusal('anthropic-compliance', sim.keys.claudeApi);
    expect(r.message).toMatch(/Claude API key \(sk-ant-api03-/);
    expect(r.message).toMatch(/Compliance Access Key \(sk-ant-api01-\)/);
  });

  it('refuses an OpenAI key in an Anthropic slot, and a Compliance key in the OpenAI slot', async () => {
    expect((await refusal('anthropic-compliance', sim.keys.openaiAdmin)).message).toMatch(/OpenAI Admin key.*belongs in the OpenAI slot/);
    expect((await refusal('anthropic-admin', sim.keys.openaiAdmin)).message).toMatch(/OpenAI Admin key.*belongs in the OpenAI slot/);
    expect((await refusal('openai', sim.keys.complianceFull)).message).toMatch(/Compliance Access Key.*belongs in the Compliance slot/);
    expect((await refusal('openai', 'sk-proj-abcdefghijklmnopqrstuvwxyz0123')).message).toMatch(/OpenAI project key.*cannot read organisation costs/);
  });

  it('refuses unknown, empty and mangled keys', async () => {
    expect((await refusal('anthropic-compliance', 'hunter2-not-a-key')).message).toMatch(/does not look like any Anthropic or OpenAI key/);
    expect((await refusal('anthropic-compliance', '   ')).message).toMatch(/The key is empty/);
    expect((await refusal('anthropic-compliance', 'sk-ant-api01-abc def')).message).toMatch(/characters no vendor key has/);
    expect((await refusal('anthropic-compliance', 'sk-ant-sid01-abcdefghijklmnop')).message).toMatch(/neither an Admin key nor a Compliance Access Key/);
  });

  it('refuses a half-scoped Compliance key, naming the missing scope', async () => {
    const orgOnly = await refusal('anthropic-compliance', sim.keys.complianceOrgOnly);
    expect(orgOnly.code).toBe('KEY_REJECTED');
    expect(orgOnly.message).toMatch(/missing the scope read:compliance_user_data/);
    const userOnly = await refusal('anthropic-compliance', sim.keys.complianceUserOnly);
    expect(userOnly.message).toMatch(/missing the scope read:compliance_org_data/);
  });

  it('refuses the Compliance key of an organisation that is not on Enterprise', async () => {
    const r = await refusal('anthropic-compliance', sim.keys.nonEnterpriseCompliance);
    expect(r.code).toBe('KEY_REJECTED');
    expect(r.message).toContain(NOT_ENTERPRISE);
  });

  it('refuses a revoked key', async () => {
    const made = await control(sim, 'POST', '/keys', { kind: 'compliance', tenant: 't1', scopes: ['read:compliance_org_data', 'read:compliance_user_data'] });
    await control(sim, 'POST', '/keys/revoke', { key: made.key });
    const r = await refusal('anthropic-compliance', made.key);
    expect(r.code).toBe('KEY_REJECTED');
    expect(r.message).toMatch(/revoked or is invalid/);
  });

  it('refuses a viewer, and records the attempt', async () => {
    await ws.addMember({ name: 'victor', role: 'viewer', passphrase: 'victor passphrase 1' });
    const viewer = new WorkspaceService({ scrypt: KDF });
    await viewer.openWorkspace(ws.vault.dir, 'victor passphrase 1', 'victor');
    try {
      const before = snapshot(viewer);
      await expect(integrations(viewer).connectKey({ slot: 'anthropic-compliance', key: sim.keys.complianceFull, baseUrl: sim.baseUrl })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      const after = snapshot(viewer);
      expect({ ...after, records: 0 }).toEqual({ ...before, records: 0 });
      expect(after.records).toBe((before.records as number) + 1); // the refusal, in the workspace log
    } finally {
      viewer.closeWorkspace();
    }
  });

  it('accepts a good key pasted with whitespace and quotes, seals it and records key_connected; the key is in no file of the workspace', async () => {
    const r = await integrations(ws).connectKey({ slot: 'anthropic-compliance', key: `  "${sim.keys.complianceFull}"\n`, baseUrl: sim.baseUrl });
    expect(r).toMatchObject({ slot: 'anthropic-compliance', action: 'connected', tenantCreated: true });
    expect(r.cleanup).toEqual(expect.arrayContaining(['surrounding-whitespace', 'quotes']));
    expect(r.keyHint).toMatch(/^sk-ant-api01-…[A-Za-z0-9_-]{4}$/);
    expect(r.checked.scopesFound).toEqual(expect.arrayContaining(['read:compliance_org_data', 'read:compliance_user_data']));
    expect(recordsOf(ws, r.tenantId, 'key_connected').map((x) => x.body)).toEqual([{ kind: 'anthropic-compliance' }]);
    expect(ws.vault.chain.latestCheckpoint(r.tenantId)!.size).toBe(ws.vault.chain.head(r.tenantId).size);
    const secret = Buffer.from(sim.keys.complianceFull);
    const walk = (d: string): string[] => readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : [join(d, f)]));
    for (const f of walk(ws.vault.dir)) expect(readFileSync(f).includes(secret), f).toBe(false);
  });

  it('attaches the Admin and OpenAI keys of the same organisation to the same tenant', async () => {
    const [tenant] = ws.vault.tenants.list().filter((t) => t.id !== 'workspace');
    expect((await connect(ws, sim, 'anthropic-admin', sim.keys.anthropicAdmin)).tenantId).toBe(tenant!.id);
    expect((await connect(ws, sim, 'openai', sim.keys.openaiAdmin)).tenantId).toBe(tenant!.id);
    expect(integrations(ws).list()[0]!.slots.map((s) => s.slot).sort()).toEqual(['anthropic-admin', 'anthropic-compliance', 'openai']);
  });

  it('given a connected and pulled tenant, when its Compliance key is connected again, then it is rotated in place and the cursors carry on', async () => {
    const tenantId = ws.vault.tenants.list().find((t) => t.id !== 'workspace')!.id;
    expect((await pull(ws, tenantId)).status).toBe('complete');
    const cursors = ws.vault.db.prepare('SELECT endpoint, cursor, state FROM capture_cursors WHERE tenant_id = ? ORDER BY endpoint').all(tenantId);
    const made = await control(sim, 'POST', '/keys', { kind: 'compliance', tenant: 't1', name: 'rotated', scopes: ['read:compliance_org_data', 'read:compliance_user_data', 'read:compliance_activities'] });
    const r = await connect(ws, sim, 'anthropic-compliance', made.key);
    expect(r).toMatchObject({ tenantId, action: 'rotated', tenantCreated: false });
    expect(recordsOf(ws, tenantId, 'key_rotated').map((x) => x.body)).toEqual([{ kind: 'anthropic-compliance' }]);
    expect(ws.vault.db.prepare('SELECT endpoint, cursor, state FROM capture_cursors WHERE tenant_id = ? ORDER BY endpoint').all(tenantId)).toEqual(cursors);
    // The old key is dead upstream now: the next pull works only if it uses the new one.
    await control(sim, 'POST', '/keys/revoke', { key: sim.keys.complianceFull });
    const before = recordCounts(ws, tenantId);
    const s = await pull(ws, tenantId);
    expect(s.status, JSON.stringify(s.errors)).toBe('complete');
    expect(recordCounts(ws, tenantId).message_captured).toBe(before.message_captured);
  });

  it('forgets a key: key_forgotten, nothing captured is lost, and a pull needs a key again', async () => {
    const tenantId = ws.vault.tenants.list().find((t) => t.id !== 'workspace')!.id;
    const messages = recordCounts(ws, tenantId).message_captured;
    for (const slot of ['anthropic-compliance', 'anthropic-admin', 'openai'] as const) integrations(ws).forgetKey({ tenantId, slot });
    expect(recordsOf(ws, tenantId, 'key_forgotten').map((x) => x.body.kind)).toEqual(['anthropic-compliance', 'anthropic-admin', 'openai']);
    expect(ws.vault.credentials.list(tenantId)).toEqual([]);
    expect(recordCounts(ws, tenantId).message_captured).toBe(messages);
    await expect(pull(ws, tenantId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(ws.verifyChain().ok).toBe(true);
  });
});
