import type { PiiSpan } from '../kinds';
import { isPlausibleSsn } from '../rules/ssn-rules';
import { before, isDigit, isWordChar } from '../text';
import { startsGroup, type RunDetector } from './numeric-runs';

/**
 * US Social Security numbers: AAA-GG-SSSS or AAA GG SSSS (one separator, used twice),
 * anywhere; nine bare digits only when the words before them say SSN.
 */
// The shape, as a pattern: /(?<![\w.+-])(\d{3})([- ]?)(\d{2})\2(\d{4})(?![\w-]|[./]\d)/y.
// It is checked by hand (ssnEnd) because it is tried at every group of every long digit
// run, and a regex match with four captures per try was a visible share of the engine's time.
const SSN_CONTEXT = /\bssn|ss#|\bssa\b|social[ -]?security|soc\.? ?sec|sozialversicherung|sécurité sociale|seguro social|社会保障|ソーシャル|социальн/;

export const ssnDetector: RunDetector = {
  name: 'ssn',
  wants: (run) => run.digits >= 9,
  inspect(text: string, run, out: PiiSpan[]): void {
    for (let i = run.start; i < run.end; i++) {
      if (!startsGroup(text, i)) continue;
      const end = ssnEnd(text, i);
      if (end < 0) continue;
      const start = i;
      i = end - 1;
      const sep = end - start === 9 ? 0 : 1; // bare, or one separator used twice
      const area = text.slice(start, start + 3);
      const group = text.slice(start + 3 + sep, start + 5 + sep);
      const serial = text.slice(end - 4, end);
      if (!isPlausibleSsn(area, group, serial)) continue;
      if (sep === 0 && !SSN_CONTEXT.test(before(text, start, 48))) continue;
      out.push({ start, end, kind: 'ssn', value: `${area}-${group}-${serial}` });
    }
  },
};

/** Where an SSN-shaped value starting at `at` ends (AAA-GG-SSSS, AAA GG SSSS or nine bare digits, standing alone), or -1. */
function ssnEnd(text: string, at: number): number {
  const lead = text.charCodeAt(at - 1);
  if (isWordChar(lead) || lead === 46 || lead === 43 || lead === 45) return -1; // (?<![\w.+-])
  if (!digitsAt(text, at, 3)) return -1;
  const sep = text.charCodeAt(at + 3);
  let end: number;
  if (sep === 45 || sep === 32) {
    if (!digitsAt(text, at + 4, 2) || text.charCodeAt(at + 6) !== sep || !digitsAt(text, at + 7, 4)) return -1;
    end = at + 11;
  } else {
    if (!digitsAt(text, at + 3, 6)) return -1;
    end = at + 9;
  }
  const next = text.charCodeAt(end);
  if (isWordChar(next) || next === 45) return -1; // (?![\w-])
  if ((next === 46 || next === 47) && isDigit(text.charCodeAt(end + 1))) return -1; // (?![./]\d)
  return end;
}

function digitsAt(text: string, at: number, count: number): boolean {
  for (let i = at; i < at + count; i++) if (!isDigit(text.charCodeAt(i))) return false;
  return true;
}
