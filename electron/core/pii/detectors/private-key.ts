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
      let bodyEnd: number;
      if (endAt >= 0) {
        end = endAt + footer.length;
        bodyEnd = endAt;
      } else {
        BODY_LINE.lastIndex = afterBegin;
        end = BODY_LINE.test(text) ? BODY_LINE.lastIndex : afterBegin;
        bodyEnd = end;
      }
      if (hasKeyMaterial(text, afterBegin, bodyEnd)) {
        out.push({ start: from, end, kind: 'private_key' });
        from = text.indexOf('-----BEGIN ', end);
      } else {
        from = text.indexOf('-----BEGIN ', afterBegin);
      }
    }
  },
};

/**
 * Does text[from, to) hold at least MIN_KEY_CHARS base64 characters outside header lines
 * (lines with a ':')? Lines end at a newline or a literal "\\n" escape. Stops counting once
 * there are enough: a real key body is a kilobyte or more.
 */
function hasKeyMaterial(text: string, from: number, to: number): boolean {
  let n = 0;
  let line = 0; // base64 characters on the current line
  let header = false; // the current line has a ':'
  for (let i = from; i <= to; i++) {
    const c = i < to ? text.charCodeAt(i) : 10;
    const escape = c === 92 && i + 1 < to && text.charCodeAt(i + 1) === 110; // "\n" inside the range
    if (c === 10 || escape) {
      if (!header) {
        n += line;
        if (n >= MIN_KEY_CHARS) return true;
      }
      line = 0;
      header = false;
      if (escape) i++;
    } else if (c === 58) header = true;
    else if ((c >= 48 && c <= 57) || ((c | 0x20) >= 97 && (c | 0x20) <= 122) || c === 43 || c === 47) line++;
  }
  return false;
}
