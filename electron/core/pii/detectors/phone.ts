import type { PiiSpan } from '../kinds';
import { describe, phoneValue, phoneValueWithWords, type DigitGroup } from '../rules/phone-shape';
import { before, isDigit, isWordChar } from '../text';
import type { RunDetector } from './numeric-runs';

/**
 * Phone numbers. A run of digit groups with phone punctuation is cut into chains at
 * anything that cannot sit inside one number (two spaces, ". "), then the longest
 * stretch of groups that has a phone's shape (rules/phone-shape) is taken, so
 * "ticket 12 555-123-4567" and "+44 20 7946 0958 ext 12" still find the number.
 */
const PHONE_WORDS =
  /\b(?:tel|phone|call|mobile|cell|fax|whatsapp|sms|text me|dial|reach me|contact|hotline|telefon|handy|rufnummer|anruf|téléphone|tél|portable|appel|teléfono|móvil|llam|celular|telefone|telefono|cellulare|numéro|número|nummer)|電話|电话|手机|携帯|телефон|тел\.|звон|هاتف|جوال|전화|휴대|טלפון|फ़ोन|फोन/;
// Right before the number, these say it is some other number; "no.", "nr." and "#" do unless a phone word precedes them ("Phone #:", "Tel.-Nr.").
// Written as `$(?<=...)` rather than `...$`: the same test, but checked backwards from the
// end of the text once instead of tried forwards from each of its 40 characters (16x faster).
const NOT_PHONE_BEFORE =
  /$(?<=(?:order|invoice|\binv|ticket|\bcase|\bref|reference|tracking|account|\bacct|iban|isbn|serial|\bsku|\bpo|bestellung|rechnung|commande|facture|pedido|factura|注文|订单|заказ|счёт|счет|(?<!(?:phone|tel|fax|mobile|cell|telefon|handy|rufnummer)\.?[ -]?)(?:\bno\.?|\bnr\.?|\bid|#))\s*[:#.]?\s*)/;
const MAX_GROUPS = 7; // "+7 (495) 123-45-67" has five; nothing real has more than seven
const MIN_DIGITS = 7;
const MAX_DIGITS = 17; // 00 + a 15-digit E.164 number

interface Token extends DigitGroup {
  start: number;
  end: number;
  /** The separator before this token ('' for the first) is a plain space: a chain may be cut here. */
  spaceBefore: boolean;
}

export const phoneDetector: RunDetector = {
  name: 'phone',
  wants: (run) => run.digits >= MIN_DIGITS,
  inspect(text: string, run, out: PiiSpan[]): void {
    const start = phoneStart(text, run.start, run.end);
    if (start < 0) return;
    if (start > run.start && countDigits(text, start, run.end) < MIN_DIGITS) return;
    for (const chain of chains(text, start, run.end)) findInChain(text, chain, out);
  },
};

/**
 * Where in a run a phone number may start: at '+', '(' or a digit, not right after a
 * character that says the digits are something else ('$', '#', '@', '%', '/', '-' ...),
 * with seven characters to go. -1 when nowhere.
 */
function phoneStart(text: string, from: number, end: number): number {
  for (let p = from; p + 7 <= end; p++) {
    const c = text.charCodeAt(p);
    if (!(isDigit(c) || c === 43 || c === 40)) continue;
    if (isNotAfter(text.charCodeAt(p - 1)) || isWordChar(text.charCodeAt(p - 1)) || isDigit(text.charCodeAt(p - 1))) continue;
    if (c !== 43 && c !== 40) return p;
    // [+(]{1,2} then a digit
    const c1 = text.charCodeAt(p + 1);
    if (isDigit(c1) || ((c1 === 43 || c1 === 40) && isDigit(text.charCodeAt(p + 2)))) return p;
  }
  return -1;
}

/** One of '.+/@#$€£¥%-': after these, digits are a decimal, a price, a handle, an id ... (a switch, not a Set: asked for every digit that could start a number). */
function isNotAfter(c: number): boolean {
  switch (c) {
    case 46: case 43: case 47: case 64: case 35: case 36: case 0x20ac: case 0xa3: case 0xa5: case 37: case 45:
      return true;
    default:
      return false;
  }
}

function countDigits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (isDigit(text.charCodeAt(i))) n++;
  return n;
}

/** Digit groups of text[from, to), split into chains wherever the punctuation could not be inside one number. */
function chains(text: string, from: number, to: number): Token[][] {
  const result: Token[][] = [];
  let chain: Token[] = [];
  let i = from;
  let sepLength = 0; // punctuation between this group and the one before
  let sepSpace = false;
  let closedBefore = false;
  while (i < to) {
    let start = i;
    let open = text.charCodeAt(i) === 40; // (
    if (open) i++;
    const plus = text.charCodeAt(i) === 43; // +
    if (plus) i++;
    const ds = i;
    while (i < to && isDigit(text.charCodeAt(i))) i++;
    if (i === ds) break;
    const digitsEnd = i;
    let close = i < to && text.charCodeAt(i) === 41; // )
    // "(555-123-4567)": a bracket around the whole number is punctuation, not an area code.
    const outerOpen = open && !close;
    const outerClose = close && !open;
    if (outerOpen) {
      start++;
      open = false;
    }
    if (outerClose) close = false;
    if (close) i++;
    // A '+' mid-run or punctuation no number has inside ("  ", ". ") ends the chain.
    const joinable = !plus && !outerOpen && (sepLength === 1 || (sepLength === 0 && (open || closedBefore)));
    if (chain.length > 0 && !joinable) {
      result.push(chain);
      chain = [];
    }
    chain.push({ digits: text.slice(ds, digitsEnd), paren: open && close, plus, start, end: i, spaceBefore: sepLength === 1 && sepSpace });
    closedBefore = close;
    if (outerClose) {
      result.push(chain);
      chain = [];
      i++;
    }
    const sepStart = i;
    while (i < to) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 46 || c === 47 || c === 45 || c === 0xa0) i++;
      else break;
    }
    sepLength = i - sepStart;
    const sc = text.charCodeAt(sepStart);
    sepSpace = sc === 32 || sc === 0xa0;
  }
  if (chain.length) result.push(chain);
  return result;
}

