import type { PiiSpan } from '../kinds';
import { cardIssuer } from '../rules/card-issuers';
import { luhnValid } from '../rules/luhn';
import { isWordChar } from '../text';
import { startsGroup, type RunDetector } from './numeric-runs';

/**
 * Payment card numbers: 12-19 digits, bare or grouped by spaces or dashes, that pass
 * Luhn and carry a real issuer prefix at a length that issuer uses. Published test
 * numbers (4111 1111 1111 1111, 4242 4242 4242 4242) are real-shaped and are masked:
 * the engine cannot tell a test card from a live one, and masking one costs nothing.
 */
// ',' may sit on either side (CSV fields); '.' or '/' with digits beyond means a longer number.
// Every issuer's numbers start 2-6 (UnionPay also 81).
const CANDIDATE = /(?<![\w.+/-])(?:[2-6]|81)(?:[ -]?\d){11,18}(?![\w-]|[./]\d)/y;

export const cardDetector: RunDetector = {
  name: 'card',
  wants: (run) => run.digits >= 12,
  inspect(text: string, run, out: PiiSpan[]): void {
    for (let i = run.start; i < run.end; i++) {
      if (!startsGroup(text, i) || !mayStartCard(text, i)) continue;
      CANDIDATE.lastIndex = i;
      const m = CANDIDATE.exec(text);
      if (!m) continue;
      // A card followed by its CVV or a year ("4111 1111 1111 1111 123") reads as one run:
      // when the whole run is not a card, try it without its trailing groups.
      let candidate = m[0];
      for (;;) {
        const found = asCard(candidate);
        if (found) {
          out.push({ start: i, end: i + candidate.length, kind: 'card', value: found.digits, detail: found.issuer });
          break;
        }
        const cut = Math.max(candidate.lastIndexOf(' '), candidate.lastIndexOf('-'));
        if (cut < 12) break;
        candidate = candidate.slice(0, cut);
      }
      i += m[0].length - 1;
    }
  },
};

/** The start of CANDIDATE checked by hand first (it is tried at every group of every long run): a 2-6 or 81, not after [\w.+/-]. */
function mayStartCard(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (!((c >= 50 && c <= 54) || (c === 56 && text.charCodeAt(i + 1) === 49))) return false;
  const lead = text.charCodeAt(i - 1);
  return !(isWordChar(lead) || lead === 46 || lead === 43 || lead === 47 || lead === 45);
}

function asCard(candidate: string): { digits: string; issuer: string } | null {
  const digits = groupedDigits(candidate);
  if (digits === null || digits.length < 12 || !luhnValid(digits)) return null;
  const issuer = cardIssuer(digits);
  return issuer ? { digits, issuer } : null;
}

/**
 * The digits of a candidate printed as cards are: bare, or with one kind of separator in
 * groups of 4-4-4-4(-3), 4-4-4-1, 4-6-5 (Amex) or 4-6-4 (Diners). Null for any other shape.
 */
function groupedDigits(candidate: string): string | null {
  let sep = 0;
  const lens: number[] = [];
  let len = 0;
  for (let i = 0; i < candidate.length; i++) {
    const c = candidate.charCodeAt(i);
    if (c === 32 || c === 45) {
      if (sep !== 0 && c !== sep) return null;
      sep = c;
      lens.push(len);
      len = 0;
    } else len++;
  }
  lens.push(len);
  if (sep === 0) return candidate;
  const amexOrDiners = lens.length === 3 && lens[0] === 4 && lens[1] === 6 && (lens[2] === 5 || lens[2] === 4);
  if (!amexOrDiners) {
    for (let i = 0; i < lens.length - 1; i++) if (lens[i] !== 4) return null;
    const last = lens[lens.length - 1]!;
    if (last < 1 || last > 4) return null;
  }
  return candidate.replace(sep === 32 ? / /g : /-/g, '');
}
