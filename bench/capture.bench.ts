/**
 * How fast does a pull capture messages from the vendor API, compared with the bare work
 * of storing them?
 *
 * Capture: the simulator (`ogma sim`, its own process, as a vendor would be) on 127.0.0.1,
 * rate limit lifted and the client-side rate governor lifted too, serves an Enterprise
 * tenant of BENCH_MESSAGES messages; one pull walks the
 * directory, lists chats org-wide by updated_at, fetches every chat's messages over HTTP,
 * and stores each page in one vault transaction (seal + pack file + commitment + record +
 * search index + message rows + cursor, then a signed checkpoint and heads.json).
 *
 * Bare loop, same process, same texts, same messages per transaction: SHA-256 of the text,
 * AES-256-GCM of it, one INSERT into a plain SQLite table (WAL, synchronous=FULL).
 *
 * Vault floor, same texts, same transactions: the vault's own captureMessage with no HTTP,
 * no parsing and no capture bookkeeping: what a pull cannot go below with this vault.
 *
 *   npx tsx bench/capture.bench.ts                        # 100,000 messages, prints JSON
 *   BENCH_MESSAGES=10000 npx tsx bench/capture.bench.ts
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Database from 'better-sqlite3-multiple-ciphers';
import { runPull } from '../electron/core/capture';
import type { GroundTruth, SimKeys } from '../electron/core/sim';
import { RateGovernor, systemClock } from '../electron/core/sources';
import { Vault } from '../electron/core/vault';
import { IntegrationsService } from '../electron/services/integrations';
import { WorkspaceService } from '../electron/services/workspace';

const KDF = { N: 1024, r: 8, p: 1 };
const PASS = 'bench passphrase 1';

interface Msg {
  chatId: string;
  userId: string;
  id: string;
  role: string;
  text: string;
}

/** Text messages of the Enterprise tenant, chat by chat. */
function messagesOf(truth: GroundTruth): Msg[][] {
  const t = truth.tenants.find((x) => x.plan === 'enterprise')!;
  return (t.orgs ?? []).flatMap((o) => o.chats.map((c) => (c.messages ?? []).filter((m) => m.hasText).map((m) => ({ chatId: c.id, userId: c.userId, id: m.id, role: m.role, text: m.text! }))));
}

/** Chats per transaction -> messages per transaction, as the pull groups them. */
function pages(chats: Msg[][], chatsPerPage: number): Msg[][] {
  const out: Msg[][] = [];
  for (let i = 0; i < chats.length; i += chatsPerPage) out.push(chats.slice(i, i + chatsPerPage).flat());
  return out;
}

function bareLoop(dir: string, batches: Msg[][]): number {
  const db = new Database(join(dir, 'bare.db'));
  db.pragma('journal_mode=WAL');
  db.pragma('synchronous=FULL');
  db.exec('CREATE TABLE m (id TEXT PRIMARY KEY, digest BLOB, ct BLOB)');
  const ins = db.prepare('INSERT INTO m VALUES (?, ?, ?)');
  const key = randomBytes(32);
  let n = 0;
  const t0 = process.hrtime.bigint();
  for (const batch of batches) {
    db.transaction(() => {
      for (const m of batch) {
        const text = Buffer.from(m.text, 'utf8');
        const digest = createHash('sha256').update(text).digest();
        const c = createCipheriv('aes-256-gcm', key, randomBytes(12));
        const ct = Buffer.concat([c.update(text), c.final(), c.getAuthTag()]);
        ins.run(m.id, digest, ct);
        n++;
      }
    })();
  }
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  db.close();
  return n / secs;
}

async function vaultFloor(dir: string, batches: Msg[][]): Promise<number> {
  const v = await Vault.create({ dir, name: 'floor', admin: { name: 'bench', passphrase: PASS }, kdf: KDF });
  try {
    const tenantId = v.transaction(() => v.tenants.create({ vendor: 'anthropic', name: 'Floor Corp' }, 'bench')).id;
    let n = 0;
    const t0 = process.hrtime.bigint();
    for (const batch of batches) {
      v.transaction(() => {
        for (const m of batch) {
          v.content.captureMessage({ tenantId, chatId: m.chatId, messageId: m.id, userId: m.userId, role: m.role, text: m.text }, 'bench');
          n++;
        }
      });
    }
    return n / (Number(process.hrtime.bigint() - t0) / 1e9);
  } finally {
    v.close();
  }
}

interface SimProcess {
  baseUrl: string;
  controlToken: string;
  keys: SimKeys;
  child: ChildProcess;
}

