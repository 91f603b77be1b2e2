import { LINKED, SCANNED, type LeafChunk, type LeafHashPool } from './leaf-pool';
import { canonicalize } from './canonical';
import type { ScannedRecord } from './record-scan';
import { verifyWith, type ChainVerdict, type RecordWork, type VerifyRecordStreamInput } from './verify';

/**
 * verifyRecordStream with the leaf hashes (and the UTF-8 checks that gate the fast scan)
 * computed by a pool of worker threads, chunk by chunk, ahead of the verifier. The verdict
 * is the same as verifyRecordStream's for the same input (tests compare every tamper case):
 * the verifier's own code decides, it only reads each record's leaf digest instead of
 * computing it, and links, Merkle frontier and checkpoints run in order on this thread.
 *
 * Reading ahead: up to `pool.depth` chunks of records are read from `input.records` before
 * the verifier reaches them. An exception thrown by the record source while reading ahead
 * is held and rethrown when the verifier reaches the record that could not be read, so a
 * problem found earlier in the log still wins, as in the serial verifier. Records must not
 * change while they are verified (they are copied into shared memory once).
 *
 * Worth it for large logs only: each chunk costs a copy into shared memory and a message,
 * and the pool costs a thread start (tens of ms) when created.
 */

export interface ParallelOptions {
  /** Records per chunk handed to a worker. */
  chunkRecords?: number;
  /** Bytes per chunk (a chunk ends at whichever limit comes first). */
  chunkBytes?: number;
}

const CHUNK_RECORDS = 8192;
const CHUNK_BYTES = 8 << 20;

type Rec = { seq: number; bytes: Uint8Array };

interface Pending {
  /** Pool ticket, or -1 when no record was read (the source failed or ended first). */
  ticket: number;
  records: Rec[];
  /** Thrown once the records before it have been verified. */
  error?: { e: unknown };
}

class ChunkedRecords implements Iterator<Rec>, RecordWork {
  private readonly queue: Pending[] = [];
  private cur: (Pending & { chunk: LeafChunk | null }) | null = null;
  private i = -1;
  private source: Iterator<Rec> | null = null;
  private sourceDone = false;
  private readonly scanned: ScannedRecord = { seq: 0, prevAt: 0 };
  /** Leaf of the last record of the chunk before the current one (after the last chunk: of the last record). */
  private tailLeaf: string | null = null;
  /** Leaf index of the next record read (records are expected in order from `start`; when they are not, the verifier stops there). */
  private base: number;

  constructor(
    private readonly records: Iterable<Rec>,
    private readonly pool: LeafHashPool,
    private readonly tenantJson: Buffer | null,
    private readonly chunkRecords: number,
    private readonly chunkBytes: number,
    start: number,
  ) {
    this.base = start;
  }

  next(): IteratorResult<Rec> {
    const cur = this.cur;
    if (cur && this.i + 1 < cur.records.length) {
      this.i++;
      return { done: false, value: cur.records[this.i]! };
    }
    if (cur) {
      this.cur = null;
      // The leaf before the next chunk's first record, read before the slot is reused.
      const c = cur.chunk;
      if (c && c.count > 0) this.tailLeaf = c.digests.toString('latin1', (c.count - 1) * 32, c.count * 32);
      if (cur.ticket >= 0) this.pool.release(cur.ticket);
      if (cur.error) throw cur.error.e;
    }
    this.fill();
    const p = this.queue.shift();
    if (!p) return { done: true, value: undefined };
    if (p.ticket < 0) {
      if (p.error) throw p.error.e;
      return { done: true, value: undefined };
    }
    this.cur = { ...p, chunk: this.pool.take(p.ticket) };
    this.i = 0;
    this.fill(); // keep the workers busy while this chunk is verified
    return { done: false, value: p.records[0]! };
  }

