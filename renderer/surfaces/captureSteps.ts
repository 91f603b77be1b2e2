/** The part of a pull summary (`capture.status().last[i]`) the step reads. */
interface PullCounts {
  counts: { messagesCaptured: number; messagesSeen: number };
}

/**
 * The "Review" step's line once capture is known: what the last pulls captured. The contract
 * gives per-pull counts only (no running total), so it says "last pull", not "in total".
 */
export function reviewStepText(last: readonly PullCounts[] | null, running: number): string | null {
  if (running > 0) return 'A pull is running; captured messages can be read as each page is sealed.';
  if (!last || last.length === 0) return null;
  const captured = last.reduce((a, p) => a + p.counts.messagesCaptured, 0);
  const seen = last.reduce((a, p) => a + p.counts.messagesSeen, 0);
  const fmt = (n: number) => new Intl.NumberFormat('en').format(n);
  const noun = (n: number) => `message${n === 1 ? '' : 's'}`;
  if (captured > 0) return `${fmt(captured)} ${noun(captured)} captured by the last pull${last.length === 1 ? '' : 's'}; read them with personal data masked.`;
  const saw = seen > 0 ? ` (${fmt(seen)} ${noun(seen)} seen)` : '';
  return `The last pull${last.length === 1 ? '' : 's'} found no new messages${saw}; everything captured so far can be reviewed.`;
}
