import type { PiiKind } from './piiNames';

/**
 * Masked (or revealed) text cut into the pieces a reader sees: plain runs, and the places
 * personal data is (a mask label in masked text, the real value in a revealed one). Plain
 * runs are further cut around find-in-transcript matches. Pure, so it is unit-tested.
 */

export interface SpanRef {
  start: number;
  end: number;
  kind: PiiKind;
  label: string;
}

export type Segment =
  | { kind: 'text'; text: string; start: number; hit: boolean }
  | { kind: 'pii'; text: string; start: number; pii: PiiKind; label: string };

/**
 * Spans that overlap, run backwards or fall outside the text are dropped rather than trusted:
 * a bad offset must never cut a label in half or show text twice. What remains is plain text.
 */
export function toSegments(text: string, spans: readonly SpanRef[]): Segment[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: Segment[] = [];
  let pos = 0;
  for (const s of sorted) {
    if (s.start < pos || s.end <= s.start || s.end > text.length) continue;
    if (s.start > pos) out.push({ kind: 'text', text: text.slice(pos, s.start), start: pos, hit: false });
    out.push({ kind: 'pii', text: text.slice(s.start, s.end), start: s.start, pii: s.kind, label: s.label });
    pos = s.end;
  }
  if (pos < text.length) out.push({ kind: 'text', text: text.slice(pos), start: pos, hit: false });
  return out;
}

/**
 * Cuts plain runs around case-insensitive matches of `query`. Masks are never matched: a
 * search for "4242" must not light up `[CARD ••••4242]` as if the text said it.
 */
export function highlightSegments(segments: readonly Segment[], query: string): Segment[] {
  const q = query.trim().toLocaleLowerCase();
  if (q.length === 0) return [...segments];
  const out: Segment[] = [];
  for (const seg of segments) {
    if (seg.kind !== 'text') {
      out.push(seg);
      continue;
    }
    const lower = seg.text.toLocaleLowerCase();
    let pos = 0;
    for (let i = lower.indexOf(q); i >= 0; i = lower.indexOf(q, i + q.length)) {
      if (i > pos) out.push({ kind: 'text', text: seg.text.slice(pos, i), start: seg.start + pos, hit: false });
      out.push({ kind: 'text', text: seg.text.slice(i, i + q.length), start: seg.start + i, hit: true });
      pos = i + q.length;
    }
    if (pos < seg.text.length) out.push({ kind: 'text', text: seg.text.slice(pos), start: seg.start + pos, hit: false });
  }
  return out;
}

/** Whether the plain (unmasked) parts of masked text contain `query`, case-insensitively. */
export function plainTextMatches(text: string, spans: readonly SpanRef[], query: string): boolean {
  return highlightSegments(toSegments(text, spans), query).some((s) => s.kind === 'text' && s.hit);
}
