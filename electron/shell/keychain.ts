import { OgmaError } from '../../shared/api/errors';

/**
 * The part of Electron's `safeStorage` (Electron 45) that the protector uses. Declared here
 * structurally so this file stays free of `electron` and runs in plain Node tests; main.ts
 * passes the real module. Only the async API is used: the sync one is deprecated, and the
 * async encryptor is what Electron keeps current when the OS keyring rotates its key.
 */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
  /** Linux only. 'unknown' before the app is ready. */
  getSelectedStorageBackend?(): string;
}

/**
 * Which OS facility seals the data. On Linux 'basic_text' means Chromium fell back to a
 * hard-coded password: the data is obfuscated, not protected. The vault decides what to
 * accept; this only reports honestly.
 */
export type KeychainBackend = 'macos_keychain' | 'windows_dpapi' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'basic_text' | 'unknown';

/** The OS keychain as a byte sealer, handed to the services (a keyslot wraps the master key with it). */
export interface KeychainProtector {
  /** Call after `available()` has resolved: Linux selects its backend lazily. */
  backend(): KeychainBackend;
  available(): Promise<boolean>;
  encrypt(plain: Uint8Array): Promise<Buffer>;
  decrypt(sealed: Uint8Array): Promise<Buffer>;
}

const LINUX_BACKENDS: readonly KeychainBackend[] = ['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6', 'basic_text'];

export function createKeychainProtector(safeStorage: SafeStorageLike, platform: NodeJS.Platform = process.platform): KeychainProtector {
  const backend = (): KeychainBackend => {
    if (platform === 'darwin') return 'macos_keychain';
    if (platform === 'win32') return 'windows_dpapi';
    const reported = safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
    return (LINUX_BACKENDS as readonly string[]).includes(reported) ? (reported as KeychainBackend) : 'unknown';
  };
  const available = async (): Promise<boolean> => {
    try {
      return await safeStorage.isAsyncEncryptionAvailable();
    } catch {
      return false;
    }
  };
  const unavailable = (what: string, e: unknown) =>
    new OgmaError(
      'UNAVAILABLE',
      `The system keychain could not ${what} (${e instanceof Error ? e.message : String(e)}). Unlock the keychain, or use your passphrase instead.`,
    );

  return {
    backend,
    available,
    // safeStorage seals strings (UTF-8); bytes go through base64 so any key material survives intact.
    async encrypt(plain) {
      try {
        return await safeStorage.encryptStringAsync(Buffer.from(plain).toString('base64'));
      } catch (e) {
        throw unavailable('seal the key', e);
      }
    },
    async decrypt(sealed) {
      let text: string;
      try {
        text = (await safeStorage.decryptStringAsync(Buffer.from(sealed))).result;
      } catch (e) {
        throw unavailable('unseal the key', e);
      }
      return Buffer.from(text, 'base64');
    },
  };
}
