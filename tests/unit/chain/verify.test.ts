import { afterAll, describe, expect, it } from 'vitest';
import {
  encodeRecord,
  EMPTY_ROOT,
  merkleRoot,
  recordLeafHash,
  signCheckpoint,
  LeafHashPool,
  verifyRecordStream,
  verifyRecordStreamParallel,
  type ChainVerdict,
  type VerifyRecordStreamInput,
  type VerifyState,
} from '../../../electron/core/chain/index';
import { verifyRecordStreamUnbatched } from '../../../electron/core/chain/verify';
import { OgmaError } from '../../../shared/api/errors';
import { buildLog, checkpointSize, checkpointsFor, makeKey, rechain, verifyInput, withByte, type Log } from './log-fixture';

/*
 * One tenant log of 1000 records with a signed checkpoint every 100 records (sizes
 * 100..1000), tampered with in the ways that matter. Each spec names the exact problem
 * code and the seq it must be located at.
 */
const log: Log = buildLog(1000, 100);

/*
 * Every verdict below is reached three times: by verifyRecordStream (which works in batches
 * of 256 records), by the same verifier doing its work record by record, and by the parallel
 * verifier (leaf hashes from worker threads) in small chunks whose boundaries fall on and
 * around the tampered records. All must give exactly the same verdict (or throw the same error).
 */
const pool = new LeafHashPool(2);
afterAll(() => pool.close());
const CHUNKINGS = [{ chunkRecords: 37 }, { chunkRecords: 64 }, { chunkRecords: 256 }];
let chunking = 0;

function both(input: VerifyRecordStreamInput): ChainVerdict {
  const opts = CHUNKINGS[chunking++ % CHUNKINGS.length]!;
  let serial: ChainVerdict;
  try {
    serial = verifyRecordStream(input);
  } catch (e) {
    expect(() => verifyRecordStreamUnbatched(input)).toThrow((e as Error).message);
    expect(() => verifyRecordStreamParallel(input, pool, opts)).toThrow((e as Error).message);
    throw e;
  }
  expect(verifyRecordStreamUnbatched(input), 'record-by-record verdict').toEqual(serial);
  expect(verifyRecordStreamParallel(input, pool, opts), `parallel verdict, chunks of ${opts.chunkRecords}`).toEqual(serial);
  return serial;
}
const verify = (over: Partial<VerifyRecordStreamInput> = {}) => both({ ...verifyInput(log), ...over });

function problem(v: ChainVerdict) {
  if (v.ok) throw new Error('expected verification to fail');
  return v.problem;
}

/** Offset of `needle` inside record `seq`'s stored bytes. */
function offsetIn(seq: number, needle: string): number {
  const at = log.records[seq]!.bytes.indexOf(needle);
  if (at < 0) throw new Error(`${needle} not in record ${seq}`);
  return at;
}
/** A different lowercase hex digit than the one at `at`. */
function otherHex(seq: number, at: number): number {
  const c = log.records[seq]!.bytes[at]!;
  return c === 0x30 ? 0x31 : 0x30;
}

