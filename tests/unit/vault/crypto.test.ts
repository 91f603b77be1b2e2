import { describe, expect, it } from 'vitest';
import { aad, deriveKey, open, passphraseKek, randomKey, seal } from '../../../electron/core/vault/crypto';

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
}

describe('vault crypto: AES-256-GCM seals with associated data', () => {
  const key = randomKey();
  const ad = aad('ogma/test/v1', 'tenant-a', 'msg-1');

  it('given a sealed value, when opened with the same key and associated data, then the plaintext comes back', () => {
    const sealed = seal(key, Buffer.from('hello'), ad);
    expect(open(key, sealed, ad, 'test').toString()).toBe('hello');
  });

  it('given the same plaintext sealed twice, then the outputs differ (fresh nonce every time)', () => {
    const a = seal(key, Buffer.from('same'), ad);
    const b = seal(key, Buffer.from('same'), ad);
    expect(a.equals(b)).toBe(false);
    expect(a.subarray(1, 13).equals(b.subarray(1, 13))).toBe(false);
  });

  it('given a sealed value, when any single byte is flipped, then opening it is TAMPERED', () => {
    const sealed = seal(key, Buffer.from('a longer plaintext to flip bytes in'), ad);
    for (let i = 0; i < sealed.length; i++) {
      const bad = Buffer.from(sealed);
      bad[i] = bad[i]! ^ 1;
      expect(code(() => open(key, bad, ad, 'test'))).toBe('TAMPERED');
    }
  });

  it('given a value sealed for one message, when opened as another (moved), then it is TAMPERED', () => {
    const sealed = seal(key, Buffer.from('x'), ad);
    expect(code(() => open(key, sealed, aad('ogma/test/v1', 'tenant-a', 'msg-2'), 'test'))).toBe('TAMPERED');
  });

  it('given associated data parts, then the length prefixes keep ("ab","c") and ("a","bc") apart', () => {
    expect(aad('ab', 'c').equals(aad('a', 'bc'))).toBe(false);
  });

  it('given one master key, then purpose-bound subkeys differ per purpose and are stable', () => {
    const m = randomKey();
    expect(deriveKey(m, 'ogma/db/v1').equals(deriveKey(m, 'ogma/db/v1'))).toBe(true);
    expect(deriveKey(m, 'ogma/db/v1').equals(deriveKey(m, 'ogma/wrap/tenant/v1'))).toBe(false);
  });

  it('given scrypt parameters out of range, then deriving refuses with VALIDATION_FAILED', async () => {
    await expect(passphraseKek('x', Buffer.alloc(16), { N: 1000, r: 8, p: 1 })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
