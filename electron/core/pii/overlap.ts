import type { PiiKind, PiiSpan } from './kinds';

/**
 * Keeps non-overlapping spans: the kind with the higher priority wins, then the longer
 * span, then the earlier one. Returns the kept spans sorted by start. Spans are sorted once; only clusters of spans that overlap each other (rare,
 * and small) are ranked, so a long text with many findings stays O(n log n).
 */
export function resolveOverlaps(spans: readonly PiiSpan[], priority: Readonly<Record<PiiKind, number>>): PiiSpan[] {
  const n = spans.length;
  if (n <= 1) return spans.slice();
  const order = new Array<number>(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => spans[a]!.start - spans[b]!.start || spans[b]!.end - spans[a]!.end);
  const kept: PiiSpan[] = [];
  let i = 0;
  while (i < n) {
    // A cluster: spans linked by overlap, [i, j).
    let j = i + 1;
    let reach = spans[order[i]!]!.end;
    while (j < n && spans[order[j]!]!.start < reach) {
      reach = Math.max(reach, spans[order[j]!]!.end);
      j++;
    }
    if (j === i + 1) kept.push(spans[order[i]!]!);
    else for (const s of resolveCluster(order.slice(i, j), spans, priority)) kept.push(s);
    i = j;
  }
  return kept;
}

function resolveCluster(members: number[], spans: readonly PiiSpan[], priority: Readonly<Record<PiiKind, number>>): PiiSpan[] {
  members.sort((a, b) => priority[spans[b]!.kind] - priority[spans[a]!.kind] || length(spans[b]!) - length(spans[a]!) || spans[a]!.start - spans[b]!.start);
  const kept: PiiSpan[] = []; // sorted by start, non-overlapping
  for (const m of members) {
    const c = spans[m]!;
    const at = firstEndingAfter(kept, c.start);
    const blocker = kept[at];
    if (blocker && blocker.start < c.end) continue;
    kept.splice(at, 0, c);
  }
  return kept;
}

const length = (s: PiiSpan) => s.end - s.start;

/** Index of the first kept span whose end is after `pos` (kept spans are disjoint, so ends are sorted too). */
function firstEndingAfter(kept: readonly PiiSpan[], pos: number): number {
  let lo = 0;
  let hi = kept.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (kept[mid]!.end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
