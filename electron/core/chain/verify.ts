import { isUtf8 } from 'node:buffer';
import { OgmaError } from '../../../shared/api/errors';
import { BatchedRecords } from './batched';
import { canonicalize } from './canonical';
import { verifyCheckpoint, readUnverifiedCheckpoint, type CheckpointResult } from './checkpoint';
import { MerkleFrontier, leafDigest } from './merkle';
import { GENESIS_PREV } from './record';
import { scanRecord, type ScannedRecord } from './record-scan';
import { asBuffer, claimedPrev, decodeRecord, digestHex, hexEquals } from './stored-record';

/**
 * Verification of one tenant's log: every record, the hash chain, and every checkpoint.
 *
 * What `seq` means in a problem: the first record from which the log cannot be trusted.
 * - A record problem names the record itself. For a broken link (record k's `prev` is not
 *   the hash of record k-1) it looks one record ahead to tell which side was altered: if
 *   record k+1 still links to record k, record k is intact and k-1 was changed; otherwise k
 *   itself was changed. `verifiedUpTo` always equals `seq`.
 * - A checkpoint problem (root_mismatch, checkpoint_signature, checkpoint_inconsistent)
 *   names the size of the last checkpoint that did verify: the altered record lies at or
 *   after it, before the failing checkpoint. A checkpoint failing at size s is reported
 *   only after record s has been link-checked, so a precise link failure wins.
 * - `truncated` names the first missing record: a validly signed checkpoint says the log
 *   had more records than are present. (`checkpoint_beyond_log` stays in the shared code
 *   list but this verifier never produces it: a checkpoint beyond the log IS proof of
 *   truncation, so it says `truncated`, with `checkpointSize` naming the checkpoint.)
 *
 * Incremental verification (`from`): records before `from.size` are not re-read. Checkpoints
 * below that size still have their signatures checked (and conflicting roots between them
 * are still caught), but their roots cannot be recomputed without the old records; they
 * were checked when the prefix was verified. One exactly at `from.size` is checked against
 * the saved frontier. Run a full verification to re-check
 * the whole log (an export or audit should).
 *
 * Throws (VALIDATION_FAILED) only for the caller's own arguments: an unusable public key,
 * key name, tenant or saved state. Anything wrong with the stored records or notes is a
 * verdict, never an exception.
 *
 * Record time (`at`) going backwards is deliberately NOT a problem (`time_regression` is
 * never reported here): laptops' clocks step back (NTP corrections, VM resume, travel
 * across a misconfigured zone) and a regression proves nothing about tampering. Order is
 * proven by seq, the hash chain and the signed checkpoints; `at` is a claim, not evidence.
 */

export type ChainProblemCode =
  | 'bad_encoding'
  | 'bad_schema'
  | 'seq_gap'
  | 'wrong_tenant'
  | 'prev_mismatch'
  | 'root_mismatch'
  | 'checkpoint_signature'
  | 'checkpoint_beyond_log'
  | 'checkpoint_inconsistent'
  | 'truncated'
  | 'time_regression';

export interface ChainProblem {
  seq: number;
  code: ChainProblemCode;
  message: string;
  /** What a person must stop trusting, e.g. "records 1041..2000 and checkpoints at sizes 1100, 1200 cannot be trusted". */
  affects: string;
  /** For checkpoint problems: the size the failing checkpoint claims, when it can be read. */
  checkpointSize?: number;
}

/** Resumable state after a verified prefix of `size` records. */
export interface VerifyState {
  size: number;
  lastLeafHash: string;
  frontier: { size: number; nodes: string[] };
}

export type ChainVerdict =
  | { ok: true; size: number; root: string; state: VerifyState; checkpointsVerified: number }
  | { ok: false; problem: ChainProblem; verifiedUpTo: number };

export interface VerifyRecordStreamInput {
  tenant: string;
  /** Stored encoded records in seq order. */
  records: Iterable<{ seq: number; bytes: Uint8Array }>;
  /** Signed notes, any order. */
  checkpoints: readonly { note: string }[];
  publicKey: Buffer;
  keyName: string;
  origin: string;
  /** Continue after an already-verified prefix. Checkpoints older than it are only signature-checked. */
  from?: VerifyState;
  onProgress?: (done: number) => void;
}

