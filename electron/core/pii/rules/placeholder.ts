/**
 * Is the random-looking part of a key really a placeholder? Docs, READMEs and questions
 * to an assistant are full of `sk-ant-xxxx...`, `YOUR_API_KEY`, `<token>` and
 * `AKIAIOSFODNN7EXAMPLE`; masking them would teach investigators to ignore masks.
 * A real key body is random: many distinct characters, no words, no long runs.
 */
const PLACEHOLDER_MARKS = /xxxx|XXXX|\.\.\.|…|\*\*\*|[<>{}$]/;
// One case-insensitive alternation rather than lower-casing the body and searching it once
// per word (a third of the cost of a vendor-token hit). Bodies are ASCII (every caller's
// pattern only admits ASCII), where /i and toLowerCase() agree.
const PLACEHOLDER_WORDS = /your|here|example|placeholder|redacted|dummy|insert|replace|changeme|sample|secret|mytoken|mykey/i;

const seen = new Uint8Array(128); // reused: which ASCII characters the body has

export function looksLikePlaceholder(body: string): boolean {
  if (PLACEHOLDER_MARKS.test(body) || PLACEHOLDER_WORDS.test(body)) return true;
  const n = body.length;
  seen.fill(0);
  let distinct = 0;
  let run = 1;
  let ascending = 0;
  let prev = -1;
  for (let i = 0; i < n; i++) {
    const c = body.charCodeAt(i);
    const slot = c & 127;
    if (seen[slot] === 0) {
      seen[slot] = 1;
      distinct++;
    }
    if (c === prev) {
      if (++run >= 6) return true; // 000000, aaaaaa
    } else run = 1;
    if (c === prev + 1) ascending++;
    prev = c;
  }
  if (n >= 16 && distinct < 8) return true;
  if (n < 16 && distinct * 2 < n) return true;
  // abcdefghijklmnop..., 1234567890...
  return n > 1 && ascending * 2 >= n - 1;
}
