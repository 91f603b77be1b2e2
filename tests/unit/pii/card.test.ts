import { describe, expect, it } from 'vitest';
import { cardIssuer, detectPii, luhnValid } from '../../../electron/core/pii/index';
import { foundOf } from './found';

/** Appends the Luhn check digit to a payload. */
function withCheckDigit(payload: string): string {
  for (let c = 0; c <= 9; c++) if (luhnValid(payload + c)) return payload + c;
  throw new Error('unreachable');
}

describe('Luhn', () => {
  it('accepts numbers whose check digit is right and rejects any single-digit change', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(luhnValid('378282246310005')).toBe(true);
    expect(luhnValid('378282246310006')).toBe(false);
    expect(luhnValid('79927398713')).toBe(true);
  });
});

describe('card issuers: prefix and length', () => {
  it.each([
    ['4' + '0'.repeat(11) + '1', 'Visa', 13],
    ['4111111111111111', 'Visa', 16],
    ['4' + '1'.repeat(17) + '0', 'Visa', 19],
    ['5105105105105100', 'Mastercard', 16],
    ['2221000000000009', 'Mastercard', 16],
    ['2720990000000000', 'Mastercard', 16],
    ['378282246310005', 'Amex', 15],
    ['341111111111111', 'Amex', 15],
    ['6011111111111117', 'Discover', 16],
    ['6441111111111111', 'Discover', 16],
    ['6221260000000000', 'Discover', 16],
    ['3530111333300000', 'JCB', 16],
    ['36227206271667', 'Diners', 14],
    ['30569309025904', 'Diners', 14],
    ['6200000000000005', 'UnionPay', 16],
    ['6759649826438453', 'Maestro', 16],
    ['2200000000000004', 'Mir', 16],
  ])('%s is %s (%i digits)', (digits, issuer, len) => {
    expect(digits).toHaveLength(len);
    expect(cardIssuer(digits)).toBe(issuer);
  });

  it.each([
    ['4111111111111', 13, 'Visa'],
    ['41111111111111', 14, null],
    ['411111111111111', 15, null],
    ['51051051051051', 14, null],
    ['3782822463100', 13, null],
    ['37828224631000', 14, null],
    ['2720990000000000', 16, 'Mastercard'],
    ['2721000000000000', 16, null],
    ['2220990000000000', 16, null],
    ['1234567890123456', 16, null],
    ['9999999999999999', 16, null],
    ['0000000000000000', 16, null],
  ])('%s (%i digits) -> %s', (digits, len, issuer) => {
    expect(digits).toHaveLength(len);
    expect(cardIssuer(digits)).toBe(issuer);
  });
});

const VISA_19 = withCheckDigit('411111111111111100').replace(/^(\d{4})(\d{4})(\d{4})(\d{4})(\d{3})$/, '$1 $2 $3 $4 $5');
const VISA_13 = withCheckDigit('422222222222');

describe('card detector', () => {
  it.each([
    ['pay with 4111 1111 1111 1111 please', '4111 1111 1111 1111'],
    ['4242-4242-4242-4242', '4242-4242-4242-4242'],
    ['card=5555555555554444;', '5555555555554444'],
    ['amex 3782 822463 10005', '3782 822463 10005'],
    ['diners 3622 720627 1667', '3622 720627 1667'],
    ['an Amex typed in fours 3782 8224 6310 005', '3782 8224 6310 005'],
    [`19 digits ${VISA_19}`, VISA_19],
    [`13 digits ${VISA_13}`, VISA_13],
  ])('given %j, then it finds %j', (text, card) => {
    expect(foundOf('card', text)).toEqual([card]);
  });

  it('treats published test numbers as cards: Luhn-valid with a real prefix is a card, whoever issued it', () => {
    expect(foundOf('card', 'Stripe test card 4242 4242 4242 4242 and 4111 1111 1111 1111')).toEqual(['4242 4242 4242 4242', '4111 1111 1111 1111']);
  });

  it('keeps the digits and the issuer', () => {
    const [span] = detectPii('card 5555-5555-5555-4444');
    expect(span).toMatchObject({ kind: 'card', value: '5555555555554444', detail: 'Mastercard' });
  });

  it('finds the card when a CVV or year follows it in the same run of digit groups', () => {
    expect(foundOf('card', '4111 1111 1111 1111 123')).toEqual(['4111 1111 1111 1111']);
    expect(foundOf('card', '4111 1111 1111 1111 2027')).toEqual(['4111 1111 1111 1111']);
  });

  it.each([
    ['4111 1111 1111 1112', 'fails Luhn'],
    ['9111 1111 1111 1119', 'no issuer uses prefix 9'],
    [withCheckDigit('123456789012345'), 'no issuer uses prefix 1'],
    ['4111 1111-1111 1111', 'mixed separators'],
    ['41 11 11 11 11 11 11 11', 'not a card grouping'],
    ['1767225600000', 'epoch milliseconds'],
    ['order 1234-5678-9012-3456', 'an order number that fails Luhn'],
    ['0000 0000 0000 0000', 'a placeholder'],
    ['xxxx-xxxx-xxxx-4242', 'an already masked card'],
    [withCheckDigit('411111111111111'.slice(0, 14)), 'Visa prefix at 15 digits'],
  ])('given %j (%s), then no card is found', (text) => {
    expect(foundOf('card', text)).toEqual([]);
  });

  it('finds cards between commas, as in a CSV row', () => {
    expect(foundOf('card', 'Jane Doe,4111111111111111,12/27')).toEqual(['4111111111111111']);
  });
});
