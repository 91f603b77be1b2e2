import { describe, expect, it } from 'vitest';
import { highlightSegments, plainTextMatches, toSegments } from '../../../../renderer/review/common/segments';
import { chipAccessibleName, chipText, piiKindsSummary } from '../../../../renderer/review/common/piiNames';

const masked = 'Mail [EMAIL] or pay with [CARD ••••4242] today';
const spans = [
  { start: 5, end: 12, kind: 'email' as const, label: '[EMAIL]' },
  { start: 25, end: 40, kind: 'card' as const, label: '[CARD ••••4242]' },
];

describe('masked text cut into segments', () => {
  it('given masked text with two chips, yields plain runs and chips in order that rebuild the text', () => {
    const segs = toSegments(masked, spans);
    expect(segs.map((s) => s.kind)).toEqual(['text', 'pii', 'text', 'pii', 'text']);
    expect(segs.map((s) => s.text).join('')).toBe(masked);
    expect(segs[1]).toMatchObject({ kind: 'pii', pii: 'email', text: '[EMAIL]' });
    expect(segs[3]).toMatchObject({ kind: 'pii', pii: 'card', label: '[CARD ••••4242]' });
  });

  it('drops overlapping, reversed and out-of-range spans instead of cutting a label in half', () => {
    const bad = [...spans, { start: 8, end: 14, kind: 'phone' as const, label: '[PHONE]' }, { start: 30, end: 29, kind: 'ssn' as const, label: '[SSN]' }, { start: 44, end: 99, kind: 'ssn' as const, label: '[SSN]' }];
    const segs = toSegments(masked, bad);
    expect(segs.filter((s) => s.kind === 'pii').map((s) => s.kind === 'pii' && s.pii)).toEqual(['email', 'card']);
    expect(segs.map((s) => s.text).join('')).toBe(masked);
  });

  it('accepts spans in any order', () => {
    expect(toSegments(masked, [...spans].reverse()).map((s) => s.kind)).toEqual(['text', 'pii', 'text', 'pii', 'text']);
  });
});

describe('find-in-transcript highlighting', () => {
  it('marks case-insensitive matches in plain runs', () => {
    const segs = highlightSegments(toSegments(masked, spans), 'PAY');
    const hits = segs.filter((s) => s.kind === 'text' && s.hit);
    expect(hits.map((s) => s.text)).toEqual(['pay']);
    expect(segs.map((s) => s.text).join('')).toBe(masked);
  });

  it('never matches inside a mask: "4242" is not in what the text says', () => {
    expect(plainTextMatches(masked, spans, '4242')).toBe(false);
    expect(plainTextMatches(masked, spans, 'EMAIL')).toBe(false);
    expect(plainTextMatches(masked, spans, 'today')).toBe(true);
  });

  it('finds every occurrence, with offsets into the original text', () => {
    const segs = highlightSegments(toSegments('aXa xa', []), 'a');
    expect(segs.filter((s) => s.kind === 'text' && s.hit).map((s) => s.start)).toEqual([0, 2, 5]);
  });

  it('an empty query changes nothing', () => {
    expect(highlightSegments(toSegments(masked, spans), '  ')).toEqual(toSegments(masked, spans));
  });
});

describe('chip names', () => {
  it('reads out the kind and the detail the mask keeps', () => {
    expect(chipAccessibleName('card', '[CARD ••••4242]')).toBe('Masked payment card number ending 4242');
    expect(chipAccessibleName('api_key', '[API KEY: Anthropic]')).toBe('Masked Anthropic API key');
    expect(chipAccessibleName('email', '[EMAIL]')).toBe('Masked email address');
    expect(chipAccessibleName('ipv6', '[IP]')).toBe('Masked IP address');
  });

  it('shows the label without brackets', () => {
    expect(chipText('[CARD ••••4242]')).toBe('CARD ••••4242');
  });

  it('summarises the kinds in a message, once each', () => {
    expect(piiKindsSummary(['email', 'ipv4', 'ipv6'])).toBe('Email addresses, IP addresses');
    expect(piiKindsSummary([])).toBe('No personal data found');
  });
});
