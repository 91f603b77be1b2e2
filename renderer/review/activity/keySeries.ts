import type { Res } from '../../../shared/api/contract';
import { bucketRange, bucketStart, daysBetween, autoGranularity } from './timeBuckets';
import { addTokenCounts, emptyTokenCounts, formatCount, totalTokens } from './tokens';
import type { Series, TimeChartData } from './usageSeries';
import { tokenTimeSeries } from './usageSeries';

export type KeyUsage = Res<'activity.keyUsage'>;

const MAX_TYPES = 5;

/**
 * The days a key's charts share: from its first sign (event or usage) to its last, so the
 * events chart and the tokens chart line up and a gap between them is visible.
 */
function keySpan(k: KeyUsage): { first: string; last: string } | null {
  const days = [...k.byDay.map((d) => d.day), ...k.tokensByDay.map((d) => d.day)].filter((d) => d.length > 0).sort();
  const first = days[0];
  const last = days.at(-1);
  return first && last ? { first, last } : null;
}

/** Events per day (or week), stacked by type: the commonest types each get a colour, the rest are "Other". */
export function keyEventSeries(k: KeyUsage): TimeChartData | null {
  const span = keySpan(k);
  if (k.byDay.length === 0 || !span) return null;
  const { first, last } = span;
  const g = autoGranularity(daysBetween(first, last));
  const buckets = bucketRange(first, last, g);
  const index = new Map(buckets.map((b, i) => [b, i]));
  const totals = new Map<string, number>();
  for (const d of k.byDay) for (const [t, n] of Object.entries(d.types)) totals.set(t, (totals.get(t) ?? 0) + n);
  const ranked = [...totals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([t]) => t);
  const named = ranked.length <= MAX_TYPES + 1 ? ranked : ranked.slice(0, MAX_TYPES);
  const hasOther = ranked.length > named.length;
  const ids = [...named, ...(hasOther ? ['\u0000other'] : [])];
  const values = ids.map(() => buckets.map(() => 0));
  const all = buckets.map(() => 0);
  for (const d of k.byDay) {
    const i = index.get(bucketStart(d.day, g));
    if (i === undefined) continue;
    for (const [t, n] of Object.entries(d.types)) {
      const s = named.indexOf(t);
      values[s >= 0 ? s : ids.length - 1]![i]! += n;
      all[i]! += n;
    }
  }
  const series: Series[] = ids.map((id, s) => ({
    id,
    label: id === '\u0000other' ? 'Other types' : id,
    series: id === '\u0000other' ? 6 : s + 1,
    values: values[s]!,
    display: values[s]!.map(formatCount),
  }));
  return { granularity: g, buckets, series, totals: all.map(formatCount) };
}

export function keyTokenSeries(k: KeyUsage): TimeChartData | null {
  const span = keySpan(k);
  if (k.tokensByDay.length === 0 || !span) return null;
  return tokenTimeSeries(
    k.tokensByDay.map(({ day, ...t }) => ({ key: day, ...t })),
    span,
    autoGranularity(daysBetween(span.first, span.last)),
  );
}

export interface KeySummary {
  tokens: ReturnType<typeof emptyTokenCounts>;
  totalTokens: number;
  usageFirst: string | null;
  usageLast: string | null;
  /** Earliest sign of the key anywhere: an event or a day of reported usage. */
  firstSeen: string | null;
  lastSeen: string | null;
  /** Tokens were reported for days before the key's first captured event (worth a look in a leak). */
  usageBeforeFirstEvent: boolean;
}

export function summariseKey(k: KeyUsage): KeySummary {
  const tokens = emptyTokenCounts();
  for (const d of k.tokensByDay) addTokenCounts(tokens, d);
  const days = k.tokensByDay.filter((d) => totalTokens(d) > 0).map((d) => d.day).sort();
  const usageFirst = days[0] ?? null;
  const usageLast = days.at(-1) ?? null;
  const firstEventDay = k.first?.slice(0, 10) ?? null;
  const lastEventDay = k.last?.slice(0, 10) ?? null;
  const earliest = [firstEventDay, usageFirst].filter((d): d is string => d !== null).sort();
  const latest = [lastEventDay, usageLast].filter((d): d is string => d !== null).sort();
  return {
    tokens,
    totalTokens: totalTokens(tokens),
    usageFirst,
    usageLast,
    firstSeen: earliest[0] ?? null,
    lastSeen: latest.at(-1) ?? null,
    usageBeforeFirstEvent: usageFirst !== null && firstEventDay !== null && usageFirst < firstEventDay,
  };
}
