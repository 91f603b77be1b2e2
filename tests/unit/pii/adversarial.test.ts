import { describe, expect, it } from 'vitest';
import { detectPii, maskText } from '../../../electron/core/pii/index';

/**
 * Inputs built to make a careless regex backtrack for ever. Each must simply return;
 * no timing is asserted (the bench measures speed), only that an answer comes back.
 */
const K = 100 * 1024;
const repeat = (unit: string) => unit.repeat(Math.ceil(K / unit.length)).slice(0, K);

describe('adversarial input', () => {
  it.each([
    ['digits', repeat('7')],
    ['digits with spaces', repeat('1 ')],
    ['digit groups with dashes', repeat('12-')],
    ['dotted digits', repeat('1.')],
    ['@ signs', repeat('@')],
    ['almost-emails', repeat('a.a@')],
    ['domain labels', 'x@' + repeat('a.')],
    ['hex', repeat('deadbeef')],
    ['hex and colons', repeat('ab:')],
    ['colons', repeat(':')],
    ['base64', repeat('Zq3xK9mP2vR7/+')],
    ['base64url with dashes', repeat('sk-ant-')],
    ['JWT prefix', repeat('eyJ')],
    ['JWT-ish dots', 'eyJ' + repeat('a.')],
    ['BEGIN lines without END', repeat('-----BEGIN PRIVATE KEY-----\n')],
    ['BEGIN lines with a mismatched END at the end', repeat('-----BEGIN PRIVATE KEY-----\n') + '-----END RSA PRIVATE KEY-----'],
    ['plus signs and digits', repeat('+1')],
    ['brackets and digits', repeat('(1)')],
    ['colon-separated digits', repeat('1:')],
    ['sk- prefixes', repeat('sk-')],
    ['AWS words beside base64', repeat('aws secret Zq3xK9mP2vR7tW1yB4nC8dF6gH0jL5sA/+Qx ')],
    ['emoji and CJK', repeat('🔥电话')],
  ])('returns on 100 KB of %s', (_label, text) => {
    const spans = detectPii(text);
    expect(Array.isArray(spans)).toBe(true);
    for (let i = 1; i < spans.length; i++) expect(spans[i]!.start).toBeGreaterThanOrEqual(spans[i - 1]!.end);
    expect(typeof maskText(text, spans).masked).toBe('string');
  });
});
