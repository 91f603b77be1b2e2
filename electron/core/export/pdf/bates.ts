import { BATES_PREFIX_RE, formatBates } from '../../verify/verify-bundle';
import type { BatesOptions } from '../types';

/**
 * Bates numbering: PREFIX + zero-padded number, one per page, continuous. The prefix rule
 * (printable ASCII, ending in a non-digit so the number's start is unambiguous) is the one
 * the bundle verifier checks, imported rather than restated so the two cannot drift.
 */

export const DEFAULT_BATES_DIGITS = 8;
const MAX_PREFIX = 40;
const MAX_DIGITS = 15;

export class BatesOptionsError extends Error {
  readonly code = 'bates_invalid';
  constructor(
    message: string,
    readonly field: 'prefix' | 'start' | 'digits',
  ) {
    super(message);
    this.name = 'BatesOptionsError';
  }
}

/** Checks Bates options and fills the default width; throws BatesOptionsError naming the field to fix. */
export function validateBates(options: Partial<BatesOptions> & { prefix: string; start: number }): BatesOptions {
  const { prefix, start } = options;
  const digits = options.digits ?? DEFAULT_BATES_DIGITS;
  if (typeof prefix !== 'string' || prefix.length === 0) throw new BatesOptionsError('Give a Bates prefix, e.g. "ACME-" or "OGMA": it must not be empty.', 'prefix');
  if (prefix.length > MAX_PREFIX) throw new BatesOptionsError(`The Bates prefix is ${prefix.length} characters long; keep it to ${MAX_PREFIX} or fewer.`, 'prefix');
  if (!/^[\x20-\x7e]*$/.test(prefix)) throw new BatesOptionsError(`The Bates prefix ${JSON.stringify(prefix)} has a character outside printable ASCII; use letters, digits and punctuation only.`, 'prefix');
  if (!BATES_PREFIX_RE.test(prefix)) throw new BatesOptionsError(`The Bates prefix ${JSON.stringify(prefix)} ends in a digit, so its number could not be told apart from it; end it with a letter or a separator such as "-" or "_".`, 'prefix');
  if (!Number.isInteger(digits) || digits < 1 || digits > MAX_DIGITS) throw new BatesOptionsError(`Bates digits must be a whole number from 1 to ${MAX_DIGITS}; got ${digits}.`, 'digits');
  if (!Number.isSafeInteger(start) || start < 0) throw new BatesOptionsError(`The first Bates number must be a whole number of 0 or more; got ${start}.`, 'start');
  if (String(start).length > digits) throw new BatesOptionsError(`The first Bates number ${start} has more than ${digits} digits; start lower or use more digits.`, 'start');
  return { prefix, start, digits };
}

/** The Bates number of the page at `index` (0-based) of a numbering. Throws when it would outgrow the width. */
export function batesAt(options: BatesOptions, index: number): string {
  const n = options.start + index;
  if (String(n).length > options.digits) throw new BatesOptionsError(`Bates number ${n} does not fit in ${options.digits} digits; use more digits or a lower start.`, 'digits');
  return formatBates(options.prefix, n, options.digits);
}

/** Splits "ABC00000012" under a known prefix into its number, or null when it is not of that numbering. */
export function parseBates(text: string, prefix: string, digits: number): number | null {
  if (!text.startsWith(prefix)) return null;
  const rest = text.slice(prefix.length);
  if (rest.length < digits || !/^\d+$/.test(rest)) return null;
  return Number(rest);
}
