import { RECORD_TYPES } from './record';

/**
 * The verifier's fast path: recognise a stored record that is certainly canonical and
 * well-formed by scanning its bytes once, without JSON.parse or re-serialising.
 *
 * The contract is one-sided: a non-null answer means the slow path (valid UTF-8, JSON.parse,
 * canonicalize(value) === text, the record schema, the expected tenant) would accept the
 * same bytes and read the same seq and prev. null means only "not sure": the caller then
 * runs the slow path, which decides and explains. So anything unusual (escapes or non-ASCII
 * in keys, deep nesting) may simply return null. Tests pin this against the slow path.
 *
 * Because the schema is strict and canonical keys are sorted, every valid record has the
 * same skeleton:
 *   {"actor":S,"at":S,"body":{...},"prev":"<64 hex>","seq":N,"tenant":S,"type":S,"v":1}
 * The caller must already have checked the bytes are valid UTF-8.
 *
 * The scanner is built by one self-contained function (its body refers to nothing but its
 * argument and JS/Node globals), so that the parallel verifier's worker threads can
 * evaluate the very same code from its source text (leaf-pool.ts). Keep it that way: no
 * imports used inside, no module-level helpers.
 */

export interface ScannedRecord {
  seq: number;
  /** Offset of the 64 hex characters of `prev`. */
  prevAt: number;
}

/** The answer is one object per scanner, overwritten by its next call: read it at once. */
export type RecordScanner = (buf: Buffer, tenantJson: Buffer) => ScannedRecord | null;

