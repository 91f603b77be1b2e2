import { describe, expect, it } from 'vitest';
import { detectPii, maskLabel, maskText, PiiKind, PII_KINDS, type PiiSpan } from '../../../electron/core/pii/index';
import { OgmaError } from '../../../shared/api/errors';

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const JWT = `${b64({ alg: 'HS256' })}.${b64({ sub: 'u1' })}.Zq3xK9mP2vR7tW1yB4nC8dF6gH0jL5sA`;
const ANTHROPIC = 'sk-ant-api03-Zq3xK9mP2vR7tW1yB4nC8dF6gH0jL5sAZq3xK9mP2vR7tW1yB4nC8dF6gH0jL5sA-AA';

describe('maskText', () => {
  it('replaces each finding with a label that keeps the reader oriented', () => {
    const text = `Mail jane@x.io, call (555) 123-4567, SSN 536-22-1234, card 4242 4242 4242 4242, key ${ANTHROPIC}, token ${JWT}, host 10.0.0.1 / 2001:db8::1`;
    expect(maskText(text).masked).toBe(
      'Mail [EMAIL], call [PHONE], SSN [SSN], card [CARD ••••4242], key [API KEY: Anthropic], token [SECRET: JWT], host [IP] / [IP]',
    );
  });

  it('labels private keys, AWS secrets and webhooks', () => {
    const pem = '-----BEGIN PRIVATE KEY-----\nZq3xK9mP2vR7tW1yB4nC8dF6gH0jL5sAZq3xK9mP2vR7tW1yB4nC8dF6gH0jL5sA\n-----END PRIVATE KEY-----';
    expect(maskText(`${pem}\naws_secret_access_key=k7Hq2Zr9Xw4Lm8Np3Vt6Bc1Df5Gh0Js+Ya/Ee2Rr`).masked).toBe('[PRIVATE KEY]\naws_secret_access_key=[SECRET: AWS]');
  });

  it('returns each mask with its offsets in the masked text and in the original', () => {
    const text = 'a jane@x.io b 10.0.0.1';
    const r = maskText(text);
    expect(r.spans).toEqual([
      { start: 2, end: 9, kind: 'email', label: '[EMAIL]', source: { start: 2, end: 11 } },
      { start: 12, end: 16, kind: 'ipv4', label: '[IP]', source: { start: 14, end: 22 } },
    ]);
    for (const s of r.spans) {
      expect(r.masked.slice(s.start, s.end)).toBe(s.label);
      expect(text.slice(s.source.start, s.source.end)).toBe(detectPii(text).find((p) => p.start === s.source.start)!.value);
    }
  });

  it('lists the kinds present once each, in PII_KINDS order', () => {
    expect(maskText('10.0.0.1 a@b.io 10.0.0.2 c@d.io').kinds).toEqual(['email', 'ipv4']);
  });

  it('leaves text without findings as it is', () => {
    const text = 'Nothing here: v1.2.3, 2026-03-14, 3f2504e0-4f89-11d3-9a0c-0305e82c3301.';
    expect(maskText(text)).toEqual({ masked: text, spans: [], kinds: [] });
    expect(maskText('')).toEqual({ masked: '', spans: [], kinds: [] });
  });

  it('masks with the spans it is given (a reviewer-adjusted set)', () => {
    const text = 'call 555-123-4567 now';
    const spans: PiiSpan[] = [{ start: 5, end: 17, kind: 'phone' }];
    expect(maskText(text, spans).masked).toBe('call [PHONE] now');
    expect(maskText(text, []).masked).toBe(text);
  });

  it('refuses overlapping, unsorted, empty or out-of-range spans with VALIDATION_FAILED and a message that says why', () => {
    const text = 'abcdefghij';
    const refusal = (spans: PiiSpan[]) => {
      try {
        maskText(text, spans);
      } catch (e) {
        return e;
      }
      return null;
    };
    for (const spans of [
      [{ start: 2, end: 6, kind: 'email' }, { start: 4, end: 8, kind: 'ssn' }],
      [{ start: 6, end: 8, kind: 'email' }, { start: 1, end: 3, kind: 'ssn' }],
      [{ start: 8, end: 12, kind: 'email' }],
      [{ start: 3, end: 3, kind: 'email' }],
    ] as PiiSpan[][]) {
      const e = refusal(spans);
      expect(e).toBeInstanceOf(OgmaError);
      expect((e as OgmaError).code).toBe('VALIDATION_FAILED');
      expect((e as OgmaError).message).toMatch(/sorted, non-overlapping/);
      expect((e as OgmaError).where).toEqual({ field: 'spans' });
    }
  });

  it('shows a card without digits when the span carries none', () => {
    expect(maskLabel({ start: 0, end: 4, kind: 'card' })).toBe('[CARD]');
    expect(maskLabel({ start: 0, end: 4, kind: 'api_key' })).toBe('[API KEY]');
    expect(maskLabel({ start: 0, end: 4, kind: 'secret' })).toBe('[SECRET]');
  });
});

describe('PII_KINDS and PiiKind', () => {
  it('is a zod enum over exactly the kinds', () => {
    expect(PiiKind.options).toEqual([...PII_KINDS]);
    expect(PiiKind.parse('card')).toBe('card');
    expect(PiiKind.safeParse('name').success).toBe(false);
  });

  it('has a label for every kind', () => {
    for (const kind of PII_KINDS) expect(maskLabel({ start: 0, end: 1, kind })).toMatch(/^\[[A-Z ]+/);
  });
});
