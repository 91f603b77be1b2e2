import { describe, expect, it } from 'vitest';
import { maskText } from '../../../electron/core/pii';
import { ftsExpression, parseSearchQuery, MAX_SEARCH_TERMS } from '../../../electron/core/vault/review-search';
import { highlightRanges, makeSnippet } from '../../../electron/services/review-snippets';

/** The pure parts of search: reading what was typed, and cutting a masked snippet. */

describe('reading a search as typed', () => {
  it('reads words, "phrases", prefixes and an unterminated quote; operators and punctuation are only text', () => {
    expect(parseSearchQuery('Invoice "wire transfer" contr* AND (')).toEqual([
      { kind: 'word', text: 'Invoice', tokens: ['invoice'] },
      { kind: 'phrase', text: 'wire transfer', tokens: ['wire', 'transfer'] },
      { kind: 'prefix', text: 'contr*', tokens: ['contr'] },
      { kind: 'word', text: 'AND', tokens: ['and'] },
    ]);
    expect(parseSearchQuery('"open ended')).toEqual([{ kind: 'phrase', text: 'open ended', tokens: ['open', 'ended'] }]);
    expect(parseSearchQuery('e-mail')).toEqual([{ kind: 'phrase', text: 'e-mail', tokens: ['e', 'mail'] }]);
    expect(parseSearchQuery('Müller')).toEqual([{ kind: 'word', text: 'Müller', tokens: ['muller'] }]);
  });

  it('builds an FTS5 expression of quoted strings only', () => {
    expect(ftsExpression(parseSearchQuery('NEAR(a b) col:x "say ""hi"""  pre*'))).toBe('"near a" AND "b" AND "col x" AND "say" AND "hi" AND "pre"*');
  });

  it('refuses, with a reason and the field, a query with nothing to search for or too many terms', () => {
    for (const q of ['"', '*', '()', '  ', '( ) "" : ^ -- ++']) {
      expect(() => parseSearchQuery(q), q).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', where: { field: 'query' } }));
    }
    expect(() => parseSearchQuery(Array.from({ length: MAX_SEARCH_TERMS + 1 }, (_, i) => `w${i}`).join(' '))).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});

describe('a masked snippet', () => {
  const text = `${'Filler words before the point. '.repeat(6)}Send the card 4111 1111 1111 1111 to billing@example.org and mention the refund 😀 today. ${'More filler after it. '.repeat(8)}`;
  const m = maskText(text);
  const chips = m.spans.map(({ start, end, kind, label }) => ({ start, end, kind, label }));

  it('highlights matches in the masked text, never inside a mask, and keeps every label whole', () => {
    const terms = parseSearchQuery('refund email card');
    const hl = highlightRanges(m.masked, terms, chips);
    expect(hl.map((r) => m.masked.slice(r.start, r.end))).toEqual(['card', 'refund']);
    const s = makeSnippet(m.masked, chips, hl, { before: 40, length: 120 });
    expect(s.text.startsWith('…')).toBe(true);
    expect(s.text.endsWith('…')).toBe(true);
    expect(s.highlights.map((r) => s.text.slice(r.start, r.end))).toEqual(['card', 'refund']);
    for (const c of s.spans) expect(s.text.slice(c.start, c.end)).toBe(c.label);
    expect(s.text).not.toContain('4111');
    expect(s.text).not.toContain('billing@');
  });

  it('centres on the first mask when the only match was inside one, and never splits a label or an emoji', () => {
    const hl = highlightRanges(m.masked, parseSearchQuery('"4111 1111 1111 1111"'), chips);
    expect(hl).toEqual([]);
    const s = makeSnippet(m.masked, chips, hl, { before: 3, length: 9 });
    expect(s.spans.length).toBeGreaterThan(0);
    expect(s.text).toContain(chips[0]!.label);
    const emoji = m.masked.indexOf('😀');
    for (let start = emoji - 3; start <= emoji + 3; start++) {
      const cut = makeSnippet(m.masked, chips, [{ start: start + 1, end: start + 1 }], { before: 1, length: 4 });
      expect(cut.text, 'no lone surrogate').not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    }
  });
});
