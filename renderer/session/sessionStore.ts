import { create } from 'zustand';
import type { Res } from '../../shared/api/contract';
import type { WorkspaceSummary } from '../../shared/api/schemas';
import type { Failure } from '../errors/failure';
import { readThemePreference, writeThemePreference, type ThemePreference } from '../theme/themePreference';

export type AppInfo = Res<'app.info'>;

/** How far the first contact with the services got. */
export type Connection = { state: 'connecting' } | { state: 'ready' } | { state: 'failed'; failure: Failure };

export interface SessionState {
  connection: Connection;
  appInfo: AppInfo | null;
  /** The open workspace; null shows the Welcome screen. */
  workspace: WorkspaceSummary | null;
  themePreference: ThemePreference;
  setConnection(connection: Connection): void;
  setAppInfo(info: AppInfo): void;
  setWorkspace(workspace: WorkspaceSummary | null): void;
  setThemePreference(preference: ThemePreference): void;
}

function browserStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

export const useSession = create<SessionState>()((set) => ({
  connection: { state: 'connecting' },
  appInfo: null,
  workspace: null,
  themePreference: readThemePreference(browserStorage()),
  setConnection: (connection) => set({ connection }),
  setAppInfo: (appInfo) => set({ appInfo }),
  setWorkspace: (workspace) => set({ workspace }),
  setThemePreference: (themePreference) => {
    writeThemePreference(browserStorage(), themePreference);
    set({ themePreference });
  },
}));