  /** The worker's answer for the current record (it ran the same scanner on the same bytes with the same tenant). */
  scan(_buf: Buffer, _tenantJson: Buffer): ScannedRecord | null {
    const c = this.cur!.chunk!;
    if ((c.scanned[this.i]! & SCANNED) === 0) return null;
    // One object, reused: the verifier reads it at once and keeps nothing.
    this.scanned.seq = c.seqs[this.i]!;
    this.scanned.prevAt = c.prevAt[this.i]!;
    return this.scanned;
  }

  linked(): boolean {
    return (this.cur!.chunk!.scanned[this.i]! & LINKED) !== 0;
  }

  prevLeaf(): string {
    const cur = this.cur;
    if (cur && cur.chunk && this.i > 0) return cur.chunk.digests.toString('latin1', (this.i - 1) * 32, this.i * 32);
    if (this.tailLeaf === null) throw new Error('no record was read before this one');
    return this.tailLeaf;
  }

  leaf(_buf: Buffer): string {
    return this.cur!.chunk!.digests.toString('latin1', this.i * 32, this.i * 32 + 32);
  }

  node(level: number): string | undefined {
    const c = this.cur!.chunk!;
    const at = c.nodeStart[this.i]! + level - 1;
    return at < c.nodeStart[this.i + 1]! ? c.nodes.toString('latin1', at * 32, at * 32 + 32) : undefined;
  }

  /** Reads and submits chunks until every pool slot is taken or the source is exhausted. */
  fill(): void {
    while (!this.sourceDone && this.queue.length + (this.cur ? 1 : 0) < this.pool.depth) {
      this.source ??= this.records[Symbol.iterator]();
      const records: Rec[] = [];
      let bytes = 0;
      let error: { e: unknown } | undefined;
      // Chunks end at multiples of chunkRecords, so a chunk of 2^k records holds whole subtrees whose nodes its worker computes.
      const limit = this.chunkRecords - (this.base % this.chunkRecords);
      try {
        while (records.length < limit && bytes < this.chunkBytes) {
          const n = this.source.next();
          if (n.done) {
            this.sourceDone = true;
            break;
          }
          records.push(n.value);
          const b = (n.value as { bytes?: unknown } | null)?.bytes;
          if (b instanceof Uint8Array) bytes += b.length;
        }
      } catch (e) {
        this.sourceDone = true;
        error = { e };
      }
      if (records.length === 0) {
        if (error) this.queue.push({ ticket: -1, records, error });
        break;
      }
      this.queue.push({ ticket: this.pool.submit(records, this.tenantJson, this.base), records, ...(error ? { error } : {}) });
      this.base += records.length;
    }
  }

  /** Waits for chunks still being hashed (their slots must not be reused while a worker reads them) and frees every slot. */
  close(): void {
    if (this.cur && this.cur.ticket >= 0) this.pool.release(this.cur.ticket);
    this.cur = null;
    for (const p of this.queue.splice(0)) {
      if (p.ticket < 0) continue;
      try {
        this.pool.take(p.ticket);
      } finally {
        this.pool.release(p.ticket);
      }
    }
  }
}

export function verifyRecordStreamParallel(input: VerifyRecordStreamInput, pool: LeafHashPool, opts: ParallelOptions = {}): ChainVerdict {
  let tenantJson: Buffer | null = null;
  try {
    tenantJson = Buffer.from(canonicalize(input.tenant), 'utf8');
  } catch {
    tenantJson = null; // the verifier takes the slow path for every record, as verifyRecordStream does
  }
  const start = input.from && Number.isSafeInteger(input.from.size) && input.from.size > 0 ? input.from.size : 0;
  const source = new ChunkedRecords(input.records, pool, tenantJson, Math.max(1, opts.chunkRecords ?? CHUNK_RECORDS), Math.max(1, opts.chunkBytes ?? CHUNK_BYTES), start);
  try {
    // Give the workers their first chunks now, so they hash while this thread checks the
    // checkpoint signatures (a thousand Ed25519 verifications for a million records).
    source.fill();
    return verifyWith(input, () => source, source);
  } finally {
    source.close();
  }
}
