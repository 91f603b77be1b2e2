import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  consistencyProof,
  EMPTY_ROOT,
  inclusionProof,
  leafHash,
  merkleRoot,
  MerkleFrontier,
  MerkleTree,
  nodeHash,
  verifyConsistency,
  verifyInclusion,
} from '../../../electron/core/chain/index';
import { OgmaError } from '../../../shared/api/errors';

/*
 * A naive reference written straight from RFC 9162 §2.1 (MTH, PATH, PROOF/SUBPROOF), with
 * its own SHA-256 calls, so the implementation under test is checked against the
 * definitions rather than against itself. MTH is memoised by leaf range only for speed.
 */
const sha = (...parts: Uint8Array[]) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};
const MAX = 300;
const D: Buffer[] = Array.from({ length: MAX }, (_, i) => Buffer.from(`leaf data #${i} ${'x'.repeat(i % 7)}`));
const memo = new Map<string, Buffer>();
function k(n: number): number {
  let x = 1;
  while (x * 2 < n) x *= 2;
  return x;
}
function MTH(start: number, end: number): Buffer {
  const key = `${start}:${end}`;
  let h = memo.get(key);
  if (h) return h;
  const n = end - start;
  if (n === 0) h = sha();
  else if (n === 1) h = sha(Buffer.from([0]), D[start]!);
  else h = sha(Buffer.from([1]), MTH(start, start + k(n)), MTH(start + k(n), end));
  memo.set(key, h);
  return h;
}
function PATH(m: number, start: number, end: number): Buffer[] {
  const n = end - start;
  if (n === 1) return [];
  const kk = k(n);
  return m < kk ? [...PATH(m, start, start + kk), MTH(start + kk, end)] : [...PATH(m - kk, start + kk, end), MTH(start, start + kk)];
}
function SUBPROOF(m: number, start: number, end: number, b: boolean): Buffer[] {
  const n = end - start;
  if (m === n) return b ? [] : [MTH(start, end)];
  const kk = k(n);
  return m <= kk ? [...SUBPROOF(m, start, start + kk, b), MTH(start + kk, end)] : [...SUBPROOF(m - kk, start + kk, end, false), MTH(start, start + kk)];
}
const PROOF = (m: number, n: number) => (m === 0 || m === n ? [] : SUBPROOF(m, 0, n, true));
const hex = (hs: readonly Buffer[]) => hs.map((h) => h.toString('hex'));

const leaves = D.map((d) => leafHash(d));
const tree = new MerkleTree(leaves);

