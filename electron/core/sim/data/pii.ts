import type { Rng } from '../random/prng';
import { ALNUM, BASE58, BASE64URL, HEX } from '../random/ids';

/**
 * Personal data and secrets of every kind the product masks, plus look-alikes that must
 * NOT be masked (hard negatives). Every value is synthetic but has the real shape:
 * SSNs obey the SSA rules, card numbers pass Luhn, JWTs decode.
 */

export type PiiKind =
  | 'email'
  | 'phone_intl'
  | 'phone_national'
  | 'ssn'
  | 'card'
  | 'anthropic_key'
  | 'openai_key'
  | 'aws_access_key'
  | 'aws_secret_key'
  | 'github_token'
  | 'slack_token'
  | 'stripe_key'
  | 'jwt'
  | 'ipv4'
  | 'ipv6';

export type NegativeKind =
  | 'timestamp'
  | 'order_number'
  | 'date'
  | 'version'
  | 'uuid'
  | 'git_sha'
  | 'placeholder'
  | 'luhn_invalid_number'
  | 'invalid_ssn';

export const PII_KINDS: readonly PiiKind[] = [
  'email', 'phone_intl', 'phone_national', 'ssn', 'card', 'anthropic_key', 'openai_key', 'aws_access_key',
  'aws_secret_key', 'github_token', 'slack_token', 'stripe_key', 'jwt', 'ipv4', 'ipv6',
];
export const NEGATIVE_KINDS: readonly NegativeKind[] = [
  'timestamp', 'order_number', 'date', 'version', 'uuid', 'git_sha', 'placeholder', 'luhn_invalid_number', 'invalid_ssn',
];

const DIGITS = '0123456789';
const UPPER_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

const MAIL_LOCAL = ['j.doe', 'maria.garcia', 'k.tanaka', 'ops-team', 'ahmed.k+billing', 'noa_cohen', 'p.muller', 'support', 'olga.p', 'li.wei88'];
const MAIL_DOMAIN = ['gmail.com', 'outlook.com', 'acme-corp.com', 'example.org', 'web.de', 'yahoo.co.jp', 'mail.ru', 'orange.fr', 'protonmail.ch', 'clinic-nord.de'];

export function email(r: Rng): string {
  return `${r.pick(MAIL_LOCAL)}@${r.pick(MAIL_DOMAIN)}`;
}

export function phoneIntl(r: Rng): string {
  const d = (n: number): string => r.chars(DIGITS, n);
  return r.oneOf(
    () => `+1 415 555 ${d(4)}`,
    () => `+1-212-${r.range(200, 999)}-${d(4)}`,
    () => `+44 20 7946 ${d(4)}`,
    () => `+49 30 ${d(8)}`,
    () => `+49 (0)171 ${d(7)}`,
    () => `+33 1 ${d(2)} ${d(2)} ${d(2)} ${d(2)}`,
    () => `+34 912 ${d(3)} ${d(3)}`,
    () => `+7 495 ${d(3)}-${d(2)}-${d(2)}`,
    () => `+30 210 ${d(7)}`,
    () => `+81 3-${d(4)}-${d(4)}`,
    () => `+86 138 ${d(4)} ${d(4)}`,
    () => `+971 50 ${d(3)} ${d(4)}`,
    () => `+972 52-${d(3)}-${d(4)}`,
  );
}

export function phoneNational(r: Rng): string {
  const d = (n: number): string => r.chars(DIGITS, n);
  return r.oneOf(
    () => `(415) 555-${d(4)}`,
    () => `030 ${d(8)}`,
    () => `0171 ${d(7)}`,
    () => `01 ${d(2)} ${d(2)} ${d(2)} ${d(2)}`,
    () => `06.${d(2)}.${d(2)}.${d(2)}.${d(2)}`,
    () => `912 ${d(3)} ${d(3)}`,
    () => `8 (495) ${d(3)}-${d(2)}-${d(2)}`,
    () => `03-${d(4)}-${d(4)}`,
    () => `052-${d(3)}-${d(4)}`,
  );
}

