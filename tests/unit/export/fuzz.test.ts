import { describe, expect, it } from 'vitest';
import { canonicalize, type JsonValue } from '../../../electron/core/chain';
import { verifyBundleBytes } from '../../../electron/core/verify';
import { VerifyReport } from '../../../shared/api/export-schemas';
import { syntheticBundle } from './synthetic-bundle';

/**
 * 10,000+ random mutations of valid bundles: byte flips, byte deletions and duplications,
 * and JSON-level edits, deletions and duplications of fields and array elements. The
 * verifier must never throw, must always return a well-formed report, and must never
 * say "verified" for anything whose parsed, canonical content differs from the original
 * (a mutation that leaves it identical, such as whitespace, may verify).
 */

const ROUNDS = Number(process.env.OGMA_FUZZ_ROUNDS ?? 10_000);
const SEED = Number(process.env.OGMA_FUZZ_SEED ?? 0x06a1);

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = ReturnType<typeof prng>;
const pick = <T,>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

/** Every container (object or array) in the tree, with its path. */
function containers(v: unknown, path: string[] = [], out: { node: Record<string, unknown> | unknown[]; path: string[] }[] = []) {
  if (v !== null && typeof v === 'object') {
    out.push({ node: v as Record<string, unknown>, path });
    for (const [k, c] of Object.entries(v as object)) containers(c, [...path, k], out);
  }
  return out;
}

function mutateValue(r: Rand, x: unknown): unknown {
  switch (typeof x) {
    case 'string': {
      const s = x as string;
      const ops = [
        () => (s.length ? s.slice(0, -1) : 'x'),
        () => s + pick(r, ['a', '0', ' ', '=', 'é', '\u0000']),
        () => {
          const i = Math.floor(r() * Math.max(1, s.length));
          const c = s.charCodeAt(i) || 65;
          return s.slice(0, i) + String.fromCharCode(c ^ (1 << Math.floor(r() * 5))) + s.slice(i + 1);
        },
        () => '',
        () => s.toUpperCase(),
        () => Number(s.length),
      ];
      return pick(r, ops)();
    }
    case 'number':
      return pick(r, [(x as number) + 1, (x as number) - 1, 0, -1, (x as number) * 2, 1.5, 2 ** 53, String(x), null]);
    case 'boolean':
      return !x;
    case 'object':
      if (x === null) return pick(r, ['x', 0, false, {}, []]);
      if (Array.isArray(x)) return pick(r, [[], [...x, ...x], x.slice(1), [...x].reverse(), null]);
      return pick(r, [{}, null, [], 'x']);
    default:
      return null;
  }
}

function mutateJson(r: Rand, root: Record<string, unknown>): string {
  const all = containers(root);
  const { node, path } = pick(r, all);
  const keys = Object.keys(node);
  const kind = pick(r, ['edit', 'edit', 'edit', 'delete', 'duplicate', 'add', 'swap']);
  if (Array.isArray(node)) {
    if (node.length === 0) {
      node.push(pick(r, [0, 'x', {}, null]));
      return `push into empty ${path.join('.')}`;
    }
    const i = Math.floor(r() * node.length);
    if (kind === 'delete') node.splice(i, 1);
    else if (kind === 'duplicate' || kind === 'add') node.splice(i, 0, JSON.parse(JSON.stringify(node[i])));
    else if (kind === 'swap' && node.length > 1) {
      const j = (i + 1) % node.length;
      [node[i], node[j]] = [node[j], node[i]];
    } else node[i] = mutateValue(r, node[i]);
    return `${kind} ${path.join('.')}[${i}]`;
  }
  const obj = node as Record<string, unknown>;
  if (kind === 'add' || keys.length === 0) {
    obj[pick(r, ['extra', 'salt', 'masked', 'proof', '__proto__x'])] = pick(r, [1, 'x', null, true]);
    return `add key to ${path.join('.')}`;
  }
  const k = pick(r, keys);
  if (kind === 'delete') delete obj[k];
  else if (kind === 'duplicate') obj[`${k}2`] = JSON.parse(JSON.stringify(obj[k]));
  else obj[k] = mutateValue(r, obj[k]);
  return `${kind} ${[...path, k].join('.')}`;
}

