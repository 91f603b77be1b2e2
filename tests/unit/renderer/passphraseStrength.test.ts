import { describe, expect, it } from 'vitest';
import { Passphrase } from '../../../shared/api/schemas';
import { estimatePassphraseStrength, MIN_PASSPHRASE_LENGTH } from '../../../renderer/forms/passphraseStrength';

describe('passphrase strength hint', () => {
  it('uses the same minimum length as the contract', () => {
    expect(Passphrase.safeParse('x'.repeat(MIN_PASSPHRASE_LENGTH - 1)).success).toBe(false);
    expect(Passphrase.safeParse('x'.repeat(MIN_PASSPHRASE_LENGTH)).success).toBe(true);
  });

  it('given nothing typed, explains the minimum and suggests words', () => {
    const s = estimatePassphraseStrength('');
    expect(s).toMatchObject({ score: 0, label: 'Too short', meetsMinimum: false });
    expect(s.hint).toMatch(/At least 12 characters/);
  });

  it('given a short passphrase, counts what is missing', () => {
    expect(estimatePassphraseStrength('abc').hint).toBe('9 more characters needed (minimum 12).');
    expect(estimatePassphraseStrength('Tr0ub4dor&3').hint).toBe('1 more character needed (minimum 12).');
  });

  it.each([
    ['aaaaaaaaaaaa', 'Weak'], // one character repeated
    ['abcdefghijkl', 'Weak'], // a run
    ['Password1234', 'Weak'], // a common word and a run of digits
    ['qwertyqwerty', 'Weak'],
    ['mfkqzjtwpbxr', 'Fair'], // 12 random lowercase letters
    ['x7#Lq9!vR2@m', 'Strong'], // 12 random characters from all classes
    ['correct horse battery staple', 'Very strong'], // four unrelated words
    ['Kestrel-granite-Oboe-lantern-47', 'Very strong'],
  ])('rates %j as %s', (passphrase, label) => {
    const s = estimatePassphraseStrength(passphrase);
    expect(s.label).toBe(label);
    expect(s.meetsMinimum).toBe(true);
  });

  it('counts characters, not UTF-16 units, and credits non-ASCII characters', () => {
    expect(estimatePassphraseStrength('🔒'.repeat(6)).meetsMinimum).toBe(false);
    expect(estimatePassphraseStrength('żółw jeż łoś ćma').score).toBeGreaterThanOrEqual(3);
  });

  it('reminds that a strong passphrase cannot be recovered', () => {
    expect(estimatePassphraseStrength('correct horse battery staple').hint).toMatch(/cannot be opened/);
  });
});
