/**
 * How a Bates number sits in a page's content stream, written and read in one place.
 *
 * The stamp is ordinary visible text (Helvetica, a PDF standard font, so the ASCII number
 * is a plain literal string), wrapped in a marked-content sequence with the tag
 * /OgmaBates:
 *
 *   /OgmaBates BMC BT /F2 10 Tf 1 0 0 1 540 24 Tm (ACME00000001) Tj ET EMC
 *
 * The reader finds the tag and takes the text shown inside it, so what it reads is what a
 * person sees on the page, not a copy kept in metadata. Tools that rewrite content streams
 * (qpdf, pdf-lib, Acrobat) keep marked content and strings intact.
 */

export const BATES_TAG = 'OgmaBates';

/** The operators that draw `bates` with font resource `fontId` at (x, y) in PDF points. */
export function stampOperators(bates: string, fontId: string, size: number, x: number, y: number): string {
  return `/${BATES_TAG} BMC BT 0 g /${fontId} ${size} Tf 1 0 0 1 ${fmt(x)} ${fmt(y)} Tm (${escapeLiteral(bates)}) Tj ET EMC`;
}

/** Every Bates stamp in a decoded content stream (latin1 text), in order. */
export function findStamps(content: string): string[] {
  const out: string[] = [];
  const open = new RegExp(`/${BATES_TAG}\\s*(?:<<[^>]*>>\\s*BDC|/\\w+\\s*BDC|BMC)`, 'g');
  let m: RegExpExecArray | null;
  while ((m = open.exec(content)) !== null) {
    const end = content.indexOf('EMC', open.lastIndex);
    const body = content.slice(open.lastIndex, end === -1 ? content.length : end);
    const strings = literalStrings(body);
    out.push(strings.join(''));
    if (end !== -1) open.lastIndex = end + 3;
  }
  return out;
}

export function escapeLiteral(s: string): string {
  return s.replace(/[\\()]/g, (c) => `\\${c}`);
}

function fmt(n: number): string {
  return Number(n.toFixed(2)).toString();
}

/** The literal strings shown by Tj/TJ in a content fragment, unescaped (PDF 32000 7.3.4.2). */
function literalStrings(body: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < body.length) {
    const c = body[i]!;
    if (c === '%') {
      while (i < body.length && body[i] !== '\n' && body[i] !== '\r') i++;
    } else if (c === '(') {
      const [s, next] = readLiteral(body, i + 1);
      out.push(s);
      i = next;
    } else if (c === '<' && body[i + 1] !== '<') {
      const close = body.indexOf('>', i);
      const hex = body.slice(i + 1, close === -1 ? body.length : close).replace(/\s+/g, '');
      let s = '';
      for (let k = 0; k < hex.length; k += 2) s += String.fromCharCode(parseInt(hex.slice(k, k + 2).padEnd(2, '0'), 16));
      out.push(s);
      i = close === -1 ? body.length : close + 1;
    } else i++;
  }
  return out;
}

function readLiteral(body: string, start: number): [string, number] {
  let depth = 1;
  let s = '';
  let i = start;
  while (i < body.length) {
    const c = body[i]!;
    if (c === '\\') {
      const n = body[i + 1];
      i += 2;
      if (n === undefined) break;
      if (n === 'n') s += '\n';
      else if (n === 'r') s += '\r';
      else if (n === 't') s += '\t';
      else if (n === 'b') s += '\b';
      else if (n === 'f') s += '\f';
      else if (n === '\r') { if (body[i] === '\n') i++; }
      else if (n === '\n') { /* line continuation */ }
      else if (n >= '0' && n <= '7') {
        let oct = n;
        while (oct.length < 3 && body[i]! >= '0' && body[i]! <= '7') oct += body[i++];
        s += String.fromCharCode(parseInt(oct, 8) & 0xff);
      } else s += n;
      continue;
    }
    if (c === '(') depth++;
    if (c === ')' && --depth === 0) return [s, i + 1];
    s += c;
    i++;
  }
  return [s, i];
}
