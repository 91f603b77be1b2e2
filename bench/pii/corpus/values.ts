/**
 * Generated values for the PII corpus, each with the kind the engine should report and a
 * variant name for per-format recall. Written from the formats' own rules (SSA, issuer
 * IIN tables, RFC 4291, vendor key layouts), never from the engine's code, so a bug in a
 * validator shows up as a miss here rather than being copied into the truth.
 */
import type { Rng } from '../../../electron/core/sim/random/prng';
import { ALNUM, BASE64URL, HEX } from '../../../electron/core/sim/random/ids';
import { luhnCheckDigit } from '../../../electron/core/sim/data/pii';
import { LANGS, PEOPLE } from '../../../electron/core/sim/data/names';
import type { PiiKind } from '../../../electron/core/pii/kinds';

export interface Value {
  text: string;
  kind: PiiKind;
  variant: string;
}

const DIGITS = '0123456789';
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const d = (r: Rng, n: number) => r.chars(DIGITS, n);
const nz = (r: Rng, n: number) => String(r.range(1, 9)) + d(r, n - 1);
const v = (kind: PiiKind, variant: string, text: string): Value => ({ text, kind, variant });

// ---------------------------------------------------------------- email
const DOMAINS = ['gmail.com', 'outlook.com', 'hotmail.co.uk', 'acme-corp.com', 'mail.acme-corp.com', 'web.de', 'gmx.de', 'orange.fr', 'free.fr', 'yandex.ru', 'mail.ru', 'yahoo.co.jp', 'qq.com', '163.com', 'naver.com', 'uni-heidelberg.de', 'clinic-nord.de', 'protonmail.ch', 'example.org', 'law-firm.legal', 'startup.io', 'gov.uk', 'sub.company.com.au', 'xn--mller-kva.de'];

export function email(r: Rng): Value {
  const local = r.pick(PEOPLE[r.pick(LANGS)])[1];
  const [first, last] = local.split('.') as [string, string?];
  const shaped = r.weighted<string>([
    [local, 5],
    [`${first}_${last ?? 'x'}`, 1],
    [`${first[0]}.${last ?? first}`, 1],
    [`${first}${last ?? ''}${r.range(1, 99)}`, 2],
    [`${local}+${r.pick(['billing', 'news', 'hr', 'test'])}`, 1],
    [`${first}-${last ?? 'ops'}`, 1],
    [`${first.toUpperCase()[0]}${first.slice(1)}.${last ? last[0]!.toUpperCase() + last.slice(1) : ''}`.replace(/\.$/, ''), 1],
  ]);
  return v('email', 'email', `${shaped}@${r.pick(DOMAINS)}`);
}

// ---------------------------------------------------------------- phone
function nanp(r: Rng): [string, string, string] {
  return [String(r.range(2, 9)) + d(r, 2), String(r.range(2, 9)) + d(r, 2), d(r, 4)];
}

