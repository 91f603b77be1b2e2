import { callingCode, nationalLength } from './calling-codes';

/**
 * Is a sequence of digit groups, as printed, a phone number? Phone numbers are told from
 * other numbers by their shape: a '+' and a real calling code, or a national format
 * (North American 3-3-4, a trunk '0' and 9-12 digits, Russian '8 (495) ...', Chinese
 * mobile 1xx xxxx xxxx). Bare digit runs and loose shapes (3-3-3, 4-4) count only when
 * the words before them talk about a phone (phoneValueWithWords).
 */
export interface DigitGroup {
  digits: string;
  /** Written in parentheses: (555), (0). */
  paren: boolean;
  /** Written with a leading '+'. */
  plus: boolean;
}

/** Digit groups as printed, with their digits run together and their shape: "3-3-4" for (555) 123-4567. */
export interface PrintedNumber {
  groups: readonly DigitGroup[];
  digits: string;
  shape: string;
}

export function describe(groups: readonly DigitGroup[]): PrintedNumber {
  let digits = groups[0]!.digits;
  let shape = String(digits.length);
  for (let i = 1; i < groups.length; i++) {
    const d = groups[i]!.digits;
    digits += d;
    shape += '-' + d.length;
  }
  return { groups, digits, shape };
}

/** The normalised phone number (E.164 where the country is known, else the national digits) if the shape alone says phone, or null. */
export function phoneValue(p: PrintedNumber): string | null {
  const first = p.groups[0]!;
  if (first.plus) return international(p.groups, p.digits);
  // 0044 20 7946 0958: the international prefix 00 and the calling code, alone in the first group.
  if (first.digits.startsWith('00') && p.groups.length > 1) {
    const cc = first.digits.slice(2);
    return callingCode(cc) === cc ? international(p.groups, p.digits.slice(2)) : null;
  }
  return national(p.groups, p.digits, p.shape);
}

/**
 * The shapes that are a phone number only when a word such as "phone", "tel", "call" or
 * "電話" comes shortly before: bare digits, 3-3-3, 4-4 and other loose groupings. The
 * caller checks the words; this says whether the shape qualifies.
 */
export function phoneValueWithWords(p: PrintedNumber): string | null {
  const { groups, digits, shape } = p;
  const first = groups[0]!;
  if (first.plus || first.digits.startsWith('00') || looksLikeDate(groups, shape) || shape === '3-2-4') return null;
  const n = digits.length;
  const m = groups.length;
  if (m === 1) {
    if (n === 10 && isNanpArea(digits)) return `+1${digits}`;
    if (n === 11 && digits.charCodeAt(0) === 49 && isNanpArea(digits.slice(1))) return `+${digits}`;
    return hasTrunkZero(digits) && n >= 9 && n <= 12 ? digits : null;
  }
  for (const g of groups) if (g.digits.length < 2) return null;
  return m <= 5 && n >= 7 && n <= 12 ? digits : null;
}

function international(groups: readonly DigitGroup[], withCode: string): string | null {
  const cc = callingCode(withCode);
  if (!cc) return null;
  // "+44 (0)20 ...": the bracketed trunk 0 is not dialled from abroad.
  let bracketedZero = false;
  for (const g of groups) if (g.paren && g.digits === '0') bracketedZero = true;
  let nsn = bracketedZero ? withCode.slice(cc.length).replace('0', '') : withCode.slice(cc.length);
  if (cc !== '39' && nsn.charCodeAt(0) === 48) nsn = nsn.slice(1); // Italy keeps its 0
  const [lo, hi] = nationalLength(cc);
  if (nsn.length < lo || nsn.length > hi || cc.length + nsn.length > 15) return null;
  if (cc === '1' && !isNanpArea(nsn)) return null;
  return `+${cc}${nsn}`;
}

function isNanpArea(tenDigits: string): boolean {
  const c = tenDigits.charCodeAt(0);
  return c >= 50 && c <= 57; // area codes start 2-9
}

function hasTrunkZero(digits: string): boolean {
  return digits.charCodeAt(0) === 48 && digits.charCodeAt(1) !== 48;
}

/** 14.03.2026, 03/14/2026, 2026-03-14, and a date followed by a time ("2026-03-14 09 ..."). */
function looksLikeDate(groups: readonly DigitGroup[], shape: string): boolean {
  if (shape === '2-2-4') return Number(groups[0]!.digits) <= 31 && Number(groups[1]!.digits) <= 31;
  if (!shape.startsWith('4-2')) return false;
  const year = Number(groups[0]!.digits);
  const month = Number(groups[1]!.digits);
  return year >= 1900 && year <= 2099 && month >= 1 && month <= 12;
}

function national(groups: readonly DigitGroup[], digits: string, shape: string): string | null {
  const n = digits.length;
  const m = groups.length;
  const first = groups[0]!;
  // North America: (555) 123-4567, 555-123-4567, 555.123.4567, 1-800-555-0199.
  if (shape === '3-3-4' && isNanpArea(digits)) return `+1${digits}`;
  if (shape === '1-3-3-4' && first.digits === '1' && isNanpArea(digits.slice(1))) return `+${digits}`;
  // Russia and neighbours: 8 (495) 123-45-67, 8-800-555-35-35.
  if (first.digits === '8' && m >= 3 && n === 11) return `+7${digits.slice(1)}`;
  // China mobile: 138 0013 8000.
  if (shape === '3-4-4' && digits.charCodeAt(0) === 49 && digits.charCodeAt(1) >= 51) return `+86${digits}`;
  // 3-2-4 is the printed shape of an SSN (even an invalid one), 2-2-4 and 4-2-2 of a date.
  if (shape === '3-2-4' || looksLikeDate(groups, shape)) return null;
  // Trunk-0 national numbers: UK 020 7946 0958, DE 030 1234567, FR 01 23 45 67 89, JP 03-1234-5678, AU (02) 9876 5432.
  if (hasTrunkZero(digits) && m >= 2 && m <= 6 && n >= 9 && n <= 12 && first.digits.length <= 6) {
    let groupsOk = true;
    for (const g of groups) if (g.digits.length < 2) groupsOk = false;
    if (groupsOk) return digits;
  }
  // An area code in brackets without trunk 0: BR (11) 91234-5678.
  if (first.paren && first.digits.length >= 2 && first.digits.length <= 4 && m >= 2 && m <= 4 && n >= 8 && n <= 12) return digits;
  return null;
}
