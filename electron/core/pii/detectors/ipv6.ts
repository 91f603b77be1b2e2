import type { PiiSpan } from '../kinds';
import { formatIPv6, parseIPv6 } from '../rules/ip';
import { isDigit, isHexDigit, isWordChar } from '../text';
import type { Detector } from './detector';

/**
 * IPv6 addresses that parse (see rules/ip), including '::' forms, a dotted IPv4 tail and
 * a zone id. Found from each ':' outwards: the candidate is the whole run of hex digits
 * and colons around it (plus a dotted tail and a zone), and the search resumes after the
 * run, so every character is looked at a bounded number of times. Forms with no more than
 * two short groups ('a::b', Haskell's '::') are code, not addresses, and are left alone.
 */
const MAX_LENGTH = 45 + 65; // longest text form plus a zone id
const ZONE_CHAR = /[0-9A-Za-z_~.-]/;

function isHexOrColon(c: number): boolean {
  return c === 58 || isHexDigit(c);
}

export const ipv6Detector: Detector = {
  name: 'ipv6',
  find(text: string, out: PiiSpan[]): void {
    let colon = text.indexOf(':');
    while (colon >= 0) {
      let start = colon;
      while (start > 0 && isHexOrColon(text.charCodeAt(start - 1))) start--;
      let end = colon + 1;
      while (end < text.length && isHexOrColon(text.charCodeAt(end))) end++;
      const resume = end;
      end = extendTail(text, end);
      const candidate = accept(text, start, end);
      if (candidate) out.push(candidate);
      colon = text.indexOf(':', Math.max(resume, candidate ? candidate.end : resume));
    }
  },
};

/** Past a dotted IPv4 tail (".168.1.1" after "::ffff:192") and a zone id ("%eth0"). */
function extendTail(text: string, end: number): number {
  let e = end;
  for (let dots = 0; dots < 3 && text.charCodeAt(e) === 46 && isDigit(text.charCodeAt(e + 1)); dots++) {
    e++;
    while (isDigit(text.charCodeAt(e))) e++;
  }
  if (text.charCodeAt(e) === 37 /* % */ && ZONE_CHAR.test(text.charAt(e + 1))) {
    e++;
    while (e < text.length && ZONE_CHAR.test(text.charAt(e))) e++;
    while (text.charCodeAt(e - 1) === 46) e--; // a sentence's full stop after the zone
  }
  return e;
}

function accept(text: string, start: number, end: number): PiiSpan | null {
  if (end - start < 2 || end - start > MAX_LENGTH) return null;
  const lead = text.charCodeAt(start - 1);
  if (isWordChar(lead) || lead === 46 || lead === 37) return null;
  if (isWordChar(text.charCodeAt(end))) return null;
  if (!colonsFit(text, start, end)) return null;
  let candidate = text.slice(start, end);
  // "at 2001:db8::1: connection refused": one trailing colon is punctuation.
  if (candidate.endsWith(':') && !candidate.endsWith('::')) candidate = candidate.slice(0, -1);
  const ip = parseIPv6(candidate);
  if (!ip || !looksLikeAddress(candidate)) return null;
  return { start, end: start + candidate.length, kind: 'ipv6', value: formatIPv6(ip) };
}

/**
 * Cheap structure check before parsing: without '::' an address has exactly seven colons
 * (six before a dotted tail); "09:26:53" and "key:value" never get as far as the parser.
 */
function colonsFit(text: string, start: number, end: number): boolean {
  let colons = 0;
  let double = false;
  let dotted = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 58) {
      colons++;
      if (text.charCodeAt(i + 1) === 58) double = true;
    } else if (c === 46) dotted = true;
    else if (c === 37) break;
  }
  if (colons < 2) return false;
  return double || colons === 7 || colons === 8 /* a trailing ':' */ || (dotted && colons === 6);
}

function looksLikeAddress(candidate: string): boolean {
  const pct = candidate.indexOf('%');
  const address = pct < 0 ? candidate : candidate.slice(0, pct);
  if (address.includes('.')) return true;
  let hexDigits = 0;
  let longestGroup = 0;
  let group = 0;
  let groups = 0;
  for (let i = 0; i <= address.length; i++) {
    const c = address.charCodeAt(i);
    if (isHexDigit(c)) {
      hexDigits++;
      group++;
    } else {
      if (group > 0) groups++;
      longestGroup = Math.max(longestGroup, group);
      group = 0;
    }
  }
  if (hexDigits === 0) return false;
  return groups >= 3 || longestGroup >= 3 || address.startsWith('::');
}
