import { describe, expect, it } from 'vitest';
import { detectPii, isPlausibleSsn } from '../../../electron/core/pii/index';
import { foundOf } from './found';

describe('SSN detector', () => {
  it.each([
    ['SSN 219-09-9998', '219-09-9998'],
    ['his number is 536 22 1234 on file', '536 22 1234'],
    ['ssn: 536221234', '536221234'],
    ['Social Security Number 536221234', '536221234'],
    ['soc. sec. #536221234', '536221234'],
  ])('given %j, then it finds %j', (text, ssn) => {
    expect(foundOf('ssn', text)).toEqual([ssn]);
  });

  it('normalises the value to AAA-GG-SSSS', () => {
    expect(detectPii('SSN 536 22 1234')[0]?.value).toBe('536-22-1234');
  });

  describe('given the SSA validity rules, then numbers no one is issued are not SSNs', () => {
    it.each([
      ['000-12-3456', 'area 000'],
      ['666-12-3456', 'area 666'],
      ['900-12-3456', 'area 900-999'],
      ['999-12-3456', 'area 900-999'],
      ['536-00-1234', 'group 00'],
      ['536-22-0000', 'serial 0000'],
      ['111-11-1111', 'all the same digit'],
      ['888-88-8888', 'all the same digit'],
      ['078-05-1120', 'the voided Woolworth wallet-card number'],
      ['123-45-6789', 'the placeholder every form uses'],
    ])('%s (%s)', (ssn) => {
      expect(foundOf('ssn', `SSN ${ssn}`)).toEqual([]);
    });

    it('the rule function agrees', () => {
      expect(isPlausibleSsn('536', '22', '1234')).toBe(true);
      expect(isPlausibleSsn('000', '22', '1234')).toBe(false);
      expect(isPlausibleSsn('666', '22', '1234')).toBe(false);
      expect(isPlausibleSsn('901', '22', '1234')).toBe(false);
      expect(isPlausibleSsn('536', '00', '1234')).toBe(false);
      expect(isPlausibleSsn('536', '22', '0000')).toBe(false);
      expect(isPlausibleSsn('777', '77', '7777')).toBe(false);
    });
  });

  it.each([
    ['order 536221234 shipped', 'nine bare digits without SSN words'],
    ['XXX-XX-XXXX', 'the placeholder'],
    ['***-**-1234', 'an already masked SSN'],
    ['536-22-1234-99', 'part of a longer id'],
    ['536-22 1234', 'mixed separators'],
    ['v536-22-1234', 'glued to a word'],
  ])('given %j (%s), then no SSN is found', (text) => {
    expect(foundOf('ssn', text)).toEqual([]);
  });

  it('finds SSNs between commas, as in a CSV row', () => {
    expect(foundOf('ssn', 'Jane Doe,536-22-1234,2026-03-14')).toEqual(['536-22-1234']);
  });
});
