/**
 * How fast does the pure verifier check a 100,000-message JSON bundle (goal: under 3 s),
 * next to the bare work it cannot avoid?
 *
 *   verifySeconds        verifyBundleBytes on the bundle's bytes: parse, schema, every
 *                        record, inclusion proof and commitment, checkpoints, signature
 *   bareParseSeconds     JSON.parse of the same bytes
 *   bareProofSha256Seconds  one SHA-256 per proof node of every message (64-byte inputs,
 *                        what the inclusion checks hash) plus one per record, and nothing else
 *   ratioToBare          verify / (parse + proof hashing): the verifier's own overhead
 * The bundle is built from the chain primitives (tests/unit/export/synthetic-bundle.ts),
 * one message in five masked, two checkpoints with a consistency proof. Best of BENCH_RUNS.
 *
 *   npx tsx bench/verify.bench.ts
 *   BENCH_MESSAGES=10000 BENCH_RUNS=3 npx tsx bench/verify.bench.ts
 */
import { hash } from 'node:crypto';
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { verifyBundleBytes } from '../electron/core/verify';
import { syntheticBundle } from '../tests/unit/export/synthetic-bundle';

const GOAL_SECONDS = 3;

function seconds(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

export async function run(): Promise<Record<string, number | string>> {
  const n = Number(process.env.BENCH_MESSAGES ?? 100_000);
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  let t = process.hrtime.bigint();
  const s = syntheticBundle({ messages: n, twoCheckpoints: true });
  const buildSeconds = seconds(t);
  const bytes = Buffer.from(s.bytes);
  const proofs = s.bundle.documents.flatMap((d) => d.messages.map((m) => m.proof.map((h) => Buffer.from(h, 'base64'))));
  const records = s.bundle.documents.flatMap((d) => d.messages.map((m) => Buffer.from(m.record, 'utf8')));
  let verify = Infinity;
  let parse = Infinity;
  let bare = Infinity;
  let verdict = '';
  for (let i = 0; i < runs; i++) {
    t = process.hrtime.bigint();
    const r = verifyBundleBytes(bytes);
    verify = Math.min(verify, seconds(t));
    verdict = r.verdict;
    t = process.hrtime.bigint();
    JSON.parse(bytes.toString('utf8'));
    parse = Math.min(parse, seconds(t));
    t = process.hrtime.bigint();
    const node = Buffer.alloc(65);
    for (let k = 0; k < proofs.length; k++) {
      hash('sha256', records[k]!, 'buffer');
      for (const h of proofs[k]!) {
        node.set(h, 1);
        hash('sha256', node, 'buffer');
      }
    }
    bare = Math.min(bare, seconds(t));
  }
  if (verdict !== 'verified') throw new Error(`the benchmark bundle did not verify (${verdict})`);
  return {
    messages: n,
    bundleMB: Math.round((bytes.length / 1e6) * 10) / 10,
    buildSeconds,
    verifySeconds: verify,
    bareParseSeconds: parse,
    bareProofSha256Seconds: bare,
    ratioToBare: verify / (parse + bare),
    messagesPerSecond: Math.round(n / verify),
    goalSeconds: GOAL_SECONDS,
    goalMet: n >= 100_000 ? (verify < GOAL_SECONDS ? 'yes' : 'no') : 'n/a (fewer messages)',
    loadAverage: Math.round(loadavg()[0]! * 100) / 100,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.stdout.write(JSON.stringify(await run(), null, 2) + '\n');
}
