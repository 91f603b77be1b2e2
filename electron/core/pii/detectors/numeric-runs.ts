import type { PiiSpan } from '../kinds';
import { isDigit } from '../text';
import type { Detector } from './detector';

/**
 * Cards, SSNs, IPv4 addresses and phone numbers are all made of digits and a little
 * punctuation. Rather than each scanning the whole text, one pass finds every run of
 * digits and such punctuation (seven characters at least: nothing shorter is any of
 * them), counts its digits and dots, and hands it only to the detectors it could feed,
 * in priority order (card, SSN, IPv4, phone).
 */
export interface NumericRun {
  start: number;
  end: number;
  digits: number;
  dots: number;
}

/** A detector of values made of digits, given the runs that could hold one. */
export interface RunDetector {
  readonly name: string;
  /** Cheap test on the counts: could this run hold the detector's kind at all? */
  wants(run: NumericRun): boolean;
  inspect(text: string, run: NumericRun, out: PiiSpan[]): void;
}

// /(?<![\w.])[+(]{0,2}\d[\d .\/()\u00a0-]{6,}/g with the six required characters written
// out: the same language, but V8 then scans with the fixed-length prefix (about 40% faster
// over a text, and this pass reads every character of it).
const RUN_CHAR = String.raw`[\d .\/()\u00a0-]`;
const RUN = new RegExp(String.raw`(?<![\w.])[+(]{0,2}\d` + RUN_CHAR.repeat(6) + RUN_CHAR + '*', 'g');

export function numericRunsDetector(detectors: readonly RunDetector[]): Detector {
  return {
    name: 'numeric-runs',
    find(text: string, out: PiiSpan[]): void {
      RUN.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = RUN.exec(text)) !== null) {
        const start = m.index;
        const end = start + m[0].length;
        let digits = 0;
        let dots = 0;
        for (let i = start; i < end; i++) {
          const c = text.charCodeAt(i);
          if (isDigit(c)) digits++;
          else if (c === 46) dots++;
        }
        const run: NumericRun = { start, end, digits, dots };
        const already = out.length;
        for (const d of detectors) {
          if (!d.wants(run)) continue;
          d.inspect(text, run, out);
          // Detectors come in priority order: once one has claimed the whole run, nothing later can win it.
          if (out.length === already + 1 && out[already]!.start === start && out[already]!.end >= trimmedEnd(text, start, end)) break;
        }
      }
    },
  };
}

/** The run without trailing punctuation ("555-123-4567. " ends at the 7). */
function trimmedEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && !isDigit(text.charCodeAt(e - 1)) && text.charCodeAt(e - 1) !== 41) e--;
  return e;
}

/** A digit that starts a group: where, inside a run, a value may begin (its own lookbehind decides the rest). */
export function startsGroup(text: string, i: number): boolean {
  return isDigit(text.charCodeAt(i)) && !isDigit(text.charCodeAt(i - 1));
}