describe('verifyRecordStream', () => {
  describe('given an intact log', () => {
    it('when verified in full, then ok with its size, root, resumable state and every checkpoint counted', () => {
      const v = verify();
      expect(v.ok).toBe(true);
      if (!v.ok) return;
      const leaves = log.records.map((r) => recordLeafHash(r.bytes));
      expect(v.size).toBe(1000);
      expect(v.root).toBe(merkleRoot(leaves).toString('hex'));
      expect(v.checkpointsVerified).toBe(10);
      expect(v.state.size).toBe(1000);
      expect(v.state.lastLeafHash).toBe(leaves[999]!.toString('hex'));
      expect(v.state.frontier.size).toBe(1000);
    });

    it('when checkpoints come in any order, then the verdict is the same', () => {
      const shuffled = [...log.checkpoints].reverse();
      expect(verify({ checkpoints: shuffled })).toEqual(verify());
    });

    it('when records are plain Uint8Arrays rather than Buffers, then the verdict is the same', () => {
      const plain = log.records.map((r) => ({ seq: r.seq, bytes: new Uint8Array(r.bytes) }));
      expect(verify({ records: plain })).toEqual(verify());
    });

    it('when a record time goes backwards by an hour, then that is not a problem (clocks step back; order is proven by the chain)', () => {
      const decoded = log.decoded.map((r) => structuredClone(r));
      decoded[500]!.at = '2026-11-23T09:00:00.000Z';
      const re = rechain(decoded, 500);
      const v = both({ ...verifyInput(log), records: re.records, checkpoints: checkpointsFor(re.records, 100, log.key) });
      expect(v.ok).toBe(true);
    });

    it('when progress is requested, then it reports the number of records done, ending with the total', () => {
      const seen: number[] = [];
      verify({ onProgress: (n) => seen.push(n) });
      expect(seen.at(-1)).toBe(1000);
      expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    });

    it('when the log is empty, then ok with the empty root (and a size-0 checkpoint verifies)', () => {
      const v = verify({ records: [], checkpoints: [] });
      expect(v).toMatchObject({ ok: true, size: 0, root: EMPTY_ROOT.toString('hex'), checkpointsVerified: 0 });
      const zero = signCheckpoint({ origin: log.origin, size: 0, root: EMPTY_ROOT, time: '2026-11-23T10:00:00.000Z' }, log.key);
      expect(verify({ records: [], checkpoints: [{ note: zero }] })).toMatchObject({ ok: true, checkpointsVerified: 1 });
    });
  });

  describe('given one byte changed in a stored record', () => {
    it('when the change is inside the body (still valid JSON), then prev_mismatch locates that record, not the next one', () => {
      const at = offsetIn(537, '"commit":"') + 12;
      const v = verify({ records: withByte(log.records, 537, at, otherHex(537, at)) });
      expect(problem(v)).toMatchObject({ code: 'prev_mismatch', seq: 537 });
      expect(v).toMatchObject({ verifiedUpTo: 537 });
    });

    it("when the change is in the record's own prev link, then prev_mismatch locates that record", () => {
      const at = offsetIn(537, '"prev":"') + 20;
      expect(problem(verify({ records: withByte(log.records, 537, at, otherHex(537, at)) }))).toMatchObject({ code: 'prev_mismatch', seq: 537 });
    });

    it('when the record just before a checkpoint changes, then the precise link failure wins over the checkpoint root mismatch', () => {
      const at = offsetIn(599, '"commit":"') + 12;
      expect(problem(verify({ records: withByte(log.records, 599, at, otherHex(599, at)) }))).toMatchObject({ code: 'prev_mismatch', seq: 599 });
    });

    it('when the last record changes (no successor links to it), then the final checkpoint catches it: root_mismatch from the previous checkpoint', () => {
      const at = offsetIn(999, '"commit":"') + 12;
      const p = problem(verify({ records: withByte(log.records, 999, at, otherHex(999, at)) }));
      expect(p).toMatchObject({ code: 'root_mismatch', seq: 900, checkpointSize: 1000 });
    });

    it('when the change breaks the JSON, then bad_encoding at that record', () => {
      expect(problem(verify({ records: withByte(log.records, 537, 0, 0x5b) }))).toMatchObject({ code: 'bad_encoding', seq: 537 });
    });

    it('when the change makes the bytes invalid UTF-8, then bad_encoding at that record', () => {
      const at = offsetIn(537, '"commit":"') + 12;
      expect(problem(verify({ records: withByte(log.records, 537, at, 0xff) }))).toMatchObject({ code: 'bad_encoding', seq: 537 });
    });

    it('when the change turns the type into an unknown one, then bad_schema at that record', () => {
      const at = offsetIn(537, '"type":"') + 8;
      expect(problem(verify({ records: withByte(log.records, 537, at, 0x7a) }))).toMatchObject({ code: 'bad_schema', seq: 537 });
    });

    it('when the change alters the tenant, then wrong_tenant at that record', () => {
      const at = offsetIn(537, '"tenant":"tn_acme"') + 16;
      expect(problem(verify({ records: withByte(log.records, 537, at, 0x66) }))).toMatchObject({ code: 'wrong_tenant', seq: 537 });
    });

    it('when the change alters the seq inside the record, then seq_gap at that position', () => {
      const at = offsetIn(537, '"seq":537') + 8;
      expect(problem(verify({ records: withByte(log.records, 537, at, 0x38) }))).toMatchObject({ code: 'seq_gap', seq: 537 });
    });
  });

  describe('given records removed, reordered or re-encoded', () => {
    it('when a record is deleted, then seq_gap at the missing seq', () => {
      const p = problem(verify({ records: log.records.filter((r) => r.seq !== 400) }));
      expect(p).toMatchObject({ code: 'seq_gap', seq: 400 });
      expect(p.message).toContain('Record 400 is missing');
    });

    it('when a record is deleted and the stored positions renumbered to hide it, then seq_gap at the same place', () => {
      const renumbered = log.records.filter((r) => r.seq !== 400).map((r, i) => ({ seq: i, bytes: r.bytes }));
      expect(problem(verify({ records: renumbered }))).toMatchObject({ code: 'seq_gap', seq: 400 });
    });

    it('when two records are swapped, then seq_gap at the first of them', () => {
      const swapped = [...log.records];
      [swapped[300], swapped[301]] = [swapped[301]!, swapped[300]!];
      expect(problem(verify({ records: swapped }))).toMatchObject({ code: 'seq_gap', seq: 300 });
      const swappedBytes = log.records.map((r) => (r.seq === 300 ? { seq: 300, bytes: log.records[301]!.bytes } : r.seq === 301 ? { seq: 301, bytes: log.records[300]!.bytes } : r));
      expect(problem(verify({ records: swappedBytes }))).toMatchObject({ code: 'seq_gap', seq: 300 });
    });

    it('when a record is stored with the same content but not in canonical form, then bad_encoding', () => {
      const text = log.records[250]!.bytes.toString('utf8').replace('{"actor"', '{ "actor"');
      const records = log.records.map((r) => (r.seq === 250 ? { seq: 250, bytes: Buffer.from(text) } : r));
      expect(problem(verify({ records }))).toMatchObject({ code: 'bad_encoding', seq: 250 });
    });

    it("when record 0 does not start from the genesis link, then prev_mismatch at 0", () => {
      const decoded = log.decoded.map((r) => structuredClone(r));
      decoded[0]!.prev = 'ab'.repeat(32);
      const records = log.records.map((r) => (r.seq === 0 ? { seq: 0, bytes: encodeRecord(decoded[0]!) } : r));
      expect(problem(verify({ records }))).toMatchObject({ code: 'prev_mismatch', seq: 0 });
    });

    it("when a record is copied in from another tenant's log, then wrong_tenant at that position", () => {
      const other = buildLog(301, 100, log.key, 'tn_other', 'ogma.local/tenant/tn_other');
      const records = log.records.map((r) => (r.seq === 300 ? other.records[300]! : r));
      expect(problem(verify({ records }))).toMatchObject({ code: 'wrong_tenant', seq: 300 });
    });
  });

  describe('given a forger who edits a record and rebuilds the hash chain after it', () => {
    const decoded = log.decoded.map((r) => structuredClone(r));
    decoded[550]!.body.role = 'system';
    const forged = rechain(decoded, 550);

    it('when verified, then every link checks out but the next signed checkpoint does not: root_mismatch from the last good checkpoint', () => {
      const v = verify({ records: forged.records });
      const p = problem(v);
      expect(p).toMatchObject({ code: 'root_mismatch', seq: 500, checkpointSize: 600 });
      expect(v).toMatchObject({ verifiedUpTo: 500 });
      expect(p.affects).toContain('Records 500..999');
      expect(p.affects).toContain('checkpoints at sizes 600, 700, 800, 900, 1000 cannot be trusted');
    });

    it('when the forger also re-signs the later checkpoints with their own key, then checkpoint_signature from the last good checkpoint', () => {
      const attacker = makeKey(log.key.name);
      const resigned = [...log.checkpoints.filter((c) => checkpointSize(c.note) < 600), ...checkpointsFor(forged.records, 100, attacker).filter((c) => checkpointSize(c.note) >= 600)];
      expect(problem(verify({ records: forged.records, checkpoints: resigned }))).toMatchObject({ code: 'checkpoint_signature', seq: 500, checkpointSize: 600 });
    });

    it('when the forger had the real key and signed a second history of the same size, then checkpoint_inconsistent', () => {
      const second = checkpointsFor(forged.records, 100, log.key).filter((c) => checkpointSize(c.note) === 600);
      const p = problem(verify({ checkpoints: [...log.checkpoints, ...second] }));
      expect(p).toMatchObject({ code: 'checkpoint_inconsistent', seq: 500, checkpointSize: 600 });
    });

    it('when the real key signed a root for a size no other checkpoint covers, then root_mismatch at it', () => {
      const second = checkpointsFor(forged.records, 50, log.key).filter((c) => checkpointSize(c.note) === 650);
      expect(problem(verify({ checkpoints: [...log.checkpoints, ...second] }))).toMatchObject({ code: 'root_mismatch', seq: 600, checkpointSize: 650 });
    });
  });

  describe('given a log truncated at the end', () => {
    it('when a signed checkpoint covers more records than remain, then truncated at the first missing record', () => {
      const p = problem(verify({ records: log.records.slice(0, 950) }));
      expect(p).toMatchObject({ code: 'truncated', seq: 950, checkpointSize: 1000 });
      expect(p.message).toContain('950..999');
    });

    it('when truncated exactly at a checkpoint, then truncated still points at the first missing record', () => {
      expect(problem(verify({ records: log.records.slice(0, 900) }))).toMatchObject({ code: 'truncated', seq: 900, checkpointSize: 1000 });
    });

    it('when the later checkpoints were deleted too, then nothing can tell (documented limit: anchor or export checkpoints elsewhere)', () => {
      const v = verify({ records: log.records.slice(0, 900), checkpoints: log.checkpoints.filter((c) => checkpointSize(c.note) <= 900) });
      expect(v.ok).toBe(true);
    });
  });

  describe('given a bad checkpoint', () => {
    it('when one checkpoint is re-signed with another key, then checkpoint_signature from the previous good checkpoint', () => {
      const other = makeKey(log.key.name);
      const checkpoints = log.checkpoints.map((c) => (checkpointSize(c.note) === 700 ? checkpointsFor(log.records.slice(0, 700), 700, other)[0]! : c));
      const p = problem(verify({ checkpoints }));
      expect(p).toMatchObject({ code: 'checkpoint_signature', seq: 600, checkpointSize: 700 });
    });

    it("when a checkpoint of another tenant's log, signed with the same key, is replayed here, then checkpoint_signature naming the other origin", () => {
      const foreign = buildLog(650, 650, log.key, 'tn_other', 'ogma.local/tenant/tn_other').checkpoints;
      const p = problem(verify({ checkpoints: [...log.checkpoints, ...foreign] }));
      expect(p).toMatchObject({ code: 'checkpoint_signature', seq: 600, checkpointSize: 650 });
      expect(p.message).toContain('tn_other');
    });

    it("when a checkpoint of another tenant signed with that tenant's own key is replayed, then checkpoint_signature", () => {
      const foreign = buildLog(650, 650, makeKey('ogma-tn_other'), 'tn_other', 'ogma.local/tenant/tn_other').checkpoints;
      expect(problem(verify({ checkpoints: [...log.checkpoints, ...foreign] }))).toMatchObject({ code: 'checkpoint_signature', seq: 600 });
    });

    it('when a checkpoint note is garbage, then checkpoint_signature (reported after the records, which are fine)', () => {
      const v = verify({ checkpoints: [...log.checkpoints, { note: 'not a checkpoint' }] });
      expect(problem(v)).toMatchObject({ code: 'checkpoint_signature', seq: 1000 });
      expect(problem(v).affects).toContain('No record is affected');
    });
  });

  describe('given a saved VerifyState after a verified prefix (incremental verification)', () => {
    const prefixVerdict = both({ ...verifyInput(log), records: log.records.slice(0, 500), checkpoints: log.checkpoints.filter((c) => checkpointSize(c.note) <= 500) });
    if (!prefixVerdict.ok) throw new Error('prefix should verify');
    const state = JSON.parse(JSON.stringify(prefixVerdict.state)) as VerifyState;
    const suffix = (records: typeof log.records) => records.filter((r) => r.seq >= 500);

    it('when the rest of an intact log is verified from it, then the verdict equals the full verdict', () => {
      expect(verify({ records: suffix(log.records), from: state })).toEqual(verify());
    });

    it('when the rest has a flipped byte, a rebuilt chain, a truncation or a bad checkpoint, then the verdict equals the full verdict', () => {
      const at = offsetIn(737, '"commit":"') + 12;
      const flipped = withByte(log.records, 737, at, otherHex(737, at));
      const decoded = log.decoded.map((r) => structuredClone(r));
      decoded[650]!.body.role = 'system';
      const rebuilt = rechain(decoded, 650).records;
      const other = makeKey(log.key.name);
      const badCp = log.checkpoints.map((c) => (checkpointSize(c.note) === 800 ? checkpointsFor(log.records.slice(0, 800), 800, other)[0]! : c));
      const badOldCp = log.checkpoints.map((c) => (checkpointSize(c.note) === 300 ? checkpointsFor(log.records.slice(0, 300), 300, other)[0]! : c));
      const cases: { records: typeof log.records; checkpoints?: { note: string }[] }[] = [
        { records: flipped },
        { records: rebuilt },
        { records: log.records.slice(0, 960) },
        { records: log.records, checkpoints: badCp },
        { records: log.records, checkpoints: badOldCp }, // a forged checkpoint inside the verified prefix is still caught
        { records: log.records, checkpoints: [...log.checkpoints, { note: 'junk' }] },
        { records: log.records.filter((r) => r.seq !== 777) },
      ];
      for (const c of cases) {
        const full = verify({ records: c.records, ...(c.checkpoints ? { checkpoints: c.checkpoints } : {}) });
        expect(full.ok).toBe(false);
        expect(verify({ records: suffix(c.records), from: state, ...(c.checkpoints ? { checkpoints: c.checkpoints } : {}) })).toEqual(full);
      }
    });

    it('when the rest does not start where the state ends, then seq_gap at the state size', () => {
      expect(problem(verify({ records: log.records.filter((r) => r.seq >= 501), from: state }))).toMatchObject({ code: 'seq_gap', seq: 500 });
    });

    it('when a record before the state is altered later, then only a full verification sees it (incremental checks the suffix only)', () => {
      const at = offsetIn(100, '"commit":"') + 12;
      const altered = withByte(log.records, 100, at, otherHex(100, at));
      expect(verify({ records: suffix(altered), from: state }).ok).toBe(true);
      expect(problem(verify({ records: altered }))).toMatchObject({ code: 'prev_mismatch', seq: 100 });
    });

    it('when the saved state is inconsistent, then verification refuses to start (VALIDATION_FAILED)', () => {
      for (const bad of [
        { ...state, size: 499 },
        { ...state, lastLeafHash: 'xyz' },
        { ...state, frontier: { ...state.frontier, nodes: state.frontier.nodes.slice(1) } },
        { size: 0, lastLeafHash: 'ab'.repeat(32), frontier: { size: 0, nodes: [] } },
      ]) {
        try {
          verify({ records: suffix(log.records), from: bad as VerifyState });
          expect.unreachable();
        } catch (e) {
          expect(e).toBeInstanceOf(OgmaError);
          expect((e as OgmaError).code).toBe('VALIDATION_FAILED');
        }
      }
    });
  });
});

