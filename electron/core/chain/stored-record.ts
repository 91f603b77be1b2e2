import { isUtf8 } from 'node:buffer';
import { canonicalize, type JsonValue } from './canonical';
import { recordShapeProblem } from './record';

/**
 * Reading stored record bytes for the verifier, the slow and exact way. (The fast path is
 * record-scan.ts; whenever it is unsure, these decide and explain.)
 */

const HEX_DIGITS = Buffer.from('0123456789abcdef', 'latin1');
export const digestHex = (d: string) => Buffer.from(d, 'latin1').toString('hex');

/** Do the 64 hex characters at buf[at..] spell `digest` (a latin1 digest) in lowercase? */
export function hexEquals(buf: Buffer, at: number, digest: string): boolean {
  for (let i = 0; i < 32; i++) {
    const b = digest.charCodeAt(i);
    if (buf[at + 2 * i] !== HEX_DIGITS[b >> 4] || buf[at + 2 * i + 1] !== HEX_DIGITS[b & 15]) return false;
  }
  return true;
}

export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export type Decoded = { ok: true; record: Record<string, unknown> } | { ok: false; code: 'bad_encoding' | 'bad_schema'; why: string };

/** Bytes -> record, requiring valid UTF-8, JSON, canonical form (RFC 8785) and the record shape. */
export function decodeRecord(bytes: unknown): Decoded {
  if (!(bytes instanceof Uint8Array)) return { ok: false, code: 'bad_encoding', why: 'the stored value is not bytes' };
  const buf = asBuffer(bytes);
  if (!isUtf8(buf)) return { ok: false, code: 'bad_encoding', why: 'the bytes are not valid UTF-8' };
  const text = buf.toString('utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, code: 'bad_encoding', why: 'the bytes are not JSON' };
  }
  let canonical: string;
  try {
    canonical = canonicalize(value as JsonValue);
  } catch (e) {
    return { ok: false, code: 'bad_encoding', why: e instanceof Error ? e.message : 'it cannot be canonicalised' };
  }
  // Re-encoding must reproduce the stored bytes exactly, or two byte strings could claim to be the same record.
  if (canonical !== text) return { ok: false, code: 'bad_encoding', why: 'the bytes are JSON but not in canonical form (RFC 8785)' };
  const shape = recordShapeProblem(value);
  if (shape !== null) return { ok: false, code: 'bad_schema', why: shape };
  return { ok: true, record: value as Record<string, unknown> };
}

/** The `prev` a stored record claims, or null when it cannot be read at all. */
export function claimedPrev(bytes: unknown): string | null {
  try {
    if (!(bytes instanceof Uint8Array)) return null;
    const v = JSON.parse(asBuffer(bytes).toString('utf8')) as unknown;
    return typeof v === 'object' && v !== null && typeof (v as { prev?: unknown }).prev === 'string' ? (v as { prev: string }).prev : null;
  } catch {
    return null;
  }
}
