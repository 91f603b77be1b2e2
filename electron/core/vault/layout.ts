import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { OgmaError } from '../../../shared/api/errors';
import { writeFileDurable } from './files';

/**
 * What a case workspace folder holds, and its public manifest. Only workspace.json and
 * keyslots.json are readable without a key; neither holds content or key material in
 * clear (keyslots hold the master key wrapped per member).
 */
export const FILES = {
  manifest: 'workspace.json',
  keyslots: 'keyslots.json',
  db: 'vault.db',
  blobs: 'blobs',
  heads: 'heads.json',
} as const;

export const WORKSPACE_FORMAT = 'ogma-workspace';
export const WORKSPACE_VERSION = 1;

export const ManifestSchema = z
  .object({
    format: z.literal(WORKSPACE_FORMAT),
    version: z.literal(WORKSPACE_VERSION),
    workspaceId: z.string().regex(/^ws_[0-9a-f]{32}$/),
    createdAt: z.string(),
    kdf: z.object({ name: z.literal('scrypt'), N: z.number().int(), r: z.number().int(), p: z.number().int() }),
  })
  .strict();
export type Manifest = z.infer<typeof ManifestSchema>;

export function workspacePaths(dir: string) {
  return {
    dir,
    manifest: join(dir, FILES.manifest),
    keyslots: join(dir, FILES.keyslots),
    db: join(dir, FILES.db),
    blobs: join(dir, FILES.blobs),
    heads: join(dir, FILES.heads),
  };
}
export type WorkspacePaths = ReturnType<typeof workspacePaths>;

/** Reads and validates a JSON file of the folder; anything unreadable is UNREADABLE naming the file. */
export function readJsonFile<T>(path: string, schema: z.ZodType<T>, what: string): T {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new OgmaError('UNREADABLE', code === 'ENOENT' ? `${what} is missing (${path}). Is this an Ogma workspace folder?` : `${what} could not be read (${path}): ${code ?? 'I/O error'}.`, { path });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new OgmaError('UNREADABLE', `${what} is not valid JSON (${path}); restore it from a copy of the workspace.`, { path });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new OgmaError('UNREADABLE', `${what} (${path}) is not in the expected format at "${issue?.path.join('.') ?? ''}": ${issue?.message ?? ''}.`, { path });
  }
  return parsed.data;
}

export function readManifest(dir: string): Manifest {
  const p = workspacePaths(dir);
  if (!existsSync(dir)) throw new OgmaError('NOT_FOUND', `No workspace folder at ${dir}.`, { path: dir });
  return readJsonFile(p.manifest, ManifestSchema, 'The workspace manifest');
}

export function writeJsonDurable(path: string, value: unknown): void {
  writeFileDurable(path, JSON.stringify(value, null, 2) + '\n');
}
