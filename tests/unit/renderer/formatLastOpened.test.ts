import { describe, expect, it } from 'vitest';
import { formatLastOpened } from '../../../renderer/welcome/formatLastOpened';

const now = new Date('2025-11-23T15:00:00Z');
const fmt = (iso: string) => formatLastOpened(iso, now, 'en-GB', 'UTC');

describe('when a recent workspace was last opened', () => {
  it('says today or yesterday with the time', () => {
    expect(fmt('2025-11-23T09:05:00Z')).toBe('Today, 09:05');
    expect(fmt('2025-11-22T23:59:00Z')).toBe('Yesterday, 23:59');
  });

  it('gives the date for older ones, with the year only when it is not this year', () => {
    expect(fmt('2025-11-02T10:00:00Z')).toBe('2 Nov');
    expect(fmt('2024-12-31T10:00:00Z')).toBe('31 Dec 2024');
  });

  it('counts calendar days in the given time zone, not 24-hour spans', () => {
    // One hour apart, but either side of midnight in New York (UTC-5 in November).
    const when = '2025-11-23T04:30:00Z';
    const later = new Date('2025-11-23T05:30:00Z');
    expect(formatLastOpened(when, later, 'en-GB', 'America/New_York')).toBe('Yesterday, 23:30');
    expect(formatLastOpened(when, later, 'en-GB', 'UTC')).toBe('Today, 04:30');
  });

  it('given a malformed time, says it is unknown', () => {
    expect(fmt('not a date')).toBe('Unknown');
  });
});
