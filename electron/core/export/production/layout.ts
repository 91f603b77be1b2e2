import { createHash } from 'node:crypto';
import type { BundleFileEntry } from '../types';

/**
 * Where things live in a production volume. Inside the ZIP everything sits under one
 * volume folder (VOL001/). Paths in the bundle's signed `files` manifest are
 * volume-relative with forward slashes ('IMAGES/0001/ACME00000001.pdf'); paths in the DAT
 * and OPT are the Windows form review platforms expect, relative to the folder the ZIP is
 * extracted into ('VOL001\IMAGES\0001\ACME00000001.pdf').
 */

export const VOLUME_RE = /^[A-Za-z0-9_-]{1,32}$/;
/** Documents per subfolder of IMAGES/, TEXT/, NATIVES/: keeps folders small for Windows tools. */
export const DOCS_PER_FOLDER = 1000;

export const PROOF_BUNDLE = 'PROOF/bundle.json';
export const PROOF_MANIFEST = 'PROOF/manifest.json';
export const PROOF_README = 'PROOF/README.txt';
export const CHECKPOINT_RE = /^PROOF\/checkpoint-[0-9]+\.txt$/;

export const datPathOf = (volume: string): string => `DATA/${volume}.dat`;
export const optPathOf = (volume: string): string => `DATA/${volume}.opt`;
export const checkpointPath = (i: number): string => `PROOF/checkpoint-${i + 1}.txt`;

export interface DocumentPaths {
  native: string;
  text: string;
  image: string;
}

/** Volume-relative paths of document `index` (0-based), named after its first Bates number. */
export function documentPaths(index: number, begBates: string): DocumentPaths {
  const folder = String(Math.floor(index / DOCS_PER_FOLDER) + 1).padStart(4, '0');
  return {
    native: `NATIVES/${folder}/${begBates}.json`,
    text: `TEXT/${folder}/${begBates}.txt`,
    image: `IMAGES/${folder}/${begBates}.pdf`,
  };
}

/** 'IMAGES/0001/X.pdf' -> 'VOL001\IMAGES\0001\X.pdf' (what the DAT and OPT carry). */
export function loadFilePath(volume: string, rel: string): string {
  return `${volume}\\${rel.replaceAll('/', '\\')}`;
}

/** The inverse of loadFilePath; null when the path is not inside this volume or tries to climb out. */
export function volumeRelative(volume: string, loadPath: string): string | null {
  const prefix = `${volume}\\`;
  if (!loadPath.startsWith(prefix)) return null;
  const rel = loadPath.slice(prefix.length).replaceAll('\\', '/');
  if (rel.split('/').some((seg) => seg === '' || seg === '.' || seg === '..')) return null;
  return rel;
}

/** PROOF/manifest.json's exact bytes: the verifier demands these, not merely equal JSON. */
export function manifestFileBytes(volume: string, files: readonly BundleFileEntry[]): Uint8Array {
  return new TextEncoder().encode(JSON.stringify({ volume, files }, null, 2) + '\n');
}

export function md5Hex(bytes: Uint8Array): string {
  return createHash('md5').update(bytes).digest('hex');
}
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function fileEntry(path: string, bytes: Uint8Array): BundleFileEntry {
  return { path, bytes: bytes.length, md5: md5Hex(bytes), sha256: sha256Hex(bytes) };
}
