import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_TUNING, PullContext, type PullTuning } from '../../../electron/core/capture/context';
import { PullTracker } from '../../../electron/core/capture/progress';
import type { Clock } from '../../../electron/core/sources';
import { Vault } from '../../../electron/core/vault';

/** A real vault in a temp folder with one tenant, and a PullContext on a virtual clock. */

const dirs: string[] = [];

export function cleanupDirs(): void {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

export function virtualClock(start = Date.parse('2026-10-01T00:00:00Z')): Clock & { slept: number[] } {
  let t = start;
  const slept: number[] = [];
  return { slept, now: () => t, sleep: async (ms) => void (slept.push(ms), (t += ms)) };
}

export async function vaultWithTenant(): Promise<{ vault: Vault; tenantId: string }> {
  const d = mkdtempSync(join(tmpdir(), 'ogma-capture-unit-'));
  dirs.push(d);
  const vault = await Vault.create({ dir: join(d, 'case.ogma'), name: 'Case', admin: { name: 'alice', passphrase: 'alice passphrase 1' }, kdf: { N: 1024, r: 8, p: 1 } });
  const tenantId = vault.transaction(() => vault.tenants.create({ vendor: 'anthropic', name: 'Acme' }, 'alice')).id;
  return { vault, tenantId };
}

export function contextFor(vault: Vault, tenantId: string, tuning: Partial<PullTuning> = {}, runId = 'run_test'): PullContext {
  const clock = virtualClock();
  return new PullContext(vault, tenantId, runId, 'alice', clock, new PullTracker(runId, tenantId, clock), { ...DEFAULT_TUNING, retryBaseDelayMs: 10, ...tuning }, new AbortController().signal, () => 0.5);
}

export function records(vault: Vault, tenantId: string, type?: string): Array<{ seq: number; type: string; body: Record<string, unknown> }> {
  const out: Array<{ seq: number; type: string; body: Record<string, unknown> }> = [];
  for (const r of vault.chain.records(tenantId)) {
    const rec = JSON.parse(r.bytes.toString('utf8')) as { seq: number; type: string; body: Record<string, unknown> };
    if (!type || rec.type === type) out.push(rec);
  }
  return out;
}
