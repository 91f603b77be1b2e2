import { hash } from 'node:crypto';
import { OgmaError } from '../../../shared/api/errors';

/** The two RFC 9162 hash functions (SHA-256 with 0x00 / 0x01 domain prefixes) and their fast forms. */

export const HASH_SIZE = 32;
/** MTH({}) = SHA-256 of the empty string: e3b0c442...b855. */
export const EMPTY_ROOT: Buffer = hash('sha256', Buffer.alloc(0), 'buffer');
// Internal copies for comparisons (not re-exported from index): Buffers cannot be frozen, and
// a caller writing into EMPTY_ROOT must not change what this code believes.
export const EMPTY: Buffer = Buffer.from(EMPTY_ROOT);
export const EMPTY_DIGEST = EMPTY.toString('latin1');

/*
 * Speed note: node:crypto's one-shot hash returns a 'binary' (latin1) string, one char per
 * byte, about twice as fast as a Buffer, because a Buffer result costs a fresh ArrayBuffer
 * per call. The verifier hashes every record and every tree node, so internally digests
 * travel as 32-char latin1 strings ("digests"); the public functions convert at the edge.
 */

// Scratch buffers for hashing (prefix || data) without allocating a concatenation. Safe:
// single-threaded, and node:crypto does not keep a reference to its input.
let leafScratch = Buffer.allocUnsafe(1024);
// Views of leafScratch by length, so the hot path allocates no view object per record.
let leafViews: (Buffer | undefined)[] = [];
const nodeScratch = Buffer.allocUnsafe(1 + 2 * HASH_SIZE);
nodeScratch[0] = 0x01;
const LEAF_PREFIX = Buffer.from([0x00]);

/** SHA-256(0x00 || leaf) as a 32-char latin1 string. */
export function leafDigest(leaf: Uint8Array): string {
  const need = leaf.length + 1;
  if (need > leafScratch.length) {
    // Huge leaves are rare: hash a one-off concatenation rather than keep a huge scratch.
    if (need > 1 << 20) return hash('sha256', Buffer.concat([LEAF_PREFIX, leaf]), 'binary');
    leafScratch = Buffer.allocUnsafe(Math.max(need, leafScratch.length * 2));
    leafViews = [];
  }
  leafScratch[0] = 0x00;
  leafScratch.set(leaf, 1);
  const view = leafViews[need] ?? (leafViews[need] = leafScratch.subarray(0, need));
  return hash('sha256', view, 'binary');
}

/** SHA-256(0x01 || left || right) over two digests, as a digest. */
export function nodeDigest(left: string, right: string): string {
  // A plain loop beats Buffer#write here: no argument normalisation, no native call.
  for (let i = 0; i < HASH_SIZE; i++) {
    nodeScratch[1 + i] = left.charCodeAt(i);
    nodeScratch[1 + HASH_SIZE + i] = right.charCodeAt(i);
  }
  return hash('sha256', nodeScratch, 'binary');
}

/** SHA-256(0x00 || leaf). */
export function leafHash(leaf: Uint8Array): Buffer {
  return Buffer.from(leafDigest(leaf), 'latin1');
}

/** SHA-256(0x01 || left || right). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  if (left.length !== HASH_SIZE || right.length !== HASH_SIZE) {
    throw new OgmaError('VALIDATION_FAILED', `Merkle node children must be ${HASH_SIZE}-byte hashes (got ${left.length} and ${right.length}).`);
  }
  nodeScratch.set(left, 1);
  nodeScratch.set(right, 1 + HASH_SIZE);
  return Buffer.from(hash('sha256', nodeScratch, 'binary'), 'latin1');
}

export function checkHash(h: Uint8Array, what: string): void {
  if (!(h instanceof Uint8Array) || h.length !== HASH_SIZE) {
    throw new OgmaError('VALIDATION_FAILED', `The ${what} must be a ${HASH_SIZE}-byte SHA-256 hash.`);
  }
}