/** Phone numbers as people write them, per country; all are recognisable without context words. */
export function phone(r: Rng): Value {
  return r.oneOf(
    () => {
      const [a, e, l] = nanp(r);
      return v('phone', 'us', r.pick([`(${a}) ${e}-${l}`, `${a}-${e}-${l}`, `${a}.${e}.${l}`, `${a} ${e} ${l}`, `1-${a}-${e}-${l}`, `(${a})${e}-${l}`]));
    },
    () => {
      const [a, e, l] = nanp(r);
      return v('phone', 'us-intl', r.pick([`+1 ${a} ${e} ${l}`, `+1 (${a}) ${e}-${l}`, `+1-${a}-${e}-${l}`, `+1${a}${e}${l}`, `+1.${a}.${e}.${l}`]));
    },
    () => v('phone', 'uk', r.pick([`020 ${d(r, 4)} ${d(r, 4)}`, `07${d(r, 3)} ${d(r, 6)}`, `0161 ${d(r, 3)} ${d(r, 4)}`, `0113 ${d(r, 3)} ${d(r, 4)}`, `01632 ${d(r, 6)}`])),
    () => v('phone', 'uk-intl', r.pick([`+44 20 ${d(r, 4)} ${d(r, 4)}`, `+44 7${d(r, 3)} ${d(r, 6)}`, `+44 (0)20 ${d(r, 4)} ${d(r, 4)}`, `+44 161 ${d(r, 3)} ${d(r, 4)}`, `+447${d(r, 9)}`])),
    () => v('phone', 'de', r.pick([`030 ${nz(r, 7)}`, `089 ${nz(r, 8)}`, `0171 ${nz(r, 7)}`, `0151 ${d(r, 4)} ${d(r, 4)}`, `030/${nz(r, 7)}`, `0221 ${d(r, 3)} ${d(r, 4)}`, `06221 ${nz(r, 6)}`])),
    () => v('phone', 'de-intl', r.pick([`+49 30 ${nz(r, 7)}`, `+49 171 ${nz(r, 7)}`, `+49 (0)30 ${nz(r, 8)}`, `0049 89 ${nz(r, 8)}`, `+49 221 ${d(r, 3)} ${d(r, 4)}`])),
    () => {
      const pairs = () => `${d(r, 2)} ${d(r, 2)} ${d(r, 2)} ${d(r, 2)}`;
      const z = String(r.range(1, 9));
      return v('phone', 'fr', r.pick([`0${z} ${pairs()}`, `0${z}.${pairs().replace(/ /g, '.')}`, `0${z}-${pairs().replace(/ /g, '-')}`, `+33 ${z} ${pairs()}`, `+33 (0)${z} ${pairs()}`]));
    },
    () => v('phone', 'jp', r.pick([`03-${d(r, 4)}-${d(r, 4)}`, `090-${d(r, 4)}-${d(r, 4)}`, `06-${d(r, 4)}-${d(r, 4)}`, `+81 3-${d(r, 4)}-${d(r, 4)}`, `+81 90 ${d(r, 4)} ${d(r, 4)}`])),
    () => v('phone', 'cn', r.pick([`13${d(r, 1)} ${d(r, 4)} ${d(r, 4)}`, `+86 13${d(r, 1)} ${d(r, 4)} ${d(r, 4)}`, `010-${nz(r, 4)}-${d(r, 4)}`, `+86 10 ${nz(r, 4)} ${d(r, 4)}`, `021-${nz(r, 8)}`])),
    () => v('phone', 'in', r.pick([`+91 9${d(r, 4)} ${d(r, 5)}`, `+91-9${d(r, 9)}`, `09${d(r, 4)} ${d(r, 5)}`, `+91 22 ${nz(r, 4)} ${d(r, 4)}`])),
    () => v('phone', 'au', r.pick([`(02) ${nz(r, 4)} ${d(r, 4)}`, `04${d(r, 2)} ${d(r, 3)} ${d(r, 3)}`, `+61 2 ${nz(r, 4)} ${d(r, 4)}`, `+61 4${d(r, 2)} ${d(r, 3)} ${d(r, 3)}`])),
    () => v('phone', 'br', r.pick([`(11) 9${d(r, 4)}-${d(r, 4)}`, `(21) ${nz(r, 4)}-${d(r, 4)}`, `+55 11 9${d(r, 4)}-${d(r, 4)}`, `+55 (11) 9${d(r, 4)}-${d(r, 4)}`])),
    () => v('phone', 'ru', r.pick([`8 (495) ${d(r, 3)}-${d(r, 2)}-${d(r, 2)}`, `8-800-${d(r, 3)}-${d(r, 2)}-${d(r, 2)}`, `+7 495 ${d(r, 3)}-${d(r, 2)}-${d(r, 2)}`, `+7 (916) ${d(r, 3)}-${d(r, 2)}-${d(r, 2)}`, `+7 916 ${d(r, 7)}`])),
    () => v('phone', 'it-es-nl', r.pick([`+39 06 ${d(r, 4)} ${d(r, 4)}`, `06 ${nz(r, 4)} ${d(r, 4)}`, `+39 3${d(r, 2)} ${d(r, 3)} ${d(r, 4)}`, `+34 91${d(r, 1)} ${d(r, 3)} ${d(r, 3)}`, `+34 6${d(r, 2)} ${d(r, 3)} ${d(r, 3)}`, `020 ${nz(r, 3)} ${d(r, 4)}`, `06-${nz(r, 8)}`, `+31 20 ${nz(r, 3)} ${d(r, 4)}`])),
    () => v('phone', 'kr-il-ae', r.pick([`010-${d(r, 4)}-${d(r, 4)}`, `+82 10-${d(r, 4)}-${d(r, 4)}`, `+972 52-${d(r, 3)}-${d(r, 4)}`, `052-${nz(r, 3)}-${d(r, 4)}`, `+971 50 ${d(r, 3)} ${d(r, 4)}`, `+65 ${r.range(6, 9)}${d(r, 3)} ${d(r, 4)}`])),
  );
}

