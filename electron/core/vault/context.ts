import { OgmaError } from '../../../shared/api/errors';
import type { RandomSource } from './crypto';
import type { Db } from './db';
import type { KeyRing } from './keys';
import type { BlobStore } from './blobs';
import type { WorkspacePaths } from './layout';

/** Wall-clock time, injected so tests control it. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

/** RFC 3339 UTC with milliseconds: the form chain records require. */
export function stamp(clock: Clock): string {
  return clock().toISOString();
}

/** What every store of an open vault shares. */
export interface VaultContext {
  readonly workspaceId: string;
  readonly paths: WorkspacePaths;
  readonly db: Db;
  readonly keys: KeyRing;
  readonly blobs: BlobStore;
  readonly clock: Clock;
  readonly random: RandomSource;
}

/** The pseudo-tenant whose log records workspace events (creation, members, refusals). */
export const WORKSPACE_TENANT = 'workspace';

const ID_RE = /^[A-Za-z0-9_-]{1,64}$/;
export function checkId(value: string, what: string, field: string): void {
  if (typeof value !== 'string' || !ID_RE.test(value)) {
    throw new OgmaError('VALIDATION_FAILED', `${what} "${String(value)}" is not a valid id (1-64 letters, digits, _ or -).`, { field });
  }
}

export function newId(prefix: string, random: RandomSource, bytes = 16): string {
  return `${prefix}_${random(bytes).toString('hex')}`;
}
