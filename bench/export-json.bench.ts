/**
 * How fast is a JSON export of 100,000 messages, end to end (goal: under 5 s), next to
 * serialising the same data with JSON.stringify?
 *
 * A workspace is seeded through the vault's capture path (sealed text, message_captured
 * records, signed checkpoints; one message in seven holds an email, so it is masked), then
 * ExportService.create runs as `ogma export --format json` does:
 *   exportSeconds        the whole export: scope, reading and decrypting every text (checked
 *                        against its commitment), masking, proofs, signing, canonical
 *                        serialisation, the self-verification, the durable write and the record
 *   phase.*Seconds       the same, per phase
 *   bundleOnlySeconds    build + sign + serialise from the assembled documents (no vault)
 *   bareStringifySeconds JSON.stringify of the exported bundle object
 *   ratioBundleToBare    bundleOnly / bareStringify
 *
 *   npx tsx bench/export-json.bench.ts
 *   BENCH_MESSAGES=10000 npx tsx bench/export-json.bench.ts
 */
import { readFileSync, rmSync, mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildUnsignedBundle, signAndSerialize } from '../electron/core/export';
import type { Bundle } from '../electron/core/verify';
import { ExportService, type ExportProgress } from '../electron/services/export';
import { WorkspaceService } from '../electron/services/workspace';

const GOAL_SECONDS = 5;
const PASSPHRASE = 'bench passphrase 1';

function seconds(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

export async function run(): Promise<Record<string, number | string>> {
  const n = Number(process.env.BENCH_MESSAGES ?? 100_000);
  const base = mkdtempSync(join(tmpdir(), 'ogma-bench-export-'));
  const ws = new WorkspaceService({ scrypt: { N: 1024, r: 8, p: 1 } });
  try {
    await ws.createWorkspace({ dir: join(base, 'case.ogma'), name: 'Bench', memberName: 'alice', passphrase: PASSPHRASE });
    const v = ws.vault;
    const tenantId = v.transaction(() => v.tenants.create({ vendor: 'anthropic', name: 'Bench Org', orgId: 'org_1' }, 'alice')).id;
    let t = process.hrtime.bigint();
    const page = 5000;
    const chats = Math.max(1, Math.floor(n / 50));
    for (let start = 0; start < n; start += page) {
      v.transaction(() => {
        for (let i = start; i < Math.min(n, start + page); i++) {
          v.content.captureMessage(
            {
              tenantId,
              chatId: `chat_${i % chats}`,
              messageId: `m_${i}`,
              // A chat belongs to one user (its owner), as the capture records it.
              userId: `user_${(i % chats) % 7}`,
              orgId: 'org_1',
              role: i % 2 ? 'assistant' : 'user',
              model: i % 2 ? 'claude-x' : null,
              createdAt: new Date(Date.parse('2026-03-01T00:00:00Z') + i * 1000).toISOString(),
              text: i % 7 === 3 ? `Mail person${i}@example.com about the ${i} invoices.` : `Message ${i}: the quarterly numbers look fine, region ${i % 9}.`,
            },
            'alice',
          );
        }
      });
    }
    const seedSeconds = seconds(t);
    const service = new ExportService({ workspace: ws });
    const phases: Record<string, number> = {};
    let phase = '';
    let phaseStart = process.hrtime.bigint();
    const onProgress = (p: ExportProgress) => {
      if (p.phase === phase) return;
      if (phase) phases[`phase.${phase}Seconds`] = (phases[`phase.${phase}Seconds`] ?? 0) + seconds(phaseStart);
      phase = p.phase;
      phaseStart = process.hrtime.bigint();
    };
    t = process.hrtime.bigint();
    const res = await service.create({ format: 'json', outPath: join(base, 'export.json'), scope: {} }, { onProgress });
    const exportSeconds = seconds(t);

    const bundle = JSON.parse(readFileSync(res.path, 'utf8')) as Bundle;
    t = process.hrtime.bigint();
    const { signatures: _s, export: ex, ...rest } = bundle;
    const { counts: _c, index: _i, ...exportInput } = ex;
    signAndSerialize(buildUnsignedBundle({ ...rest, export: exportInput }), (id) => v.exportSigner(id));
    const bundleOnlySeconds = seconds(t);
    t = process.hrtime.bigint();
    Buffer.from(JSON.stringify(bundle), 'utf8');
    const bareStringifySeconds = seconds(t);

    return {
      messages: n,
      seedSeconds,
      exportSeconds,
      ...phases,
      bundleMB: Math.round((res.bytes / 1e6) * 10) / 10,
      masked: res.counts.masked,
      bundleOnlySeconds,
      bareStringifySeconds,
      ratioBundleToBare: bundleOnlySeconds / bareStringifySeconds,
      messagesPerSecond: Math.round(n / exportSeconds),
      goalSeconds: GOAL_SECONDS,
      goalMet: n >= 100_000 ? (exportSeconds < GOAL_SECONDS ? 'yes' : 'no') : 'n/a (fewer messages)',
      loadAverage: Math.round(loadavg()[0]! * 100) / 100,
    };
  } finally {
    ws.closeWorkspace();
    rmSync(base, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.stdout.write(JSON.stringify(await run(), null, 2) + '\n');
}