describe('verifyRecordStream in batches', () => {
  /** The records, but reading record `failAt` throws (a damaged page under the vault). */
  function* failingAt(records: Iterable<{ seq: number; bytes: Buffer }>, failAt: number) {
    for (const r of records) {
      if (r.seq === failAt) throw new OgmaError('TAMPERED', `page of record ${failAt} is damaged`);
      yield r;
    }
  }

  it('given a change on either side of a batch boundary (records 255, 256, 257, 511, 512), then the verdict equals the record-by-record one', () => {
    for (const seq of [0, 1, 255, 256, 257, 511, 512, 999]) {
      for (const needle of ['"commit":"', '"prev":"']) {
        const at = offsetIn(seq, needle) + 12;
        const input = { ...verifyInput(log), records: withByte(log.records, seq, at, otherHex(seq, at)) };
        const batched = verifyRecordStream(input);
        expect(batched.ok, `record ${seq}, ${needle}`).toBe(false);
        expect(batched, `record ${seq}, ${needle}`).toEqual(verifyRecordStreamUnbatched(input));
      }
    }
  });

  it('when the record source throws in the first, a middle or the last position of a batch, then it throws when that record is reached, and an earlier problem wins', () => {
    for (const failAt of [0, 1, 255, 256, 300, 999]) {
      expect(() => verifyRecordStream({ ...verifyInput(log), records: failingAt(log.records, failAt) }), `fails at ${failAt}`).toThrow(`page of record ${failAt}`);
    }
    // record 260 is changed, reading record 300 fails: both in the second batch, read before 260 is checked
    const at = offsetIn(260, '"commit":"') + 12;
    const altered = withByte(log.records, 260, at, otherHex(260, at));
    expect(problem(verifyRecordStream({ ...verifyInput(log), records: failingAt(altered, 300) }))).toMatchObject({ code: 'prev_mismatch', seq: 260 });
  });
});

