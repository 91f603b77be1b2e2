import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { databaseKey, openDatabase } from '../../../electron/core/vault';
import { randomKey } from '../../../electron/core/vault/crypto';
import { applyMigrations, MIGRATIONS, schemaVersion, type Migration } from '../../../electron/core/vault/migrations';
import { cleanupTempDirs, tempDir } from './fixtures';

afterAll(cleanupTempDirs);

describe('the encrypted database', () => {
  it('given a new database with a row of text, then the file on disk has no SQLite header and no plaintext', () => {
    const file = join(tempDir(), 'v.db');
    const db = openDatabase(file, databaseKey(randomKey()), { create: true });
    db.exec("CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('plainly visible sentence')");
    db.close();
    const raw = readFileSync(file);
    expect(raw.includes(Buffer.from('SQLite format 3'))).toBe(false);
    expect(raw.includes(Buffer.from('plainly visible'))).toBe(false);
  });

  it('given a database, when opened with another key, then it is reported as TAMPERED (not a crash)', () => {
    const file = join(tempDir(), 'v.db');
    openDatabase(file, databaseKey(randomKey()), { create: true }).exec('CREATE TABLE t (x)').close();
    expect(() => openDatabase(file, databaseKey(randomKey()), { create: false })).toThrow(expect.objectContaining({ code: 'TAMPERED' }));
  });

  it('given an open database, then WAL, full sync, secure_delete and foreign keys are on', () => {
    const db = openDatabase(join(tempDir(), 'v.db'), databaseKey(randomKey()), { create: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('secure_delete', { simple: true })).toBe(1);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });
});

describe('numbered migrations', () => {
  const now = '2026-11-23T10:00:00.000Z';

  it('given a new database, when migrated, then every migration is recorded and a second run applies nothing', () => {
    const db = openDatabase(join(tempDir(), 'v.db'), databaseKey(randomKey()), { create: true });
    expect(applyMigrations(db, now)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(applyMigrations(db, now)).toEqual([]);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    db.close();
  });

  it('given a migration that fails half-way, then the schema stays at the previous version with none of its changes', () => {
    const db = openDatabase(join(tempDir(), 'v.db'), databaseKey(randomKey()), { create: true });
    const broken: Migration = { version: 99, name: 'broken', sql: 'CREATE TABLE half (x); INSERT INTO no_such_table VALUES (1);' };
    expect(() => applyMigrations(db, now, [...MIGRATIONS, broken])).toThrow();
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'half'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('given a database written by a newer build, then opening refuses with UNAVAILABLE instead of guessing', () => {
    const db = openDatabase(join(tempDir(), 'v.db'), databaseKey(randomKey()), { create: true });
    applyMigrations(db, now);
    db.prepare('INSERT INTO schema_version VALUES (500, ?, ?)').run('future', now);
    expect(() => applyMigrations(db, now)).toThrow(expect.objectContaining({ code: 'UNAVAILABLE' }));
    db.close();
  });
});
