import { describe, expect, it } from 'vitest';
import { detectPii } from '../../../electron/core/pii/index';
import { KIND_PRIORITY } from '../../../electron/core/pii/detectors/detector';
import { resolveOverlaps } from '../../../electron/core/pii/overlap';
import { found } from './found';

describe('overlapping candidates', () => {
  it('keeps the kind with the higher priority, then the longer span, then the earlier; the result is sorted and disjoint', () => {
    const kept = resolveOverlaps(
      [
        { start: 10, end: 20, kind: 'phone' },
        { start: 12, end: 30, kind: 'card' },
        { start: 0, end: 5, kind: 'ipv4' },
        { start: 3, end: 9, kind: 'ipv4' },
        { start: 30, end: 31, kind: 'email' },
        { start: 40, end: 50, kind: 'phone' },
        { start: 44, end: 46, kind: 'secret' },
      ],
      KIND_PRIORITY,
    );
    expect(kept).toEqual([
      { start: 3, end: 9, kind: 'ipv4' },
      { start: 12, end: 30, kind: 'card' },
      { start: 30, end: 31, kind: 'email' },
      { start: 44, end: 46, kind: 'secret' },
    ]);
  });

  it('ranks kinds: private key > secret > API key > email > card > SSN > IPv6 > IPv4 > phone', () => {
    const order = Object.entries(KIND_PRIORITY)
      .sort((a, b) => b[1] - a[1])
      .map(([k]) => k);
    expect(order).toEqual(['private_key', 'secret', 'api_key', 'email', 'card', 'ssn', 'ipv6', 'ipv4', 'phone']);
  });

  it('reports a card, not the phone-shaped digits inside it', () => {
    expect(found('4111 1111 1111 1111')).toEqual([['card', '4111 1111 1111 1111']]);
  });

  it('reports an IP address, not a phone, for dotted digits', () => {
    expect(found('from 192.168.100.200')).toEqual([['ipv4', '192.168.100.200']]);
  });

  it('reports an SSN, not a phone, for AAA GG SSSS', () => {
    expect(found('536 22 1234')).toEqual([['ssn', '536 22 1234']]);
  });

  it('reports a Slack webhook URL as one secret', () => {
    const url = 'https://hooks.slack.com/services/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';
    expect(found(url)).toEqual([['secret', url]]);
  });

  it('reports a private key block once, whatever key-shaped text is inside it', () => {
    const block = '-----BEGIN PRIVATE KEY-----\nAKIAZ7Q2M4N6P8R3T5V7Zq3xK9mP2vR7tW1yB4nC8dF6gH0jL5sA\njane@x.io 4111111111111111\n-----END PRIVATE KEY-----';
    expect(found(block)).toEqual([['private_key', block]]);
  });

  it('never returns overlapping spans', () => {
    const text = 'x 10.0.0.1:8080 ::ffff:10.0.0.1 +1 555 123 4567 4242424242424242 536-22-1234 a@10.0.0.1.example.com';
    const spans = detectPii(text);
    for (let i = 1; i < spans.length; i++) expect(spans[i]!.start).toBeGreaterThanOrEqual(spans[i - 1]!.end);
  });
});
