/**
 * Value formats that appear only in the test split (about one value in six of the kinds
 * below). The tune split never shows them, so the test figures also say how the engine
 * does on formats nobody tuned it for: other countries' phone layouts, rarer domains,
 * RFC example addresses, unsigned JWTs.
 */
import type { Rng } from '../../../electron/core/sim/random/prng';
import { ALNUM, BASE64URL } from '../../../electron/core/sim/random/ids';
import { luhnCheckDigit } from '../../../electron/core/sim/data/pii';
import * as values from './values';
import type { Value } from './values';

const DIGITS = '0123456789';
const d = (r: Rng, n: number) => r.chars(DIGITS, n);
const nz = (r: Rng, n: number) => String(r.range(1, 9)) + d(r, n - 1);
const v = (kind: Value['kind'], variant: string, text: string): Value => ({ text, kind, variant });
const SHARE = 1 / 6;

function heldOutPhone(r: Rng): Value {
  return v(
    'phone',
    'held-out',
    r.pick([
      `+41 44 ${nz(r, 3)} ${d(r, 2)} ${d(r, 2)}`, `044 ${nz(r, 3)} ${d(r, 2)} ${d(r, 2)}`,
      `+90 212 ${nz(r, 3)} ${d(r, 2)} ${d(r, 2)}`, `0532 ${nz(r, 3)} ${d(r, 2)} ${d(r, 2)}`,
      `+48 22 ${nz(r, 3)} ${d(r, 2)} ${d(r, 2)}`, `+48 601 ${d(r, 3)} ${d(r, 3)}`,
      `+234 803 ${d(r, 3)} ${d(r, 4)}`, `0803 ${d(r, 3)} ${d(r, 4)}`,
      `+62 21 ${nz(r, 4)} ${d(r, 4)}`, `0812-${d(r, 4)}-${d(r, 4)}`,
      `+886 2 ${nz(r, 4)} ${d(r, 4)}`, `02-${nz(r, 4)}-${d(r, 4)}`,
      `+52 55 ${nz(r, 4)} ${d(r, 4)}`, `+27 21 ${nz(r, 3)} ${d(r, 4)}`, `021 ${nz(r, 3)} ${d(r, 4)}`,
      `+46 8 ${nz(r, 3)} ${d(r, 3)} ${d(r, 2)}`, `08-${nz(r, 3)} ${d(r, 3)} ${d(r, 2)}`, `070-${nz(r, 3)} ${d(r, 2)} ${d(r, 2)}`,
      `(+44) 20 ${d(r, 4)} ${d(r, 4)}`, `+49-30-${nz(r, 7)}`, `+1 ${r.range(2, 9)}${d(r, 2)}-${r.range(2, 9)}${d(r, 2)}-${d(r, 4)}`,
    ]),
  );
}

function heldOutEmail(r: Rng): Value {
  const local = r.pick(['o\'brien.k', 'ANNA.SCHMIDT', 'j.smith2', 'first_last', 'x', 'info', 'noreply-billing', 'li.wei+cn', 'a.b.c.d']);
  const domain = r.pick(['post.harvard.edu', 'example.museum', 'company.technology', 'i.ua', 't-online.de', 'bigpond.net.au', 'correo.gob.mx', 'Gmail.COM', 'mx1.mail.co.kr', 'dept.univ-paris1.fr']);
  return v('email', 'held-out', `${local}@${domain}`);
}

function heldOutCard(r: Rng): Value {
  const payload = `${r.range(2200, 2204)}${d(r, 11)}`; // Mir
  const digits = payload + String(luhnCheckDigit(payload));
  return v('card', 'held-out', r.chance(0.5) ? digits : digits.replace(/(\d{4})(?=\d)/g, '$1 '));
}

function heldOutIpv4(r: Rng): Value {
  return v('ipv4', 'held-out', r.pick([`100.${r.range(64, 127)}.${r.range(0, 255)}.${r.range(1, 254)}`, `169.254.${r.range(0, 255)}.${r.range(1, 254)}`, '8.8.8.8', '1.1.1.1', '9.9.9.9', `255.255.${r.pick([0, 240, 255])}.0`]));
}

function heldOutIpv6(r: Rng): Value {
  return v('ipv6', 'held-out', r.pick(['2001:DB8:0:0:8:800:200C:417A', 'FF01::101', '::13.1.68.3', '2001:db8:0:0:1:0:0:1', 'fe80::1', `2001:db8::${r.range(1, 9999)}`, '::ffff:10.0.0.1', `2606:4700:4700::${r.pick(['1111', '1001', '64'])}`]));
}

function heldOutSecret(r: Rng): Value {
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return r.oneOf(
    () => v('secret', 'held-out', `${b64({ alg: 'none' })}.${b64({ sub: r.chars(ALNUM, 10), admin: true })}.`),
    () => v('secret', 'held-out', `${b64({ typ: 'at+jwt', alg: 'PS256', kid: r.chars(ALNUM, 8) })}.${b64({ aud: 'api', scp: ['a', 'b'], exp: 1790000000 + r.int(1e6) })}.${r.chars(BASE64URL, 342)}`),
  );
}

const withHeldOut =
  (common: (r: Rng) => Value, heldOut: (r: Rng) => Value) =>
  (r: Rng): Value =>
    r.chance(SHARE) ? heldOut(r) : common(r);

/** Slot overrides for the test split. */
export const HELD_OUT_SLOTS: Record<string, (r: Rng) => Value> = {
  phone: withHeldOut(values.phone, heldOutPhone),
  email: withHeldOut(values.email, heldOutEmail),
  card: withHeldOut(values.card, heldOutCard),
  ipv4: withHeldOut(values.ipv4, heldOutIpv4),
  ipv6: withHeldOut(values.ipv6, heldOutIpv6),
  ip: withHeldOut(values.ip, (r) => (r.chance(0.5) ? heldOutIpv4(r) : heldOutIpv6(r))),
  jwt: withHeldOut(values.jwt, heldOutSecret),
};