/** Formats that are only a phone number because the words before say so ("tel", "call me on"). */
export function phoneWithContext(r: Rng): Value {
  return r.oneOf(
    () => v('phone', 'bare-us', `${r.range(2, 9)}${d(r, 2)}${r.range(2, 9)}${d(r, 6)}`),
    () => v('phone', 'bare-national', r.pick([`020${d(r, 8)}`, `0171${nz(r, 7)}`, `09${d(r, 8)}`, `0${r.range(1, 9)}${d(r, 8)}`])),
    () => v('phone', 'es-national', `9${r.range(1, 8)}${d(r, 1)} ${d(r, 3)} ${d(r, 3)}`),
    () => v('phone', 'sg-hk', `${r.range(6, 9)}${d(r, 3)} ${d(r, 4)}`),
    () => phone(r),
  );
}

// ---------------------------------------------------------------- SSN
function ssnParts(r: Rng): [string, string, string] {
  for (;;) {
    let area = r.range(1, 899);
    if (area === 666) continue;
    const parts: [string, string, string] = [String(area).padStart(3, '0'), String(r.range(1, 99)).padStart(2, '0'), String(r.range(1, 9999)).padStart(4, '0')];
    const all = parts.join('');
    if (/^(\d)\1+$/.test(all) || all === '078051120' || all === '123456789') continue;
    return parts;
  }
}

export function ssn(r: Rng): Value {
  const [a, g, s] = ssnParts(r);
  return r.chance(0.8) ? v('ssn', 'dashed', `${a}-${g}-${s}`) : v('ssn', 'spaced', `${a} ${g} ${s}`);
}

/** Nine bare digits: an SSN only next to words such as "SSN" or "social security". */
export function ssnBare(r: Rng): Value {
  return v('ssn', 'bare', ssnParts(r).join(''));
}

// ---------------------------------------------------------------- cards
interface Brand {
  name: string;
  prefix: (r: Rng) => string;
  lengths: number[];
  weight: number;
}
const BRANDS: Brand[] = [
  { name: 'visa', prefix: () => '4', lengths: [16, 16, 16, 16, 13, 19], weight: 8 },
  { name: 'mastercard', prefix: (r) => String(r.range(51, 55)), lengths: [16], weight: 5 },
  { name: 'mastercard-2', prefix: (r) => String(r.range(2221, 2720)), lengths: [16], weight: 2 },
  { name: 'amex', prefix: (r) => r.pick(['34', '37']), lengths: [15], weight: 3 },
  { name: 'discover', prefix: (r) => r.pick(['6011', '65', String(r.range(644, 649)), String(r.range(622126, 622925))]), lengths: [16, 16, 19], weight: 2 },
  { name: 'jcb', prefix: (r) => String(r.range(3528, 3589)), lengths: [16, 16, 19], weight: 2 },
  { name: 'diners', prefix: (r) => r.pick(['36', '38', String(r.range(300, 305))]), lengths: [14, 14, 16], weight: 2 },
  { name: 'unionpay', prefix: (r) => '62' + r.pick(['0', '1', '3', '4', '5', '8']), lengths: [16, 19], weight: 2 },
  { name: 'maestro', prefix: (r) => r.pick(['5018', '5020', '5038', '5893', '6304', '6759', '6761', '6762', '6763']), lengths: [12, 13, 16, 19], weight: 2 },
];
const TEST_CARDS = ['4111 1111 1111 1111', '4242 4242 4242 4242', '5555 5555 5555 4444', '3782 822463 10005', '6011 1111 1111 1117', '3530 1113 3330 0000', '4000 0566 5566 5556', '5200 8282 8282 8210'];

function group(digits: string, sizes: number[], sep: string): string {
  const out: string[] = [];
  let i = 0;
  for (const s of sizes) {
    if (i >= digits.length) break;
    out.push(digits.slice(i, i + s));
    i += s;
  }
  if (i < digits.length) out.push(digits.slice(i));
  return out.join(sep);
}

export function cardDigits(r: Rng, brand: Brand): string {
  const len = r.pick(brand.lengths);
  const body = brand.prefix(r);
  const payload = body + d(r, len - 1 - body.length);
  return payload + String(luhnCheckDigit(payload));
}

export function card(r: Rng): Value {
  if (r.chance(0.06)) return v('card', 'test-card', r.pick(TEST_CARDS));
  const brand = r.weighted(BRANDS.map((b) => [b, b.weight] as const));
  const digits = cardDigits(r, brand);
  const sep = r.weighted<string>([[' ', 5], ['-', 2], ['', 3]]);
  if (sep === '') return v('card', brand.name, digits);
  const sizes = digits.length === 15 ? [4, 6, 5] : digits.length === 14 ? [4, 6, 4] : [4, 4, 4, 4, 4];
  return v('card', brand.name, group(digits, sizes, sep));
}

