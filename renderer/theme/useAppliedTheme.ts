import { useEffect, useSyncExternalStore } from 'react';
import { useSession } from '../session/sessionStore';
import { resolveTheme, type ResolvedTheme, type ThemePreference } from './themePreference';

const DARK_QUERY = '(prefers-color-scheme: dark)';

function subscribeToSystemTheme(onChange: () => void): () => void {
  const query = window.matchMedia(DARK_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

function systemPrefersDark(): boolean {
  return window.matchMedia(DARK_QUERY).matches;
}

/** Sets the theme on <html> so the CSS tokens follow; called once before the first render too. */
export function applyTheme(preference: ThemePreference, prefersDark = systemPrefersDark()): ResolvedTheme {
  const resolved = resolveTheme(preference, prefersDark);
  document.documentElement.dataset.theme = resolved;
  return resolved;
}

/** Keeps <html data-theme> in step with the stored preference and, for "system", the OS setting. */
export function useAppliedTheme(): ResolvedTheme {
  const preference = useSession((s) => s.themePreference);
  const prefersDark = useSyncExternalStore(subscribeToSystemTheme, systemPrefersDark);
  const resolved = resolveTheme(preference, prefersDark);
  useEffect(() => {
    applyTheme(preference, prefersDark);
  }, [preference, prefersDark]);
  return resolved;
}
