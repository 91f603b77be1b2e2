import { InputError } from './reply';

/**
 * Query-string access and the parameter checks the vendors perform. Checks throw
 * InputError with the vendor's wording; the vendor pipeline wraps it in its envelope.
 */
export class Query {
  constructor(private readonly params: URLSearchParams) {}

  get(name: string): string | undefined {
    const v = this.params.get(name);
    return v === null ? undefined : v;
  }

  has(name: string): boolean {
    return this.params.has(name);
  }

  /** Bracket-form arrays (`user_ids[]=a&user_ids[]=b`), as the Anthropic APIs take them. */
  list(name: string): string[] {
    return this.params.getAll(`${name}[]`);
  }

  /** Either `name=a&name=b` or `name[]=a` (OpenAI's spec writes no brackets; SDKs may add them). */
  listLoose(name: string): string[] {
    return [...this.params.getAll(name), ...this.params.getAll(`${name}[]`)];
  }

  keys(): string[] {
    return [...new Set(this.params.keys())];
  }

  /** A stable fingerprint of the query without the named params (page tokens are tied to their query). */
  fingerprint(without: readonly string[]): string {
    return [...this.params.entries()]
      .filter(([k]) => !without.includes(k))
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
      .sort()
      .join('&');
  }
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+-](\d{2}):(\d{2}))$/;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Epoch ms for a strict RFC 3339 date-time (offset required), or null. */
export function parseRfc3339(value: string): number | null {
  const m = RFC3339.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour > 23 || minute > 59 || second > 59) return null;
  if (m[9] !== undefined && (Number(m[9]) > 23 || Number(m[10]) > 59)) return null;
  const ms = Date.parse(value.toUpperCase());
  return Number.isNaN(ms) ? null : ms;
}

/** Anthropic wording for a bad timestamp (reference §12, verbatim). */
export function timestampParam(q: Query, name: string): number | undefined {
  const v = q.get(name);
  if (v === undefined) return undefined;
  const ms = parseRfc3339(v);
  if (ms === null) {
    throw new InputError(`The \`${name}\` parameter contains an invalid timestamp format. Timestamps must be provided in RFC 3339 format e.g., "2024-03-01T00:00:00Z". Got "${v}".`, name);
  }
  return ms;
}

export interface TimeRange {
  gt?: number;
  gte?: number;
  lt?: number;
  lte?: number;
}

export const RANGE_OPS = ['gte', 'gt', 'lt', 'lte'] as const;

/** `<field>.gte/.gt/.lt/.lte`, each validated. */
export function timeRange(q: Query, field: string): TimeRange {
  const r: TimeRange = {};
  for (const op of RANGE_OPS) {
    const v = timestampParam(q, `${field}.${op}`);
    if (v !== undefined) r[op] = v;
  }
  return r;
}

export function hasRange(r: TimeRange): boolean {
  return r.gt !== undefined || r.gte !== undefined || r.lt !== undefined || r.lte !== undefined;
}

export function inRange(t: number, r: TimeRange): boolean {
  return (r.gt === undefined || t > r.gt) && (r.gte === undefined || t >= r.gte) && (r.lt === undefined || t < r.lt) && (r.lte === undefined || t <= r.lte);
}

const INT = /^-?\d+$/;

/** `limit` with a per-endpoint bound; the message carries the bound (reference §12). */
export function limitParam(q: Query, bounds: { min?: number; max: number; def: number }, name = 'limit'): number {
  const v = q.get(name);
  const min = bounds.min ?? 1;
  if (v === undefined) return bounds.def;
  if (!INT.test(v)) throw new InputError(`The ${name} parameter must be an integer between ${min} and ${bounds.max}, inclusive. Got "${v}".`, name);
  const n = Number(v);
  if (n < min || n > bounds.max) throw new InputError(`The ${name} parameter must be between ${min} and ${bounds.max}, inclusive. Got ${n}.`, name);
  return n;
}

/** Like limitParam but absent means "no limit" (chat messages: omitted = whole chat). */
export function optionalLimit(q: Query, max: number): number | undefined {
  return q.has('limit') ? limitParam(q, { max, def: max }) : undefined;
}

export function enumParam<T extends string>(q: Query, name: string, allowed: readonly T[], def: T): T {
  const v = q.get(name);
  if (v === undefined) return def;
  if (!(allowed as readonly string[]).includes(v)) throw new InputError(`Invalid value for \`${name}\`: "${v}". Must be one of: ${allowed.join(', ')}.`, name);
  return v as T;
}

export function boolParam(q: Query, name: string, def: boolean): boolean {
  const v = q.get(name);
  if (v === undefined) return def;
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw new InputError(`Invalid value for \`${name}\`: "${v}". Must be true or false.`, name);
}

/** Unix-seconds integer (OpenAI). */
export function unixParam(q: Query, name: string, required: boolean): number | undefined {
  const v = q.get(name);
  if (v === undefined) {
    if (required) throw new InputError(`Missing required parameter: '${name}'.`, name);
    return undefined;
  }
  if (!/^\d{1,12}$/.test(v)) throw new InputError(`Invalid '${name}': expected an integer number of seconds since the Unix epoch, got '${v}'.`, name);
  return Number(v);
}
