import { existsSync } from 'node:fs';
import { z } from 'zod';
import { OgmaError } from '../../../shared/api/errors';
import { readJsonFile, writeJsonDurable } from './layout';
import type { StoredCheckpoint } from './chainstore';

/**
 * heads.json: the newest signed checkpoint of every tenant, written (durably) after each
 * commit, outside the database. SQLite silently drops a WAL tail whose checksum fails and
 * nothing inside the database can then tell that committed records are gone; this file
 * can, because verification demands that the log still reaches the size it signed.
 *
 * The notes are signed, so the file cannot be forged without a tenant signing key. It can
 * be deleted (reported as tampering) or replaced together with the database by an older
 * copy of both (indistinguishable from restoring a backup; external anchoring of
 * checkpoints is the answer to that, see docs/vault.md).
 */

const HeadsSchema = z
  .object({
    version: z.literal(1),
    workspaceId: z.string(),
    heads: z.record(z.string(), z.object({ size: z.number().int().nonnegative(), note: z.string() }).strict()),
  })
  .strict();
export type HeadsFile = z.infer<typeof HeadsSchema>;
export type Head = HeadsFile['heads'][string];

export function readHeads(path: string, workspaceId: string): HeadsFile | null {
  if (!existsSync(path)) return null;
  const file = readJsonFile(path, HeadsSchema, 'The signed-heads file');
  if (file.workspaceId !== workspaceId) {
    throw new OgmaError('TAMPERED', `heads.json belongs to workspace ${file.workspaceId}, not ${workspaceId}: it was copied from another workspace.`, { path: 'heads.json' });
  }
  return file;
}

/** Merges new checkpoints in, never moving a tenant's head backwards, and writes durably. */
export function writeHeads(path: string, current: HeadsFile, checkpoints: readonly StoredCheckpoint[]): HeadsFile {
  if (checkpoints.length === 0) return current;
  const heads = { ...current.heads };
  for (const cp of checkpoints) {
    const old = heads[cp.tenantId];
    if (!old || cp.size >= old.size) heads[cp.tenantId] = { size: cp.size, note: cp.note };
  }
  const next: HeadsFile = { version: 1, workspaceId: current.workspaceId, heads };
  writeJsonDurable(path, next);
  return next;
}

export function emptyHeads(workspaceId: string): HeadsFile {
  return { version: 1, workspaceId, heads: {} };
}
