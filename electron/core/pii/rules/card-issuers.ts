/**
 * Issuer identification: which network a card number belongs to, from its leading digits
 * (IIN ranges) and its length, as the networks publish them. A number no network issues
 * (prefix 0, 1, 7, 8, 9, or a real prefix at a wrong length) is not a card.
 */
interface IssuerRule {
  name: string;
  /** Inclusive ranges of the leading digits, all ranges of one rule the same width. */
  ranges: ReadonlyArray<readonly [number, number]>;
  width: number;
  lengths: readonly number[];
}

const range = (lo: number, hi: number) => [lo, hi] as const;
const one = (n: number) => [n, n] as const;
const LEN_16_19 = [16, 17, 18, 19];

// Checked in order: the more specific ranges come first (Discover's UnionPay co-brand before UnionPay, Maestro before Mastercard).
const ISSUERS: readonly IssuerRule[] = [
  { name: 'Amex', ranges: [one(34), one(37)], width: 2, lengths: [15] },
  { name: 'Diners', ranges: [range(300, 305), one(309)], width: 3, lengths: [14, 15, 16, 17, 18, 19] },
  { name: 'Diners', ranges: [one(36), one(38), one(39)], width: 2, lengths: [14, 15, 16, 17, 18, 19] },
  { name: 'JCB', ranges: [range(3528, 3589)], width: 4, lengths: LEN_16_19 },
  { name: 'Discover', ranges: [range(622126, 622925)], width: 6, lengths: LEN_16_19 },
  { name: 'Discover', ranges: [one(6011)], width: 4, lengths: LEN_16_19 },
  { name: 'Discover', ranges: [range(644, 649)], width: 3, lengths: LEN_16_19 },
  { name: 'Discover', ranges: [one(65)], width: 2, lengths: LEN_16_19 },
  { name: 'UnionPay', ranges: [one(62)], width: 2, lengths: LEN_16_19 },
  { name: 'UnionPay', ranges: [range(8100, 8171)], width: 4, lengths: LEN_16_19 },
  { name: 'Maestro', ranges: [one(5018), one(5020), one(5038), one(5893), one(6304), one(6759), one(6761), one(6762), one(6763)], width: 4, lengths: [12, 13, 14, 15, 16, 17, 18, 19] },
  { name: 'Mir', ranges: [range(2200, 2204)], width: 4, lengths: [16, 17, 18, 19] },
  { name: 'Mastercard', ranges: [range(51, 55)], width: 2, lengths: [16] },
  { name: 'Mastercard', ranges: [range(2221, 2720)], width: 4, lengths: [16] },
  { name: 'Visa', ranges: [one(4)], width: 1, lengths: [13, 16, 19] },
];

const POWERS_OF_TEN = [1, 10, 100, 1000, 10000, 100000, 1000000];

/** The network that issues numbers of this prefix and length, or null. */
export function cardIssuer(digits: string): string | null {
  const n = digits.length;
  if (n < 12 || n > 19) return null; // no network issues other lengths
  // The first six digits as one number, so each rule's prefix is a division, not a slice
  // and a parse (this runs for every Luhn-valid candidate).
  let lead6 = 0;
  for (let i = 0; i < 6; i++) {
    const d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return cardIssuerOf(digits); // not plain digits: read it as Number() would
    lead6 = lead6 * 10 + d;
  }
  for (const rule of ISSUERS) {
    if (!rule.lengths.includes(n)) continue;
    const lead = Math.floor(lead6 / POWERS_OF_TEN[6 - rule.width]!);
    for (const [lo, hi] of rule.ranges) if (lead >= lo && lead <= hi) return rule.name;
  }
  return null;
}

function cardIssuerOf(digits: string): string | null {
  for (const rule of ISSUERS) {
    if (!rule.lengths.includes(digits.length)) continue;
    const lead = Number(digits.slice(0, rule.width));
    for (const [lo, hi] of rule.ranges) if (lead >= lo && lead <= hi) return rule.name;
  }
  return null;
}
