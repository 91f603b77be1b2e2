import type { Res } from '../../../shared/api/contract';
import type { TokenCountsDto } from '../../../shared/api/review-schemas';
import { formatUsdExact, sumMoney, usdForGeometry } from './money';
import { bucketRange, bucketStart, daysBetween, resolveGranularity, type Granularity, type GranularityChoice } from './timeBuckets';
import { addTokenCounts, emptyTokenCounts, formatCount, TOKEN_KINDS, totalTokens } from './tokens';

/**
 * Turns a usage.summary answer into what the charts draw: time series per bucket and
 * breakdowns per model, workspace, user, key and project. Money is summed as exact text
 * (money.ts); floats appear only as `values`, which size bars.
 */

export type Usage = Res<'usage.summary'>;
type TokenGroup = TokenCountsDto & { key: string | null };
type MoneyGroup = { key: string | null; amount: string };

export interface Series {
  id: string;
  label: string;
  /** activity.css --act-series-N */
  series: number;
  /** Bar heights, one per bucket. */
  values: number[];
  /** The exact figure per bucket, as shown in tooltips and the data table. */
  display: string[];
}

export interface TimeChartData {
  granularity: Granularity;
  buckets: string[];
  series: Series[];
  /** The exact total per bucket (all series), as text. */
  totals: string[];
}

/** The first and last day the chart spans: the asked range where given, else what the data covers. */
export function spanOf(usage: Usage, range: { from?: string | undefined; to?: string | undefined } | undefined): { first: string; last: string } | null {
  const days = [
    ...usage.anthropic.tokens.byDay.map((d) => d.key),
    ...usage.anthropic.cost.byDay.map((d) => d.key),
    ...usage.openai.cost.byDay.map((d) => d.key),
  ].filter((d): d is string => d !== null).sort();
  const first = range?.from?.slice(0, 10) ?? days[0];
  const last = range?.to?.slice(0, 10) ?? days.at(-1);
  if (!first || !last || first > last) return null;
  return { first, last };
}

export function granularityFor(span: { first: string; last: string }, choice: GranularityChoice): Granularity {
  return resolveGranularity(choice, daysBetween(span.first, span.last));
}

export function tokenTimeSeries(byDay: readonly TokenGroup[], span: { first: string; last: string }, g: Granularity): TimeChartData {
  const buckets = bucketRange(span.first, span.last, g);
  const index = new Map(buckets.map((b, i) => [b, i]));
  const sums = buckets.map(() => emptyTokenCounts());
  for (const d of byDay) {
    if (d.key === null) continue;
    const i = index.get(bucketStart(d.key, g));
    if (i !== undefined) addTokenCounts(sums[i]!, d);
  }
  return {
    granularity: g,
    buckets,
    series: TOKEN_KINDS.map((k) => ({
      id: k.key,
      label: k.label,
      series: k.series,
      values: sums.map((s) => s[k.key]),
      display: sums.map((s) => formatCount(s[k.key])),
    })),
    totals: sums.map((s) => formatCount(totalTokens(s))),
  };
}

function moneyPerBucket(byDay: readonly MoneyGroup[], buckets: string[], g: Granularity): string[] {
  const index = new Map(buckets.map((b, i) => [b, i]));
  const parts: string[][] = buckets.map(() => []);
  for (const d of byDay) {
    if (d.key === null) continue;
    const i = index.get(bucketStart(d.key, g));
    if (i !== undefined) parts[i]!.push(d.amount);
  }
  return parts.map((p) => sumMoney(p));
}

export function costTimeSeries(usage: Usage, span: { first: string; last: string }, g: Granularity): TimeChartData {
  const buckets = bucketRange(span.first, span.last, g);
  const anthropic = moneyPerBucket(usage.anthropic.cost.byDay, buckets, g);
  const openai = moneyPerBucket(usage.openai.cost.byDay, buckets, g);
  const vendor = (id: string, label: string, series: number, amounts: string[]): Series => ({
    id,
    label,
    series,
    values: amounts.map(usdForGeometry),
    display: amounts.map(formatUsdExact),
  });
  return {
    granularity: g,
    buckets,
    series: [vendor('anthropic', 'Anthropic', 5, anthropic), vendor('openai', 'OpenAI', 2, openai)],
    totals: buckets.map((_, i) => formatUsdExact(sumMoney([anthropic[i]!, openai[i]!]))),
  };
}

export interface BreakdownRow {
  key: string | null;
  tokens: TokenCountsDto | null;
  /** Exact decimal text, or null where the report gives no cost for this group. */
  cost: string | null;
}

/** Token and cost groups joined on their key (a model, a workspace), largest first by cost, then tokens. */
export function breakdown(tokens: readonly TokenGroup[], costs: readonly MoneyGroup[]): BreakdownRow[] {
  const rows = new Map<string | null, BreakdownRow>();
  for (const t of tokens) {
    const { key, ...counts } = t;
    rows.set(key, { key, tokens: counts, cost: null });
  }
  for (const c of costs) {
    const row = rows.get(c.key) ?? { key: c.key, tokens: null, cost: null };
    row.cost = row.cost === null ? c.amount : sumMoney([row.cost, c.amount]);
    rows.set(c.key, row);
  }
  const costOf = (r: BreakdownRow) => (r.cost === null ? -Infinity : usdForGeometry(r.cost));
  const tokensOf = (r: BreakdownRow) => (r.tokens === null ? -Infinity : totalTokens(r.tokens));
  return [...rows.values()].sort((a, b) => costOf(b) - costOf(a) || tokensOf(b) - tokensOf(a) || String(a.key).localeCompare(String(b.key)));
}

/** Whether the answer holds anything at all (tokens or money, either vendor). */
export function hasUsage(usage: Usage): boolean {
  return (
    usage.anthropic.tokens.byDay.length > 0 ||
    usage.anthropic.cost.byDay.length > 0 ||
    usage.openai.cost.byDay.length > 0 ||
    usage.openai.cost.byProject.length > 0
  );
}

export function combinedCost(usage: Usage): string {
  return sumMoney([usage.anthropic.cost.total, usage.openai.cost.total]);
}