// ---------------------------------------------------------------- vendor keys
export function anthropicKey(r: Rng): Value {
  const kind = r.weighted<string>([['api03', 6], ['admin01', 2], ['oat01', 1]]);
  return v('api_key', 'anthropic', `sk-ant-${kind}-${r.chars(BASE64URL, 93)}AA`);
}
export function openaiKey(r: Rng): Value {
  return r.oneOf(
    () => v('api_key', 'openai', `sk-proj-${r.chars(BASE64URL, 74)}T3BlbkFJ${r.chars(BASE64URL, 74)}`),
    () => v('api_key', 'openai', `sk-admin-${r.chars(BASE64URL, 58)}T3BlbkFJ${r.chars(BASE64URL, 58)}`),
    () => v('api_key', 'openai', `sk-svcacct-${r.chars(BASE64URL, 74)}T3BlbkFJ${r.chars(BASE64URL, 74)}`),
    () => v('api_key', 'openai', `sk-${r.chars(ALNUM, 20)}T3BlbkFJ${r.chars(ALNUM, 20)}`),
  );
}
export function awsAccessKeyId(r: Rng): Value {
  return v('api_key', 'aws-id', `${r.pick(['AKIA', 'AKIA', 'ASIA'])}${r.chars(BASE32, 16)}`);
}
export function githubToken(r: Rng): Value {
  return r.chance(0.75)
    ? v('api_key', 'github', `${r.pick(['ghp', 'gho', 'ghu', 'ghs', 'ghr'])}_${r.chars(ALNUM, 36)}`)
    : v('api_key', 'github', `github_pat_11${r.chars(BASE32, 20)}_${r.chars(ALNUM, 59)}`);
}
export function slackToken(r: Rng): Value {
  const num = () => `${nz(r, r.range(10, 13))}`;
  return r.oneOf(
    () => v('api_key', 'slack', `xoxb-${num()}-${num()}-${r.chars(ALNUM, 24)}`),
    () => v('api_key', 'slack', `xoxp-${num()}-${num()}-${num()}-${r.chars(HEX, 32)}`),
    () => v('api_key', 'slack', `xox${r.pick(['a', 'r', 's'])}-2-${num()}-${r.chars(ALNUM, 40)}`),
  );
}
export function stripeKey(r: Rng): Value {
  const mode = r.pick(['live', 'live', 'test']);
  return v('api_key', 'stripe', `${r.pick(['sk', 'rk', 'pk'])}_${mode}_${r.chars(ALNUM, r.pick([24, 99]))}`);
}
export function apiKey(r: Rng): Value {
  return r.oneOf(() => anthropicKey(r), () => anthropicKey(r), () => openaiKey(r), () => openaiKey(r), () => awsAccessKeyId(r), () => githubToken(r), () => slackToken(r), () => stripeKey(r));
}

// ---------------------------------------------------------------- secrets
const b64url = (s: string) => Buffer.from(s, 'utf8').toString('base64url');

export function jwt(r: Rng): Value {
  const alg = r.pick(['HS256', 'RS256', 'ES256', 'HS512', 'EdDSA']);
  const header = r.chance(0.5) ? { alg, typ: 'JWT' } : { typ: 'JWT', alg, kid: r.chars(HEX, 16) };
  const payload = { sub: r.chance(0.5) ? String(r.range(100000, 999999)) : `user_${r.chars(ALNUM, 12)}`, iss: r.pick(['https://auth.acme-corp.com', 'acme', 'https://login.example.org/']), iat: 1767225600 + r.int(20_000_000), exp: 1767225600 + r.int(20_000_000) + 3600, scope: r.pick(['read', 'read write', 'admin']) };
  const sigLen = alg.startsWith('RS') ? 342 : alg === 'HS512' ? 86 : 43;
  return v('secret', 'jwt', `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}.${r.chars(BASE64URL, sigLen)}`);
}
/** 40 base64 characters: a secret only beside words that say AWS or secret. */
export function awsSecretKey(r: Rng): Value {
  for (;;) {
    const s = r.chars(BASE64, 40);
    if (/[A-Z]/.test(s) && /[a-z]/.test(s) && /[0-9]/.test(s)) return v('secret', 'aws-secret', s);
  }
}
export function slackWebhook(r: Rng): Value {
  return v('secret', 'slack-webhook', `https://hooks.slack.com/services/T${r.chars(BASE32, 8)}/B${r.chars(BASE32, 10)}/${r.chars(ALNUM, 24)}`);
}
export function secret(r: Rng): Value {
  return r.chance(0.75) ? jwt(r) : slackWebhook(r);
}

