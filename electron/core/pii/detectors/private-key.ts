import type { PiiSpan } from '../kinds';
import type { Detector } from './detector';

/**
 * PEM and PGP private key blocks, from the BEGIN line to the matching END line, across
 * lines (or across literal "\n" escapes in JSON). A block pasted without its END line
 * still leaks the key, so it is masked up to the last line of key text. Blocks whose
 * body is not key material ("...", "<your key here>") are placeholders.
 */
const BEGIN = /-----BEGIN ((?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?)-----/y;
// Lines of base64, and header lines such as "Proc-Type: 4,ENCRYPTED" or "Version: GnuPG v2".
const BODY_LINE = /(?:[ \t]*(?:\r?\n|\\n)[ \t]*(?:[A-Za-z0-9+/=]{8,}|[A-Z][A-Za-z-]+: [^\r\n\\]*))+/y;
const MIN_KEY_CHARS = 32;

export const privateKeyDetector: Detector = {
  name: 'private-key',
  find(text: string, out: PiiSpan[]): void {
    let from = text.indexOf('-----BEGIN ');
    const footers = new Map<string, number>(); // footer -> its next offset (-1: none left), so each is searched forward once
    while (from >= 0) {
      BEGIN.lastIndex = from;
      const begin = BEGIN.exec(text);
      if (!begin) {
        from = text.indexOf('-----BEGIN ', from + 1);
        continue;
      }
      const afterBegin = from + begin[0].length;
      const footer = `-----END ${begin[1]}-----`;
      let endAt = footers.get(footer) ?? afterBegin - 1;
      if (endAt >= 0 && endAt < afterBegin) {
        endAt = text.indexOf(footer, afterBegin);
        footers.set(footer, endAt);
      }
      let end: number;
      let body: string;
      if (endAt >= 0) {
        end = endAt + footer.length;
        body = text.slice(afterBegin, endAt);
      } else {
        BODY_LINE.lastIndex = afterBegin;
        const lines = BODY_LINE.exec(text);
        end = afterBegin + (lines ? lines[0].length : 0);
        body = lines ? lines[0] : '';
      }
      if (keyChars(body) >= MIN_KEY_CHARS) {
        out.push({ start: from, end, kind: 'private_key' });
        from = text.indexOf('-----BEGIN ', end);
      } else {
        from = text.indexOf('-----BEGIN ', afterBegin);
      }
    }
  },
};

/** Base64 characters in the body, outside header lines and escapes. */
function keyChars(body: string): number {
  let n = 0;
  for (const line of body.split(/\r?\n|\\n/)) {
    if (line.includes(':')) continue;
    for (let i = 0; i < line.length; i++) {
      const c = line.charCodeAt(i);
      if ((c >= 48 && c <= 57) || ((c | 0x20) >= 97 && (c | 0x20) <= 122) || c === 43 || c === 47) n++;
    }
  }
  return n;
}
