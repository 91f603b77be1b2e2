import { z } from 'zod';
import { OgmaError } from '../../../shared/api/errors';
import { canonicalize, type JsonValue } from './canonical';
import { leafHash } from './merkle';
import { RECORD_TYPES, type RecordType } from '../../../shared/chain/record-types';

export { RECORD_TYPES, type RecordType };

/** One entry of a tenant's append-only log; its canonical bytes are the Merkle leaf. */
export interface ChainRecord {
  v: 1;
  tenant: string;
  seq: number;
  type: RecordType;
  /** RFC 3339 UTC with milliseconds, e.g. 2026-11-23T10:00:00.000Z. */
  at: string;
  actor: string;
  /** Lowercase hex leaf hash of the previous record; GENESIS_PREV for seq 0. */
  prev: string;
  body: { [k: string]: JsonValue };
}

export const GENESIS_PREV: string = '0'.repeat(64);

const HEX64_RE = /^[0-9a-f]{64}$/;
const RECORD_TYPE_SET: ReadonlySet<string> = new Set(RECORD_TYPES);

/** Days in a month of the proleptic Gregorian calendar (what Date uses). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * True for RFC 3339 UTC timestamps with exactly millisecond precision that name a real
 * instant (no 2026-02-30, no leap second 23:59:60): precisely the strings
 * Date#toISOString produces for years 0000..9999. Checked by hand rather than by a Date
 * round trip because the verifier calls this once per record.
 */
export function isRecordTime(s: string): boolean {
  if (typeof s !== 'string' || s.length !== 24) return false;
  const c = (i: number) => s.charCodeAt(i) - 48;
  for (const i of DIGIT_POSITIONS) {
    const d = c(i);
    if (d < 0 || d > 9) return false;
  }
  if (s[4] !== '-' || s[7] !== '-' || s[10] !== 'T' || s[13] !== ':' || s[16] !== ':' || s[19] !== '.' || s[23] !== 'Z') return false;
  const year = c(0) * 1000 + c(1) * 100 + c(2) * 10 + c(3);
  const month = c(5) * 10 + c(6);
  const day = c(8) * 10 + c(9);
  const hour = c(11) * 10 + c(12);
  const minute = c(14) * 10 + c(15);
  const second = c(17) * 10 + c(18);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) && hour <= 23 && minute <= 59 && second <= 59;
}
const DIGIT_POSITIONS = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18, 20, 21, 22];

const JsonValueSchema: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([z.null(), z.boolean(), z.number().refine(Number.isFinite, 'must be finite'), z.string(), z.array(JsonValueSchema), z.record(z.string(), JsonValueSchema)]),
);

export const ChainRecordSchema: z.ZodType<ChainRecord> = z
  .object({
    v: z.literal(1),
    tenant: z.string().min(1),
    seq: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
    type: z.enum(RECORD_TYPES),
    at: z.string().refine(isRecordTime, 'must be RFC 3339 UTC with milliseconds, e.g. 2026-11-23T10:00:00.000Z'),
    actor: z.string().min(1),
    prev: z.string().regex(HEX64_RE, 'must be 64 lowercase hex characters'),
    body: z.record(z.string(), JsonValueSchema),
  })
  .strict();

/**
 * The same rules as ChainRecordSchema, hand-written for the verifier's hot loop, where
 * the value came out of JSON.parse (so it is already JSON: only the shape needs checking).
 * Returns null when valid, else what is wrong. Tests pin it to the zod schema.
 */
export function recordShapeProblem(x: unknown): string | null {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return 'the record is not a JSON object';
  const r = x as Record<string, unknown>;
  let known = 0;
  if (r.v !== 1) return 'field "v" must be 1';
  known++;
  if (typeof r.tenant !== 'string' || r.tenant.length === 0) return 'field "tenant" must be a non-empty string';
  known++;
  if (typeof r.seq !== 'number' || !Number.isSafeInteger(r.seq) || r.seq < 0) return 'field "seq" must be a non-negative integer';
  known++;
  if (typeof r.type !== 'string' || !RECORD_TYPE_SET.has(r.type)) return `field "type" must be one of the record types`;
  known++;
  if (typeof r.at !== 'string' || !isRecordTime(r.at)) return 'field "at" must be RFC 3339 UTC with milliseconds';
  known++;
  if (typeof r.actor !== 'string' || r.actor.length === 0) return 'field "actor" must be a non-empty string';
  known++;
  if (typeof r.prev !== 'string' || !HEX64_RE.test(r.prev)) return 'field "prev" must be 64 lowercase hex characters';
  known++;
  const b = r.body;
  if (typeof b !== 'object' || b === null || Array.isArray(b)) return 'field "body" must be a JSON object';
  known++;
  let count = 0;
  for (const k in r) {
    if (Object.prototype.hasOwnProperty.call(r, k)) count++;
  }
  if (count !== known) return 'the record has fields other than v, tenant, seq, type, at, actor, prev, body';
  return null;
}

/** utf8(canonicalize(r)): the exact bytes that are stored and hashed. Validates first. */
export function encodeRecord(r: ChainRecord): Buffer {
  const parsed = ChainRecordSchema.safeParse(r);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') ?? '';
    throw new OgmaError('VALIDATION_FAILED', `Chain record is invalid${field ? ` at "${field}"` : ''}: ${issue?.message ?? 'unknown problem'}.`, {
      ...(field ? { field } : {}),
      ...(Number.isSafeInteger(r?.seq) ? { seq: r.seq } : {}),
    });
  }
  // Canonicalise the caller's object, not zod's output, so nothing zod might normalise slips in.
  return Buffer.from(canonicalize(r as unknown as JsonValue), 'utf8');
}

/** Leaf hash of an encoded record; also the next record's `prev` (as lowercase hex). */
export function recordLeafHash(encoded: Uint8Array): Buffer {
  return leafHash(encoded);
}
