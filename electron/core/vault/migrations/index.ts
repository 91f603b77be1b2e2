import { OgmaError } from '../../../../shared/api/errors';
import type { Db } from '../db';
import { m001Init } from './001_init';
import { m002Capture } from './002_capture';
import { m003Review } from './003_review';
import { m004CaptureErasure } from './004_capture_erasure';

/**
 * Numbered migrations, applied in order, each in its own transaction together with its
 * schema_version row, so a crash leaves the schema at a whole version. Append new ones
 * (002_..., 003_...) to the list; never edit one that has shipped.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [m001Init, m002Capture, m003Review, m004CaptureErasure];

export function schemaVersion(db: Db): number {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT');
  const row = db.prepare('SELECT max(version) AS v FROM schema_version').get() as { v: number | null };
  return row.v ?? 0;
}

export function applyMigrations(db: Db, now: string, migrations: readonly Migration[] = MIGRATIONS): number[] {
  const current = schemaVersion(db);
  const newest = migrations.reduce((m, x) => Math.max(m, x.version), 0);
  if (current > newest) {
    throw new OgmaError('UNAVAILABLE', `This workspace was written by a newer Ogma Desk (schema ${current}; this build knows up to ${newest}). Update the app to open it.`);
  }
  const applied: number[] = [];
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, now);
    })();
    applied.push(m.version);
  }
  return applied;
}
