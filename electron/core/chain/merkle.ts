import { OgmaError } from '../../../shared/api/errors';
import { MerkleFrontier } from './frontier';
import { EMPTY, HASH_SIZE, checkHash, nodeHash } from './hashing';

/**
 * RFC 9162 §2.1 Merkle tree hashing with SHA-256 (the Certificate Transparency v2 tree):
 * roots, inclusion and consistency proofs and their verification. Sizes and indexes are JS
 * numbers; everything up to Number.MAX_SAFE_INTEGER is exact because bit operations are
 * done with arithmetic, never with 32-bit `>>`.
 */

export { EMPTY_ROOT, HASH_SIZE, leafDigest, leafHash, nodeDigest, nodeHash } from './hashing';
export { MerkleFrontier } from './frontier';

/** Largest power of two strictly less than n (n >= 2): the RFC's split point k. */
function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function isPowerOfTwo(n: number): boolean {
  if (n < 1) return false;
  while (n % 2 === 0) n /= 2;
  return n === 1;
}

/**
 * A Merkle tree over a fixed list of leaf hashes that keeps every perfect subtree hash,
 * so proofs for any earlier size cost O(log n) lookups after one O(n) build. Use it when
 * producing many proofs (an export); the standalone functions below build one per call.
 */
export class MerkleTree {
  /** levels[h][i] = hash of the perfect subtree of 2^h leaves starting at leaf i * 2^h. */
  private readonly levels: Buffer[][];

  constructor(leafHashes: readonly Buffer[]) {
    for (let i = 0; i < leafHashes.length; i++) checkHash(leafHashes[i]!, `leaf hash ${i}`);
    const levels: Buffer[][] = [leafHashes.slice()];
    let cur = levels[0]!;
    while (cur.length > 1) {
      const next: Buffer[] = [];
      for (let i = 0; i + 1 < cur.length; i += 2) next.push(nodeHash(cur[i]!, cur[i + 1]!));
      levels.push(next);
      cur = next;
    }
    this.levels = levels;
  }

  get size(): number {
    return this.levels[0]!.length;
  }

  /** MTH(D[start:end]) for a range the RFC recursion visits (start aligned to a power of two >= the left part). */
  private range(start: number, end: number): Buffer {
    const n = end - start;
    if (n === 0) return EMPTY;
    if (isPowerOfTwo(n) && start % n === 0) {
      let h = 0;
      while (2 ** h < n) h++;
      return this.levels[h]![start / n]!;
    }
    const k = splitPoint(n);
    return nodeHash(this.range(start, start + k), this.range(start + k, end));
  }

  root(treeSize: number = this.size): Buffer {
    this.checkSize(treeSize, 'tree size');
    return Buffer.from(this.range(0, treeSize));
  }

  /** RFC 9162 §2.1.3.1 PATH(m, D[n]): the audit path for leaf `index` in the tree of the first `treeSize` leaves. */
  inclusionProof(index: number, treeSize: number): Buffer[] {
    this.checkSize(treeSize, 'tree size');
    if (!Number.isSafeInteger(index) || index < 0 || index >= treeSize) {
      throw new OgmaError('VALIDATION_FAILED', `Leaf index ${index} is outside a tree of ${treeSize} leaves.`);
    }
    const proof: Buffer[] = [];
    // Iterative PATH: collect siblings top-down, then reverse to get the RFC's bottom-up order.
    let start = 0;
    let end = treeSize;
    let m = index;
    while (end - start > 1) {
      const k = splitPoint(end - start);
      if (m < k) {
        proof.push(this.range(start + k, end));
        end = start + k;
      } else {
        proof.push(this.range(start, start + k));
        start += k;
        m -= k;
      }
    }
    // Copies: the caller owns what it gets back and may not write into the tree.
    return proof.reverse().map((h) => Buffer.from(h));
  }

  /** RFC 9162 §2.1.4.1 PROOF(m, D[n]). Empty when m is 0 or m == n. */
  consistencyProof(oldSize: number, newSize: number): Buffer[] {
    this.checkSize(newSize, 'new size');
    if (!Number.isSafeInteger(oldSize) || oldSize < 0 || oldSize > newSize) {
      throw new OgmaError('VALIDATION_FAILED', `Old size ${oldSize} must be between 0 and the new size ${newSize}.`);
    }
    if (oldSize === 0 || oldSize === newSize) return [];
    const proof: Buffer[] = [];
    // SUBPROOF(m, D[start:end], b), unrolled; siblings are appended after the recursive part,
    // so collect top-down and reverse at the end.
    let start = 0;
    let end = newSize;
    let m = oldSize;
    let b = true;
    for (;;) {
      const n = end - start;
      if (m === n) {
        if (!b) proof.push(this.range(start, end));
        break;
      }
      const k = splitPoint(n);
      if (m <= k) {
        proof.push(this.range(start + k, end));
        end = start + k;
      } else {
        proof.push(this.range(start, start + k));
        start += k;
        m -= k;
        b = false;
      }
    }
    return proof.reverse().map((h) => Buffer.from(h));
  }

