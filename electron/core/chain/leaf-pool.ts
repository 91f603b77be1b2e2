import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { OgmaError } from '../../../shared/api/errors';
import { HASH_SIZE, leafHash, nodeHash } from './hashing';
import { RECORD_TYPES } from './record';
import { makeRecordScanner } from './record-scan';

/**
 * Worker threads that do the per-record work of verification in chunks, for the parallel
 * verifier: the UTF-8 check, the fast byte scan (record-scan.ts) and the leaf hash
 * (SHA-256(0x00 || bytes)). Each depends on its record alone, so a chunk of records can be
 * done anywhere; the verifier keeps everything that depends on order (links, Merkle
 * frontier, checkpoints, the slow path) on its own thread.
 *
 * Memory: a chunk is packed once into a SharedArrayBuffer (each record preceded by the
 * 0x00 leaf prefix, so the worker hashes a plain slice), and the worker writes its answers
 * into shared memory too. Nothing is structured-cloned but the job message itself: the
 * shared buffers in it are shared, not copied. The one copy is from the caller's record
 * buffers into the chunk.
 *
 * Waiting is synchronous (Atomics.wait), so the verifier stays a synchronous function over a
 * synchronous record iterator (the vault reads SQLite synchronously). The worker code is a
 * string evaluated as CommonJS (node:crypto, node:buffer and the scanner's own source), so
 * it works the same under tsx, vitest and the bundled Electron main without a build entry.
 */

/** Bits of LeafChunk.scanned. */
export const SCANNED = 1;
/** The record's prev is the hex of the leaf of the record before it in the same chunk. */
export const LINKED = 2;

/**
 * The worker: the record scanner's own code (record-scan.ts, evaluated from its source, so
 * worker and verifier run the same scanner) and, per record, what the verifier would
 * compute: is it valid UTF-8, the fast scan's answer (seq and offset of prev), the leaf
 * hash, and the Merkle nodes that appending this leaf creates, as far as their subtrees lie
 * inside the chunk (`base` is the leaf index of the chunk's first record). `__name`: tsx
 * (esbuild with keepNames) wraps named functions in `__name(fn, "name")` inside the
 * source text; plain builds do not.
 */
const WORKER_SOURCE = `
'use strict';
const { parentPort } = require('node:worker_threads');
const { hash } = require('node:crypto');
const { isUtf8 } = require('node:buffer');
const __name = (f) => f;
const scanRecord = (${makeRecordScanner.toString()})(${JSON.stringify(RECORD_TYPES)});
const NO_LEAF = '\\0'.repeat(32);
const HEX_DIGITS = Buffer.from('0123456789abcdef', 'latin1');
// hexEquals of stored-record.ts: do the 64 bytes at buf[at..] spell the digest d in lowercase hex?
function hexEquals(buf, at, d) {
  for (let k = 0; k < 32; k++) {
    const b = d.charCodeAt(k);
    if (buf[at + 2 * k] !== HEX_DIGITS[b >> 4] || buf[at + 2 * k + 1] !== HEX_DIGITS[b & 15]) return false;
  }
  return true;
}
const scratch = Buffer.alloc(65);
scratch[0] = 0x01;
parentPort.on('message', (job) => {
  const status = new Int32Array(job.status);
  let result = job.id;
  try {
    const data = Buffer.from(job.data);
    const offsets = new Uint32Array(job.offsets);
    const out = Buffer.from(job.out);
    const flags = new Uint8Array(job.flags);
    const seqs = new Float64Array(job.seqs);
    const prevAt = new Uint32Array(job.prevAt);
    const nodes = Buffer.from(job.nodes);
    const nodeStart = new Uint32Array(job.nodeStart);
    const tenantJson = job.tenantJson === null ? null : Buffer.from(job.tenantJson);
    const stack = [];
    let nodeCount = 0;
    let prevLeaf = null; // leaf of record i - 1 when it was bytes
    for (let i = 0; i < job.count; i++) {
      const start = offsets[i];
      const end = offsets[i + 1];
      flags[i] = 0;
      nodeStart[i] = nodeCount;
      let h = NO_LEAF; // a record that is not bytes: the verifier stops there, nothing after it is used
      if (end > start) {
        h = hash('sha256', data.subarray(start, end), 'binary');
        out.latin1Write(h, i * 32, 32);
        const buf = data.subarray(start + 1, end);
        if (tenantJson !== null && isUtf8(buf)) {
          const scanned = scanRecord(buf, tenantJson);
          if (scanned !== null) {
            flags[i] = prevLeaf !== null && hexEquals(buf, scanned.prevAt, prevLeaf) ? ${SCANNED | LINKED} : ${SCANNED};
            seqs[i] = scanned.seq;
            prevAt[i] = scanned.prevAt;
          }
        }
      }
      prevLeaf = end > start ? h : null;
      // As MerkleFrontier.appendDigest, but only for subtrees that start inside the chunk.
      const p = job.base + i;
      for (let pow = 1; Math.floor(p / pow) % 2 === 1 && p + 1 - 2 * pow >= job.base; pow *= 2) {
        scratch.latin1Write(stack.pop(), 1, 32);
        scratch.latin1Write(h, 33, 32);
        h = hash('sha256', scratch, 'binary');
        nodes.latin1Write(h, nodeCount * 32, 32);
        nodeCount++;
      }
      stack.push(h);
    }
    nodeStart[job.count] = nodeCount;
  } catch (e) {
    result = -job.id;
  }
  Atomics.store(status, job.slot, result);
  Atomics.notify(status, job.slot);
});
`;

