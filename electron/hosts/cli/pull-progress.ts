import type { PullProgress } from '../../core/capture';

/**
 * The pull's progress as one stderr line: a bar over the pull's phases (the vendors give
 * no totals, so the bar counts phases, and the numbers say how far within one), the
 * counts, the capture rate and errors. At most one line every `everyMs`, plus the last.
 */

const PHASES = ['organizations', 'users', 'chats', 'messages', 'reconcile', 'activities', 'anthropic.usage', 'anthropic.cost', 'openai.costs', 'audit logs'];
const WIDTH = 20;

export function progressLine(p: PullProgress): string {
  const i = PHASES.indexOf(p.phase);
  const frac = p.state === 'running' ? (i < 0 ? 0 : i / PHASES.length) : 1;
  const filled = Math.round(frac * WIDTH);
  const bar = `[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}]`;
  const c = p.counts;
  const skipped = Object.values(c.messagesSkipped).reduce((a, b) => a + (b ?? 0), 0);
  const where = p.org ? ` org ${p.org}` : '';
  const bits = [
    `${c.chatsFetched}/${c.chatsSeen} chats`,
    `${c.messagesCaptured} messages`,
    c.messagesSuperseded ? `${c.messagesSuperseded} edited` : '',
    skipped ? `${skipped} without text` : '',
    c.activities ? `${c.activities} activities` : '',
    c.usageBuckets + c.costBuckets ? `${c.usageBuckets + c.costBuckets} buckets` : '',
    c.auditEvents ? `${c.auditEvents} audit events` : '',
    `${p.rate}/s`,
    p.errors ? `${p.errors} error${p.errors === 1 ? '' : 's'}` : '',
  ].filter((b) => b !== '');
  return `${bar} ${p.state === 'running' ? p.phase : p.state}${where}: ${bits.join(', ')}`;
}

export function throttled(write: (line: string) => void, everyMs: number, now: () => number = Date.now): (p: PullProgress) => void {
  let last = -Infinity;
  let lastPhase = '';
  return (p) => {
    const t = now();
    if (p.state === 'running' && p.phase === lastPhase && t - last < everyMs) return;
    last = t;
    lastPhase = p.phase;
    write(progressLine(p));
  };
}
