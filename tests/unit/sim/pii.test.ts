import { describe, expect, it } from 'vitest';
import { Rng } from '../../../electron/core/sim/random/prng';
import { NEGATIVE_KINDS, PII_KINDS, luhnValid, makeNegative, makePii } from '../../../electron/core/sim/data/pii';

const digits = (s: string): string => s.replace(/\D/g, '');

function ssnValid(s: string): boolean {
  const m = /^(\d{3})-(\d{2})-(\d{4})$/.exec(s);
  if (!m) return false;
  const [area, group, serial] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return area > 0 && area !== 666 && area < 900 && group > 0 && serial > 0;
}

describe('synthetic personal data', () => {
  const r = new Rng('pii-spec');

  it('every SSN follows the SSA rules (area 001-899 but not 666, group and serial non-zero)', () => {
    for (let i = 0; i < 3000; i++) expect(ssnValid(makePii('ssn', r))).toBe(true);
  });

  it('every card number passes Luhn, has a real brand prefix and length, and uses a separator style', () => {
    for (let i = 0; i < 3000; i++) {
      const c = makePii('card', r);
      const d = digits(c);
      expect(luhnValid(d)).toBe(true);
      expect(d).toMatch(/^(4\d{15}|5[1-5]\d{14}|3[47]\d{13})$/);
      expect(c).toMatch(/^[\d -]+$/);
    }
  });

  it('hard negatives look like PII but are not: Luhn-invalid numbers and invalid SSNs', () => {
    for (let i = 0; i < 2000; i++) {
      expect(luhnValid(digits(makeNegative('luhn_invalid_number', r)))).toBe(false);
      expect(ssnValid(makeNegative('invalid_ssn', r))).toBe(false);
    }
  });

  it('JWTs decode to a JSON header and payload', () => {
    const [h, p, s] = makePii('jwt', r).split('.');
    expect(JSON.parse(Buffer.from(h ?? '', 'base64url').toString())).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(JSON.parse(Buffer.from(p ?? '', 'base64url').toString())).toHaveProperty('sub');
    expect(s).toMatch(/^[\w-]{43}$/);
  });

  it('secrets have their vendors\' shapes', () => {
    expect(makePii('anthropic_key', r)).toMatch(/^sk-ant-api03-[\w-]{86}-[\w-]{6}AA$/);
    expect(makePii('aws_access_key', r)).toMatch(/^AKIA[A-Z2-7]{16}$/);
    expect(makePii('aws_secret_key', r)).toMatch(/^[A-Za-z0-9/+]{40}$/);
    expect(makePii('slack_token', r)).toMatch(/^xoxb-\d{12}-\d{13}-[A-Za-z0-9]{24}$/);
    expect(makePii('stripe_key', r)).toMatch(/^(sk|rk)_live_[A-Za-z0-9]{24}$/);
    expect(makePii('github_token', r)).toMatch(/^(ghp_[A-Za-z0-9]{36}|github_pat_11[A-Z2-7]{20}_[A-Za-z0-9]{59})$/);
    expect(makePii('openai_key', r)).toMatch(/^sk-(proj|admin)-/);
  });

  it('IP addresses parse as IPv4 / IPv6', async () => {
    const { isIPv4, isIPv6 } = await import('node:net');
    for (let i = 0; i < 200; i++) {
      expect(isIPv4(makePii('ipv4', r))).toBe(true);
      expect(isIPv6(makePii('ipv6', r))).toBe(true);
    }
  });

  it('every kind produces a non-empty value', () => {
    for (const k of PII_KINDS) expect(makePii(k, r).length).toBeGreaterThan(3);
    for (const k of NEGATIVE_KINDS) expect(makeNegative(k, r).length).toBeGreaterThan(3);
  });
});
