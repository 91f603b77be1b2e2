import { hash32 } from '../random/prng';
import { DATA_START_MS, DAY_MS, HOUR_MS, MINUTE_MS } from '../types';

/**
 * Aggregate usage, defined per (combination of dimensions, hour) by a hash of the seed, so
 * any bucket width can be computed on demand without storing anything. Within an hour the
 * units are spread evenly per minute, and only minutes older than the freshness lag are
 * counted, so re-polling a recent window returns larger numbers as data "arrives".
 */
export interface UsageCombo {
  index: number;
  dims: Record<string, string | boolean | null>;
  weight: number;
}

export type Width = '1m' | '1h' | '1d';
export const WIDTH_MS: Record<Width, number> = { '1m': MINUTE_MS, '1h': HOUR_MS, '1d': DAY_MS };

function hourUnits(seed: string, ns: string, combo: UsageCombo, hour: number): number {
  const h = hash32(seed, ns, combo.index, hour);
  const hourOfDay = hour % 24;
  const dayOfWeek = (Math.floor(hour / 24) + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
  const busy = hourOfDay >= 7 && hourOfDay <= 19 ? 1 : 0.15;
  const weekday = dayOfWeek === 0 || dayOfWeek === 6 ? 0.3 : 1;
  if ((h & 0xff) / 256 < 0.35) return 0; // idle hour
  return Math.floor((((h >>> 8) % 1000) + 1) * combo.weight * busy * weekday);
}

/** Units of one combination inside [from, to), counting only minutes before `visibleUntil`. */
export function unitsIn(seed: string, ns: string, combo: UsageCombo, from: number, to: number, visibleUntil: number): number {
  const lo = Math.max(from, DATA_START_MS);
  const hi = Math.min(to, visibleUntil);
  if (hi <= lo) return 0;
  let total = 0;
  for (let hour = Math.floor(lo / HOUR_MS); hour * HOUR_MS < hi; hour++) {
    const start = hour * HOUR_MS;
    const u = hourUnits(seed, ns, combo, hour);
    if (u === 0) continue;
    const m0 = Math.max(0, Math.floor((lo - start) / MINUTE_MS));
    const m1 = Math.min(60, Math.floor((hi - start) / MINUTE_MS));
    if (m1 > m0) total += Math.floor((u * m1) / 60) - Math.floor((u * m0) / 60);
  }
  return total;
}

export function snap(ms: number, width: Width): number {
  const w = WIDTH_MS[width];
  return Math.floor(ms / w) * w;
}

/** Bucket starts of one page: from `pageStart`, at most `limit`, while start < end. */
export function bucketStarts(pageStart: number, end: number, width: Width, limit: number): { starts: number[]; next: number | null } {
  const w = WIDTH_MS[width];
  const starts: number[] = [];
  let s = pageStart;
  for (; s < end && starts.length < limit; s += w) starts.push(s);
  return { starts, next: s < end ? s : null };
}

/** Sums rows that share the grouped dimensions; ungrouped dimensions become null. */
export function groupRows<T extends { dims: Record<string, string | boolean | null> }>(rows: T[], groupBy: readonly string[], allDims: readonly string[], add: (acc: T, row: T) => void, clone: (row: T) => T): T[] {
  const out = new Map<string, T>();
  for (const row of rows) {
    const dims: Record<string, string | boolean | null> = {};
    for (const d of allDims) dims[d] = groupBy.includes(d) ? (row.dims[d] ?? null) : null;
    const key = JSON.stringify(dims);
    const acc = out.get(key);
    if (acc) add(acc, row);
    else out.set(key, { ...clone(row), dims });
  }
  return [...out.values()];
}

/** Micro-cents (1e-6 cent) as the Admin API's decimal string of cents, e.g. "123.78912". */
export function centsString(microCents: number): string {
  const whole = Math.floor(microCents / 1e6);
  let frac = String(microCents % 1e6).padStart(6, '0').replace(/0+$/, '');
  if (frac.length < 2) frac = frac.padEnd(2, '0');
  return `${whole}.${frac}`;
}