describe('verifyRecordStreamParallel', () => {
  const at537 = offsetIn(537, '"commit":"') + 12;
  const cases: [string, Partial<VerifyRecordStreamInput>][] = [
    ['intact', {}],
    ['a flipped byte', { records: withByte(log.records, 537, at537, otherHex(537, at537)) }],
    ['a record removed', { records: log.records.filter((r) => r.seq !== 400) }],
    ['truncated', { records: log.records.slice(0, 950) }],
  ];

  it('given any chunking and one or two threads, then every verdict equals the serial one', () => {
    const one = new LeafHashPool(1);
    try {
      for (const [name, over] of cases) {
        const input = { ...verifyInput(log), ...over };
        const serial = verifyRecordStream(input);
        for (const p of [pool, one]) {
          for (const chunkRecords of [1, 2, 63, 64, 536, 537, 538, 999, 1000, 5000]) {
            expect(verifyRecordStreamParallel(input, p, { chunkRecords }), `${name}, ${p.threads} thread(s), chunks of ${chunkRecords}`).toEqual(serial);
          }
          expect(verifyRecordStreamParallel(input, p, { chunkBytes: 2000 }), `${name}, chunks of 2000 bytes`).toEqual(serial);
        }
      }
    } finally {
      one.close();
    }
  });

  /** The records, but reading record `failAt` throws (a damaged page under the vault). */
  function* failingAt(records: Iterable<{ seq: number; bytes: Buffer }>, failAt: number) {
    for (const r of records) {
      if (r.seq === failAt) throw new OgmaError('TAMPERED', `page of record ${failAt} is damaged`);
      yield r;
    }
  }

  it('when the record source throws, then it throws the same error; and a problem before the failure wins although the failure was read ahead', () => {
    const intact = { ...verifyInput(log) };
    expect(() => verifyRecordStream({ ...intact, records: failingAt(log.records, 130) })).toThrow('page of record 130');
    expect(() => verifyRecordStreamParallel({ ...intact, records: failingAt(log.records, 130) }, pool, { chunkRecords: 37 })).toThrow('page of record 130');
    const at = offsetIn(100, '"commit":"') + 12;
    const altered = withByte(log.records, 100, at, otherHex(100, at));
    const serial = verifyRecordStream({ ...intact, records: failingAt(altered, 130) });
    expect(problem(serial)).toMatchObject({ code: 'prev_mismatch', seq: 100 });
    // chunks of 37: the fourth chunk (records 111..147) is read, and fails, before record 100 is verified
    expect(verifyRecordStreamParallel({ ...intact, records: failingAt(altered, 130) }, pool, { chunkRecords: 37 })).toEqual(serial);
  });

  it('when a verification stops early, then the pool is left ready for the next one', () => {
    const at = offsetIn(10, '"commit":"') + 12;
    expect(verifyRecordStreamParallel({ ...verifyInput(log), records: withByte(log.records, 10, at, otherHex(10, at)) }, pool, { chunkRecords: 50 }).ok).toBe(false);
    expect(verifyRecordStreamParallel({ ...verifyInput(log) }, pool, { chunkRecords: 50 })).toEqual(verifyRecordStream(verifyInput(log)));
  });
});