  private checkSize(treeSize: number, what: string): void {
    if (!Number.isSafeInteger(treeSize) || treeSize < 0 || treeSize > this.size) {
      throw new OgmaError('VALIDATION_FAILED', `The ${what} ${treeSize} is outside the ${this.size} leaves supplied.`);
    }
  }
}

/** MTH(D[n]) over leaf hashes; the empty tree is SHA-256(''). */
export function merkleRoot(leafHashes: readonly Buffer[]): Buffer {
  const f = new MerkleFrontier();
  for (let i = 0; i < leafHashes.length; i++) {
    checkHash(leafHashes[i]!, `leaf hash ${i}`);
    f.append(leafHashes[i]!);
  }
  return f.root();
}

/** Audit path for `index` in the tree of the first `treeSize` of `leafHashes`. O(treeSize). */
export function inclusionProof(leafHashes: readonly Buffer[], index: number, treeSize: number): Buffer[] {
  if (!Number.isSafeInteger(treeSize) || treeSize < 0 || treeSize > leafHashes.length) {
    throw new OgmaError('VALIDATION_FAILED', `Tree size ${treeSize} is outside the ${leafHashes.length} leaves supplied.`);
  }
  return new MerkleTree(leafHashes.slice(0, treeSize)).inclusionProof(index, treeSize);
}

/** Consistency proof from the tree of the first `oldSize` leaves to the first `newSize`. O(newSize). */
export function consistencyProof(leafHashes: readonly Buffer[], oldSize: number, newSize: number): Buffer[] {
  if (!Number.isSafeInteger(newSize) || newSize < 0 || newSize > leafHashes.length) {
    throw new OgmaError('VALIDATION_FAILED', `New size ${newSize} is outside the ${leafHashes.length} leaves supplied.`);
  }
  return new MerkleTree(leafHashes.slice(0, newSize)).consistencyProof(oldSize, newSize);
}

function isHash(h: unknown): h is Buffer {
  return h instanceof Uint8Array && h.length === HASH_SIZE;
}

/**
 * RFC 9162 §2.1.3.2. Returns false (never throws) for any proof that does not verify,
 * including malformed arguments: a verifier's answer to hostile input is "no".
 */
export function verifyInclusion(leafHash: Buffer, index: number, treeSize: number, proof: readonly Buffer[], root: Buffer): boolean {
  if (!isHash(leafHash) || !isHash(root) || !Array.isArray(proof)) return false;
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(treeSize) || index < 0 || index >= treeSize) return false;
  let fn = index;
  let sn = treeSize - 1;
  let r: Buffer = leafHash;
  for (const p of proof) {
    if (!isHash(p)) return false;
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r.equals(root);
}

/**
 * RFC 9162 §2.1.4.2, plus the edge cases the RFC leaves to the caller: equal sizes need an
 * empty proof and equal roots; an empty old tree needs an empty proof and the empty root.
 */
export function verifyConsistency(oldSize: number, newSize: number, oldRoot: Buffer, newRoot: Buffer, proof: readonly Buffer[]): boolean {
  if (!isHash(oldRoot) || !isHash(newRoot) || !Array.isArray(proof)) return false;
  if (!Number.isSafeInteger(oldSize) || !Number.isSafeInteger(newSize) || oldSize < 0 || oldSize > newSize) return false;
  if (oldSize === newSize) return proof.length === 0 && oldRoot.equals(newRoot);
  if (oldSize === 0) return proof.length === 0 && oldRoot.equals(EMPTY);
  if (proof.length === 0) return false;
  for (const p of proof) if (!isHash(p)) return false;
  const path = isPowerOfTwo(oldSize) ? [oldRoot, ...proof] : proof;
  let fn = oldSize - 1;
  let sn = newSize - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr: Buffer = path[0]!;
  let sr: Buffer = path[0]!;
  for (let i = 1; i < path.length; i++) {
    const c = path[i]!;
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && fr.equals(oldRoot) && sr.equals(newRoot);
}