const PROGRESS_EVERY = 16_384;
const HEX64_RE = /^[0-9a-f]{64}$/;

interface GoodCp {
  index: number;
  size: number;
  root: Buffer;
  time: string;
}
interface BadCp {
  index: number;
  claimedSize: number | null;
  result: Exclude<CheckpointResult, { ok: true }>;
}

class Found {
  constructor(readonly problem: Omit<ChainProblem, 'affects'>) {}
}

function startState(from: VerifyState | undefined): { start: number; frontier: MerkleFrontier; lastHex: string } {
  if (!from) return { start: 0, frontier: new MerkleFrontier(), lastHex: GENESIS_PREV };
  const ok =
    Number.isSafeInteger(from.size) &&
    from.size >= 0 &&
    typeof from.lastLeafHash === 'string' &&
    HEX64_RE.test(from.lastLeafHash) &&
    from.frontier?.size === from.size &&
    (from.size > 0 || from.lastLeafHash === GENESIS_PREV);
  if (!ok) throw new OgmaError('VALIDATION_FAILED', 'The saved verification state is inconsistent; run a full verification instead.');
  return { start: from.size, frontier: MerkleFrontier.fromJSON(from.frontier), lastHex: from.lastLeafHash };
}

/**
 * The per-record work that needs no context (neither the previous record nor the tree):
 * the fast byte scan and the leaf hash. The serial verifier does it inline; the parallel
 * one (parallel.ts) reads what worker threads computed for the same bytes. Either way the
 * verifier decides exactly as if it had done the work itself.
 */
export interface RecordWork {
  /** `isUtf8(buf) ? scanRecord(buf, tenantJson) : null` for the record just read. */
  scan(buf: Buffer, tenantJson: Buffer): ScannedRecord | null;
  /** `leafDigest(buf)` of the record just read. */
  leaf(buf: Buffer): string;
  /** Merkle nodes already known for appending the record just read (see MerkleFrontier.appendDigestKnown). */
  node?(level: number): string | undefined;
  /**
   * Deferred leaves (the parallel verifier): `linked()` is true when the record just read was
   * scanned and its prev was already found equal to the hex of the leaf of the record read
   * before it (workers check that inside a chunk); `prevLeaf()` is the leaf of the record read
   * before the current one (or of the last record, once the records are exhausted). With
   * them the verifier reads a leaf out of the workers' answers only when it needs one.
   */
  linked?(): boolean;
  prevLeaf?(): string;
}

const INLINE: RecordWork = {
  scan: (buf, tenantJson) => (isUtf8(buf) ? scanRecord(buf, tenantJson) : null),
  leaf: leafDigest,
};

export function verifyRecordStream(input: VerifyRecordStreamInput): ChainVerdict {
  let tenantJson: Buffer | null = null;
  try {
    tenantJson = Buffer.from(canonicalize(input.tenant), 'utf8');
  } catch {
    tenantJson = null; // verifyWith refuses the tenant or takes the slow path for every record
  }
  const batched = new BatchedRecords(input.records, tenantJson);
  return verifyWith(input, () => batched, batched);
}

/** verifyRecordStream doing the per-record work one record at a time (the reference the batched form must equal). */
export function verifyRecordStreamUnbatched(input: VerifyRecordStreamInput): ChainVerdict {
  return verifyWith(input, () => input.records[Symbol.iterator](), INLINE);
}

/**
 * The verifier, given where records come from and who does the per-record work. `open` is
 * called once, after the arguments and checkpoints are checked and just before the first
 * record is needed; the records must be those of `input.records`, in the same order.
 */
