import Database from 'better-sqlite3-multiple-ciphers';
import { OgmaError, isOgmaError } from '../../../shared/api/errors';
import { deriveKey, wipe } from './crypto';

export type Db = Database.Database;

/** The database key is a purpose-bound subkey of the master key, never the master key itself. */
export function databaseKey(masterKey: Buffer): Buffer {
  return deriveKey(masterKey, 'ogma/db/v1');
}

/**
 * Opens (or creates) the encrypted database. SQLCipher v4 page format: every page is
 * encrypted and carries an HMAC, so a flipped byte in a used page is an error on read.
 * The key is given raw (x'..', no PBKDF2: it is already a 256-bit HKDF output) and is
 * built byte by byte so no hex string of it lingers on the JS heap.
 *
 * Cipher settings must precede the key on every open, or the file reads as NOTADB.
 */
export function openDatabase(file: string, dbKey: Buffer, opts: { create: boolean }): Db {
  let db: Db;
  try {
    db = new Database(file, { fileMustExist: !opts.create });
  } catch (e) {
    throw new OgmaError('UNREADABLE', `The vault database (${file}) could not be opened: ${(e as Error).message}.`, { path: 'vault.db' });
  }
  const raw = rawKeyLiteral(dbKey);
  try {
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    db.key(raw);
    // The first read decrypts page 1: a wrong key or a damaged header fails here.
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    db.pragma('journal_mode=WAL');
    // FULL: each commit is on disk before we return, so nothing acknowledged is lost and
    // the signed head written after a commit never runs ahead of the database.
    db.pragma('synchronous=FULL');
    db.pragma('secure_delete=ON');
    db.pragma('foreign_keys=ON');
    db.pragma('temp_store=MEMORY');
    db.pragma('busy_timeout=5000');
    // 64 MiB of page cache (SQLite's default is 2 MiB). Message ids are random, so a capture
    // page inserts all over the messages and capture indexes; with a small cache nearly every
    // insert re-reads (decrypts and MAC-checks) an evicted page. An upper bound, not an allocation.
    db.pragma('cache_size=-65536');
  } catch (e) {
    db.close();
    throw sqliteProblem(e, 'opening the vault database');
  } finally {
    wipe(raw);
  }
  return db;
}

function rawKeyLiteral(key: Buffer): Buffer {
  const hex = '0123456789abcdef';
  const out = Buffer.alloc(key.length * 2 + 3);
  out[0] = 0x78; // x
  out[1] = 0x27; // '
  for (let i = 0; i < key.length; i++) {
    out[2 + 2 * i] = hex.charCodeAt(key[i]! >> 4);
    out[3 + 2 * i] = hex.charCodeAt(key[i]! & 15);
  }
  out[out.length - 1] = 0x27;
  return out;
}

const DAMAGE_CODES = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT', 'SQLITE_CORRUPT_VTAB', 'SQLITE_CORRUPT_INDEX', 'SQLITE_CORRUPT_SEQUENCE']);

/** A damaged or foreign database file is TAMPERED (an integrity failure), never a crash. */
export function sqliteProblem(e: unknown, doing: string): OgmaError {
  if (isOgmaError(e)) return e;
  const code = (e as { code?: string }).code ?? '';
  if (DAMAGE_CODES.has(code)) {
    return new OgmaError(
      'TAMPERED',
      `The vault database failed its integrity check while ${doing} (${code}): a page was altered, damaged or replaced. Restore the workspace from a copy; do not keep working in this one.`,
      { path: 'vault.db' },
    );
  }
  if (code === 'SQLITE_IOERR' || code.startsWith('SQLITE_IOERR_') || code === 'SQLITE_CANTOPEN') {
    return new OgmaError('UNREADABLE', `The vault database could not be read while ${doing} (${code}).`, { path: 'vault.db' });
  }
  return new OgmaError('INTERNAL', `The vault database failed while ${doing}: ${(e as Error)?.message ?? String(e)}.`, { path: 'vault.db' });
}

/** Runs a read or write, translating SQLite damage into TAMPERED. */
export function guarded<T>(doing: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw sqliteProblem(e, doing);
  }
}

interface StatementCache {
  rows: Map<string, Database.Statement>;
  plucked: Map<string, Database.Statement>;
}
const statements = new WeakMap<Db, StatementCache>();

/**
 * A prepared statement, cached per connection (preparing costs more than running the
 * small statements of the capture path). Not for `iterate`: an iterating statement is busy
 * until the loop ends, so loops prepare their own.
 */
export function sql(db: Db, text: string, opts: { pluck?: boolean } = {}): Database.Statement {
  let cache = statements.get(db);
  if (!cache) {
    cache = { rows: new Map(), plucked: new Map() };
    statements.set(db, cache);
  }
  // Keyed by the text itself: callers pass literals, whose hash V8 computes once.
  const map = opts.pluck ? cache.plucked : cache.rows;
  let s = map.get(text);
  if (!s) {
    s = db.prepare(text);
    if (opts.pluck) s.pluck(true);
    map.set(text, s);
  }
  return s;
}