/** How long one chunk may take before the pool gives up (a dead worker never answers). */
const CHUNK_TIMEOUT_MS = 120_000;
/** How long a new worker may take to start and answer the self-test (one whose code fails to load never does). */
const START_TIMEOUT_MS = 15_000;

/** The worker's answers for a chunk, valid until the chunk is released. */
export interface LeafChunk {
  count: number;
  /** Leaf digest of record i: bytes [32 i, 32 i + 32). */
  digests: Buffer;
  /** SCANNED when record i is valid UTF-8 and the fast scan accepted it (then seqs[i], prevAt[i] hold its answer), plus LINKED when its prev was checked. */
  scanned: Uint8Array;
  seqs: Float64Array;
  prevAt: Uint32Array;
  /** Merkle nodes created by appending record i, lowest level first: digests nodeStart[i] .. nodeStart[i + 1] - 1 of `nodes`. */
  nodes: Buffer;
  nodeStart: Uint32Array;
}

interface Slot {
  index: number;
  data: SharedArrayBuffer;
  offsets: SharedArrayBuffer;
  out: SharedArrayBuffer;
  flags: SharedArrayBuffer;
  seqs: SharedArrayBuffer;
  prevAt: SharedArrayBuffer;
  nodes: SharedArrayBuffer;
  nodeStart: SharedArrayBuffer;
  capacity: number;
  count: number;
  jobId: number;
  busy: boolean;
}

const bytesOf = (r: unknown): unknown => (r as { bytes?: unknown } | null)?.bytes;

/**
 * A fixed set of workers with a fixed set of chunk slots. Create one for a large
 * verification and close it afterwards (idle workers are unref'd and do not keep the
 * process alive). Construction starts the workers and checks each answers like the
 * verifier's own code; it throws UNAVAILABLE when they cannot (then verify serially).
 */
export class LeafHashPool {
  private readonly workers: Worker[];
  private readonly slots: Slot[];
  private readonly status: Int32Array;
  private readonly statusBuffer: SharedArrayBuffer;
  private nextJob = 1;
  private nextWorker = 0;
  private closed = false;

