import { extensionFor, type ExportFormatId } from './exportDraft';

/**
 * Where an export is written by default. The service writes on the machine it runs on (the
 * same machine as this window, for both the desktop app and the 127.0.0.1 browser host), and
 * refuses a folder that does not exist or a file that does. The folder that holds the case
 * workspace always exists and is the investigator's own, so the default goes next to the
 * workspace (never inside it: the .ogma folder is the vault).
 */

/** The separator the path already uses: a workspace on Windows has backslashes and no slash. */
function separatorOf(path: string): '/' | '\\' {
  return path.includes('\\') && !path.includes('/') ? '\\' : '/';
}

export function parentFolder(path: string): string {
  const sep = separatorOf(path);
  const trimmed = path.replace(/[\\/]+$/, '');
  const cut = trimmed.lastIndexOf(sep);
  if (cut < 0) return '.';
  if (cut === 0) return sep; // "/case.ogma" -> "/"
  const parent = trimmed.slice(0, cut);
  return /^[A-Za-z]:$/.test(parent) ? `${parent}\\` : parent; // "C:\case.ogma" -> "C:\"
}

function stamp(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`;
}

export function defaultOutPath(workspacePath: string, format: ExportFormatId, now: Date): string {
  const folder = parentFolder(workspacePath);
  const sep = separatorOf(workspacePath);
  const name = `ogma-export-${stamp(now)}${extensionFor(format)}`;
  return folder.endsWith(sep) ? `${folder}${name}` : `${folder}${sep}${name}`;
}

/** The same path with the extension of another format (a typed name keeps its stem). */
export function withFormatExtension(path: string, format: ExportFormatId): string {
  const stem = path.replace(/\.(json|pdf|zip)$/i, '');
  return `${stem}${extensionFor(format)}`;
}
