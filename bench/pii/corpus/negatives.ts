/**
 * Hard negatives: strings that look like personal data or secrets and are not. The engine
 * must leave every one of them unmasked. Each names its kind so a hit can be traced.
 */
import type { Rng } from '../../../electron/core/sim/random/prng';
import { HEX, ALNUM } from '../../../electron/core/sim/random/ids';
import { luhnCheckDigit } from '../../../electron/core/sim/data/pii';

export const NEGATIVE_KINDS = [
  'timestamp', 'epoch', 'order_number', 'invoice_number', 'date', 'version', 'uuid', 'git_sha', 'placeholder',
  'invalid_ssn', 'luhn_invalid', 'invalid_issuer', 'mac_address', 'isbn', 'oid', 'bare_number', 'time', 'file_name', 'money', 'hash',
] as const;
export type NegativeKind = (typeof NEGATIVE_KINDS)[number];

export interface Negative {
  text: string;
  kind: NegativeKind;
}

const DIGITS = '0123456789';
const d = (r: Rng, n: number) => r.chars(DIGITS, n);
const p2 = (n: number) => String(n).padStart(2, '0');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const MAKERS: Record<NegativeKind, (r: Rng) => string> = {
  timestamp: (r) => {
    const [y, mo, da, h, mi, s] = [r.range(2019, 2027), r.range(1, 12), r.range(1, 28), r.int(24), r.int(60), r.int(60)];
    return r.pick([
      `${y}-${p2(mo)}-${p2(da)}T${p2(h)}:${p2(mi)}:${p2(s)}Z`,
      `${y}-${p2(mo)}-${p2(da)}T${p2(h)}:${p2(mi)}:${p2(s)}.${d(r, 3)}Z`,
      `${y}-${p2(mo)}-${p2(da)}T${p2(h)}:${p2(mi)}:${p2(s)}+0${r.range(1, 9)}:00`,
      `${y}-${p2(mo)}-${p2(da)} ${p2(h)}:${p2(mi)}:${p2(s)}`,
      `${p2(da)}/${MONTHS[mo - 1]}/${y}:${p2(h)}:${p2(mi)}:${p2(s)} +0000`,
      `${MONTHS[mo - 1]} ${p2(da)} ${p2(h)}:${p2(mi)}:${p2(s)}`,
      `${y}${p2(mo)}${p2(da)}T${p2(h)}${p2(mi)}${p2(s)}Z`,
    ]);
  },
  epoch: (r) => r.pick([String(r.range(1_600_000_000, 1_800_000_000)), String(r.range(1_600_000_000, 1_800_000_000)) + d(r, 3), String(r.range(1_600_000_000, 1_800_000_000)) + d(r, 6)]),
  order_number: (r) =>
    r.pick([`ORD-${r.range(2019, 2026)}-${d(r, 6)}`, `#${r.range(100000, 999999)}`, `${r.range(100, 999)}-${d(r, 7)}-${d(r, 7)}`, `PO ${r.range(4500000000, 4599999999)}`, `SO-${d(r, 8)}`, `A${d(r, 9)}`]),
  invoice_number: (r) => r.pick([`INV-${r.range(2019, 2026)}-${d(r, 6)}`, `INV/${d(r, 8)}`, `${r.range(2019, 2026)}/${p2(r.range(1, 12))}/${d(r, 4)}`, `RE-${d(r, 4)}-${d(r, 5)}`, `F${r.range(2019, 2026)}${d(r, 6)}`]),
  date: (r) => {
    const [y, mo, da] = [r.range(1950, 2030), r.range(1, 12), r.range(1, 28)];
    return r.pick([`${p2(mo)}/${p2(da)}/${y}`, `${p2(da)}.${p2(mo)}.${y}`, `${p2(da)}/${p2(mo)}/${y}`, `${y}-${p2(mo)}-${p2(da)}`, `${da} ${MONTHS[mo - 1]} ${y}`, `${y}年${mo}月${da}日`, `${p2(da)}.${p2(mo)}.${String(y).slice(2)}`, `${y}.${p2(mo)}.${p2(da)}`]);
  },
  version: (r) =>
    r.pick([
      `v${r.range(0, 9)}.${r.range(0, 30)}.${r.range(0, 99)}`,
      `v${r.range(1, 20)}.${r.range(0, 20)}.${r.range(0, 99)}.${r.range(0, 255)}`,
      `${r.range(1, 20)}.${r.range(0, 9)}.${r.range(0, 9)}-rc.${r.range(1, 5)}`,
      `Chrome/${r.range(100, 140)}.0.${r.range(5000, 7000)}.${r.range(10, 200)}`,
      `10.0.${r.range(17000, 26000)}.${r.range(100, 4000)}`,
      `node@${r.range(18, 24)}.${r.range(0, 20)}.${r.range(0, 9)}`,
      `${r.range(1, 9)}.${r.range(0, 9)}.${r.range(0, 20)}.${r.range(1000, 9999)}`,
    ]),
  uuid: (r) => {
    const u = `${r.chars(HEX, 8)}-${r.chars(HEX, 4)}-4${r.chars(HEX, 3)}-${r.pick(['8', '9', 'a', 'b'])}${r.chars(HEX, 3)}-${r.chars(HEX, 12)}`;
    return r.chance(0.2) ? u.toUpperCase() : u;
  },
  git_sha: (r) => r.chars(HEX, r.pick([7, 7, 8, 10, 12, 40])),
  placeholder: (r) =>
    r.pick([
      'YOUR_API_KEY', 'sk-ant-xxxx...', 'sk-ant-api03-...', '<API_KEY>', 'XXX-XX-XXXX', 'sk-proj-XXXXXXXXXXXXXXXXXXXXXXXXXXXX', 'sk-...', '<YOUR_OPENAI_KEY>',
      'ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'xoxb-your-token-here', 'AKIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'sk_live_xxxxxxxxxxxxxxxxxxxxxxxx',
      '${ANTHROPIC_API_KEY}', '$OPENAI_API_KEY', 'sk-ant-api03-REPLACE_ME_WITH_YOUR_KEY_000000000000', 'eyJhbGciOi...', 'xxxx-xxxx-xxxx-4242', '***-**-1234',
      'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX', 'sk_test_4eC39HqLyjWDarjtT1zdp7dc'.replace(/[A-Za-z0-9]{20}$/, 'xxxxxxxxxxxxxxxxxxxx'),
      '-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----', '<redacted>', 'sk-ant-admin01-<your-admin-key>', 'your.name@', '0000 0000 0000 0000',
    ]),
  invalid_ssn: (r) =>
    r.pick([
      `000-${p2(r.range(1, 99))}-${d(r, 3)}${r.range(1, 9)}`,
      `666-${p2(r.range(1, 99))}-${d(r, 3)}${r.range(1, 9)}`,
      `9${d(r, 2)}-${p2(r.range(1, 99))}-${d(r, 3)}${r.range(1, 9)}`,
      `${r.range(100, 665)}-00-${d(r, 3)}${r.range(1, 9)}`,
      `${r.range(100, 665)}-${p2(r.range(1, 99))}-0000`,
      `${r.pick(['111-11-1111', '222-22-2222', '555-55-5555', '888-88-8888'])}`,
      '078-05-1120',
      '123-45-6789',
    ]),
  luhn_invalid: (r) => {
    const body = r.pick(['4', '51', '37', '6011']) + d(r, 14);
    const len = body.startsWith('37') ? 14 : 15;
    const payload = body.slice(0, len);
    const digits = payload + String((luhnCheckDigit(payload) + r.range(1, 9)) % 10);
    return digits.length === 15 ? `${digits.slice(0, 4)} ${digits.slice(4, 10)} ${digits.slice(10)}` : digits.replace(/(\d{4})(?=\d)/g, `$1${r.pick([' ', '-'])}`);
  },
  invalid_issuer: (r) => {
    const payload = r.pick(['1', '7', '9', '0']) + d(r, 14); // 8 is not free: UnionPay issues 81xx
    const digits = payload + String(luhnCheckDigit(payload));
    return r.chance(0.5) ? digits : digits.replace(/(\d{4})(?=\d)/g, '$1 ');
  },
  mac_address: (r) => Array.from({ length: 6 }, () => r.chars('0123456789ABCDEF', 2)).join(r.pick([':', '-'])),
  isbn: (r) => r.pick([`978-${r.range(0, 9)}-${d(r, 2)}-${d(r, 6)}-${r.range(0, 9)}`, `ISBN ${r.range(0, 9)}-${d(r, 3)}-${d(r, 5)}-${r.range(0, 9)}`]),
  oid: (r) => `1.3.6.1.4.1.${r.range(1, 60000)}.${r.range(1, 20)}.${r.range(1, 9)}`,
  bare_number: (r) => r.pick([d(r, 1) === '0' ? '4' + d(r, 9) : String(r.range(2, 9)) + d(r, 9), String(r.range(1, 9)) + d(r, 11), '0' + d(r, 10), String(r.range(1, 9)) + d(r, 8)]),
  time: (r) => r.pick([`${p2(r.int(24))}:${p2(r.int(60))}`, `${p2(r.int(24))}:${p2(r.int(60))}:${p2(r.int(60))}`, `${p2(r.int(24))}:${p2(r.int(60))}:${p2(r.int(60))}.${d(r, 3)}`]),
  file_name: (r) => r.pick([`icon@2x.png`, `logo@3x.jpg`, `avatar@2x.webp`, `bundle@${r.range(1, 9)}.${r.range(0, 20)}.${r.range(0, 9)}.js`]),
  money: (r) => r.pick([`$${r.range(1, 999)},${d(r, 3)}.${d(r, 2)}`, `€ ${r.range(1, 999)} ${d(r, 3)},${d(r, 2)}`, `¥${r.range(1, 999)},${d(r, 3)},${d(r, 3)}`, `${r.range(1, 99)} ${d(r, 3)} ${d(r, 3)} ₽`]),
  hash: (r) => r.pick([`sha256:${r.chars(HEX, 64)}`, r.chars(HEX, 32), `${r.chars(ALNUM, 22)}`]),
};

export function negative(r: Rng, kind?: NegativeKind): Negative {
  const k = kind ?? r.pick(NEGATIVE_KINDS);
  return { text: MAKERS[k](r), kind: k };
}