  /**
   * `threads` workers; default one per core, at most four. Not one less: the verifying
   * thread spends most of its time waiting for the workers (it copies records and follows
   * links and the frontier, about a third of the per-record work), so on two cores two
   * workers beside it are faster than one.
   */
  constructor(threads = Math.max(1, Math.min(4, availableParallelism()))) {
    if (!Number.isSafeInteger(threads) || threads < 1) throw new OgmaError('VALIDATION_FAILED', `A hashing pool needs at least one thread (got ${String(threads)}).`);
    this.workers = Array.from({ length: threads }, () => {
      const w = new Worker(WORKER_SOURCE, { eval: true, name: 'ogma-leaf-hash' });
      w.unref();
      return w;
    });
    // Slots: one per worker being worked on, plus one being filled and one being read.
    const slotCount = threads + 2;
    this.statusBuffer = new SharedArrayBuffer(4 * slotCount);
    this.status = new Int32Array(this.statusBuffer);
    this.slots = Array.from({ length: slotCount }, (_, index) => ({
      index,
      data: new SharedArrayBuffer(0),
      offsets: new SharedArrayBuffer(0),
      out: new SharedArrayBuffer(0),
      flags: new SharedArrayBuffer(0),
      seqs: new SharedArrayBuffer(0),
      prevAt: new SharedArrayBuffer(0),
      nodes: new SharedArrayBuffer(0),
      nodeStart: new SharedArrayBuffer(0),
      capacity: 0,
      count: 0,
      jobId: 0,
      busy: false,
    }));
    try {
      this.selfTest();
    } catch (e) {
      this.close();
      throw new OgmaError('UNAVAILABLE', `The verification workers could not start (${(e as Error).message}); verify on one thread.`);
    }
  }

  get threads(): number {
    return this.workers.length;
  }

  /** Chunks that can be in flight at once (being worked on, filled, being read). */
  get depth(): number {
    return this.slots.length;
  }

  /**
   * Packs `records` into a free slot and hands it to a worker; returns the ticket for
   * `take`. A record whose bytes are not a Uint8Array is packed empty (no digest, not
   * scanned). `tenantJson` (the canonical JSON of the expected tenant) null: scan nothing.
   * `base`: the leaf index the first record will have in the log (for the Merkle nodes).
   */
  submit(records: readonly unknown[], tenantJson: Buffer | null, base: number, worker = this.nextWorker): number {
    if (this.closed) throw new OgmaError('INTERNAL', 'The hashing pool was closed.');
    const slot = this.slots.find((s) => !s.busy);
    if (!slot) throw new OgmaError('INTERNAL', 'Every slot of the hashing pool is in use; take a chunk before submitting another.');
    const count = records.length;
    let total = 0;
    for (const r of records) {
      const b = bytesOf(r);
      if (b instanceof Uint8Array) total += b.length + 1;
    }
    if (slot.data.byteLength < total) slot.data = new SharedArrayBuffer(Math.max(total, slot.data.byteLength * 2));
    if (slot.capacity < count) {
      slot.capacity = count;
      slot.offsets = new SharedArrayBuffer(4 * (count + 1));
      slot.out = new SharedArrayBuffer(HASH_SIZE * count);
      slot.flags = new SharedArrayBuffer(count);
      slot.seqs = new SharedArrayBuffer(8 * count);
      slot.prevAt = new SharedArrayBuffer(4 * count);
      slot.nodes = new SharedArrayBuffer(HASH_SIZE * count);
      slot.nodeStart = new SharedArrayBuffer(4 * (count + 1));
    }
    const data = new Uint8Array(slot.data);
    const offsets = new Uint32Array(slot.offsets);
    let at = 0;
    for (let i = 0; i < count; i++) {
      offsets[i] = at;
      const b = bytesOf(records[i]);
      if (b instanceof Uint8Array) {
        data[at] = 0x00;
        data.set(b, at + 1);
        at += b.length + 1;
      }
    }
    offsets[count] = at;
    const id = this.nextJob++;
    if (this.nextJob > 0x3fffffff) this.nextJob = 1;
    slot.jobId = id;
    slot.count = count;
    slot.busy = true;
    Atomics.store(this.status, slot.index, 0);
    this.nextWorker = (worker + 1) % this.workers.length;
    this.workers[worker % this.workers.length]!.postMessage({
      id,
      slot: slot.index,
      count,
      data: slot.data,
      offsets: slot.offsets,
      out: slot.out,
      flags: slot.flags,
      seqs: slot.seqs,
      prevAt: slot.prevAt,
      nodes: slot.nodes,
      nodeStart: slot.nodeStart,
      base,
      tenantJson,
      status: this.statusBuffer,
    });
    return slot.index;
  }