/** A US SSN valid under the post-2011 rules: area 001-899 except 666, group 01-99, serial 0001-9999. */
export function ssn(r: Rng): string {
  let area = r.range(1, 899);
  if (area === 666) area = 665;
  const group = r.range(1, 99);
  const serial = r.range(1, 9999);
  return `${String(area).padStart(3, '0')}-${String(group).padStart(2, '0')}-${String(serial).padStart(4, '0')}`;
}

export function invalidSsn(r: Rng): string {
  return r.oneOf(
    () => `000-${r.range(10, 99)}-${r.range(1000, 9999)}`,
    () => `666-${r.range(10, 99)}-${r.range(1000, 9999)}`,
    () => `9${r.range(10, 99)}-${r.range(10, 99)}-${r.range(1000, 9999)}`,
    () => `${r.range(100, 665)}-00-${r.range(1000, 9999)}`,
  );
}

export function luhnCheckDigit(payload: string): number {
  let sum = 0;
  for (let i = 0; i < payload.length; i++) {
    let n = payload.charCodeAt(payload.length - 1 - i) - 48;
    if (i % 2 === 0) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
  }
  return (10 - (sum % 10)) % 10;
}

export function luhnValid(digits: string): boolean {
  return luhnCheckDigit(digits.slice(0, -1)) === Number(digits.slice(-1));
}

function groupDigits(digits: string, groups: number[], sep: string): string {
  const out: string[] = [];
  let i = 0;
  for (const g of groups) {
    out.push(digits.slice(i, i + g));
    i += g;
  }
  return out.join(sep);
}

/** A Luhn-valid Visa / Mastercard / Amex number, printed with spaces, dashes or nothing. */
export function card(r: Rng): string {
  const brand = r.pick(['visa', 'mc', 'amex'] as const);
  const prefix = brand === 'visa' ? '4' : brand === 'mc' ? String(r.range(51, 55)) : r.pick(['34', '37']);
  const len = brand === 'amex' ? 15 : 16;
  const body = prefix + r.chars(DIGITS, len - 1 - prefix.length);
  const digits = body + String(luhnCheckDigit(body));
  const sep = r.pick([' ', '-', '']);
  return sep === '' ? digits : groupDigits(digits, brand === 'amex' ? [4, 6, 5] : [4, 4, 4, 4], sep);
}

/** 16 digits in card-like groups that fail Luhn: an order or tracking number, not a card. */
export function luhnInvalidNumber(r: Rng): string {
  const body = '4' + r.chars(DIGITS, 14);
  const wrong = (luhnCheckDigit(body) + 1 + r.int(8)) % 10;
  return groupDigits(body + String(wrong), [4, 4, 4, 4], r.pick([' ', '-']));
}

export function anthropicKey(r: Rng): string {
  return `sk-ant-api03-${r.chars(BASE64URL, 86)}-${r.chars(BASE64URL, 6)}AA`;
}
export function openaiKey(r: Rng): string {
  return r.chance(0.5) ? `sk-proj-${r.chars(BASE64URL, 48)}T3BlbkFJ${r.chars(BASE64URL, 48)}` : `sk-admin-${r.chars(BASE64URL, 64)}`;
}
export function awsAccessKey(r: Rng): string {
  return `AKIA${r.chars(UPPER_DIGITS, 16)}`;
}
export function awsSecretKey(r: Rng): string {
  return r.chars(ALNUM + '/+', 40);
}
export function githubToken(r: Rng): string {
  return r.chance(0.6) ? `ghp_${r.chars(ALNUM, 36)}` : `github_pat_11${r.chars(UPPER_DIGITS, 20)}_${r.chars(ALNUM, 59)}`;
}
export function slackToken(r: Rng): string {
  return `xoxb-${r.chars(DIGITS, 12)}-${r.chars(DIGITS, 13)}-${r.chars(ALNUM, 24)}`;
}
export function stripeKey(r: Rng): string {
  return `${r.pick(['sk_live_', 'rk_live_'])}${r.chars(ALNUM, 24)}`;
}

function b64url(s: string): string {
  return Buffer.from(s, 'utf8').toString('base64url');
}

