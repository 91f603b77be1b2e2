import { OgmaError } from '../../../shared/api/errors';

/**
 * Money without binary floats. Anthropic sends costs as decimal strings in cents
 * ("123.78912"); OpenAI sends dollars as JSON numbers (0.06). Amounts are kept as the
 * vendor's decimal text and, where an integer is wanted, converted exactly by string
 * arithmetic with round-half-even, so the same input always gives the same integer.
 */

const DECIMAL = /^-?\d+(\.\d+)?$/;

export function isDecimalString(s: string): boolean {
  return DECIMAL.test(s);
}

/** `text` × 10^decimals as an integer, rounded half to even. */
export function decimalToScaled(text: string, decimals: number): bigint {
  if (!DECIMAL.test(text)) throw new OgmaError('VALIDATION_FAILED', `"${text.slice(0, 40)}" is not a decimal amount.`);
  const negative = text.startsWith('-');
  const body = negative ? text.slice(1) : text;
  const [intPart = '0', frac = ''] = body.split('.');
  const kept = frac.slice(0, decimals).padEnd(decimals, '0');
  const rest = frac.slice(decimals);
  let n = BigInt(intPart + kept);
  if (rest.length > 0 && /[1-9]/.test(rest)) {
    const first = Number(rest[0]);
    const beyondHalf = first > 5 || (first === 5 && /[1-9]/.test(rest.slice(1)));
    const exactlyHalf = first === 5 && !/[1-9]/.test(rest.slice(1));
    if (beyondHalf || (exactlyHalf && n % 2n === 1n)) n += 1n;
  }
  return negative ? -n : n;
}

/** Anthropic cost (decimal cents) as integer micro-dollars (1 cent = 10 000 µ$). */
export function centsToMicroUsd(cents: string): bigint {
  return decimalToScaled(cents, 4);
}

/** The plain decimal text of a JSON number (no exponent), as the vendor most likely wrote it. */
export function numberToDecimalText(value: number): string {
  if (!Number.isFinite(value)) throw new OgmaError('VALIDATION_FAILED', 'An amount was not a finite number.');
  const s = String(value);
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const [, sign = '', int = '', frac = '', expText = '0'] = m;
  const exp = Number(expText);
  const digits = int + frac;
  const point = int.length + exp;
  let out: string;
  if (point <= 0) out = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) out = digits + '0'.repeat(point - digits.length);
  else out = `${digits.slice(0, point)}.${digits.slice(point)}`;
  out = out.replace(/^0+(?=\d)/, '');
  if (out.includes('.')) out = out.replace(/\.?0+$/, '');
  return sign + out;
}

export interface DollarAmount {
  /** The amount as decimal text (what the vendor sent, without exponent notation). */
  text: string;
  /** Integer micro-dollars (round half to even beyond 6 decimals). */
  micros: number;
}

/** An OpenAI dollar amount (float) as text and integer micro-dollars, deterministically. */
export function dollarsToMicros(value: number): DollarAmount {
  const text = numberToDecimalText(value);
  const micros = decimalToScaled(text, 6);
  if (micros > BigInt(Number.MAX_SAFE_INTEGER) || micros < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new OgmaError('VALIDATION_FAILED', `The amount ${text} is too large to hold in micro-dollars.`);
  }
  return { text, micros: Number(micros) };
}

/** Exact sum of decimal strings, e.g. a day's cost rows. */
export function sumDecimalStrings(values: readonly string[]): string {
  const scale = Math.max(0, ...values.map((v) => (v.split('.')[1] ?? '').length));
  let total = 0n;
  for (const v of values) total += decimalToScaled(v, scale);
  const negative = total < 0n;
  const digits = (negative ? -total : total).toString().padStart(scale + 1, '0');
  const int = digits.slice(0, digits.length - scale);
  const frac = digits.slice(digits.length - scale);
  return `${negative ? '-' : ''}${int}${scale > 0 ? `.${frac}` : ''}`;
}
