import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeRecord, type ChainRecord } from '../../../electron/core/chain';
import { ADMIN, cleanupTempDirs, newVault, openVault } from '../../unit/vault/fixtures';

/**
 * Crash safety: a child process appends (blobs, rows, records, checkpoints, heads.json)
 * in a loop and is killed with SIGKILL at random moments. After every kill the workspace
 * opens, the whole chain verifies, the last record is whole, and nothing the child had
 * acknowledged as committed is lost.
 */

afterAll(cleanupTempDirs);

const KILLS = 24;
const CHILD = join(__dirname, 'crash-child.ts');

/** Runs the child until it has acknowledged `commits` commits, then kills it `delayMs` later (mid-page, usually). */
function runAndKill(dir: string, tenantId: string, commits: number, delayMs: number): Promise<{ acked: number; commits: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir, tenantId], {
      env: { ...process.env, OGMA_PASSPHRASE: ADMIN.passphrase },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let armed = false;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const seen = out.split('committed').length - 1;
      if (!armed && out.includes('ready\n') && seen >= commits) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`child ended by itself (code ${code}): ${err}`));
      const sizes = [...out.matchAll(/committed (\d+)/g)].map((m) => Number(m[1]));
      resolve({ acked: sizes.length ? sizes[sizes.length - 1]! : 0, commits: sizes.length });
    });
  });
}

describe('crash safety', () => {
  it(`given a child appending in a loop, when it is SIGKILLed at ${KILLS} random moments, then each time the workspace opens, verifies, ends in a whole record and kept every acknowledged commit`, async () => {
    const v = await newVault();
    const tenantId = v.transaction(() => v.tenants.create({ vendor: 'anthropic', name: 'Crash Corp' }, 'alice')).id;
    const dir = v.dir;
    v.close();

    let totalCommits = 0;
    for (let k = 0; k < KILLS; k++) {
      // Kill 0..3 commits in, 0..30 ms later: mostly inside a page (blob written, rows half done, before or after commit).
      const after = k % 4;
      const delay = Math.floor(Math.random() * 30);
      const { acked, commits } = await runAndKill(dir, tenantId, after, delay);
      totalCommits += commits;

      const w = await openVault(dir);
      try {
        const report = w.verify({ mode: 'full' });
        expect(report.ok, `after kill ${k} (${delay} ms): ${JSON.stringify(report.tenants.map((t) => t.problem))} ${JSON.stringify(report.workspace)}`).toBe(true);
        const head = w.chain.head(tenantId);
        expect(head.size).toBeGreaterThanOrEqual(acked);
        const last = [...w.chain.records(tenantId, head.size - 1)][0]!;
        const parsed = JSON.parse(last.bytes.toString('utf8')) as ChainRecord;
        expect(parsed.seq).toBe(head.size - 1);
        expect(encodeRecord(parsed).equals(last.bytes)).toBe(true);
        // Rows and records agree: every message row is attested by its record, none is half-written.
        const rows = w.db.prepare('SELECT count(*) FROM messages WHERE tenant_id = ?').pluck().get(tenantId) as number;
        expect(rows).toBe(head.size - 1);
      } finally {
        w.close();
      }
    }
    // The kills landed while work was going on, not only before the first commit.
    expect(totalCommits).toBeGreaterThanOrEqual(KILLS);
  }, 300_000);
});
