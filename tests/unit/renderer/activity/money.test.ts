import { describe, expect, it } from 'vitest';
import { formatUsd, formatUsdExact, isZeroMoney, roundMoney, sumMoney } from '../../../../renderer/review/activity/money';

describe('money as exact decimal text', () => {
  it('sums without binary-float drift', () => {
    expect(0.1 + 0.2).not.toBe(0.3); // why this module exists
    expect(sumMoney(['0.1', '0.2'])).toBe('0.3');
    expect(sumMoney(Array.from({ length: 1000 }, () => '0.01'))).toBe('10');
    expect(sumMoney(['19804.35393995', '4116.020909'])).toBe('23920.37484895');
    expect(sumMoney([])).toBe('0');
    expect(sumMoney(['-1.25', '0.5'])).toBe('-0.75');
  });

  it('rounds half away from zero on the digits, so the cents shown are the cents reported', () => {
    expect(roundMoney('1.005')).toBe('1.01'); // a float rounds this to 1.00
    expect(roundMoney('1.00499999')).toBe('1');
    expect(roundMoney('-2.345')).toBe('-2.35');
    expect(roundMoney('7')).toBe('7');
    expect(roundMoney('0.999')).toBe('1');
  });

  it('formats for reading and for audit', () => {
    expect(formatUsd('19804.35393995')).toBe('$19,804.35');
    expect(formatUsd('1234567.1')).toBe('$1,234,567.10');
    expect(formatUsd('0')).toBe('$0.00');
    expect(formatUsdExact('19804.35393995')).toBe('$19,804.35393995');
    expect(formatUsdExact('5')).toBe('$5.00');
    expect(formatUsd('-3.5')).toBe('−$3.50');
    expect(isZeroMoney('0.000')).toBe(true);
    expect(isZeroMoney('0.001')).toBe(false);
  });

  it('refuses text that is not a decimal amount instead of guessing', () => {
    expect(() => sumMoney(['1e3'])).toThrow(/Not a decimal amount/);
    expect(() => formatUsd('NaN')).toThrow(/Not a decimal amount/);
  });
});
