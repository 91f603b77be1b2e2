import { describe, expect, it } from 'vitest';
import { verifyRecordStream, type ChainVerdict } from '../../../electron/core/chain/index';
import { buildLog, verifyInput } from './log-fixture';

/*
 * Random damage to a stored log: the verifier must never throw and must never call a log
 * "ok" when any stored byte differs. (A final checkpoint covers every record here; records
 * after the last checkpoint are only protected by the links of the records after them.)
 */
const log = buildLog(60, 20);
const CODES = ['bad_encoding', 'bad_schema', 'seq_gap', 'wrong_tenant', 'prev_mismatch', 'root_mismatch', 'checkpoint_signature', 'checkpoint_beyond_log', 'checkpoint_inconsistent', 'truncated', 'time_regression'];

function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

type Stored = { seq: number; bytes: Buffer };

function mutateBytes(b: Buffer, rnd: () => number): Buffer {
  const at = Math.floor(rnd() * b.length);
  const kind = Math.floor(rnd() * 5);
  if (kind === 0) {
    const c = Buffer.from(b);
    c[at] = Math.floor(rnd() * 256);
    return c;
  }
  if (kind === 1) {
    const c = Buffer.from(b);
    c[at]! ^= 1 << Math.floor(rnd() * 8);
    return c;
  }
  if (kind === 2) return Buffer.concat([b.subarray(0, at), Buffer.from([Math.floor(rnd() * 256)]), b.subarray(at)]);
  if (kind === 3) return Buffer.concat([b.subarray(0, at), b.subarray(at + 1)]);
  return b.subarray(0, at);
}

function sameStream(a: Stored[], b: Stored[], ca: { note: string }[], cb: { note: string }[]): boolean {
  return a.length === b.length && a.every((r, i) => r.seq === b[i]!.seq && r.bytes.equals(b[i]!.bytes)) && ca.length === cb.length && ca.every((c, i) => c.note === cb[i]!.note);
}

describe('fuzzing the verifier with random damage', () => {
  it('given 3000 random mutations of records, their order and the checkpoint notes, then it never throws and never says ok for changed bytes', () => {
    const rnd = prng(0x5eed);
    let tried = 0;
    for (let i = 0; i < 3000; i++) {
      let records: Stored[] = log.records.map((r) => ({ seq: r.seq, bytes: r.bytes }));
      let checkpoints = log.checkpoints.map((c) => ({ note: c.note }));
      const kind = rnd();
      const pick = () => Math.floor(rnd() * records.length);
      if (kind < 0.55) {
        const k = pick();
        records[k] = { seq: records[k]!.seq, bytes: mutateBytes(records[k]!.bytes, rnd) };
      } else if (kind < 0.65) {
        for (let j = 1 + Math.floor(rnd() * 4); j > 0; j--) {
          const k = pick();
          records[k] = { seq: records[k]!.seq, bytes: mutateBytes(records[k]!.bytes, rnd) };
        }
      } else if (kind < 0.75) {
        const k = pick();
        const op = Math.floor(rnd() * 4);
        if (op === 0) records.splice(k, 1);
        else if (op === 1) records.splice(k, 0, records[k]!);
        else if (op === 2 && k + 1 < records.length) [records[k], records[k + 1]] = [records[k + 1]!, records[k]!];
        else records = records.slice(0, k);
      } else if (kind < 0.8) {
        const k = pick();
        const j = pick();
        records[k] = { seq: records[k]!.seq, bytes: records[j]!.bytes };
      } else {
        const k = Math.floor(rnd() * checkpoints.length);
        checkpoints[k] = { note: mutateBytes(Buffer.from(checkpoints[k]!.note, 'utf8'), rnd).toString('utf8') };
      }
      if (sameStream(records, log.records, checkpoints, log.checkpoints)) continue;
      tried++;
      let v: ChainVerdict | undefined;
      expect(() => {
        v = verifyRecordStream({ ...verifyInput(log), records, checkpoints });
      }, `mutation #${i}`).not.toThrow();
      expect(v!.ok, `mutation #${i} was accepted`).toBe(false);
      if (!v!.ok) {
        expect(CODES).toContain(v!.problem.code);
        expect(v!.verifiedUpTo).toBe(v!.problem.seq);
        expect(v!.problem.seq).toBeGreaterThanOrEqual(0);
        expect(v!.problem.seq).toBeLessThanOrEqual(60);
        expect(v!.problem.affects.length).toBeGreaterThan(0);
      }
    }
    expect(tried).toBeGreaterThan(2500);
  });

  it('given hostile record values (not bytes, missing fields, wrong seq types), then it answers with a problem rather than throwing', () => {
    const weird: unknown[] = [null, {}, { seq: 0 }, { seq: '0', bytes: log.records[0]!.bytes }, { seq: 0, bytes: 'text' }, { seq: 0, bytes: new Uint8Array() }, { seq: Number.NaN, bytes: log.records[0]!.bytes }];
    for (const w of weird) {
      const v = verifyRecordStream({ ...verifyInput(log), records: [w as Stored] });
      expect(v.ok).toBe(false);
    }
  });
});