describe('Merkle tree (RFC 9162 §2.1, SHA-256)', () => {
  describe('known answers', () => {
    it('given no leaves, then the root is SHA-256 of the empty string', () => {
      expect(merkleRoot([]).toString('hex')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
      expect(EMPTY_ROOT.toString('hex')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
      expect(new MerkleFrontier().root().equals(EMPTY_ROOT)).toBe(true);
    });

    // The certificate-transparency / transparency-dev test vectors (RFC 6962 trees are the same construction).
    const ctLeaves = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map((h) => leafHash(Buffer.from(h, 'hex')));
    const ctRoots = [
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
      'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
      '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
      '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
      'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
      '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
    ];
    it('given the CT test leaves, then the roots at sizes 1..8 match the published values', () => {
      for (let n = 1; n <= 8; n++) expect(merkleRoot(ctLeaves.slice(0, n)).toString('hex')).toBe(ctRoots[n - 1]);
    });
    it('given the CT test leaves, then the published inclusion and consistency proofs are reproduced', () => {
      expect(hex(inclusionProof(ctLeaves, 0, 8))).toEqual([
        '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
        '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
        '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
      ]);
      expect(hex(inclusionProof(ctLeaves, 5, 8))).toEqual([
        'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
        'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
        'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
      ]);
      expect(hex(consistencyProof(ctLeaves, 1, 8))).toEqual([
        '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
        '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
        '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
      ]);
      expect(hex(consistencyProof(ctLeaves, 6, 8))).toEqual([
        '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
        'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
        'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
      ]);
      expect(hex(consistencyProof(ctLeaves, 2, 5))).toEqual([
        '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
        'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      ]);
      expect(consistencyProof(ctLeaves, 1, 1)).toEqual([]);
    });
    it('given leaf and node inputs, then the 0x00 / 0x01 domain prefixes are applied', () => {
      expect(leafHash(Buffer.from('abc')).equals(sha(Buffer.from([0]), Buffer.from('abc')))).toBe(true);
      expect(nodeHash(leaves[0]!, leaves[1]!).equals(sha(Buffer.from([1]), leaves[0]!, leaves[1]!))).toBe(true);
      // A leaf bigger than the internal scratch buffer hashes the same way.
      const big = Buffer.alloc(5000, 7);
      expect(leafHash(big).equals(sha(Buffer.from([0]), big))).toBe(true);
    });
  });

  describe('against the RFC reference, for every tree size 1..300', () => {
    it('then the root at every size equals MTH, via merkleRoot, MerkleTree and MerkleFrontier', () => {
      const f = new MerkleFrontier();
      for (let n = 1; n <= MAX; n++) {
        f.append(leaves[n - 1]!);
        const want = MTH(0, n).toString('hex');
        expect(f.size).toBe(n);
        expect(f.root().toString('hex')).toBe(want);
        expect(tree.root(n).toString('hex')).toBe(want);
        expect(merkleRoot(leaves.slice(0, n)).toString('hex')).toBe(want);
      }
    });

    it('then every inclusion proof (every index) equals PATH and verifies', () => {
      for (let n = 1; n <= MAX; n++) {
        const root = MTH(0, n);
        for (let m = 0; m < n; m++) {
          const proof = tree.inclusionProof(m, n);
          expect(hex(proof)).toEqual(hex(PATH(m, 0, n)));
          expect(verifyInclusion(leaves[m]!, m, n, proof, root)).toBe(true);
        }
      }
    });

    it('then every consistency proof (every m <= n) equals PROOF and verifies', () => {
      for (let n = 1; n <= MAX; n++) {
        const newRoot = MTH(0, n);
        for (let m = 0; m <= n; m++) {
          const proof = tree.consistencyProof(m, n);
          expect(hex(proof)).toEqual(hex(PROOF(m, n)));
          expect(verifyConsistency(m, n, MTH(0, m), newRoot, proof)).toBe(true);
        }
      }
    });

    it('then the standalone proof functions agree with the reference (sampled indexes, every size)', () => {
      for (let n = 1; n <= MAX; n++) {
        const some = [...new Set([0, n - 1, n >> 1, (n * 7) % n, (n * 13 + 5) % n])];
        for (const m of some) expect(hex(inclusionProof(leaves, m, n))).toEqual(hex(PATH(m, 0, n)));
        for (const m of [...new Set([0, 1, n >> 1, n - 1, n])]) expect(hex(consistencyProof(leaves, m, n))).toEqual(hex(PROOF(m, n)));
      }
    });

    it('then a frontier saved as JSON at any size resumes to the same roots', () => {
      for (const cut of [0, 1, 2, 3, 7, 64, 100, 255, 299]) {
        const f = new MerkleFrontier();
        for (let i = 0; i < cut; i++) f.append(leaves[i]!);
        const g = MerkleFrontier.fromJSON(JSON.parse(JSON.stringify(f.toJSON())) as { size: number; nodes: string[] });
        expect(g.size).toBe(cut);
        for (let i = cut; i < MAX; i++) g.append(leaves[i]!);
        expect(g.root().equals(MTH(0, MAX))).toBe(true);
      }
    });
  });

  describe('given altered inclusion proofs, when verified, then they are rejected', () => {
    const cases: [number, number][] = [
      [0, 2],
      [5, 8],
      [13, 300],
      [255, 256],
      [299, 300],
      [128, 129],
    ];
    it.each(cases)('index %i of %i: every byte flipped, truncated, extended, wrong index/leaf/root', (m, n) => {
      const proof = tree.inclusionProof(m, n);
      const root = MTH(0, n);
      expect(verifyInclusion(leaves[m]!, m, n, proof, root)).toBe(true);
      for (let i = 0; i < proof.length; i++) {
        for (let byte = 0; byte < 32; byte++) {
          const bad = proof.map((p) => Buffer.from(p));
          bad[i]![byte]! ^= 0x01 << byte % 8;
          expect(verifyInclusion(leaves[m]!, m, n, bad, root)).toBe(false);
        }
      }
      expect(verifyInclusion(leaves[m]!, m, n, proof.slice(0, -1), root)).toBe(false);
      expect(verifyInclusion(leaves[m]!, m, n, proof.slice(1), root)).toBe(false);
      expect(verifyInclusion(leaves[m]!, m, n, [...proof, leaves[0]!], root)).toBe(false);
      expect(verifyInclusion(leaves[m]!, m, n, [leaves[0]!, ...proof], root)).toBe(false);
      if (m + 1 < n) expect(verifyInclusion(leaves[m]!, m + 1, n, proof, root)).toBe(false);
      if (m > 0) expect(verifyInclusion(leaves[m]!, m - 1, n, proof, root)).toBe(false);
      expect(verifyInclusion(leaves[(m + 1) % n]!, m, n, proof, root)).toBe(false);
      expect(verifyInclusion(leaves[m]!, m, n, proof, MTH(0, n - 1))).toBe(false);
      expect(verifyInclusion(leaves[m]!, m, 2 * n, proof, root)).toBe(false);
      expect(verifyInclusion(leaves[m]!, m, m, proof, root)).toBe(false); // a tree too small to hold the index
    });

    it('and the RFC algorithm binds the size only through the root: a size with the same path shape is caught by the signed root, not the proof', () => {
      // Index 5 has the same audit-path shape in trees of 7 and 8; the root (from a signed checkpoint) is what differs.
      const proof8 = tree.inclusionProof(5, 8);
      expect(verifyInclusion(leaves[5]!, 5, 7, proof8, MTH(0, 8))).toBe(true);
      expect(verifyInclusion(leaves[5]!, 5, 7, proof8, MTH(0, 7))).toBe(false);
      expect(verifyInclusion(leaves[5]!, 5, 6, proof8, MTH(0, 8))).toBe(false);
    });

    it('and malformed arguments are a plain "no", never a throw', () => {
      const proof = tree.inclusionProof(3, 10);
      const root = MTH(0, 10);
      expect(verifyInclusion(leaves[3]!, -1, 10, proof, root)).toBe(false);
      expect(verifyInclusion(leaves[3]!, 3, 0, proof, root)).toBe(false);
      expect(verifyInclusion(leaves[3]!, 3.5, 10, proof, root)).toBe(false);
      expect(verifyInclusion(leaves[3]!.subarray(0, 31), 3, 10, proof, root)).toBe(false);
      expect(verifyInclusion(leaves[3]!, 3, 10, [...proof.slice(0, -1), Buffer.alloc(31)], root)).toBe(false);
      expect(verifyInclusion(leaves[0]!, 0, 1, [], leaves[0]!)).toBe(true);
      expect(verifyInclusion(leaves[0]!, 0, 1, [leaves[0]!], leaves[0]!)).toBe(false);
    });
  });

  describe('given altered consistency proofs, when verified, then they are rejected', () => {
    const cases: [number, number][] = [
      [1, 2],
      [3, 7],
      [6, 8],
      [100, 300],
      [128, 300],
      [299, 300],
      [4, 4 + 1],
    ];
    it.each(cases)('%i -> %i: every byte flipped, truncated, extended, wrong sizes/roots', (m, n) => {
      const proof = tree.consistencyProof(m, n);
      const oldRoot = MTH(0, m);
      const newRoot = MTH(0, n);
      expect(verifyConsistency(m, n, oldRoot, newRoot, proof)).toBe(true);
      for (let i = 0; i < proof.length; i++) {
        for (let byte = 0; byte < 32; byte++) {
          const bad = proof.map((p) => Buffer.from(p));
          bad[i]![byte]! ^= 0x80 >> byte % 8;
          expect(verifyConsistency(m, n, oldRoot, newRoot, bad)).toBe(false);
        }
      }
      expect(verifyConsistency(m, n, oldRoot, newRoot, proof.slice(0, -1))).toBe(false);
      expect(verifyConsistency(m, n, oldRoot, newRoot, proof.slice(1))).toBe(false);
      expect(verifyConsistency(m, n, oldRoot, newRoot, [...proof, leaves[0]!])).toBe(false);
      expect(verifyConsistency(m, n, oldRoot, newRoot, [])).toBe(false);
      expect(verifyConsistency(m, n, newRoot, oldRoot, proof)).toBe(false);
      expect(verifyConsistency(m, n, MTH(0, m - 1), newRoot, proof)).toBe(false);
      expect(verifyConsistency(m, n, oldRoot, MTH(0, n - 1), proof)).toBe(false);
      expect(verifyConsistency(n, m, oldRoot, newRoot, proof)).toBe(false);
      expect(verifyConsistency(m, 2 * n, oldRoot, newRoot, proof)).toBe(false);
    });

    it('and the edge cases are exact: equal sizes need equal roots and no proof; an empty old tree needs the empty root', () => {
      const r = MTH(0, 5);
      expect(verifyConsistency(5, 5, r, r, [])).toBe(true);
      expect(verifyConsistency(5, 5, r, MTH(0, 4), [])).toBe(false);
      expect(verifyConsistency(5, 5, r, r, [r])).toBe(false);
      expect(verifyConsistency(0, 5, EMPTY_ROOT, r, [])).toBe(true);
      expect(verifyConsistency(0, 5, r, r, [])).toBe(false);
      expect(verifyConsistency(0, 5, EMPTY_ROOT, r, [r])).toBe(false);
      expect(verifyConsistency(-1, 5, EMPTY_ROOT, r, [])).toBe(false);
      expect(verifyConsistency(2, 5, Buffer.alloc(3), r, tree.consistencyProof(2, 5))).toBe(false);
    });
  });

  it('given hashes handed out (roots, proofs, appended leaves), when the caller writes into them, then later answers are unchanged', () => {
    const t = new MerkleTree(leaves.slice(0, 8));
    t.root(8).fill(0);
    t.inclusionProof(5, 8).forEach((h) => h.fill(0));
    expect(t.root(8).equals(MTH(0, 8))).toBe(true);
    expect(hex(t.inclusionProof(5, 8))).toEqual(hex(PATH(5, 0, 8)));
    const f = new MerkleFrontier();
    const leaf = Buffer.from(leaves[0]!);
    f.append(leaf);
    f.root().fill(0);
    leaf.fill(0);
    expect(f.root().equals(MTH(0, 1))).toBe(true);
    EMPTY_ROOT.fill(0);
    expect(verifyConsistency(0, 1, sha(), MTH(0, 1), [])).toBe(true);
    expect(new MerkleFrontier().root().equals(sha())).toBe(true);
    Buffer.from(sha()).copy(EMPTY_ROOT); // restore for other specs
  });

  describe('given bad arguments to the builders, then they fail loudly with VALIDATION_FAILED', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as OgmaError).code;
      }
      return 'no error';
    };
    it('covers sizes, indexes and hash lengths', () => {
      expect(code(() => inclusionProof(leaves, 10, 10))).toBe('VALIDATION_FAILED');
      expect(code(() => inclusionProof(leaves, 0, MAX + 1))).toBe('VALIDATION_FAILED');
      expect(code(() => consistencyProof(leaves, 11, 10))).toBe('VALIDATION_FAILED');
      expect(code(() => merkleRoot([Buffer.alloc(31)]))).toBe('VALIDATION_FAILED');
      expect(code(() => nodeHash(Buffer.alloc(32), Buffer.alloc(33)))).toBe('VALIDATION_FAILED');
      expect(code(() => new MerkleFrontier({ size: 3, nodes: [leaves[0]!] }))).toBe('VALIDATION_FAILED');
      expect(code(() => MerkleFrontier.fromJSON({ size: 1, nodes: ['zz'] }))).toBe('VALIDATION_FAILED');
      expect(code(() => new MerkleFrontier().append(Buffer.alloc(5)))).toBe('VALIDATION_FAILED');
    });
  });
});
