import { isUtf8 } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { canonicalize, ChainRecordSchema, encodeRecord, GENESIS_PREV, leafHash, RECORD_TYPES, recordLeafHash, type ChainRecord, type JsonValue } from '../../../electron/core/chain/index';
import { isRecordTime, recordShapeProblem } from '../../../electron/core/chain/record';
import { scanRecord } from '../../../electron/core/chain/record-scan';
import { OgmaError } from '../../../shared/api/errors';
import { recordFor } from './log-fixture';

const base: ChainRecord = recordFor(3, 'ab'.repeat(32));

/** The slow, obviously-right decision the verifier's fast path must never contradict. */
function slowAccepts(bytes: Buffer, tenant: string): { seq: number; prev: string } | null {
  if (!isUtf8(bytes)) return null;
  const text = bytes.toString('utf8');
  let v: unknown;
  try {
    v = JSON.parse(text);
    if (canonicalize(v as JsonValue) !== text) return null;
  } catch {
    return null;
  }
  if (recordShapeProblem(v) !== null || !ChainRecordSchema.safeParse(v).success) return null;
  const r = v as ChainRecord;
  return r.tenant === tenant ? { seq: r.seq, prev: r.prev } : null;
}

describe('chain records', () => {
  it('given a record, when encoded, then the bytes are its RFC 8785 form and the leaf hash is over exactly those bytes', () => {
    const bytes = encodeRecord(base);
    expect(bytes.toString('utf8')).toBe(canonicalize(base as unknown as JsonValue));
    expect(bytes.toString('utf8').startsWith('{"actor":"system:capture","at":"2026-11-23T10:00:03.000Z","body":{')).toBe(true);
    expect(recordLeafHash(bytes).equals(leafHash(bytes))).toBe(true);
    expect(GENESIS_PREV).toBe('0'.repeat(64));
  });

  it('given the record types, then the list is the one the product names (append-only)', () => {
    expect(RECORD_TYPES).toHaveLength(20);
    expect(RECORD_TYPES[0]).toBe('workspace_created');
    expect(RECORD_TYPES[19]).toBe('export_created');
  });

  describe('given an invalid record, when encoded, then VALIDATION_FAILED names the field', () => {
    const bad: [string, Record<string, unknown>, string][] = [
      ['unknown top-level key', { ...base, extra: 1 }, ''],
      ['version 2', { ...base, v: 2 }, 'v'],
      ['empty tenant', { ...base, tenant: '' }, 'tenant'],
      ['negative seq', { ...base, seq: -1 }, 'seq'],
      ['fractional seq', { ...base, seq: 1.5 }, 'seq'],
      ['unknown type', { ...base, type: 'message_deleted' }, 'type'],
      ['time without ms', { ...base, at: '2026-11-23T10:00:00Z' }, 'at'],
      ['time with offset', { ...base, at: '2026-11-23T10:00:00.000+01:00' }, 'at'],
      ['impossible date', { ...base, at: '2026-02-29T10:00:00.000Z' }, 'at'],
      ['uppercase prev', { ...base, prev: 'AB'.repeat(32) }, 'prev'],
      ['short prev', { ...base, prev: 'ab' }, 'prev'],
      ['empty actor', { ...base, actor: '' }, 'actor'],
      ['array body', { ...base, body: [] }, 'body'],
      ['NaN in body', { ...base, body: { n: Number.NaN } }, 'body.n'],
    ];
    it.each(bad)('%s', (_what, r, field) => {
      try {
        encodeRecord(r as unknown as ChainRecord);
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(OgmaError);
        expect((e as OgmaError).code).toBe('VALIDATION_FAILED');
        if (field) expect((e as OgmaError).where?.field).toBe(field);
        expect(recordShapeProblem(r) !== null || !ChainRecordSchema.safeParse(r).success).toBe(true);
      }
    });
  });

  it('given record times, then isRecordTime accepts exactly what Date#toISOString produces', () => {
    const good = ['2026-11-23T10:00:00.000Z', '2024-02-29T23:59:59.999Z', '0000-01-01T00:00:00.000Z', '2000-02-29T00:00:00.000Z'];
    const badTimes = ['2023-02-29T00:00:00.000Z', '1900-02-29T00:00:00.000Z', '2026-13-01T00:00:00.000Z', '2026-00-01T00:00:00.000Z', '2026-04-31T00:00:00.000Z', '2026-11-23T24:00:00.000Z', '2026-11-23T23:60:00.000Z', '2026-11-23T23:59:60.000Z', '2026-11-23T10:00:00.000z', '2026-11-23t10:00:00.000Z', '2026-11-23T10:00:00.00Z', ' 2026-11-23T10:00:00.000Z'];
    for (const t of good) expect(isRecordTime(t)).toBe(true);
    for (const t of badTimes) expect(isRecordTime(t)).toBe(false);
    // Agreement with a Date round trip over many random instants and random near-misses.
    let seed = 11;
    const rnd = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
    for (let i = 0; i < 5000; i++) {
      const t = new Date(Math.floor(rnd() * 253402300799999)).toISOString();
      expect(isRecordTime(t)).toBe(true);
      const mutated = t.slice(0, 5) + String(Math.floor(rnd() * 14)).padStart(2, '0') + '-' + String(Math.floor(rnd() * 33)).padStart(2, '0') + t.slice(10);
      const viaDate = !Number.isNaN(Date.parse(mutated)) && new Date(Date.parse(mutated)).toISOString() === mutated;
      expect(isRecordTime(mutated)).toBe(viaDate);
    }
  });

  describe('the verifier fast path (scanRecord)', () => {
    const tenantJson = Buffer.from(JSON.stringify(base.tenant));

    it('given ordinary records of every type, then it recognises them and reads seq and prev', () => {
      for (const type of RECORD_TYPES) {
        const bytes = encodeRecord({ ...base, type, seq: 123456 });
        const s = scanRecord(bytes, tenantJson);
        expect(s, type).not.toBeNull();
        expect(s!.seq).toBe(123456);
        expect(bytes.toString('latin1', s!.prevAt, s!.prevAt + 64)).toBe(base.prev);
      }
    });

    it('given bodies with escapes, unicode values, numbers and nesting, then it still recognises them', () => {
      const body = { a: 'line\nbreak\t"quoted"\\ \u0001 é 😀 \u2028', b: [1, -2.5, 1e21, 1e-7, 0, true, false, null, [], {}], c: { d: { e: [{ f: 'g' }] } } };
      expect(scanRecord(encodeRecord({ ...base, body }), tenantJson)).not.toBeNull();
    });

    it('given a record of another tenant, then it declines and leaves the verdict to the slow path', () => {
      expect(scanRecord(encodeRecord({ ...base, tenant: 'tn_other' }), tenantJson)).toBeNull();
    });

    it('given many valid and invalid byte strings, then whenever it accepts, the slow path accepts too with the same seq and prev', () => {
      let seed = 5;
      const rnd = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
      const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
      const alphabet = ['"', '\\', '{', '}', '[', ']', ':', ',', '0', '1', '-', '.', 'e', 'E', '+', 'u', 'n', 't', ' ', '\n', 'a', 'é', '\u00ff', '\ud800', '9', 'f'];
      const values: JsonValue[] = [0, -0, 1.5, 1e21, 'x', 'a"b', '\u0000', 'é', [], {}, [1, [2]], { z: 1, a: 2 }, { 'é': 1 }, { '\n': 1 }, { '10': 1, '9': 2 }, true, null];
      let accepted = 0;
      for (let i = 0; i < 6000; i++) {
        const body: Record<string, JsonValue> = {};
        for (let j = Math.floor(rnd() * 4); j > 0; j--) body[pick(['a', 'b', 'zz', 'A', '_', '10', '9', 'é', ''])] = pick(values);
        let text = canonicalize({ ...base, seq: Math.floor(rnd() * 1e6), body } as unknown as JsonValue);
        const edits = Math.floor(rnd() * 3);
        for (let e = 0; e < edits; e++) {
          const at = Math.floor(rnd() * text.length);
          const kind = rnd();
          if (kind < 0.4) text = text.slice(0, at) + pick(alphabet) + text.slice(at + 1);
          else if (kind < 0.7) text = text.slice(0, at) + pick(alphabet) + text.slice(at);
          else text = text.slice(0, at) + text.slice(at + 1);
        }
        const bytes = Buffer.from(text, 'utf8');
        if (rnd() < 0.05) bytes[Math.floor(rnd() * bytes.length)] = Math.floor(rnd() * 256);
        const fast = isUtf8(bytes) ? scanRecord(bytes, tenantJson) : null;
        if (fast) {
          accepted++;
          const slow = slowAccepts(bytes, base.tenant);
          expect(slow, text).not.toBeNull();
          expect(fast.seq).toBe(slow!.seq);
          expect(bytes.toString('latin1', fast.prevAt, fast.prevAt + 64)).toBe(slow!.prev);
        }
      }
      expect(accepted).toBeGreaterThan(1000); // the property was exercised, not vacuous
    });
  });
});