// ---------------------------------------------------------------- private keys
function base64Lines(r: Rng, lines: number, width: number, last: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines - 1; i++) out.push(r.chars(BASE64, width));
  out.push(r.chars(BASE64, last) + (last % 4 === 2 ? '==' : last % 4 === 3 ? '=' : ''));
  return out;
}

export function privateKey(r: Rng): Value {
  const kind = r.pick(['RSA PRIVATE KEY', 'PRIVATE KEY', 'EC PRIVATE KEY', 'OPENSSH PRIVATE KEY', 'ENCRYPTED PRIVATE KEY', 'PGP PRIVATE KEY BLOCK']);
  const lines = base64Lines(r, r.range(3, 9), kind === 'OPENSSH PRIVATE KEY' ? 70 : 64, r.range(10, 60));
  if (kind === 'RSA PRIVATE KEY') lines[0] = 'MIIEow' + lines[0]!.slice(6);
  const head = kind === 'PGP PRIVATE KEY BLOCK' ? ['Version: GnuPG v2', ''] : [];
  const nl = r.chance(0.15) ? '\\n' : '\n'; // as pasted from a JSON service-account file
  const text = [`-----BEGIN ${kind}-----`, ...head, ...lines, `-----END ${kind}-----`].join(nl);
  return v('private_key', kind.toLowerCase().replace(/ /g, '-'), text);
}

// ---------------------------------------------------------------- IP addresses
export function ipv4(r: Rng): Value {
  const o = () => r.range(0, 255);
  return r.oneOf(
    () => v('ipv4', 'private', `10.${o()}.${o()}.${r.range(1, 254)}`),
    () => v('ipv4', 'private', `192.168.${r.range(0, 255)}.${r.range(1, 254)}`),
    () => v('ipv4', 'private', `172.${r.range(16, 31)}.${o()}.${r.range(1, 254)}`),
    () => v('ipv4', 'public', `${r.pick([23, 34, 52, 81, 91, 104, 151, 185, 203, 212])}.${o()}.${o()}.${o()}`),
    () => v('ipv4', 'doc', `${r.pick(['192.0.2', '198.51.100', '203.0.113'])}.${r.range(1, 254)}`),
  );
}

function hexGroup(r: Rng, upper: boolean): string {
  const g = r.int(0x10000).toString(16);
  return upper ? g.toUpperCase() : g;
}

export function ipv6(r: Rng): Value {
  const up = r.chance(0.15);
  const h = () => hexGroup(r, up);
  return r.oneOf(
    () => v('ipv6', 'full', Array.from({ length: 8 }, () => h()).join(':')),
    () => v('ipv6', 'full-padded', `2001:0db8:${Array.from({ length: 6 }, () => h().padStart(4, '0')).join(':')}`),
    () => v('ipv6', 'compressed', `2001:db8:${h()}::${h()}`),
    () => v('ipv6', 'compressed', `2a02:${h()}:${h()}::${h()}:${h()}`),
    () => v('ipv6', 'link-local', `fe80::${h()}:${h()}:${h()}:${h()}`),
    () => v('ipv6', 'zone', `fe80::${h()}:${h()}%${r.pick(['eth0', 'en0', 'wlan0', '3'])}`),
    () => v('ipv6', 'loopback', '::1'),
    () => v('ipv6', 'mapped', `::ffff:${r.range(1, 223)}.${r.range(0, 255)}.${r.range(0, 255)}.${r.range(1, 254)}`),
    () => v('ipv6', 'nat64', `64:ff9b::${r.range(1, 223)}.${r.range(0, 255)}.${r.range(0, 255)}.${r.range(1, 254)}`),
    () => v('ipv6', 'prefix-only', `2001:db8:${h()}::`),
  );
}

export function ip(r: Rng): Value {
  return r.chance(0.55) ? ipv4(r) : ipv6(r);
}

/** Any value that needs no context words, for open slots; weighted toward what chats carry most. */
export function anyPii(r: Rng): Value {
  return r.weighted<(r: Rng) => Value>([
    [email, 5],
    [phone, 5],
    [ssn, 2],
    [card, 3],
    [apiKey, 4],
    [secret, 2],
    [ipv4, 2],
    [ipv6, 2],
  ])(r);
}
