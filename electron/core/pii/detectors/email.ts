import type { PiiSpan } from '../kinds';
import { isAsciiLetter, isDigit } from '../text';
import type { Detector } from './detector';

/**
 * Email addresses, ASCII (the practical local-part set `A-Za-z0-9._%+-'`, as in o'brien@). Found from each
 * '@' outwards, so text with many '@' and no address stays linear. Internationalised
 * (non-ASCII) addresses are not found: see README.
 */

// Domain after the '@': labels of letters, digits and inner hyphens, a letter TLD or punycode TLD.
const DOMAIN = /(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.){1,8}(?:[A-Za-z]{2,24}|xn--[A-Za-z0-9-]{2,59})(?![A-Za-z0-9-]|\.[A-Za-z0-9])/y;

// File names such as icon@2x.png look like addresses; these endings are not TLDs.
const FILE_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'ico', 'bmp', 'tif', 'tiff', 'avif', 'heic', 'js', 'mjs', 'cjs', 'ts', 'tsx', 'jsx', 'json', 'yaml', 'yml', 'lock', 'txt', 'log', 'css', 'scss', 'html', 'htm', 'map', 'wasm', 'pdf', 'zip', 'gz', 'tgz']);

const LONGEST_EXTENSION = Math.max(...[...FILE_EXTENSIONS].map((e) => e.length));

/** The domain ending at `end` ends in a file extension (its last label, after the last '.'). */
function endsWithFileExtension(text: string, end: number): boolean {
  const dot = text.lastIndexOf('.', end - 1); // a domain match holds at least one '.'
  if (end - dot - 1 > LONGEST_EXTENSION) return false; // most TLDs: no slice, no lower-casing
  return FILE_EXTENSIONS.has(text.slice(dot + 1, end).toLowerCase());
}

function isLocalChar(c: number): boolean {
  return isAsciiLetter(c) || isDigit(c) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45 || c === 39; // . _ % + - '
}

export const emailDetector: Detector = {
  name: 'email',
  find(text: string, out: PiiSpan[]): void {
    let at = text.indexOf('@');
    while (at >= 0) {
      let start = at;
      while (start > 0 && at - start < 64 && isLocalChar(text.charCodeAt(start - 1))) start--;
      const tooLong = start > 0 && isLocalChar(text.charCodeAt(start - 1));
      // A local part starts with a letter, digit or '_' in practice ("ב-name@x.com", "--name@x.com").
      while (start < at && !isAsciiLetter(text.charCodeAt(start)) && !isDigit(text.charCodeAt(start)) && text.charCodeAt(start) !== 95) start++;
      const endsWithDot = at > start && text.charCodeAt(at - 1) === 46;
      if (start < at && !tooLong && !endsWithDot) {
        DOMAIN.lastIndex = at + 1;
        if (DOMAIN.test(text)) {
          const end = DOMAIN.lastIndex;
          if (!endsWithFileExtension(text, end)) {
            out.push({ start, end, kind: 'email', value: text.slice(start, end).toLowerCase() });
            at = text.indexOf('@', end);
            continue;
          }
        }
      }
      at = text.indexOf('@', at + 1);
    }
  },
};
