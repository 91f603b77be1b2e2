/**
 * Money as the backend sends it: decimal text in US dollars ("19804.35393995"). Sums and
 * rounding are done on integers scaled to the longest fraction (BigInt), never on binary
 * floats, so a cent shown is a cent the vendor reported. `usdForGeometry` is the one place
 * a float is made, and only to size a bar.
 */

const DECIMAL = /^-?\d+(\.\d+)?$/;

interface Scaled {
  units: bigint;
  scale: number;
}

function parse(text: string): Scaled {
  if (!DECIMAL.test(text)) throw new RangeError(`Not a decimal amount: "${text}"`);
  const negative = text.startsWith('-');
  const [int = '0', frac = ''] = (negative ? text.slice(1) : text).split('.');
  const units = BigInt(int + frac);
  return { units: negative ? -units : units, scale: frac.length };
}

function rescale(x: Scaled, scale: number): bigint {
  return x.units * 10n ** BigInt(scale - x.scale);
}

function toText(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const frac = digits.slice(digits.length - scale).replace(/0+$/, '');
  const out = frac ? `${whole}.${frac}` : whole;
  return negative ? `-${out}` : out;
}

/** The exact sum of decimal amounts, as decimal text ("0.1" + "0.2" = "0.3"). */
export function sumMoney(amounts: readonly string[]): string {
  const parsed = amounts.map(parse);
  const scale = Math.max(0, ...parsed.map((p) => p.scale));
  const total = parsed.reduce((acc, p) => acc + rescale(p, scale), 0n);
  return toText(total, scale);
}

/** Rounds to `places` decimals, half away from zero, on the exact digits. */
export function roundMoney(amount: string, places = 2): string {
  const p = parse(amount);
  if (p.scale <= places) return toText(p.units, p.scale);
  const drop = 10n ** BigInt(p.scale - places);
  const magnitude = p.units < 0n ? -p.units : p.units;
  let kept = magnitude / drop;
  if ((magnitude % drop) * 2n >= drop) kept += 1n;
  return toText(p.units < 0n ? -kept : kept, places);
}

function group(whole: string): string {
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function dollars(text: string, minFraction: number): string {
  const negative = text.startsWith('-');
  const [whole = '0', frac = ''] = (negative ? text.slice(1) : text).split('.');
  const fraction = frac.padEnd(minFraction, '0');
  return `${negative ? '−' : ''}$${group(whole)}${fraction ? `.${fraction}` : ''}`;
}

/** "$19,804.35": rounded to the cent on the exact digits, for reading. */
export function formatUsd(amount: string): string {
  return dollars(roundMoney(amount, 2), 2);
}

/** "$19,804.35393995": every digit the vendor reported, for tables and tooltips. */
export function formatUsdExact(amount: string): string {
  const p = parse(amount);
  return dollars(toText(p.units, p.scale), 2);
}

/** A float of the amount, only to size a bar or place an axis; never shown as money. */
export function usdForGeometry(amount: string): number {
  return Number(amount);
}

export function isZeroMoney(amount: string): boolean {
  return parse(amount).units === 0n;
}
