import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { OgmaError } from '../../../shared/api/errors';
import type { KeychainProtector as VaultKeychain } from '../../../electron/core/vault';
import { createKeychainProtector, type SafeStorageLike } from '../../../electron/shell/keychain';

/** A stand-in OS keychain: reversible, with a marker, and able to be locked. */
function fakeSafeStorage(backend = 'gnome_libsecret', locked = false): SafeStorageLike & { sealed: string[] } {
  const sealed: string[] = [];
  return {
    sealed,
    isAsyncEncryptionAvailable: async () => !locked,
    encryptStringAsync: async (text) => {
      if (locked) throw new Error('Encryption is not available.');
      sealed.push(text);
      return Buffer.from(`v11${Buffer.from(text).reverse().toString('latin1')}`, 'latin1');
    },
    decryptStringAsync: async (b) => {
      if (locked) throw new Error('Decryption is not available.');
      return { result: Buffer.from(b.subarray(3).toString('latin1'), 'latin1').reverse().toString(), shouldReEncrypt: false };
    },
    getSelectedStorageBackend: () => backend,
  };
}

describe('the keychain protector', () => {
  it('round-trips arbitrary key bytes through safeStorage strings', async () => {
    // Typed as the vault's own interface: tsc fails here if the two drift apart.
    const keychain: VaultKeychain = createKeychainProtector(fakeSafeStorage(), 'linux');
    const key = randomBytes(32);
    const sealed = await keychain.encrypt(key);
    expect(sealed.includes(key)).toBe(false);
    expect((await keychain.decrypt(sealed)).equals(key)).toBe(true);
  });

  it.each([
    ['linux', 'gnome_libsecret', 'gnome_libsecret'],
    ['linux', 'basic_text', 'basic_text'],
    ['linux', 'kwallet6', 'kwallet6'],
    ['linux', 'unknown', 'unknown'],
    ['linux', 'something-new', 'unknown'],
    ['darwin', 'basic_text', 'macos_keychain'],
    ['win32', 'basic_text', 'windows_dpapi'],
  ] as const)('on %s with %s reports %s', (platform, selected, reported) => {
    expect(createKeychainProtector(fakeSafeStorage(selected), platform).backend()).toBe(reported);
  });

  it('says when it is not available and fails as UNAVAILABLE, naming what to do', async () => {
    const keychain = createKeychainProtector(fakeSafeStorage('gnome_libsecret', true), 'linux');
    expect(await keychain.available()).toBe(false);
    const failure = await keychain.encrypt(randomBytes(32)).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(OgmaError);
    expect(failure).toMatchObject({ code: 'UNAVAILABLE', message: expect.stringContaining('passphrase') });
    await expect(keychain.decrypt(Buffer.from('v11xx'))).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });

  it('reports unavailable when the availability probe itself throws', async () => {
    const storage = fakeSafeStorage();
    storage.isAsyncEncryptionAvailable = async () => {
      throw new Error('keyring daemon crashed');
    };
    expect(await createKeychainProtector(storage, 'linux').available()).toBe(false);
  });
});
