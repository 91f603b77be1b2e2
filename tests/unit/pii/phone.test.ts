import { describe, expect, it } from 'vitest';
import { detectPii } from '../../../electron/core/pii/index';
import { foundOf } from './found';

const valueOf = (text: string) => detectPii(text).find((s) => s.kind === 'phone')?.value;

describe('phone detector', () => {
  describe('given international numbers with +CC, then it finds them and normalises to E.164', () => {
    it.each([
      ['+1 (415) 555-0123', '+14155550123'],
      ['+1-212-555-0199', '+12125550199'],
      ['+14155550123', '+14155550123'],
      ['+44 20 7946 0958', '+442079460958'],
      ['+44 (0)20 7946 0958', '+442079460958'],
      ['(+44) 20 7946 0958', '+442079460958'],
      ['+49 30 1234567', '+49301234567'],
      ['+49 (0)171 1234567', '+491711234567'],
      ['0049 30 1234567', '+49301234567'],
      ['+33 1 23 45 67 89', '+33123456789'],
      ['+81 3-1234-5678', '+81312345678'],
      ['+86 138 0013 8000', '+8613800138000'],
      ['+7 (495) 123-45-67', '+74951234567'],
      ['+39 06 1234 5678', '+390612345678'],
      ['+971 50 123 4567', '+971501234567'],
    ])('%s -> %s', (text, e164) => {
      expect(foundOf('phone', `call ${text} today`)).toEqual([text]);
      expect(valueOf(text)).toBe(e164);
    });
  });

  describe('given common national forms, then it finds them', () => {
    it.each([
      ['(555) 123-4567', 'US'],
      ['555-123-4567', 'US'],
      ['555.123.4567', 'US'],
      ['1-800-555-0199', 'US toll-free'],
      ['020 7946 0958', 'UK London'],
      ['07700 900123', 'UK mobile'],
      ['030 1234567', 'DE Berlin'],
      ['030/1234567', 'DE with slash'],
      ['0171 1234567', 'DE mobile'],
      ['01 23 45 67 89', 'FR'],
      ['06.12.34.56.78', 'FR with dots'],
      ['03-1234-5678', 'JP'],
      ['(02) 9876 5432', 'AU'],
      ['8 (495) 123-45-67', 'RU with trunk 8'],
      ['138 0013 8000', 'CN mobile'],
      ['(11) 91234-5678', 'BR'],
    ])('%s (%s)', (number) => {
      expect(foundOf('phone', `Nummer: ${number}.`)).toEqual([number]);
    });
  });

  it('gives US numbers an E.164 value and other national numbers their digits', () => {
    expect(valueOf('(555) 123-4567')).toBe('+15551234567');
    expect(valueOf('020 7946 0958')).toBe('02079460958');
  });

  it('finds bare digits and loose groupings only after a phone word', () => {
    expect(foundOf('phone', 'tel 4155550123')).toEqual(['4155550123']);
    expect(foundOf('phone', 'Telefon 02079460958')).toEqual(['02079460958']);
    expect(foundOf('phone', 'teléfono 912 345 678')).toEqual(['912 345 678']);
    expect(foundOf('phone', '电话13800138000')).toEqual(['13800138000']);
    expect(foundOf('phone', 'id 4155550123')).toEqual([]);
    expect(foundOf('phone', 'total 912 345 678 rows')).toEqual([]);
  });

  it('finds the number inside a run that starts with something else', () => {
    expect(foundOf('phone', 'ticket 12 555-123-4567')).toEqual(['555-123-4567']);
    expect(foundOf('phone', '(555-123-4567)')).toEqual(['555-123-4567']);
  });

  it.each([
    ['4155550123', 'bare long number'],
    ['1767225600', 'epoch seconds'],
    ['1767225600123', 'epoch milliseconds'],
    ['2026-03-14', 'ISO date'],
    ['14.03.2026', 'dotted date'],
    ['03/14/2026', 'US date'],
    ['2026-03-14 09:26:53', 'timestamp'],
    ['Order #555-123-4567', 'order number'],
    ['invoice 030 1234567', 'invoice number'],
    ['ISBN 978-3-16-148410-0', 'ISBN'],
    ['v10.0.19045.3803', 'version'],
    ['1.3.6.1.4.1.311', 'OID'],
    ['94105-1234', 'ZIP+4'],
    ['078-05-1120', 'an SSN-shaped number'],
    ['12 345 678 ₽', 'money with thin grouping'],
    ['0097 6897 2092 1034', 'a card-shaped run after 00'],
    ['4123 0123 4567 8901', 'four groups of four: not cut into a phone'],
    ['123-456-7890', 'North American area codes never start with 1'],
    ['+999 1234 5678', 'no such calling code'],
    ['+1 123 456 7890', 'no such North American area code'],
    ['+44 20 79', 'too short for the UK'],
  ])('given %j (%s), then no phone is found', (text) => {
    expect(foundOf('phone', text)).toEqual([]);
  });

  it('lets a phone word win over "#" and "no." written after it', () => {
    expect(foundOf('phone', 'Phone #: 555-123-4567')).toEqual(['555-123-4567']);
    expect(foundOf('phone', 'Tel.-Nr. 030 1234567')).toEqual(['030 1234567']);
  });

  it('finds numbers between commas, as in a CSV row', () => {
    expect(foundOf('phone', 'Jane Doe,555-123-4567,2026-03-14')).toEqual(['555-123-4567']);
  });

  it('reads phone words only on the number\'s own line: a "Callback:" label above a timestamp does not make it a phone', () => {
    expect(foundOf('phone', 'Callback: +61 2 8549 4122\nCreated: 2022-09-13 16:44:40')).toEqual(['+61 2 8549 4122']);
    expect(foundOf('phone', 'call me\n912 345 678')).toEqual([]);
  });

  it('does not take a date followed by a time for a loose phone shape, even after a phone word', () => {
    expect(foundOf('phone', 'phone log 2026-03-14 09:30')).toEqual([]);
  });
});

