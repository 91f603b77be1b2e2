import { isUtf8 } from 'node:buffer';
import { leafDigest, nodeDigest } from '../chain/merkle';
import { recordShapeProblem } from '../chain/record';
import { canonicalJson } from './canonical-json';

/**
 * The verifier's hot path: RFC 9162 §2.1.3.2 inclusion checks on 32-char latin1 digests
 * (the chain's fast hashing form, see chain/hashing.ts), and record decoding with the
 * fast canonical check. Same rules as chain/merkle.ts verifyInclusion and
 * chain/stored-record.ts decodeRecord; tests pin them together.
 */

const B64_HASH = /^[A-Za-z0-9+/]{43}=$/;

/** A base64 hash as a digest string, or null. */
export function digestOfBase64(b64: string): string | null {
  if (!B64_HASH.test(b64)) return null;
  const b = Buffer.from(b64, 'base64');
  return b.length === 32 ? b.toString('latin1') : null;
}

export function verifyInclusionDigests(leaf: string, index: number, treeSize: number, proof: readonly string[], root: string): boolean {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(treeSize) || index < 0 || index >= treeSize) return false;
  let fn = index;
  let sn = treeSize - 1;
  let r = leaf;
  for (const b64 of proof) {
    const p = digestOfBase64(b64);
    if (p === null || sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeDigest(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = nodeDigest(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r === root;
}

export type DecodedRecord = { ok: true; record: Record<string, unknown>; leaf: string } | { ok: false; why: string };

/** A record's text: JSON, canonical (RFC 8785), the record shape; with its leaf digest. */
export function decodeRecordText(text: string): DecodedRecord {
  const bytes = Buffer.from(text, 'utf8');
  if (!isUtf8(bytes) || bytes.toString('utf8') !== text) return { ok: false, why: 'it is not valid Unicode text' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, why: 'it is not JSON' };
  }
  let canonical: string;
  try {
    canonical = canonicalJson(value);
  } catch (e) {
    return { ok: false, why: e instanceof Error ? e.message : 'it cannot be canonicalised' };
  }
  if (canonical !== text) return { ok: false, why: 'it is JSON but not in canonical form (RFC 8785)' };
  const shape = recordShapeProblem(value);
  if (shape !== null) return { ok: false, why: shape };
  return { ok: true, record: value as Record<string, unknown>, leaf: leafDigest(bytes) };
}
