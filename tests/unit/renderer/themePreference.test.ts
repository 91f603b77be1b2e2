import { describe, expect, it } from 'vitest';
import { readThemePreference, resolveTheme, THEME_STORAGE_KEY, writeThemePreference } from '../../../renderer/theme/themePreference';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
}

describe('theme preference', () => {
  it('given nothing stored, follows the system', () => {
    expect(readThemePreference(memoryStorage())).toBe('system');
    expect(readThemePreference(undefined)).toBe('system');
  });

  it('given a stored choice, restores it; given junk, follows the system', () => {
    expect(readThemePreference(memoryStorage({ [THEME_STORAGE_KEY]: 'dark' }))).toBe('dark');
    expect(readThemePreference(memoryStorage({ [THEME_STORAGE_KEY]: 'purple' }))).toBe('system');
  });

  it('persists a choice under its key', () => {
    const storage = memoryStorage();
    writeThemePreference(storage, 'light');
    expect(storage.data.get(THEME_STORAGE_KEY)).toBe('light');
  });

  it('given storage that throws (disabled by policy), neither read nor write breaks the app', () => {
    const broken = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(readThemePreference(broken)).toBe('system');
    expect(() => writeThemePreference(broken, 'dark')).not.toThrow();
  });

  it('resolves "system" from the OS setting and keeps an explicit choice', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });
});
