import type { TokenCountsDto } from '../../../shared/api/review-schemas';

/**
 * Token counts as the Anthropic usage report splits them. Web-search requests are counted
 * apart: they are requests, not tokens, and adding them to a token total would mislead.
 */

export type TokenKind = 'uncachedInput' | 'cacheCreation' | 'cacheRead' | 'output';

export interface TokenKindInfo {
  key: TokenKind;
  label: string;
  /** Which chart series colour (activity.css --act-series-N) draws this kind. */
  series: number;
}

export const TOKEN_KINDS: readonly TokenKindInfo[] = [
  { key: 'uncachedInput', label: 'Input', series: 1 },
  { key: 'cacheCreation', label: 'Cache write', series: 4 },
  { key: 'cacheRead', label: 'Cache read', series: 2 },
  { key: 'output', label: 'Output', series: 3 },
];

export function totalTokens(t: Pick<TokenCountsDto, TokenKind>): number {
  return t.uncachedInput + t.cacheCreation + t.cacheRead + t.output;
}

export function emptyTokenCounts(): TokenCountsDto {
  return { uncachedInput: 0, cacheCreation: 0, cacheRead: 0, output: 0, webSearchRequests: 0 };
}

export function addTokenCounts(into: TokenCountsDto, t: TokenCountsDto): void {
  into.uncachedInput += t.uncachedInput;
  into.cacheCreation += t.cacheCreation;
  into.cacheRead += t.cacheRead;
  into.output += t.output;
  into.webSearchRequests += t.webSearchRequests;
}

const exact = new Intl.NumberFormat('en-US');
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/** 1,416,006,502: every unit, for tables and tooltips. */
export function formatCount(n: number): string {
  return exact.format(n);
}

/** 1.4B: for totals at a glance and axis labels; the exact figure is always one hover or table away. */
export function formatCompact(n: number): string {
  return compact.format(n);
}
