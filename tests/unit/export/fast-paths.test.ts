import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalize, MerkleTree, recordLeafHash, verifyInclusion, type JsonValue } from '../../../electron/core/chain';
import { decodeRecord } from '../../../electron/core/chain/stored-record';
import { canonicalJson } from '../../../electron/core/verify/canonical-json';
import { decodeRecordText, verifyInclusionDigests } from '../../../electron/core/verify/inclusion';

/** The verifier's fast paths give exactly the answers of the chain's reference functions. */

const odd: unknown[] = [
  { b: 1, a: [true, null, -0, 1e21, 1.5e-7, 'x\u0000y'], é: 'ü', '\u20ac': 'euro', A: { z: [], y: {} } },
  { 10: 'ten', 9: 'nine', a: 1 },
  { s: '\ud83d\ude00 ok pair' },
  ['a', { 'k"q': 'v\\w\n' }],
  'plain',
  42,
];

describe('canonicalJson', () => {
  it.each(odd.map((v) => [JSON.stringify(v), v]))('equals canonicalize for %s', (_n, v) => {
    expect(canonicalJson(v)).toBe(canonicalize(v as JsonValue));
  });

  it('refuses what canonicalize refuses (a lone surrogate, undefined, NaN)', () => {
    for (const v of [{ s: 'a\ud800' }, { u: undefined }, { n: NaN }]) {
      expect(() => canonicalJson(v)).toThrow();
    }
  });

  it('equals canonicalize on random nested values', () => {
    const rnd = (d: number): unknown => {
      const r = Math.random();
      if (d > 3 || r < 0.3) return [Math.random() * 1e6 - 5e5, 'str' + Math.random().toString(36), true, null, Math.floor(Math.random() * 100)][Math.floor(Math.random() * 5)];
      if (r < 0.6) return Array.from({ length: Math.floor(Math.random() * 4) }, () => rnd(d + 1));
      return Object.fromEntries(Array.from({ length: Math.floor(Math.random() * 5) }, () => [Math.random().toString(36).slice(2, 5), rnd(d + 1)]));
    };
    for (let i = 0; i < 500; i++) {
      const v = rnd(0);
      const c = canonicalize(v as JsonValue);
      expect(canonicalJson(v)).toBe(c);
      // Parsed canonical JSON (keys already in order) takes the no-copy path: same answer.
      expect(canonicalJson(JSON.parse(c))).toBe(c);
    }
  });
});

describe('inclusion and record decoding', () => {
  it('verifyInclusionDigests agrees with verifyInclusion, for good and broken proofs', () => {
    for (const size of [1, 2, 3, 7, 8, 33]) {
      const leaves = Array.from({ length: size }, () => randomBytes(32));
      const tree = new MerkleTree(leaves);
      const root = tree.root();
      for (let i = 0; i < size; i++) {
        const proof = tree.inclusionProof(i, size);
        const b64 = proof.map((h) => h.toString('base64'));
        expect(verifyInclusionDigests(leaves[i]!.toString('latin1'), i, size, b64, root.toString('latin1'))).toBe(true);
        expect(verifyInclusion(leaves[i]!, i, size, proof, root)).toBe(true);
        if (proof.length > 0) {
          const bad = [...b64];
          bad[0] = Buffer.alloc(32, 1).toString('base64');
          expect(verifyInclusionDigests(leaves[i]!.toString('latin1'), i, size, bad, root.toString('latin1'))).toBe(false);
        }
        expect(verifyInclusionDigests(leaves[i]!.toString('latin1'), i + 1, size, b64, root.toString('latin1'))).toBe(verifyInclusion(leaves[i]!, i + 1, size, proof, root));
        expect(verifyInclusionDigests(leaves[i]!.toString('latin1'), i, size, [...b64, b64[0] ?? ''], root.toString('latin1'))).toBe(false);
      }
    }
  });

  it('decodeRecordText agrees with decodeRecord', () => {
    const good = canonicalize({ v: 1, tenant: 't', seq: 3, type: 'message_captured', at: '2026-01-01T00:00:00.000Z', actor: 'a', prev: '0'.repeat(64), body: { x: 1 } });
    const cases = [good, good.replace('"seq":3', '"seq": 3'), good.replace('"v":1', '"v":2'), '{', good.replace('"x":1', '"x":1,"10":2')];
    for (const c of cases) {
      const fast = decodeRecordText(c);
      const ref = decodeRecord(Buffer.from(c, 'utf8'));
      expect(fast.ok, c).toBe(ref.ok);
      if (fast.ok) expect(Buffer.from(fast.leaf, 'latin1').equals(recordLeafHash(Buffer.from(c, 'utf8')))).toBe(true);
    }
  });
});
