import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkspaceService } from '../../../electron/services/workspace';
import { ADMIN, cleanup, connect, control, KDF, newWorkspace, recordCounts, startSim, type Sim, connectAllKeys } from './helpers';
import { expectNoDuplicates, expectVaultEqualsTruth } from './truth';

/**
 * Crash safety of a pull: `ogma pull` in a child process is SIGKILLed at random moments
 * (mid-page, mid-transaction, between endpoints), and each time the next pull resumes from
 * the stored cursors. Every time the workspace opens and verifies, no record is ever
 * duplicated, and in the end the vault equals the ground truth.
 */

const KILLS = 12;
const CHILD = join(__dirname, 'pull-child.ts');

let sim: Sim;
let dir: string;
let tenantId: string;

beforeAll(async () => {
  sim = await startSim({ seed: 'ogma-crash', sizes: { orgs: 2, users: 5, chats: 8, messages: 8 } });
  const ws = await newWorkspace();
  tenantId = await connectAllKeys(ws, sim);
  dir = ws.vault.dir;
  ws.closeWorkspace();
});
afterAll(async () => {
  await sim?.close();
  cleanup();
});

/** Runs a pull; kills it `killAfterMs` after its first progress line (or lets it finish when null). */
function runPull(killAfterMs: number | null): Promise<{ killed: boolean; stdout: string; stderr: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir], {
      env: { ...process.env, OGMA_PASSPHRASE: ADMIN.passphrase, OGMA_MEMBER: ADMIN.name },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let armed = false;
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (!armed && killAfterMs !== null && stderr.includes('[')) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ killed: signal === 'SIGKILL', stdout, stderr, code }));
  });
}

/** New work for the next (resumed) pull: a new chat, a message added to an old one, an edit. */
/** Changes the simulator's data; returns the id of the message whose text it edited. */
async function changeUpstream(k: number): Promise<string> {
  sim.clock.advance(60_000);
  const t = sim.truth('chats').tenants.find((x) => x.plan === 'enterprise')!;
  const chats = t.orgs!.flatMap((o) => o.chats).filter((c) => !c.softDeleted);
  const user = t.orgs![k % t.orgs!.length]!.users[k % 3]!;
  await control(sim, 'POST', '/chats', { userId: user.id, messages: [{ role: 'user', text: `round ${k}: a question` }, { role: 'assistant', text: `round ${k}: an answer` }, { role: 'user', files: ['x.pdf'] }] });
  await control(sim, 'POST', `/chats/${chats[(k * 7) % chats.length]!.id}/messages`, { role: 'user', text: `round ${k}: a follow-up` });
  const withText = sim.truth('text').tenants.find((x) => x.plan === 'enterprise')!.orgs!.flatMap((o) => o.chats).filter((c) => !c.softDeleted).flatMap((c) => (c.messages ?? []).filter((m) => m.hasText).map((m) => ({ chat: c.id, id: m.id })));
  const target = withText[(k * 13) % withText.length]!;
  await control(sim, 'PATCH', `/chats/${target.chat}/messages/${target.id}`, { text: `round ${k}: edited` });
  return target.id;
}

async function openAndCheck(): Promise<{ counts: Record<string, number>; captured: Set<string> }> {
  const ws = new WorkspaceService({ scrypt: KDF });
  await ws.openWorkspace(dir, ADMIN.passphrase, ADMIN.name);
  try {
    const v = ws.verifyChain({ mode: 'full' });
    expect(v.ok, JSON.stringify(v.tenants.find((t) => !t.ok)?.problem ?? v.workspace)).toBe(true);
    expectNoDuplicates(ws, tenantId);
    const rows = ws.vault.db.prepare(`SELECT id FROM capture_messages WHERE tenant_id = ? AND status = 'text'`).all(tenantId) as Array<{ id: string }>;
    return { counts: recordCounts(ws, tenantId), captured: new Set(rows.map((r) => r.id)) };
  } finally {
    ws.closeWorkspace();
  }
}

describe('a pull killed at random moments', () => {
  it(`given ${KILLS} SIGKILLs each followed by a resumed pull, then the vault equals the ground truth, with no duplicate record, and verifies`, async () => {
    let killedMidway = 0;
    let previous = 0;
    // Content reads answer slowly now and then, so kills land inside the content walk too.
    await control(sim, 'POST', '/faults', { seed: 'crash', rates: { slow: 0.4 }, slowMs: 120, pathPrefix: '/v1/compliance/apps' });
    // Edits of messages the vault already held must each end as a superseding record. Which
    // ones those are depends on where the kills landed (on a slow machine every kill may come
    // before the content walk), so the expectation is counted, not assumed.
    let captured = new Set<string>();
    const editedAfterCapture = new Set<string>();
    for (let k = 0; killedMidway < KILLS && k < 3 * KILLS; k++) {
      if (k > 0) {
        const edited = await changeUpstream(k);
        if (captured.has(edited)) editedAfterCapture.add(edited);
      }
            const r = await runPull(Math.floor(Math.random() * 1500));
      if (r.killed) killedMidway++;
      else expect(r.code, r.stderr).toBe(0);
      const checked = await openAndCheck();
      const counts = checked.counts;
      captured = checked.captured;
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      expect(total).toBeGreaterThanOrEqual(previous); // nothing committed is ever lost
      previous = total;
    }
    expect(killedMidway).toBe(KILLS);
    await control(sim, 'DELETE', '/faults');
    const last = await runPull(null);
    expect(last.code, last.stderr).toBe(0);
    const doc = JSON.parse(last.stdout) as { pulls: Array<{ status: string }> };
    expect(doc.pulls[0]!.status).toBe('complete');

    const ws = new WorkspaceService({ scrypt: KDF });
    await ws.openWorkspace(dir, ADMIN.passphrase, ADMIN.name);
    try {
      expectVaultEqualsTruth(ws, tenantId, sim.truth('text'));
      expect(recordCounts(ws, tenantId).message_superseded ?? 0).toBeGreaterThanOrEqual(editedAfterCapture.size);
      const runs = ws.vault.db.prepare('SELECT status, count(*) AS n FROM capture_runs WHERE tenant_id = ? GROUP BY status').all(tenantId) as Array<{ status: string; n: number }>;
      expect(runs.find((r) => r.status === 'running')).toBeUndefined();
      // A kill before the run row was written (while opening the vault) leaves no run to mark.
      const interrupted = runs.find((r) => r.status === 'interrupted')?.n ?? 0;
      expect(interrupted).toBeGreaterThan(0);
      expect(interrupted).toBeLessThanOrEqual(killedMidway);
    } finally {
      ws.closeWorkspace();
    }
  }, 300_000);
});
