/**
 * How the backend reads a query (electron/core/vault/review-search.ts parseSearchQuery),
 * told to the investigator next to the box. Operators are ordinary words there: AND, OR,
 * NOT, brackets and column filters are not syntax.
 */
export const QUERY_SYNTAX: readonly { example: string; meaning: string }[] = [
  { example: 'invoice refund', meaning: 'messages with both words, in any order' },
  { example: '"wire transfer"', meaning: 'the exact phrase' },
  { example: 'contract*', meaning: 'words starting with "contract"' },
];

export const QUERY_SYNTAX_NOTE = 'Case and accents are ignored. AND, OR, NOT and brackets are searched as words. Matches inside masked personal data are found but never highlighted.';

/** How the backend read the query, as a line for the results header: `contract* · "wire transfer"` (a prefix's text keeps its `*`). */
export function termsLabel(terms: readonly { kind: 'word' | 'prefix' | 'phrase'; text: string }[]): string {
  return terms.map((t) => (t.kind === 'phrase' && !/^".*"$/u.test(t.text) ? `"${t.text}"` : t.text)).join(' · ');
}
