import { OgmaError } from '../../../../shared/api/errors';
import type { BatesOptions } from '../types';

/**
 * Bates numbers as a production volume uses them: an ASCII prefix that ends in a
 * non-digit, then a zero-padded page number. The prefix rule is what makes a number
 * parseable back into (prefix, n) without a separator.
 */

// Characters Relativity, Windows paths and the OPT's commas can all live with.
const SAFE_PREFIX_RE = /^[A-Za-z0-9_.-]*[A-Za-z_.-]$/;

export function checkBatesOptions(bates: BatesOptions): void {
  if (!SAFE_PREFIX_RE.test(bates.prefix)) {
    throw new OgmaError(
      'VALIDATION_FAILED',
      `The Bates prefix ${JSON.stringify(bates.prefix)} must be ASCII letters, digits, "_", "." or "-" and end in a non-digit (e.g. "ACME-").`,
      { field: 'bates.prefix' },
    );
  }
  if (!Number.isSafeInteger(bates.start) || bates.start < 0) {
    throw new OgmaError('VALIDATION_FAILED', `The Bates start must be a whole number of 0 or more (got ${bates.start}).`, { field: 'bates.start' });
  }
  if (!Number.isInteger(bates.digits) || bates.digits < 1 || bates.digits > 15) {
    throw new OgmaError('VALIDATION_FAILED', `The Bates width must be between 1 and 15 digits (got ${bates.digits}).`, { field: 'bates.digits' });
  }
}

export function formatBates(prefix: string, n: number, digits: number): string {
  const s = String(n);
  if (s.length > digits) {
    throw new OgmaError('VALIDATION_FAILED', `Bates number ${n} does not fit in ${digits} digits; choose a wider Bates width or a lower start.`, { field: 'bates.digits' });
  }
  return prefix + s.padStart(digits, '0');
}

export interface ParsedBates {
  prefix: string;
  n: number;
  digits: number;
}

/** Splits a Bates number into prefix and number; null when it has no trailing digits or a bad prefix. */
export function parseBates(bates: string): ParsedBates | null {
  const m = /^(.*?)([0-9]+)$/.exec(bates);
  if (!m) return null;
  const prefix = m[1] ?? '';
  const digits = m[2] ?? '';
  if (!SAFE_PREFIX_RE.test(prefix)) return null;
  const n = Number(digits);
  if (!Number.isSafeInteger(n)) return null;
  return { prefix, n, digits: digits.length };
}

/** True when `next` is exactly the Bates number after `prev` (same prefix, same width, n + 1). */
export function isNextBates(prev: string, next: string): boolean {
  const a = parseBates(prev);
  const b = parseBates(next);
  return !!a && !!b && a.prefix === b.prefix && a.digits === b.digits && b.n === a.n + 1;
}
