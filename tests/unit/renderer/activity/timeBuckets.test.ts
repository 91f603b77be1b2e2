import { describe, expect, it } from 'vitest';
import { autoGranularity, bucketLabel, bucketRange, bucketStart, bucketTick, daysBetween } from '../../../../renderer/review/activity/timeBuckets';
import { labelStride, niceScale } from '../../../../renderer/review/activity/chartScale';

describe('time buckets', () => {
  it('puts a day in its own day, the Monday of its week, or the first of its month', () => {
    expect(bucketStart('2026-03-04', 'day')).toBe('2026-03-04');
    expect(bucketStart('2026-03-04', 'week')).toBe('2026-03-02'); // a Wednesday
    expect(bucketStart('2026-03-02', 'week')).toBe('2026-03-02'); // a Monday
    expect(bucketStart('2026-03-08', 'week')).toBe('2026-03-02'); // a Sunday
    expect(bucketStart('2026-03-31', 'month')).toBe('2026-03-01');
  });

  it('lists every bucket between the ends, so gaps show as empty bars', () => {
    expect(bucketRange('2026-02-27', '2026-03-02', 'day')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
    expect(bucketRange('2026-03-04', '2026-03-17', 'week')).toEqual(['2026-03-02', '2026-03-09', '2026-03-16']);
    expect(bucketRange('2025-11-15', '2026-02-01', 'month')).toEqual(['2025-11-01', '2025-12-01', '2026-01-01', '2026-02-01']);
    expect(daysBetween('2026-01-01', '2026-12-31')).toBe(365);
  });

  it('groups long ranges so bars stay readable', () => {
    expect(autoGranularity(30)).toBe('day');
    expect(autoGranularity(92)).toBe('day');
    expect(autoGranularity(400)).toBe('week');
    expect(autoGranularity(1000)).toBe('month');
  });

  it('names buckets for people', () => {
    expect(bucketLabel('2026-03-02', 'week')).toBe('week of 2026-03-02');
    expect(bucketLabel('2026-03-01', 'month')).toBe('Mar 2026');
    expect(bucketTick('2026-03-02', 'day')).toBe('2 Mar');
  });
});

describe('chart scales', () => {
  it('rounds the top up to a readable step', () => {
    expect(niceScale(87)).toEqual({ top: 100, ticks: [0, 25, 50, 75, 100] });
    expect(niceScale(1_416_006_502).top).toBeGreaterThanOrEqual(1_416_006_502);
    expect(niceScale(0)).toEqual({ top: 1, ticks: [0, 1] });
    const s = niceScale(0.37);
    expect(s.top).toBeCloseTo(0.4);
    expect(s.ticks.at(-1)).toBeCloseTo(0.4);
  });

  it('thins axis labels so they do not overlap', () => {
    expect(labelStride(10, 1000, 60)).toBe(1);
    expect(labelStride(365, 900, 60)).toBe(25);
  });
});