export function makeRecordScanner(recordTypes: readonly string[]): RecordScanner {
  const Q = 0x22; // "
  const BS = 0x5c; // \
  const MAX_DEPTH = 32; // conservative: canonicalize allows 64, deeper bodies go to the slow path

  const lit = (s: string) => Buffer.from(s, 'latin1');
  const K_ACTOR = lit('{"actor":');
  const K_AT = lit(',"at":"');
  const K_BODY = lit('","body":');
  const K_PREV = lit(',"prev":"');
  const K_SEQ = lit('","seq":');
  const K_TENANT = lit(',"tenant":');
  const K_TYPE = lit(',"type":"');
  // Each record type followed by the fixed tail, so a match also proves the type name ended there.
  // The type is the last field, so its token must end exactly at the end of the record: only
  // tokens of the remaining length can match (usually one), found by length instead of by trying each.
  const TYPE_TOKENS_BY_LENGTH: Buffer[][] = [];
  for (const t of recordTypes) {
    const token = lit(`${t}","v":1}`);
    (TYPE_TOKENS_BY_LENGTH[token.length] ??= []).push(token);
  }

  function expect(buf: Buffer, p: number, token: Buffer): number {
    const n = token.length;
    if (p + n > buf.length) return -1;
    for (let i = 0; i < n; i++) if (buf[p + i] !== token[i]) return -1;
    return p + n;
  }

  /**
   * Bytes that stand for themselves inside a canonical string: everything from 0x20 up except
   * the quote and the backslash. Raw bytes >= 0x80 are fine because the caller has checked the
   * record is valid UTF-8, which cannot encode a lone surrogate.
   */
  const ORDINARY = new Uint8Array(256);
  for (let b = 0x20; b < 256; b++) if (b !== Q && b !== BS) ORDINARY[b] = 1;

  function isLowerHex(b: number): boolean {
    return (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x66);
  }
  // For long runs of hex (prev): a table and no branch per byte. Hex digits are random, so a
  // comparison per byte mispredicts about half the time; this made the whole scan ~40% slower.
  const LOWER_HEX = new Uint8Array(256);
  for (let b = 0x30; b <= 0x39; b++) LOWER_HEX[b] = 1;
  for (let b = 0x61; b <= 0x66; b++) LOWER_HEX[b] = 1;

  /** A canonical string starting at the opening quote; returns the offset after the closing quote. */
  function scanString(buf: Buffer, p: number, len: number): number {
    if (buf[p] !== Q) return -1;
    p++;
    for (;;) {
      // Fast run over ordinary characters; only quote, backslash, control bytes and the end stop it.
      while (p < len && ORDINARY[buf[p]!] === 1) p++;
      if (p >= len) return -1;
      const b = buf[p]!;
      if (b === Q) return p + 1;
      if (b < 0x20) return -1;
      if (b === BS) {
        const e = buf[p + 1];
        if (e === Q || e === BS || e === 0x62 || e === 0x66 || e === 0x6e || e === 0x72 || e === 0x74) {
          p += 2;
          continue;
        }
        // \u00XX only for control characters without a short form, lowercase hex.
        if (e !== 0x75 || buf[p + 2] !== 0x30 || buf[p + 3] !== 0x30) return -1;
        const hi = buf[p + 4];
        const lo = buf[p + 5];
        if ((hi !== 0x30 && hi !== 0x31) || lo === undefined || !isLowerHex(lo)) return -1;
        const v = (hi - 0x30) * 16 + (lo <= 0x39 ? lo - 0x30 : lo - 0x57);
        if (v === 8 || v === 9 || v === 10 || v === 12 || v === 13) return -1;
        p += 6;
        continue;
      }
      return -1; // unreachable: ORDINARY covers every other byte
    }
  }

  /** A key: canonical string of printable ASCII without escapes, so byte order is UTF-16 order. */
  function scanPlainKey(buf: Buffer, p: number, len: number): number {
    if (buf[p] !== Q) return -1;
    p++;
    while (p < len) {
      const b = buf[p]!;
      if (b === Q) return p + 1;
      if (b < 0x20 || b === BS || b >= 0x80) return -1;
      p++;
    }
    return -1;
  }

  /** Is key [a0, a1) strictly less than key [b0, b1) (bytes, both without quotes)? */
  function keyLess(buf: Buffer, a0: number, a1: number, b0: number, b1: number): boolean {
    const n = Math.min(a1 - a0, b1 - b0);
    for (let i = 0; i < n; i++) {
      const x = buf[a0 + i]!;
      const y = buf[b0 + i]!;
      if (x !== y) return x < y;
    }
    return a1 - a0 < b1 - b0;
  }

  function scanNumber(buf: Buffer, p: number, len: number): number {
    const start = p;
    if (buf[p] === 0x2d) p++;
    const first = buf[p];
    if (first === 0x30) p++;
    else if (first !== undefined && first >= 0x31 && first <= 0x39) while (p < len && buf[p]! >= 0x30 && buf[p]! <= 0x39) p++;
    else return -1;
    if (buf[p] === 0x2e) {
      p++;
      const d0 = p;
      while (p < len && buf[p]! >= 0x30 && buf[p]! <= 0x39) p++;
      if (p === d0) return -1;
    }
    if (buf[p] === 0x65 || buf[p] === 0x45) {
      p++;
      if (buf[p] === 0x2b || buf[p] === 0x2d) p++;
      const d0 = p;
      while (p < len && buf[p]! >= 0x30 && buf[p]! <= 0x39) p++;
      if (p === d0) return -1;
    }
    // Canonical iff ECMAScript's own formatting of the value gives back the same text.
    const text = buf.toString('latin1', start, p);
    return String(Number(text)) === text ? p : -1;
  }

  function scanLiteral(buf: Buffer, p: number, word: Buffer): number {
    return expect(buf, p, word);
  }
  const L_TRUE = lit('true');
  const L_FALSE = lit('false');
  const L_NULL = lit('null');

  function scanValue(buf: Buffer, p: number, len: number, depth: number): number {
    const b = buf[p];
    switch (b) {
      case 0x7b:
        return scanObject(buf, p, len, depth);
      case 0x5b: {
        if (depth >= MAX_DEPTH) return -1;
        p++;
        if (buf[p] === 0x5d) return p + 1;
        for (;;) {
          p = scanValue(buf, p, len, depth + 1);
          if (p < 0) return -1;
          const c = buf[p];
          if (c === 0x5d) return p + 1;
          if (c !== 0x2c) return -1;
          p++;
        }
      }
      case Q:
        return scanString(buf, p, len);
      case 0x74:
        return scanLiteral(buf, p, L_TRUE);
      case 0x66:
        return scanLiteral(buf, p, L_FALSE);
      case 0x6e:
        return scanLiteral(buf, p, L_NULL);
      default:
        return scanNumber(buf, p, len);
    }
  }

  function scanObject(buf: Buffer, p: number, len: number, depth: number): number {
    if (buf[p] !== 0x7b || depth >= MAX_DEPTH) return -1;
    p++;
    if (buf[p] === 0x7d) return p + 1;
    let prevKey0 = -1;
    let prevKey1 = -1;
    for (;;) {
      const k0 = p + 1;
      p = scanPlainKey(buf, p, len);
      if (p < 0) return -1;
      const k1 = p - 1;
      if (prevKey0 >= 0 && !keyLess(buf, prevKey0, prevKey1, k0, k1)) return -1;
      prevKey0 = k0;
      prevKey1 = k1;
      if (buf[p] !== 0x3a) return -1;
      p = scanValue(buf, p + 1, len, depth + 1);
      if (p < 0) return -1;
      const c = buf[p];
      if (c === 0x7d) return p + 1;
      if (c !== 0x2c) return -1;
      p++;
    }
  }

  // The same rule as record.ts daysInMonth, repeated here to keep this function self-contained.
  function daysInMonth(year: number, month: number): number {
    if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
    return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  }

  const d = (buf: Buffer, i: number) => buf[i]! - 0x30;
  const TIME_DIGITS = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18, 20, 21, 22];

  /** The 24 bytes at p are a valid record time (same rule as isRecordTime). */
  function isTimeAt(buf: Buffer, p: number): boolean {
    if (p + 24 > buf.length) return false;
    for (let k = 0; k < TIME_DIGITS.length; k++) {
      const x = d(buf, p + TIME_DIGITS[k]!);
      if (x < 0 || x > 9) return false;
    }
    if (buf[p + 4] !== 0x2d || buf[p + 7] !== 0x2d || buf[p + 10] !== 0x54 || buf[p + 13] !== 0x3a || buf[p + 16] !== 0x3a || buf[p + 19] !== 0x2e || buf[p + 23] !== 0x5a) {
      return false;
    }
    const year = d(buf, p) * 1000 + d(buf, p + 1) * 100 + d(buf, p + 2) * 10 + d(buf, p + 3);
    const month = d(buf, p + 5) * 10 + d(buf, p + 6);
    const day = d(buf, p + 8) * 10 + d(buf, p + 9);
    return (
      month >= 1 &&
      month <= 12 &&
      day >= 1 &&
      day <= daysInMonth(year, month) &&
      d(buf, p + 11) * 10 + d(buf, p + 12) <= 23 &&
      d(buf, p + 14) * 10 + d(buf, p + 15) <= 59 &&
      d(buf, p + 17) * 10 + d(buf, p + 18) <= 59
    );
  }

  /**
   * @param tenantJson the canonical JSON encoding of the expected tenant id (with quotes)
   */
  const RESULT: ScannedRecord = { seq: 0, prevAt: 0 };

  function scanRecord(buf: Buffer, tenantJson: Buffer): ScannedRecord | null {
    const len = buf.length;
    let p = expect(buf, 0, K_ACTOR);
    if (p < 0) return null;
    const actor0 = p;
    p = scanString(buf, p, len);
    if (p < 0 || p - actor0 <= 2) return null; // actor must be non-empty
    p = expect(buf, p, K_AT);
    if (p < 0 || !isTimeAt(buf, p)) return null;
    p = expect(buf, p + 24, K_BODY);
    if (p < 0) return null;
    p = scanObject(buf, p, len, 1);
    if (p < 0) return null;
    p = expect(buf, p, K_PREV);
    if (p < 0 || p + 64 > len) return null;
    const prevAt = p;
    let hexOk = 1;
    for (let i = 0; i < 64; i++) hexOk &= LOWER_HEX[buf[p + i]!]!;
    if (hexOk !== 1) return null;
    p = expect(buf, p + 64, K_SEQ);
    if (p < 0) return null;
    // seq: a canonical non-negative integer within the safe range.
    const seq0 = p;
    if (buf[p] === 0x30) p++;
    else while (p < len && buf[p]! >= 0x30 && buf[p]! <= 0x39) p++;
    if (p === seq0 || p - seq0 > 15) return null;
    let seq = 0;
    for (let i = seq0; i < p; i++) seq = seq * 10 + (buf[i]! - 0x30);
    p = expect(buf, p, K_TENANT);
    if (p < 0) return null;
    p = expect(buf, p, tenantJson);
    if (p < 0) return null;
    p = expect(buf, p, K_TYPE);
    if (p < 0) return null;
    const candidates = TYPE_TOKENS_BY_LENGTH[len - p];
    if (candidates === undefined) return null;
    let typeEnd = -1;
    for (let i = 0; i < candidates.length && typeEnd < 0; i++) typeEnd = expect(buf, p, candidates[i]!);
    if (typeEnd !== len) return null;
    // One result object, reused: callers read it at once (it is overwritten by the next call).
    RESULT.seq = seq;
    RESULT.prevAt = prevAt;
    return RESULT;
  }

  return scanRecord;
}

export const scanRecord: RecordScanner = makeRecordScanner(RECORD_TYPES);
