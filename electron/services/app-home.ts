import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where Ogma Desk keeps its own small state on this machine (recent workspaces, the demo
 * workspace, window state). Never case content: that lives only inside workspace folders.
 * OGMA_HOME overrides it, which is how tests and the CLI keep runs apart.
 */
export function appHome(env: Readonly<Record<string, string | undefined>> = process.env): string {
  if (env.OGMA_HOME) return env.OGMA_HOME;
  if (process.platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Ogma Desk');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Ogma Desk');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'ogma-desk');
}