export function jwt(r: Rng): string {
  const header = b64url('{"alg":"HS256","typ":"JWT"}');
  const payload = b64url(JSON.stringify({ sub: String(r.range(100000, 999999)), name: 'Jane Doe', iat: 1767225600 + r.int(20_000_000) }));
  return `${header}.${payload}.${r.chars(BASE64URL, 43)}`;
}

export function ipv4(r: Rng): string {
  return r.oneOf(
    () => `203.0.113.${r.range(1, 254)}`,
    () => `198.51.100.${r.range(1, 254)}`,
    () => `${r.range(11, 99)}.${r.range(0, 255)}.${r.range(0, 255)}.${r.range(1, 254)}`,
    () => `10.${r.range(0, 255)}.${r.range(0, 255)}.${r.range(1, 254)}`,
  );
}

export function ipv6(r: Rng): string {
  const h = (): string => r.int(0x10000).toString(16);
  return r.oneOf(
    () => `2001:db8:${h()}:${h()}::${h()}`,
    () => `2a02:${h()}:${h()}:${h()}:${h()}:${h()}:${h()}:${h()}`,
    () => `fe80::${h()}:${h()}:${h()}:${h()}`,
  );
}

const PII: Record<PiiKind, (r: Rng) => string> = {
  email,
  phone_intl: phoneIntl,
  phone_national: phoneNational,
  ssn,
  card,
  anthropic_key: anthropicKey,
  openai_key: openaiKey,
  aws_access_key: awsAccessKey,
  aws_secret_key: awsSecretKey,
  github_token: githubToken,
  slack_token: slackToken,
  stripe_key: stripeKey,
  jwt,
  ipv4,
  ipv6,
};

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

const NEGATIVES: Record<NegativeKind, (r: Rng) => string> = {
  timestamp: (r) => `2026-${pad2(r.range(1, 9))}-${pad2(r.range(1, 28))}T${pad2(r.int(24))}:${pad2(r.int(60))}:${pad2(r.int(60))}Z`,
  order_number: (r) => r.oneOf(() => `#${r.range(1000, 9999)}-${r.range(1000, 9999)}-${r.range(1000, 9999)}`, () => `PO-2026-${r.chars(DIGITS, 6)}`, () => `INV/${r.chars(DIGITS, 8)}`),
  date: (r) => r.oneOf(() => `${pad2(r.range(1, 28))}.${pad2(r.range(1, 12))}.2026`, () => `${r.range(1, 12)}/${r.range(1, 28)}/2026`, () => `2026年${r.range(1, 12)}月${r.range(1, 28)}日`),
  version: (r) => r.oneOf(() => `v${r.range(1, 9)}.${r.range(0, 30)}.${r.range(0, 99)}`, () => `${r.range(1, 20)}.${r.range(0, 9)}.${r.range(0, 9)}-rc.${r.range(1, 5)}`, () => `node@20.${r.range(10, 20)}.${r.range(0, 9)}`),
  uuid: (r) => `${r.chars(HEX, 8)}-${r.chars(HEX, 4)}-4${r.chars(HEX, 3)}-a${r.chars(HEX, 3)}-${r.chars(HEX, 12)}`,
  git_sha: (r) => r.chars(HEX, 40),
  placeholder: (r) => r.pick(['YOUR_API_KEY', 'sk-ant-api03-...', '<YOUR_OPENAI_KEY>', 'sk-XXXXXXXXXXXXXXXXXXXX', '$ANTHROPIC_API_KEY', 'xoxb-your-token-here']),
  luhn_invalid_number: luhnInvalidNumber,
  invalid_ssn: invalidSsn,
};

export function makePii(kind: PiiKind, r: Rng): string {
  return PII[kind](r);
}

export function makeNegative(kind: NegativeKind, r: Rng): string {
  return NEGATIVES[kind](r);
}

/** A short non-secret id for filenames and tickets. */
export function ticket(r: Rng): string {
  return `${r.pick(['SEC', 'OPS', 'LEG', 'FIN'])}-${r.chars(DIGITS, 4)}`;
}

export { BASE58 };