function findInChain(text: string, chain: Token[], out: PiiSpan[]): void {
  const k = chain.length;
  for (let i = 0; i < k; i++) {
    if (i > 0 && !chain[i]!.spaceBefore) continue;
    const last = Math.min(k, i + MAX_GROUPS);
    let n = 0;
    for (let t = i; t < last; t++) n += chain[t]!.digits.length;
    for (let j = last; j > i; j--) {
      if (j < last) n -= chain[j]!.digits.length; // n: digits in groups i..j-1
      if (n < MIN_DIGITS) break;
      if (n > MAX_DIGITS || (j < k && !chain[j]!.spaceBefore)) continue;
      // Part of a chain only when the part is set apart by its own punctuation: "12 555-123-4567"
      // yes, "4123 0123 4567 8901" (a card-like run) no. A leading '+' also sets a number apart.
      if ((i > 0 || j < k) && !chain[i]!.plus && spacedInside(chain, i, j)) continue;
      const span = asPhone(text, i === 0 && j === k ? chain : chain.slice(i, j));
      if (span) {
        out.push(span);
        i = j - 1;
        break;
      }
    }
  }
}

/** The part of `lead` on the number's own line: a "Phone:" label two lines up is about another value. */
function sameLine(lead: string): string {
  const nl = lead.lastIndexOf('\n');
  return nl < 0 ? lead : lead.slice(nl + 1);
}

/** Groups i+1..j-1 are separated by plain spaces (a space after a bracketed area code does not count). */
function spacedInside(chain: readonly Token[], i: number, j: number): boolean {
  for (let t = i + 1; t < j; t++) if (chain[t]!.spaceBefore && !chain[t - 1]!.paren) return true;
  return false;
}

function asPhone(text: string, groups: Token[]): PiiSpan | null {
  const start = groups[0]!.start;
  const end = groups[groups.length - 1]!.end;
  const next = text.charCodeAt(end);
  if (isWordChar(next) || (next === 46 && isDigit(text.charCodeAt(end + 1)))) return null;
  const printed = describe(groups);
  let value = phoneValue(printed);
  let lead: string | null = null;
  if (value === null) {
    // Looser shapes count only after a phone word; look at the words only for those shapes.
    value = phoneValueWithWords(printed);
    if (value === null) return null;
    lead = sameLine(before(text, start, 40));
    if (!PHONE_WORDS.test(lead)) return null;
  }
  if (!groups[0]!.plus && NOT_PHONE_BEFORE.test(lead ?? sameLine(before(text, start, 40)))) return null;
  return { start, end, kind: 'phone', value };
}
