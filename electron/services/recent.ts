import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { RecentWorkspace } from '../../shared/api/schemas';

const RecentFile = z.object({ v: z.literal(1), workspaces: z.array(RecentWorkspace) });
const MAX_RECENT = 12;

/** The list of recently opened workspaces, one small JSON file in the app home. */
export class RecentWorkspaces {
  private readonly file: string;

  constructor(home: string) {
    this.file = join(home, 'recent.json');
  }

  list(): RecentWorkspace[] {
    try {
      const parsed = RecentFile.safeParse(JSON.parse(readFileSync(this.file, 'utf8')));
      // A damaged list is not worth an error dialog: it only lists folders, start afresh.
      return parsed.success ? parsed.data.workspaces : [];
    } catch {
      return [];
    }
  }

  remember(entry: { path: string; name: string; isDemo: boolean }, now: Date): void {
    const path = resolve(entry.path);
    const rest = this.list().filter((w) => w.path !== path);
    const workspaces = [{ path, name: entry.name, isDemo: entry.isDemo, lastOpenedAt: now.toISOString() }, ...rest].slice(0, MAX_RECENT);
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify({ v: 1, workspaces }, null, 2));
    renameSync(tmp, this.file);
  }
}
