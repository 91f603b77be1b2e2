import { readFile, realpath, stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
// One table of MIME types for both ways the renderer is served (app:// in Electron, http here).
import { contentTypeFor } from '../../shell/app-origin';

/**
 * Maps a request path to a file of the built renderer, refusing anything that could leave
 * the folder: dot segments, encoded separators, NUL, symlinks pointing outside. There is no
 * directory listing: `/` means index.html, any other folder is "not found".
 */

export type StaticResult =
  | { kind: 'file'; body: Buffer; type: string; file: string }
  | { kind: 'refused'; status: 400 | 404; reason: string };

/** The path segments of a URL pathname, decoded, or null if any of them tries to escape. */
export function safeSegments(pathname: string): string[] | null {
  const out: string[] = [];
  for (const raw of pathname.split('/')) {
    if (raw === '') continue;
    let seg: string;
    try {
      seg = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (seg === '.' || seg === '..' || /[/\\\0]/.test(seg) || /^[A-Za-z]:/.test(seg)) return null;
    out.push(seg);
  }
  return out;
}

export class StaticFiles {
  private constructor(private readonly root: string) {}

  /** Fails (ENOENT) when the folder is missing, so a host never starts without its app. */
  static async open(dir: string): Promise<StaticFiles> {
    return new StaticFiles(await realpath(resolve(dir)));
  }

  async lookup(pathname: string): Promise<StaticResult> {
    const segments = safeSegments(pathname);
    if (segments === null) return { kind: 'refused', status: 400, reason: 'Bad path.' };
    if (segments.length === 0) segments.push('index.html');
    const root = this.root;
    const candidate = join(root, ...segments);
    try {
      const real = await realpath(candidate);
      if (!real.startsWith(root + sep)) return { kind: 'refused', status: 404, reason: 'Not found.' };
      const info = await stat(real);
      if (!info.isFile()) return { kind: 'refused', status: 404, reason: 'Not found.' };
      return { kind: 'file', body: await readFile(real), type: contentTypeFor(real), file: real };
    } catch {
      return { kind: 'refused', status: 404, reason: 'Not found.' };
    }
  }
}