/** `ogma sim` in a child process; resolves with its startup JSON line. */
function startSimProcess(sizes: { orgs: number; users: number; chats: number; messages: number }): Promise<SimProcess> {
  const bin = fileURLToPath(new URL('../bin/ogma.js', import.meta.url));
  const args = ['sim', '--seed', 'bench', '--no-rate-limit', '--clock', 'manual', ...Object.entries(sizes).flatMap(([k, v]) => [`--${k}`, String(v)])];
  const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const nl = out.indexOf('\n');
      if (nl >= 0) {
        const j = JSON.parse(out.slice(0, nl)) as Omit<SimProcess, 'child'>;
        resolve({ ...j, child });
      }
    });
    child.once('exit', (code) => reject(new Error(`ogma sim exited (${code}) before it was ready`)));
  });
}

async function truthOf(sim: SimProcess): Promise<GroundTruth> {
  const r = await fetch(`${sim.baseUrl}/_sim/truth?detail=text`, { headers: { 'x-sim-control-token': sim.controlToken } });
  return (await r.json()) as GroundTruth;
}

function mb(bytes: number): number {
  return Math.round(bytes / 1024 / 1024);
}

export async function run(): Promise<Record<string, number | string>> {
  const total = Number(process.env.BENCH_MESSAGES ?? 100_000);
  const perChat = Number(process.env.BENCH_PER_CHAT ?? 50);
  const chatsPerPage = Number(process.env.BENCH_PAGE ?? 100);
  const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 64);
  // users x chats x messages per org, 4 orgs: 4 * 25 * 20 * 50 = 100,000 at the defaults.
  const users = 25;
  const chats = Math.max(1, Math.round(total / (4 * users * perChat)));
  const sim = await startSimProcess({ orgs: 4, users, chats, messages: perChat });
  const root = mkdtempSync(join(tmpdir(), 'ogma-bench-capture-'));
  const ws = new WorkspaceService({ scrypt: KDF });
  try {
    await ws.createWorkspace({ dir: join(root, 'case.ogma'), name: 'bench', memberName: 'bench', passphrase: PASS });
    const { tenantId } = await new IntegrationsService(ws).connectKey({ slot: 'anthropic-compliance', key: sim.keys.complianceFull, baseUrl: sim.baseUrl });
    const rssBefore = process.memoryUsage().rss;
    const lifted = new RateGovernor({ clock: systemClock, lifted: true });
    const t0 = process.hrtime.bigint();
    const s = await runPull({
      vault: ws.vault,
      tenantId,
      actor: 'bench',
      access: { fetch: (u, i) => fetch(u, i as RequestInit), governor: () => lifted },
      tuning: { chatPageLimit: chatsPerPage, fetchConcurrency: concurrency },
    });
    const pullSecs = Number(process.hrtime.bigint() - t0) / 1e9;
    const peakRss = process.resourceUsage().maxRSS * 1024;
    if (s.status !== 'complete') throw new Error(`the benchmark pull ended ${s.status}: ${JSON.stringify(s.errors)}`);
    const capture = s.counts.messagesCaptured / pullSecs;
    ws.closeWorkspace();

    const truth = await truthOf(sim);
    const byChat = messagesOf(truth);
    const textMessages = byChat.reduce((a, c) => a + c.length, 0);
    if (textMessages !== s.counts.messagesCaptured) throw new Error(`captured ${s.counts.messagesCaptured} of ${textMessages} text messages`);
    const batches = pages(byChat, chatsPerPage);
    const bare = bareLoop(mkdtempSync(join(root, 'bare-')), batches);
    const floor = await vaultFloor(join(root, 'floor.ogma'), batches);
    return {
      messages_total: truth.tenants.find((x) => x.plan === 'enterprise')!.counts.messages,
      messages_captured: s.counts.messagesCaptured,
      chats: s.counts.chatsFetched,
      requests: s.requests.sent,
      chats_per_transaction: chatsPerPage,
      fetch_concurrency: concurrency,
      pull_seconds: Number(pullSecs.toFixed(1)),
      capture_messages_per_s: Math.round(capture),
      bare_loop_messages_per_s: Math.round(bare),
      vault_floor_messages_per_s: Math.round(floor),
      capture_over_bare: Number((capture / bare).toFixed(3)),
      capture_over_vault_floor: Number((capture / floor).toFixed(3)),
      rss_before_pull_mb: mb(rssBefore),
      peak_rss_mb: mb(peakRss),
      note: 'simulator in its own process (not in peak RSS); bare = sha256+aes-gcm+plain sqlite insert; vault floor = vault.captureMessage without HTTP; same texts and transactions',
    };
  } finally {
    ws.closeWorkspace();
    sim.child.kill('SIGTERM');
    rmSync(root, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  run().then((r) => console.log(JSON.stringify(r, null, 2)));
}
