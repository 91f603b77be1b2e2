import type { PII_KIND_NAMES } from '../../../shared/api/review-schemas';

/**
 * How a mask is read aloud and named in the UI. The main process hands masked text with a
 * chip per mask ({kind, label}); these words turn `[CARD ••••4242]` into "masked payment
 * card number ending 4242" for a screen reader, so nobody has to guess what a bracket means.
 */

export type PiiKind = (typeof PII_KIND_NAMES)[number];

const NAMES: Record<PiiKind, string> = {
  email: 'email address',
  phone: 'phone number',
  ssn: 'social security number',
  card: 'payment card number',
  api_key: 'API key',
  secret: 'secret',
  private_key: 'private key',
  ipv4: 'IP address',
  ipv6: 'IP address',
};

export function piiKindName(kind: PiiKind): string {
  return NAMES[kind];
}

/** Plural, capitalised names for a list of kinds ("Email addresses, payment card numbers"). */
export function piiKindsSummary(kinds: readonly PiiKind[]): string {
  const names = [...new Set(kinds.map((k) => NAMES[k]))];
  if (names.length === 0) return 'No personal data found';
  const plural = names.map((n) => (n.endsWith('ss') ? `${n}es` : `${n}s`));
  const text = plural.join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The accessible name of one chip. The label carries the only detail a mask keeps (the last
 * four digits of a card, the vendor of a key), and that detail is read out with the kind.
 */
export function chipAccessibleName(kind: PiiKind, label: string): string {
  const name = NAMES[kind];
  const lastFour = /••••(\d{4})\]$/.exec(label);
  if (lastFour) return `Masked ${name} ending ${lastFour[1]}`;
  const detail = /^\[[^:\]]+:\s*([^\]]+)\]$/.exec(label);
  if (detail) return `Masked ${detail[1]!.trim()} ${name}`;
  return `Masked ${name}`;
}

/** What a chip shows: the label without its brackets (the chip's outline is the bracket). */
export function chipText(label: string): string {
  return label.replace(/^\[/, '').replace(/\]$/, '');
}
