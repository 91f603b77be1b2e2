import { OgmaError } from '../../../shared/api/errors';
import { EMPTY_DIGEST, checkHash, nodeDigest } from './hashing';

/** Set bits of n: how many subtree hashes a frontier of size n holds. */
export function popcount(n: number): number {
  let c = 0;
  while (n > 0) {
    if (n % 2 === 1) c++;
    n = Math.floor(n / 2);
  }
  return c;
}

/**
 * Compact range from leaf 0: one hash per set bit of `size` (largest subtree first), so an
 * append-only log keeps its root in O(log n) memory and amortised one node hash per leaf.
 */
export class MerkleFrontier {
  private n: number;
  /** Digests (32-char latin1 strings), largest subtree first. */
  private readonly nodes: string[];

  constructor(state?: { size: number; nodes: Buffer[] }) {
    if (!state) {
      this.n = 0;
      this.nodes = [];
      return;
    }
    if (!Number.isSafeInteger(state.size) || state.size < 0) {
      throw new OgmaError('VALIDATION_FAILED', `A Merkle frontier size must be a non-negative integer (got ${String(state.size)}).`);
    }
    if (!Array.isArray(state.nodes) || state.nodes.length !== popcount(state.size)) {
      throw new OgmaError('VALIDATION_FAILED', `A Merkle frontier of size ${state.size} holds ${popcount(state.size)} hashes, not ${state.nodes?.length}.`);
    }
    state.nodes.forEach((h, i) => checkHash(h, `frontier hash ${i}`));
    this.n = state.size;
    this.nodes = state.nodes.map((h) => Buffer.from(h).toString('latin1'));
  }

  get size(): number {
    return this.n;
  }

  append(leafHash: Buffer): void {
    checkHash(leafHash, 'leaf hash');
    this.appendDigest(Buffer.from(leafHash).toString('latin1'));
  }

  /** append() for a digest from leafDigest(); the verifier's hot path. */
  appendDigest(leaf: string): void {
    let h = leaf;
    let s = this.n;
    while (s % 2 === 1) {
      h = nodeDigest(this.nodes.pop()!, h);
      s = (s - 1) / 2;
    }
    this.nodes.push(h);
    this.n++;
  }

  /**
   * appendDigest when some nodes this append creates are already known: `known.node(level)`
   * is the root of the perfect subtree of 2^level leaves that ends with this leaf, or
   * undefined (then it is hashed here). The parallel verifier's workers compute them from
   * the same leaves, so the frontier ends up exactly as appendDigest would leave it.
   */
  appendDigestKnown(leaf: string, known: { node(level: number): string | undefined }): void {
    let h = leaf;
    let s = this.n;
    let level = 0;
    while (s % 2 === 1) {
      const left = this.nodes.pop()!;
      h = known.node(++level) ?? nodeDigest(left, h);
      s = (s - 1) / 2;
    }
    this.nodes.push(h);
    this.n++;
  }

  /**
   * appendDigestKnown for the parallel verifier, reading only what it needs: when the node
   * this append ends with (the root of the perfect subtree that ends with the leaf) is known,
   * it replaces the popped hashes directly, and neither the leaf nor the nodes in between are
   * read. The result is the same: appendDigestKnown discards each popped hash whose parent is
   * known anyway.
   */
  appendFromWork<B>(buf: B, known: { leaf(buf: B): string; node(level: number): string | undefined }): void {
    let levels = 0;
    for (let s = this.n; s % 2 === 1; s = (s - 1) / 2) levels++;
    const top = levels === 0 ? known.leaf(buf) : known.node(levels);
    if (top === undefined) {
      this.appendDigestKnown(known.leaf(buf), known);
      return;
    }
    for (let i = 0; i < levels; i++) this.nodes.pop(); // cheaper than setting length (a runtime call)
    this.nodes.push(top);
    this.n++;
  }

  /** root() as a digest. */
  rootDigest(): string {
    const nodes = this.nodes;
    if (nodes.length === 0) return EMPTY_DIGEST;
    let r = nodes[nodes.length - 1]!;
    for (let i = nodes.length - 2; i >= 0; i--) r = nodeDigest(nodes[i]!, r);
    return r;
  }

  root(): Buffer {
    return Buffer.from(this.rootDigest(), 'latin1');
  }

  toJSON(): { size: number; nodes: string[] } {
    return { size: this.n, nodes: this.nodes.map((h) => Buffer.from(h, 'latin1').toString('hex')) };
  }

  static fromJSON(j: { size: number; nodes: string[] }): MerkleFrontier {
    if (!j || !Array.isArray(j.nodes) || !j.nodes.every((h) => typeof h === 'string' && /^[0-9a-f]{64}$/.test(h))) {
      throw new OgmaError('VALIDATION_FAILED', 'A saved Merkle frontier must list its hashes as 64 lowercase hex characters each.');
    }
    return new MerkleFrontier({ size: j.size, nodes: j.nodes.map((h) => Buffer.from(h, 'hex')) });
  }
}
