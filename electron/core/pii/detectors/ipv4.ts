import type { PiiSpan } from '../kinds';
import { parseIPv4 } from '../rules/ip';
import { before, isAsciiLetter } from '../text';
import { startsGroup, type RunDetector } from './numeric-runs';

/**
 * IPv4 addresses that parse (see rules/ip). Four dotted numbers after 'v', 'version',
 * 'build' or a product token ('Chrome/120.0.0.1') are version strings, not addresses;
 * five or more dotted parts are OIDs or versions.
 */
const CANDIDATE = /(?<![\w.])\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}(?![\w-]|\.\d)/y;
// `$(?<=...)`: matched backwards from the end once, not tried from every position (see phone.ts).
const VERSION_BEFORE = /$(?<=(?:(?:\bv|\bversion|\bver\.?|\brelease|\bbuild|\brev\.?|\bversión|\bверсия|バージョン|版本)\s*[:=]?\s*|[a-z]{2,}\/))/;

export const ipv4Detector: RunDetector = {
  name: 'ipv4',
  wants: (run) => run.dots >= 3,
  inspect(text: string, run, out: PiiSpan[]): void {
    for (let i = run.start; i < run.end; i++) {
      if (!startsGroup(text, i)) continue;
      CANDIDATE.lastIndex = i;
      const m = CANDIDATE.exec(text);
      if (!m) continue;
      i += m[0].length - 1;
      const octets = parseIPv4(m[0]);
      if (!octets || (letterBefore(text, m.index) && VERSION_BEFORE.test(before(text, m.index, 12)))) continue;
      out.push({ start: m.index, end: m.index + m[0].length, kind: 'ipv4', value: octets.join('.') });
    }
  },
};

/** A letter or '/' among the few characters before: only then can a version word or product token precede. */
function letterBefore(text: string, start: number): boolean {
  for (let i = Math.max(0, start - 12); i < start; i++) {
    const c = text.charCodeAt(i);
    if (isAsciiLetter(c) || c === 47 || c > 127) return true;
  }
  return false;
}
