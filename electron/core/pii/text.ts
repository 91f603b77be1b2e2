/** Character tests and context look-ups shared by the detectors. ASCII only, on purpose: see README. */

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isAsciiLetter(c: number): boolean {
  return (c | 0x20) >= 97 && (c | 0x20) <= 122;
}

/** [A-Za-z0-9_], the `\w` of a non-unicode RegExp. NaN (out of range) is not a word char. */
export function isWordChar(c: number): boolean {
  return isDigit(c) || isAsciiLetter(c) || c === 95;
}

export function isHexDigit(c: number): boolean {
  return isDigit(c) || ((c | 0x20) >= 97 && (c | 0x20) <= 102);
}

/** The lower-cased `width` characters before `start` (clipped at the start of the text). */
export function before(text: string, start: number, width: number): string {
  return text.slice(Math.max(0, start - width), start).toLowerCase();
}
