import type { PiiKind } from '../core/pii';
import { TOKEN_RE, foldToken, type SearchTerm } from '../core/vault/review-search';

/**
 * Search snippets, built from the MASKED text only: the matches are found again in the
 * masked text (the index itself holds no text to make a snippet from), and a window
 * around the first one is cut without splitting a mask label or a surrogate pair.
 *
 * Search is not a PII oracle through this view: a query for an SSN or a card number finds
 * the message (FTS5 indexed the raw text), but the snippet shows [SSN] / [CARD ••••4242]
 * and nothing is highlighted inside a mask. Knowing that a message contains a value you
 * already typed is what eDiscovery tools offer too; the value itself is only ever shown
 * through a logged reveal.
 */

export interface Range {
  start: number;
  end: number;
}

export interface Chip extends Range {
  kind: PiiKind;
  label: string;
}

export interface Snippet {
  text: string;
  highlights: Range[];
  spans: Chip[];
}

interface Token extends Range {
  folded: string;
}

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) out.push({ start: m.index, end: m.index + m[0].length, folded: foldToken(m[0]) });
  return out;
}

const overlaps = (a: Range, b: Range) => a.start < b.end && b.start < a.end;

/** Where the terms occur in `text` (token-aligned, as FTS5 matched them), never inside a mask. */
export function highlightRanges(text: string, terms: readonly SearchTerm[], masks: readonly Range[]): Range[] {
  const tokens = tokenize(text);
  const found: Range[] = [];
  for (const term of terms) {
    const n = term.tokens.length;
    for (let i = 0; i + n <= tokens.length; i++) {
      let ok = true;
      for (let j = 0; j < n && ok; j++) {
        const tok = tokens[i + j]!.folded;
        const want = term.tokens[j]!;
        ok = term.kind === 'prefix' && j === n - 1 ? tok.startsWith(want) : tok === want;
      }
      if (!ok) continue;
      const r = { start: tokens[i]!.start, end: tokens[i + n - 1]!.end };
      if (!masks.some((m) => overlaps(m, r))) found.push(r);
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Range[] = [];
  for (const r of found) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}

const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * A window of about `length` characters of the masked text, starting a little before the
 * first highlight (or the first mask, when every match was inside one), with `…` where
 * text was cut. Offsets in the result are relative to the snippet's text.
 */
export function makeSnippet(text: string, masks: readonly Chip[], highlights: readonly Range[], opts: { before?: number; length?: number } = {}): Snippet {
  const before = opts.before ?? 60;
  const length = opts.length ?? 240;
  const anchor = highlights[0]?.start ?? masks[0]?.start ?? 0;
  let start = Math.max(0, anchor - before);
  let end = Math.min(text.length, start + length);
  if (end - start < length) start = Math.max(0, end - length);
  // Prefer to cut at whitespace, within a few characters.
  if (start > 0) {
    const ws = text.slice(start, Math.min(anchor, start + 20)).search(/\s/u);
    if (ws >= 0) start += ws + 1;
  }
  if (end < text.length) {
    const tail = text.slice(Math.max(start, end - 20), end);
    const ws = tail.search(/\s\S*$/u);
    if (ws >= 0) end = Math.max(start, end - 20) + ws;
  }
  // Never split a mask label, or a surrogate pair.
  for (const m of masks) {
    if (m.start < start && start < m.end) start = m.start;
    if (m.start < end && end < m.end) end = m.end;
  }
  if (start > 0 && isLowSurrogate(text.charCodeAt(start))) start--;
  if (end < text.length && isLowSurrogate(text.charCodeAt(end))) end++;
  const lead = start > 0 ? '…' : '';
  const trail = end < text.length ? '…' : '';
  const shift = (r: Range) => ({ start: r.start - start + lead.length, end: r.end - start + lead.length });
  const inside = (r: Range) => r.start >= start && r.end <= end;
  return {
    text: lead + text.slice(start, end) + trail,
    highlights: highlights.filter(inside).map(shift),
    spans: masks.filter(inside).map((m) => ({ ...shift(m), kind: m.kind, label: m.label })),
  };
}