  /** Waits (blocking this thread) for a submitted chunk; the answers stay valid until `release(ticket)`. */
  take(ticket: number, timeoutMs = CHUNK_TIMEOUT_MS): LeafChunk {
    const slot = this.slots[ticket];
    if (!slot || !slot.busy) throw new OgmaError('INTERNAL', `No chunk is in flight in hashing slot ${ticket}.`);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = Atomics.load(this.status, ticket);
      if (v === slot.jobId) break;
      if (v === -slot.jobId) throw new OgmaError('INTERNAL', 'A verification worker failed on a chunk of records.');
      const left = deadline - Date.now();
      if (left <= 0) throw new OgmaError('INTERNAL', 'A verification worker did not answer.');
      Atomics.wait(this.status, ticket, v, left);
    }
    const count = slot.count;
    return {
      count,
      digests: Buffer.from(slot.out, 0, HASH_SIZE * count),
      scanned: new Uint8Array(slot.flags, 0, count),
      seqs: new Float64Array(slot.seqs, 0, count),
      prevAt: new Uint32Array(slot.prevAt, 0, count),
      nodes: Buffer.from(slot.nodes),
      nodeStart: new Uint32Array(slot.nodeStart, 0, count + 1),
    };
  }

  release(ticket: number): void {
    const slot = this.slots[ticket];
    if (slot) slot.busy = false;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const w of this.workers) void w.terminate();
  }

  /**
   * Every worker scans and hashes two known records (so it also builds a Merkle node and
   * checks a link) and must answer as this thread does. A worker that cannot run the
   * scanner's source (say under an instrumenting coverage tool) fails here, not in the
   * middle of a verification.
   */
  private selfTest(): void {
    const record = (seq: number, prev: string) =>
      Buffer.from(`{"actor":"a","at":"2026-11-23T10:00:00.000Z","body":{"n":[1,"é"]},"prev":"${prev}","seq":${seq},"tenant":"t","type":"${RECORD_TYPES[0]}","v":1}`, 'utf8');
    const first = record(7, '0'.repeat(64));
    const leaf0 = leafHash(first);
    const second = record(8, leaf0.toString('hex'));
    const leaf1 = leafHash(second);
    const tenantJson = Buffer.from('"t"', 'utf8');
    const expected = makeRecordScanner(RECORD_TYPES)(second, tenantJson);
    const expectedSeq = expected?.seq;
    const expectedPrevAt = expected?.prevAt;
    const node = nodeHash(leaf0, leaf1);
    for (let w = 0; w < this.workers.length; w++) {
      const ticket = this.submit([{ seq: 0, bytes: first }, { seq: 1, bytes: second }], tenantJson, 0, w);
      try {
        const got = this.take(ticket, START_TIMEOUT_MS);
        const same =
          got.scanned[0] === SCANNED &&
          got.scanned[1] === (SCANNED | LINKED) &&
          got.seqs[1] === expectedSeq &&
          got.prevAt[1] === expectedPrevAt &&
          got.digests.subarray(0, 32).equals(leaf0) &&
          got.digests.subarray(32, 64).equals(leaf1) &&
          got.nodeStart[1] === 0 &&
          got.nodeStart[2] === 1 &&
          got.nodes.subarray(0, 32).equals(node);
        if (!same) throw new Error('a worker answered differently from this thread');
      } finally {
        this.release(ticket);
      }
    }
  }
}
