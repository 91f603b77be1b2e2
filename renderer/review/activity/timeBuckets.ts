/**
 * Days grouped into the buckets a time chart draws. A year of days is 365 bars of two
 * pixels; weeks or months read better, so long ranges are grouped unless the reader asks
 * for days. Every bucket between the first and last is present (zero when nothing was
 * reported), so the time axis never silently skips a gap.
 */

export type Granularity = 'day' | 'week' | 'month';
export type GranularityChoice = Granularity | 'auto';

const DAY_MS = 86_400_000;

function dayIndex(day: string): number {
  return Math.floor(Date.parse(`${day.slice(0, 10)}T00:00:00Z`) / DAY_MS);
}

function dayOf(index: number): string {
  return new Date(index * DAY_MS).toISOString().slice(0, 10);
}

/** The bucket a day (YYYY-MM-DD) falls in: itself, the Monday of its week, or its month's first day. */
export function bucketStart(day: string, g: Granularity): string {
  if (g === 'day') return day.slice(0, 10);
  if (g === 'month') return `${day.slice(0, 7)}-01`;
  const i = dayIndex(day);
  const weekday = (new Date(i * DAY_MS).getUTCDay() + 6) % 7; // Monday = 0
  return dayOf(i - weekday);
}

function nextBucket(start: string, g: Granularity): string {
  if (g === 'day') return dayOf(dayIndex(start) + 1);
  if (g === 'week') return dayOf(dayIndex(start) + 7);
  const d = new Date(`${start}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString().slice(0, 10);
}

/** Every bucket start from the one holding `first` to the one holding `last`, in order. */
export function bucketRange(first: string, last: string, g: Granularity): string[] {
  const out: string[] = [];
  const end = bucketStart(last, g);
  for (let b = bucketStart(first, g); b <= end; b = nextBucket(b, g)) out.push(b);
  return out;
}

export function daysBetween(first: string, last: string): number {
  return dayIndex(last) - dayIndex(first) + 1;
}

/** Days up to about three months; weeks up to two years; months beyond. */
export function autoGranularity(days: number): Granularity {
  if (days <= 92) return 'day';
  if (days <= 731) return 'week';
  return 'month';
}

export function resolveGranularity(choice: GranularityChoice, days: number): Granularity {
  return choice === 'auto' ? autoGranularity(days) : choice;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** How a bucket is named in a tooltip or table: "2026-03-02", "week of 2026-03-02", "March 2026". */
export function bucketLabel(start: string, g: Granularity): string {
  if (g === 'day') return start;
  if (g === 'week') return `week of ${start}`;
  return `${MONTHS[Number(start.slice(5, 7)) - 1]} ${start.slice(0, 4)}`;
}

/** A short axis label: "2 Mar", or "Mar 2026" for months. */
export function bucketTick(start: string, g: Granularity): string {
  const month = MONTHS[Number(start.slice(5, 7)) - 1];
  if (g === 'month') return `${month} ${start.slice(0, 4)}`;
  return `${Number(start.slice(8, 10))} ${month}`;
}

export const GRANULARITY_NOUN: Record<Granularity, string> = { day: 'day', week: 'week', month: 'month' };