export function verifyWith(input: VerifyRecordStreamInput, open: () => Iterator<{ seq: number; bytes: Uint8Array }>, work: RecordWork): ChainVerdict {
  const { tenant, publicKey, keyName, origin, onProgress } = input;
  if (typeof tenant !== 'string' || tenant.length === 0) throw new OgmaError('VALIDATION_FAILED', 'A tenant id is needed to verify its log.');
  const { start, frontier, lastHex } = startState(input.from);
  // The previous record's leaf hash, as a latin1 digest (see merkle.ts on why strings). With
  // deferred leaves it is fetched from `work` only when needed (lastLeafKnown false until then).
  let lastLeaf = Buffer.from(lastHex, 'hex').toString('latin1');
  let lastLeafKnown = true;
  const deferred = work.linked !== undefined && work.prevLeaf !== undefined && work.node !== undefined;
  const previousLeaf = (): string => {
    if (!lastLeafKnown) {
      lastLeaf = work.prevLeaf!();
      lastLeafKnown = true;
    }
    return lastLeaf;
  };
  // Canonical bytes of the expected tenant, for the byte-level fast path (null: always take the slow path).
  let tenantJson: Buffer | null = null;
  try {
    tenantJson = Buffer.from(canonicalize(tenant), 'utf8');
  } catch {
    tenantJson = null;
  }

  // 1. Checkpoints: signatures first (they need no records), then schedule root checks by size.
  const good: GoodCp[] = [];
  const bad: BadCp[] = [];
  input.checkpoints.forEach((c, index) => {
    const note = (c as { note?: unknown } | null)?.note;
    const result = verifyCheckpoint(note as string, publicKey, keyName, origin);
    if (result.ok) good.push({ index, size: result.checkpoint.size, root: result.checkpoint.root, time: result.checkpoint.time });
    else bad.push({ index, claimedSize: typeof note === 'string' ? (readUnverifiedCheckpoint(note)?.size ?? null) : null, result });
  });
  const goodBySize = new Map<number, GoodCp[]>();
  for (const g of good) {
    const list = goodBySize.get(g.size);
    if (list) list.push(g);
    else goodBySize.set(g.size, [g]);
  }
  const badBySize = new Map<number, BadCp[]>();
  const badUnsized: BadCp[] = [];
  for (const b of bad) {
    if (b.claimedSize === null) badUnsized.push(b);
    else {
      const list = badBySize.get(b.claimedSize);
      if (list) list.push(b);
      else badBySize.set(b.claimedSize, [b]);
    }
  }
  // Sizes where something must be checked, ascending; the record loop only compares against the next one.
  const allEventSizes = [...new Set([...goodBySize.keys(), ...badBySize.keys()])].sort((a, b) => a - b);
  const eventSizes = allEventSizes.filter((s) => s > start);
  let nextEvent = 0;

  // The last checkpoint size whose root is known good: the lower bound of any range in doubt.
  let lastGoodCp = 0;
  let checkpointsVerified = 0;
  let end = start; // records present (for messages)

  const cpProblemAt = (size: number, rootNow: () => Buffer): Found | null => {
    const gs = goodBySize.get(size);
    if (gs) {
      const actual = size < start ? null : rootNow();
      const matching = actual ? gs.filter((g) => g.root.equals(actual)) : gs.filter((g) => g.root.equals(gs[0]!.root));
      if (matching.length !== gs.length) {
        const odd = gs.find((g) => !matching.includes(g))!;
        if (matching.length > 0) {
          return new Found({
            seq: lastGoodCp,
            code: 'checkpoint_inconsistent',
            checkpointSize: size,
            message: `Two checkpoints signed by "${keyName}" give different roots for the same ${size} records (checkpoint #${odd.index}, signed ${odd.time}): the key signed two different histories of this log.`,
          });
        }
        return new Found({
          seq: lastGoodCp,
          code: 'root_mismatch',
          checkpointSize: size,
          message: `The Merkle root of records 0..${size - 1} does not match the checkpoint at size ${size} (#${odd.index}, signed ${odd.time}): at least one of records ${lastGoodCp}..${size - 1} was changed after that checkpoint was signed.`,
        });
      }
      checkpointsVerified += gs.length;
      if (actual) lastGoodCp = size;
    }
    const bs = badBySize.get(size);
    if (bs) {
      const b = bs[0]!;
      return new Found({
        seq: lastGoodCp,
        code: 'checkpoint_signature',
        checkpointSize: b.claimedSize ?? undefined,
        message: `Checkpoint #${b.index} (claims size ${b.claimedSize}) does not verify: ${b.result.message}`,
      });
    }
    return null;
  };

  const run = (): Found | { ok: true } => {
    // Checkpoints that predate a resumed prefix: signatures were checked above; their roots were
    // checked when that prefix was verified. Conflicting roots between them still show here.
    for (const size of allEventSizes) {
      if (size >= start) break;
      const f = cpProblemAt(size, () => Buffer.alloc(0));
      if (f) return f;
      if (goodBySize.has(size)) lastGoodCp = size;
    }
    let pendingCp: Found | null = cpProblemAt(start, () => frontier.root());

    const it = open();
    for (;;) {
      const next = it.next();
      if (next.done) break;
      const expected = end;
      const rec = next.value as { seq?: unknown; bytes?: unknown } | null;
      const outerSeq = rec?.seq;
      if (outerSeq !== expected) {
        if (pendingCp) return pendingCp;
        const missing = typeof outerSeq === 'number' && Number.isSafeInteger(outerSeq) && outerSeq > expected;
        return new Found({
          seq: expected,
          code: 'seq_gap',
          message: missing
            ? `${(outerSeq as number) - expected === 1 ? `Record ${expected} is` : `Records ${expected}..${(outerSeq as number) - 1} are`} missing from the log: after record ${expected - 1} comes record ${outerSeq as number}.`
            : `The log is out of order at position ${expected}: the next stored record is numbered ${String(outerSeq)}.`,
        });
      }
      const bytes = rec!.bytes;
      let prevMatches: boolean;
      const buf = bytes instanceof Uint8Array ? asBuffer(bytes) : null;
      const scanned = buf !== null && tenantJson !== null ? work.scan(buf, tenantJson) : null;
      if (buf !== null && scanned !== null && scanned.seq === expected) {
        prevMatches = (deferred && work.linked!()) || hexEquals(buf, scanned.prevAt, previousLeaf());
      } else {
        // Slow path: decide precisely and say what is wrong.
        const decoded = decodeRecord(bytes);
        if (!decoded.ok) {
          if (pendingCp) return pendingCp;
          return new Found({ seq: expected, code: decoded.code, message: `Record ${expected} is unreadable as a chain record: ${decoded.why}.` });
        }
        const r = decoded.record;
        if (r.seq !== expected) {
          if (pendingCp) return pendingCp;
          return new Found({
            seq: expected,
            code: 'seq_gap',
            message: `The record stored at position ${expected} says it is record ${r.seq as number}: records were moved, removed or renumbered.`,
          });
        }
        if (r.tenant !== tenant) {
          if (pendingCp) return pendingCp;
          return new Found({ seq: expected, code: 'wrong_tenant', message: `Record ${expected} belongs to tenant "${String(r.tenant)}", not "${tenant}": it was copied in from another log.` });
        }
        prevMatches = r.prev === digestHex(previousLeaf());
      }
      if (!prevMatches) {
        const hex = digestHex(work.leaf(buf!));
        // Which side of the broken link changed? Ask the next record whether it still links to this one.
        const after = it.next();
        const successorPrev = after.done ? null : claimedPrev((after.value as { bytes?: unknown } | null)?.bytes);
        if (successorPrev !== null && successorPrev !== hex && pendingCp) return pendingCp;
        const prevIntact = successorPrev === hex;
        const thisAltered = successorPrev !== null && !prevIntact;
        if (expected === 0) {
          return new Found({ seq: 0, code: 'prev_mismatch', message: `Record 0 does not start a log: its link is not the genesis value (64 zeros), so records before it were removed or it was copied from elsewhere.` });
        }
        const seq = thisAltered ? expected : expected - 1;
        return new Found({
          seq,
          code: 'prev_mismatch',
          message: thisAltered
            ? `Record ${expected} was altered: its link to record ${expected - 1} is wrong and record ${expected + 1} no longer links to it.`
            : prevIntact
              ? `Record ${expected - 1} was altered: record ${expected} holds a hash of it that no longer matches, while record ${expected + 1} still links to record ${expected}.`
              : `Record ${expected - 1} or ${expected} was altered: record ${expected}'s link does not match the hash of record ${expected - 1}.`,
        });
      }
      if (pendingCp) return pendingCp;
      if (deferred) {
        frontier.appendFromWork(buf!, work as Required<RecordWork>);
        lastLeafKnown = false;
      } else {
        const h = work.leaf(buf!);
        if (work.node) frontier.appendDigestKnown(h, work as Required<RecordWork>);
        else frontier.appendDigest(h);
        lastLeaf = h;
      }
      end++;
      if (onProgress && (end - start) % PROGRESS_EVERY === 0) onProgress(end - start);
      if (end === eventSizes[nextEvent]) {
        nextEvent++;
        pendingCp = cpProblemAt(end, () => frontier.root());
      }
    }
    if (pendingCp) return pendingCp;

    const beyond = good.filter((g) => g.size > end).sort((a, b) => b.size - a.size);
    if (beyond.length > 0) {
      const g = beyond[0]!;
      return new Found({
        seq: end,
        code: 'truncated',
        checkpointSize: g.size,
        message: `The log ends after ${end} records, but checkpoint #${g.index} (signed ${g.time}) proves it held ${g.size}: records ${end}..${g.size - 1} were removed.`,
      });
    }
    const unlocated = [...badUnsized, ...bad.filter((b) => b.claimedSize !== null && b.claimedSize > end)];
    if (unlocated.length > 0) {
      const b = unlocated[0]!;
      return new Found({
        seq: lastGoodCp,
        code: 'checkpoint_signature',
        ...(b.claimedSize !== null ? { checkpointSize: b.claimedSize } : {}),
        message: `Checkpoint #${b.index} does not verify: ${b.result.message}`,
      });
    }
    if (onProgress) onProgress(end - start);
    return { ok: true };
  };

  const outcome = run();
  if (outcome instanceof Found) {
    const p = outcome.problem;
    return { ok: false, problem: { ...p, affects: describeAffected(p, good, end) }, verifiedUpTo: p.seq };
  }
  return {
    ok: true,
    size: end,
    root: frontier.root().toString('hex'),
    state: { size: end, lastLeafHash: digestHex(previousLeaf()), frontier: frontier.toJSON() },
    checkpointsVerified,
  };
}