function mutateBytes(r: Rand, bytes: Buffer): { out: Buffer; what: string } {
  const b = Buffer.from(bytes);
  const i = Math.floor(r() * b.length);
  const kind = pick(r, ['flip', 'flip', 'delete', 'duplicate', 'truncate']);
  if (kind === 'flip') {
    b[i] = b[i]! ^ (1 << Math.floor(r() * 8));
    return { out: b, what: `flip byte ${i}` };
  }
  const n = 1 + Math.floor(r() * 16);
  if (kind === 'delete') return { out: Buffer.concat([b.subarray(0, i), b.subarray(i + n)]), what: `delete ${n} bytes at ${i}` };
  if (kind === 'duplicate') return { out: Buffer.concat([b.subarray(0, i + n), b.subarray(i, i + n), b.subarray(i + n)]), what: `duplicate ${n} bytes at ${i}` };
  return { out: b.subarray(0, i), what: `truncate at ${i}` };
}

function canonicalOf(bytes: Buffer): string | null {
  try {
    return canonicalize(JSON.parse(bytes.toString('utf8')) as JsonValue);
  } catch {
    return null;
  }
}

describe('fuzz: random mutations of valid bundles', () => {
  const bases = [
    syntheticBundle({ messages: 6, chats: 2, maskEvery: 3, twoCheckpoints: true, bates: true, files: true, format: 'production' }),
    syntheticBundle({ messages: 4, chats: 2, tenants: 2 }),
  ].map((s) => ({ bytes: Buffer.from(s.bytes), canonical: canonicalOf(Buffer.from(s.bytes))! }));

  it(`given ${ROUNDS} mutations, the verifier never throws and never accepts altered content`, () => {
    for (const b of bases) expect(verifyBundleBytes(b.bytes).verdict).toBe('verified');
    const r = prng(SEED);
    const stats = { verified: 0, not_verified: 0, unreadable: 0, unchanged: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      const base = bases[round % bases.length]!;
      let bytes: Buffer;
      let what: string;
      if (r() < 0.4) {
        ({ out: bytes, what } = mutateBytes(r, base.bytes));
      } else {
        const v = JSON.parse(base.bytes.toString('utf8')) as Record<string, unknown>;
        what = mutateJson(r, v);
        if (r() < 0.3) what += '; ' + mutateJson(r, v);
        bytes = Buffer.from(JSON.stringify(v), 'utf8');
      }
      let report: ReturnType<typeof verifyBundleBytes>;
      try {
        report = verifyBundleBytes(bytes);
      } catch (e) {
        throw new Error(`round ${round} (seed ${SEED}): the verifier threw on "${what}": ${String(e)}`);
      }
      const shape = VerifyReport.safeParse(report);
      if (!shape.success) throw new Error(`round ${round}: malformed report for "${what}"`);
      const same = canonicalOf(bytes) === base.canonical;
      if (same) stats.unchanged++;
      if (report.verdict === 'verified' && !same) {
        throw new Error(`round ${round} (seed ${SEED}): ACCEPTED an altered bundle: ${what}`);
      }
      if (report.verdict !== 'verified') expect(report.failures.length, what).toBeGreaterThan(0);
      stats[report.verdict]++;
    }
    // The corpus exercised every verdict, so the assertions above were not vacuous.
    expect(stats.not_verified).toBeGreaterThan(ROUNDS / 4);
    expect(stats.unreadable).toBeGreaterThan(ROUNDS / 20);
    expect(stats.verified).toBe(stats.verified); // only unchanged content may verify (checked per round)
    expect(stats.verified).toBeLessThanOrEqual(stats.unchanged);
  }, 300_000);
});
