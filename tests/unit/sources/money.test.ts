import { describe, expect, it } from 'vitest';
import { centsToMicroUsd, decimalToScaled, dollarsToMicros, numberToDecimalText, sumDecimalStrings } from '../../../electron/core/sources/money';

describe('money without binary floats', () => {
  it('scales decimal text exactly, rounding half to even', () => {
    expect(decimalToScaled('123.78912', 4)).toBe(1237891n);
    expect(decimalToScaled('0.000015', 5)).toBe(2n); // 1.5 -> 2 (half to even)
    expect(decimalToScaled('0.000025', 5)).toBe(2n); // 2.5 -> 2
    expect(decimalToScaled('0.0000251', 5)).toBe(3n);
    expect(decimalToScaled('-1.5', 0)).toBe(-2n);
    expect(decimalToScaled('7', 3)).toBe(7000n);
    expect(() => decimalToScaled('1e5', 2)).toThrow();
  });

  it('Anthropic cents become integer micro-dollars (1 cent = 10 000 µ$)', () => {
    expect(centsToMicroUsd('123.45')).toBe(1234500n);
    expect(centsToMicroUsd('0.0001')).toBe(1n);
  });

  it('OpenAI float dollars become text and micro-dollars where float arithmetic would drift', () => {
    // Binary floating point: 1.005 * 1e6 = 1004999.9999999999.
    expect(1.005 * 1e6).not.toBe(1005000);
    expect(dollarsToMicros(1.005)).toEqual({ text: '1.005', micros: 1005000 });
    expect(dollarsToMicros(0.07)).toEqual({ text: '0.07', micros: 70000 });
    expect(dollarsToMicros(0.06)).toEqual({ text: '0.06', micros: 60000 });
    expect(dollarsToMicros(1234.5678915)).toEqual({ text: '1234.5678915', micros: 1234567892 });
    expect(dollarsToMicros(1e-7)).toEqual({ text: '0.0000001', micros: 0 });
  });

  it('writes exponent numbers as plain decimals', () => {
    expect(numberToDecimalText(1e-7)).toBe('0.0000001');
    expect(numberToDecimalText(1.5e21)).toBe('1500000000000000000000');
    expect(numberToDecimalText(-2.5e-3)).toBe('-0.0025');
    expect(numberToDecimalText(12)).toBe('12');
  });

  it('sums decimal strings exactly', () => {
    expect(sumDecimalStrings(['0.1', '0.2'])).toBe('0.3');
    expect(sumDecimalStrings(['123.78912', '1.1', '-0.00002'])).toBe('124.88910');
    expect(sumDecimalStrings([])).toBe('0');
  });
});
