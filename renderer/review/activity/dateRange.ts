import type { TimeRange } from '../../../shared/api/review-schemas';

/**
 * The date range the usage view asks for. Presets count back from today (UTC, both ends
 * inclusive, as the contract reads a bare date); "all" asks for everything captured.
 */

export const RANGE_PRESETS = [
  { id: 'all', label: 'All captured', days: null },
  { id: '7d', label: 'Last 7 days', days: 7 },
  { id: '30d', label: 'Last 30 days', days: 30 },
  { id: '90d', label: 'Last 90 days', days: 90 },
  { id: '365d', label: 'Last 12 months', days: 365 },
  { id: 'custom', label: 'Custom dates', days: null },
] as const;

export type RangePreset = (typeof RANGE_PRESETS)[number]['id'];

export interface RangeChoice {
  preset: RangePreset;
  /** YYYY-MM-DD or '' (open), used when preset is 'custom'. */
  from: string;
  to: string;
}

export type RangeResult = { ok: true; range: TimeRange | undefined } | { ok: false; message: string; field: 'from' | 'to' };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function todayUtc(now: Date): string {
  return now.toISOString().slice(0, 10);
}

function minusDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
}

/** The request range for a choice, or why a custom one cannot be asked for. */
export function rangeFor(choice: RangeChoice, today: string): RangeResult {
  const preset = RANGE_PRESETS.find((p) => p.id === choice.preset);
  if (!preset || preset.id === 'all') return { ok: true, range: undefined };
  if (preset.days !== null) return { ok: true, range: { from: minusDays(today, preset.days - 1), to: today } };
  const from = choice.from.trim();
  const to = choice.to.trim();
  if (from && !DAY.test(from)) return { ok: false, field: 'from', message: 'Give the start as a date (YYYY-MM-DD).' };
  if (to && !DAY.test(to)) return { ok: false, field: 'to', message: 'Give the end as a date (YYYY-MM-DD).' };
  if (from && to && from > to) return { ok: false, field: 'from', message: 'The start date is after the end date: swap them or pick another start.' };
  if (!from && !to) return { ok: true, range: undefined };
  return { ok: true, range: { ...(from ? { from } : {}), ...(to ? { to } : {}) } };
}

/** "1 Mar 2026 – 23 Nov 2026", or what is open. */
export function describeRange(range: TimeRange | undefined): string {
  if (!range || (!range.from && !range.to)) return 'everything captured';
  const f = range.from?.slice(0, 10);
  const t = range.to?.slice(0, 10);
  if (f && t) return `${f} to ${t}`;
  return f ? `from ${f}` : `up to ${t}`;
}
