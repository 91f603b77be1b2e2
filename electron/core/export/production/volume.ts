import { unzipSync } from 'fflate';
import { VOLUME_RE } from './layout';

/**
 * Opening a production ZIP: one volume folder at the root, nothing outside it, no path
 * that climbs out or is absolute. Returns the files keyed by volume-relative path.
 */

export interface OpenedVolume {
  volume: string;
  /** Volume-relative path ('DATA/VOL001.dat') -> bytes, in ZIP order. */
  files: Map<string, Uint8Array>;
}

export type OpenResult = { ok: true; opened: OpenedVolume } | { ok: false; unreadable: boolean; message: string; file?: string };

/** Limits that keep a hostile archive from exhausting memory; far above any real volume this app writes in one piece. */
export const MAX_INFLATED_BYTES = 4 * 1024 * 1024 * 1024;
export const MAX_ENTRIES = 1_000_000;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export function isZip(bytes: Uint8Array): boolean {
  return ZIP_MAGIC.every((b, i) => bytes[i] === b);
}

export function openVolume(zipBytes: Uint8Array): OpenResult {
  if (!isZip(zipBytes)) return { ok: false, unreadable: true, message: 'The file is not a ZIP archive (it does not start with PK\\x03\\x04).' };
  let entries: Record<string, Uint8Array>;
  let declared = 0;
  let count = 0;
  try {
    // A hostile ZIP can declare gigabytes behind a few bytes: refuse to inflate past a limit
    // (the filter sees each entry's declared size before it is inflated).
    entries = unzipSync(zipBytes, {
      filter: (f) => {
        declared += f.originalSize;
        count++;
        return declared <= MAX_INFLATED_BYTES && count <= MAX_ENTRIES;
      },
    });
  } catch (e) {
    return { ok: false, unreadable: true, message: `The ZIP archive cannot be read (${e instanceof Error ? e.message : String(e)}); it is damaged or truncated.` };
  }
  if (declared > MAX_INFLATED_BYTES || count > MAX_ENTRIES) {
    return { ok: false, unreadable: true, message: `The ZIP declares ${count} entries and ${declared} bytes uncompressed, beyond what this verifier reads (${MAX_ENTRIES} entries, ${MAX_INFLATED_BYTES} bytes).` };
  }
  const names = Object.keys(entries);
  const roots = new Set<string>();
  for (const name of names) {
    if (name.startsWith('/') || name.includes('\\') || name.split('/').some((s) => s === '..' || s === '.')) {
      return { ok: false, unreadable: false, message: `The ZIP entry ${JSON.stringify(name)} has an absolute, backslash or climbing path; a production volume never does.`, file: name };
    }
    roots.add(name.split('/')[0] ?? '');
  }
  if (roots.size !== 1) {
    return { ok: false, unreadable: false, message: `A production ZIP holds exactly one volume folder at its root; this one has ${roots.size === 0 ? 'none' : [...roots].map((r) => JSON.stringify(r)).join(', ')}.` };
  }
  const volume = [...roots][0] ?? '';
  if (!VOLUME_RE.test(volume)) return { ok: false, unreadable: false, message: `The volume folder ${JSON.stringify(volume)} is not a volume name (1-32 letters, digits, "_" or "-").`, file: volume };
  const files = new Map<string, Uint8Array>();
  for (const name of names) {
    const rel = name.slice(volume.length + 1);
    if (rel === '' || name.endsWith('/')) continue; // directory entries
    files.set(rel, entries[name] as Uint8Array);
  }
  return { ok: true, opened: { volume, files } };
}
