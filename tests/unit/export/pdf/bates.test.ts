import { describe, expect, it } from 'vitest';
import { batesAt, BatesOptionsError, parseBates, validateBates } from '../../../../electron/core/export/pdf';

describe('Bates options', () => {
  it('given a prefix ending in a non-digit, numbers pages zero-padded from the start', () => {
    const b = validateBates({ prefix: 'ACME-', start: 7 });
    expect(b.digits).toBe(8);
    expect(batesAt(b, 0)).toBe('ACME-00000007');
    expect(batesAt(b, 993)).toBe('ACME-00001000');
  });

  it.each([
    ['ACME1', 'prefix', /ends in a digit/],
    ['', 'prefix', /must not be empty/],
    ['ÄCME-', 'prefix', /printable ASCII/],
    ['A\tB-', 'prefix', /printable ASCII/],
    ['X'.repeat(41), 'prefix', /40 or fewer/],
  ])('rejects the prefix %j, naming the %s field', (prefix, field, message) => {
    let err: unknown;
    try {
      validateBates({ prefix, start: 1 });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(BatesOptionsError);
    expect((err as BatesOptionsError).field).toBe(field);
    expect((err as Error).message).toMatch(message);
  });

  it('rejects a negative or fractional start, a start wider than the digits, and a bad width', () => {
    expect(() => validateBates({ prefix: 'A-', start: -1 })).toThrow(/0 or more/);
    expect(() => validateBates({ prefix: 'A-', start: 1.5 })).toThrow(/whole number/);
    expect(() => validateBates({ prefix: 'A-', start: 1000, digits: 3 })).toThrow(/more than 3 digits/);
    expect(() => validateBates({ prefix: 'A-', start: 1, digits: 0 })).toThrow(/digits/);
  });

  it('refuses a page number that outgrows the width instead of widening it silently', () => {
    const b = validateBates({ prefix: 'A-', start: 998, digits: 3 });
    expect(batesAt(b, 1)).toBe('A-999');
    expect(() => batesAt(b, 2)).toThrow(BatesOptionsError);
  });

  it('parses a stamp only under its own prefix and width', () => {
    expect(parseBates('ACME-00000012', 'ACME-', 8)).toBe(12);
    expect(parseBates('ACMX-00000012', 'ACME-', 8)).toBeNull();
    expect(parseBates('ACME-0012', 'ACME-', 8)).toBeNull();
    expect(parseBates('ACME-0000001a', 'ACME-', 8)).toBeNull();
  });
});
