/**
 * How fast does the vault capture messages, compared with the bare work it cannot avoid?
 *
 * Vault: a real workspace in a temp folder; each message is sealed under its subject key
 * (AES-256-GCM) into an fsynced blob file, committed to (salted SHA-256), appended to the
 * tenant's log (canonical record, leaf hash, Merkle frontier), indexed for search, and each
 * page (one transaction) ends with a signed checkpoint and a durable heads.json.
 *
 * Baseline, same process, same texts, same page size: SHA-256 of the text, AES-256-GCM of
 * the text, and one INSERT of the ciphertext into a plain (unencrypted) SQLite table in WAL
 * mode with synchronous=FULL, one transaction per page.
 *
 *   npx tsx bench/vault-append.bench.ts                 # prints JSON
 *   BENCH_MESSAGES=2000 BENCH_PAGE=100 npx tsx bench/vault-append.bench.ts
 */
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3-multiple-ciphers';
import { Vault } from '../electron/core/vault/index';

const WORDS = 'the quarterly revenue forecast for region north was revised after the board asked about churn pricing and headcount'.split(' ');

function texts(n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const len = 40 + (i % 80);
    const w: string[] = [];
    for (let j = 0; j < len; j++) w.push(WORDS[(i * 7 + j * 13) % WORDS.length]!);
    out.push(`${w.join(' ')} #${i}`);
  }
  return out;
}

async function vaultRun(dir: string, data: string[], page: number): Promise<number> {
  const v = await Vault.create({ dir, name: 'bench', admin: { name: 'bench', passphrase: 'bench passphrase' }, kdf: { N: 1024, r: 8, p: 1 } });
  try {
    const tenantId = v.transaction(() => v.tenants.create({ vendor: 'anthropic', name: 'Bench Corp' }, 'bench')).id;
    const t0 = process.hrtime.bigint();
    for (let start = 0; start < data.length; start += page) {
      v.transaction(() => {
        for (let i = start; i < Math.min(data.length, start + page); i++) {
          // Pages as the Compliance API serves them: a chat's messages together (20 per chat here).
          const chat = Math.floor(i / 20);
          v.content.captureMessage({ tenantId, chatId: `chat_${chat}`, messageId: `msg_${i}`, userId: `user_${chat % 20}`, role: i % 2 ? 'assistant' : 'user', text: data[i]! }, 'bench');
        }
      });
    }
    const secs = Number(process.hrtime.bigint() - t0) / 1e9;
    if (!v.verify({ mode: 'incremental' }).ok) throw new Error('the benchmark workspace does not verify');
    return data.length / secs;
  } finally {
    v.close();
  }
}

function baselineRun(dir: string, data: string[], page: number): number {
  const db = new Database(join(dir, 'baseline.db'));
  db.pragma('journal_mode=WAL');
  db.pragma('synchronous=FULL');
  db.exec('CREATE TABLE m (id TEXT PRIMARY KEY, digest BLOB, ct BLOB)');
  const ins = db.prepare('INSERT INTO m VALUES (?, ?, ?)');
  const key = randomBytes(32);
  const t0 = process.hrtime.bigint();
  for (let start = 0; start < data.length; start += page) {
    db.transaction(() => {
      for (let i = start; i < Math.min(data.length, start + page); i++) {
        const text = Buffer.from(data[i]!, 'utf8');
        const digest = createHash('sha256').update(text).digest();
        const c = createCipheriv('aes-256-gcm', key, randomBytes(12));
        const ct = Buffer.concat([c.update(text), c.final(), c.getAuthTag()]);
        ins.run(`msg_${i}`, digest, ct);
      }
    })();
  }
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  db.close();
  return data.length / secs;
}

export async function run(): Promise<Record<string, number | string>> {
  const n = Number(process.env.BENCH_MESSAGES ?? 2000);
  const page = Number(process.env.BENCH_PAGE ?? 100);
  const data = texts(n);
  const root = mkdtempSync(join(tmpdir(), 'ogma-bench-vault-'));
  try {
    // Warm-up (JIT, page cache) on a small slice of both paths.
    await vaultRun(join(root, 'warm.ogma'), data.slice(0, 200), page);
    baselineRun(mkdtempSync(join(root, 'warm-')), data.slice(0, 200), page);
    const vault = await vaultRun(join(root, 'case.ogma'), data, page);
    const single = await vaultRun(join(root, 'single.ogma'), data.slice(0, Math.min(n, 300)), 1);
    const baseline = baselineRun(mkdtempSync(join(root, 'base-')), data, page);
    return {
      messages: n,
      page_size: page,
      avg_text_bytes: Math.round(data.reduce((s, t) => s + Buffer.byteLength(t), 0) / n),
      vault_records_per_s: Math.round(vault),
      vault_one_message_per_tx_records_per_s: Math.round(single),
      baseline_records_per_s: Math.round(baseline),
      baseline_over_vault: Number((baseline / vault).toFixed(2)),
      note: 'vault = seal+fsync blob, commitment, record, FTS, checkpoint+heads.json per page; baseline = sha256+aes-gcm+plain sqlite insert',
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  run().then((r) => console.log(JSON.stringify(r, null, 2)));
}