function listSizes(sizes: number[]): string {
  if (sizes.length <= 6) return sizes.join(', ');
  return `${sizes.slice(0, 5).join(', ')} and ${sizes.length - 5} more up to ${sizes[sizes.length - 1]}`;
}

/** A person's answer to "what can I no longer rely on?". */
function describeAffected(p: Omit<ChainProblem, 'affects'>, good: GoodCp[], seen: number): string {
  const { seq, code } = p;
  const cps = [...new Set(good.filter((g) => g.size > seq).map((g) => g.size))].sort((a, b) => a - b);
  const cpText = cps.length === 0 ? '' : ` and the checkpoint${cps.length > 1 ? 's' : ''} at size${cps.length > 1 ? 's' : ''} ${listSizes(cps)}`;
  const lastKnown = Math.max(seen, ...cps) - 1;
  const verified = seq === 0 ? 'No record is verified.' : `Records 0..${seq - 1} verified.`;
  if (code === 'truncated') {
    return `Records ${seq}..${lastKnown} are missing; the records before them are intact but the log is incomplete. ${verified}`;
  }
  if (code === 'checkpoint_signature' && seq > lastKnown) {
    return `No record is affected, but that checkpoint is not a valid checkpoint of this log and must not be relied on. ${verified}`;
  }
  const range = lastKnown > seq ? `Records ${seq}..${lastKnown} and any later ones` : `Record ${seq} and any later ones`;
  return `${range}${cpText} cannot be trusted. ${verified}`;
}
