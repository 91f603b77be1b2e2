import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Db } from './db';

/**
 * WAL checkpoints on a helper thread with its own connection.
 *
 * Every commit appends page images to vault.db-wal; a checkpoint copies them into vault.db.
 * With SQLCipher pages that copy decrypts, re-encrypts and re-MACs every page, which costs
 * about twice the commit itself. SQLite's automatic checkpoint runs it inside the COMMIT
 * that crosses 1000 pages, on the thread that committed. Once a workspace writes enough
 * for that to matter (its WAL passed START_WAL_BYTES), a second connection on a helper
 * thread checkpoints after each commit instead (PASSIVE: it never blocks the writer), and
 * the writer's automatic checkpoint is switched off while the helper is healthy.
 *
 * Durability does not change: a commit is durable once its WAL frames are fsynced
 * (synchronous=FULL), whoever copies them later. The helper never takes a lock the writer
 * needs. A writer that never pauses would keep the log from starting over, so once the log
 * is long the writer waits for one checkpoint before its next transaction (the work it used
 * to do itself, minus what the helper already copied). Deletions pause the helper
 * (Vault.runDeletion): their TRUNCATE checkpoint has the log to itself, exactly as before.
 * A helper that cannot start, fails or stops answering is dropped and the writer's
 * automatic checkpoint comes back on.
 *
 * The helper is handed a copy of the database key in shared memory, wiped as soon as its
 * connection is keyed (or failed to be). Coordination is shared memory only: no messages
 * and no events on the writer's thread.
 */

/** Slots of the shared Int32Array. */
const STATE = 0; // written by the helper: STARTING, IDLE, BUSY, CLOSED, FAILED
const REQUEST = 1; // incremented by the writer to wake the helper
const CONTROL = 2; // written by the writer: RUN, PAUSE, CLOSE
const WAL_FRAMES = 3; // written by the helper: frames in the WAL at its last checkpoint
const HANDLED = 4; // written by the helper: the REQUEST value it last acted on

const STARTING = 0;
const IDLE = 1;
const BUSY = 2;
const CLOSED = 3;
const FAILED = -1;

const RUN = 0;
const PAUSE = 1;
const CLOSE = 2;

/** The helper starts once the WAL file has grown this large (small workspaces never need it). */
export const START_WAL_BYTES = 4 * 1024 * 1024;
/**
 * SQLite starts the log over when a write begins after everything in it was copied. A
 * writer that begins its next transaction while the helper is still copying the last one
 * never gets that chance, so once the helper reports a log this long (about 16 MiB), the
 * writer waits for one checkpoint before its next transaction (see beforeTransaction).
 */
const LONG_WAL_FRAMES = 4096;
const WAIT_LIMIT_MS = 30_000;
/** A helper this many requests behind is presumed dead or stuck (its exit event may not have run yet). */
const STALLED_REQUESTS = 256;

// Plain CommonJS, evaluated in the helper thread. Protocol (all sequentially consistent):
// the helper marks itself BUSY *before* reading CONTROL, and the writer stores PAUSE *before*
// reading STATE, so once pause() has seen the helper not BUSY, no checkpoint runs until resume().
// WAL_FRAMES is written before HANDLED, so a HANDLED value vouches for the report before it.
const HELPER_SOURCE = `(() => {
const { workerData } = require('node:worker_threads');
const s = new Int32Array(workerData.shared);
const set = (v) => { Atomics.store(s, ${STATE}, v); Atomics.notify(s, ${STATE}); };
const keyBytes = new Uint8Array(workerData.key);
let db = null;
try {
  const Database = require(workerData.modulePath);
  db = new Database(workerData.file, { fileMustExist: true });
  db.pragma("cipher='sqlcipher'");
  db.pragma('legacy=4');
  // The raw-key literal x'..', built byte by byte as the writer's connection does.
  const hex = '0123456789abcdef';
  const literal = Buffer.alloc(keyBytes.length * 2 + 3);
  literal[0] = 0x78; literal[1] = 0x27; literal[literal.length - 1] = 0x27;
  for (let i = 0; i < keyBytes.length; i++) {
    literal[2 + 2 * i] = hex.charCodeAt(keyBytes[i] >> 4);
    literal[3 + 2 * i] = hex.charCodeAt(keyBytes[i] & 15);
  }
  try { db.key(literal); } finally { literal.fill(0); keyBytes.fill(0); }
  db.prepare('SELECT count(*) FROM sqlite_schema').get();
  db.pragma('secure_delete=ON');
  db.pragma('cache_size=-512');
  db.pragma('busy_timeout=5000');
  db.pragma('wal_autocheckpoint=0');
} catch (e) {
  keyBytes.fill(0);
  try { if (db) db.close(); } catch {}
  set(${FAILED});
  return;
}
set(${IDLE});
let seen = 0;
for (;;) {
  Atomics.wait(s, ${REQUEST}, seen);
  seen = Atomics.load(s, ${REQUEST});
  set(${BUSY});
  const control = Atomics.load(s, ${CONTROL});
  if (control === ${CLOSE}) break;
  if (control === ${RUN}) {
    try {
      // PASSIVE only: it never waits for, nor holds back, the writer.
      const r = db.pragma('wal_checkpoint(PASSIVE)')[0];
      if (r) Atomics.store(s, ${WAL_FRAMES}, Math.max(0, r.log));
    } catch {
      // Busy or damaged: the next commit asks again; damage is verification's to report.
    }
  }
  Atomics.store(s, ${HANDLED}, seen);
  Atomics.notify(s, ${HANDLED});
  set(${IDLE});
}
try { db.close(); } catch {}
set(${CLOSED});
})();
`;

let modulePath: string | null | undefined;
function sqliteModulePath(): string | null {
  if (modulePath === undefined) {
    try {
      modulePath = createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers');
    } catch {
      modulePath = null;
    }
  }
  return modulePath;
}

export class BackgroundCheckpointer {
  private readonly shared = new Int32Array(new SharedArrayBuffer(20));
  private readonly key: Uint8Array;
  private readonly worker: Worker;
  /** Whether the writer's automatic checkpoint is off (the helper does the work). */
  private delegated = false;
  private paused = 0;
  private done = false;
  /** The request the writer last waited for (beforeTransaction); older reports are stale. */
  private waitedFor = 0;

  private constructor(
    private readonly db: Db,
    file: string,
    dbKey: Buffer,
    path: string,
  ) {
    this.key = new Uint8Array(new SharedArrayBuffer(dbKey.length));
    this.key.set(dbKey);
    try {
      this.worker = new Worker(HELPER_SOURCE, {
        eval: true,
        workerData: { shared: this.shared.buffer, key: this.key.buffer, file, modulePath: path },
      });
    } catch (e) {
      this.key.fill(0);
      throw e;
    }
    this.worker.unref();
    // A helper that fails is not used any more (see afterCommit); its error is not the writer's.
    this.worker.on('error', () => this.markFailed());
    this.worker.on('exit', () => {
      if (this.state() !== CLOSED) this.markFailed();
    });
  }

  /** Starts a helper for `db` (open and keyed with `dbKey`); null where it cannot run (the writer then checkpoints itself). */
  static start(db: Db, file: string, dbKey: Buffer): BackgroundCheckpointer | null {
    if (process.env.OGMA_FOREGROUND_CHECKPOINT === '1') return null;
    const path = sqliteModulePath();
    if (!path) return null;
    try {
      return new BackgroundCheckpointer(db, file, dbKey, path);
    } catch {
      return null;
    }
  }

  private state(): number {
    return Atomics.load(this.shared, STATE);
  }

  private markFailed(): void {
    this.key.fill(0);
    if (this.state() !== CLOSED) {
      Atomics.store(this.shared, STATE, FAILED);
      Atomics.notify(this.shared, STATE);
    }
  }

  /** Whether this helper is gone for good (the Vault then stops using it). */
  get failed(): boolean {
    return this.state() === FAILED;
  }

  /** After each outermost commit: ask the helper for a checkpoint. Never blocks. */
  afterCommit(): void {
    if (this.done) return;
    const state = this.state();
    if (state === FAILED) return this.takeBack();
    if (state === STARTING) return; // the writer's own automatic checkpoint still runs
    if (Atomics.load(this.shared, REQUEST) - Atomics.load(this.shared, HANDLED) > STALLED_REQUESTS) return this.takeBack();
    if (!this.delegated) {
      this.key.fill(0); // keyed by now
      this.db.pragma('wal_autocheckpoint=0');
      this.delegated = true;
    }
    if (this.paused > 0) return;
    this.wake();
  }

  /**
   * Before an outermost transaction: when the helper reported a long log (one that is not
   * being started over), wait for one checkpoint of everything committed so far, so this
   * transaction's first write starts the log over. A plain PASSIVE checkpoint takes no lock
   * a writer needs, so the wait is only ever for copying.
   */
  beforeTransaction(): void {
    if (this.done || !this.delegated || this.paused > 0) return;
    const handled = Atomics.load(this.shared, HANDLED);
    if (handled <= this.waitedFor || Atomics.load(this.shared, WAL_FRAMES) < LONG_WAL_FRAMES) return;
    this.wake();
    const target = Atomics.load(this.shared, REQUEST);
    this.waitedFor = target;
    const deadline = Date.now() + WAIT_LIMIT_MS;
    for (let h = Atomics.load(this.shared, HANDLED); h < target; h = Atomics.load(this.shared, HANDLED)) {
      if (this.state() === FAILED || Date.now() >= deadline) return this.takeBack();
      Atomics.wait(this.shared, HANDLED, h, 100);
    }
  }

  /** No checkpoint on the helper until resume(); returns once one in progress has finished. Nestable. */
  pause(): void {
    if (this.done) return;
    this.paused++;
    Atomics.store(this.shared, CONTROL, PAUSE);
    if (!this.waitWhile((s) => s === BUSY)) this.takeBack();
  }

  resume(): void {
    if (this.paused === 0) return;
    this.paused--;
    if (this.paused === 0 && !this.done) Atomics.store(this.shared, CONTROL, RUN);
  }

  /** Stops the helper and closes its connection; call before closing the writer's (which then checkpoints as usual). */
  close(): void {
    if (this.done) return;
    this.done = true;
    Atomics.store(this.shared, CONTROL, CLOSE);
    this.wake();
    this.waitWhile((s) => s !== CLOSED && s !== FAILED);
    this.key.fill(0);
    void this.worker.terminate();
  }

  private wake(): void {
    Atomics.add(this.shared, REQUEST, 1);
    Atomics.notify(this.shared, REQUEST);
  }

  /** Waits while `busy(state)`; false if that took longer than WAIT_LIMIT_MS. */
  private waitWhile(busy: (state: number) => boolean): boolean {
    const deadline = Date.now() + WAIT_LIMIT_MS;
    for (let s = this.state(); busy(s); s = this.state()) {
      if (Date.now() >= deadline) return false;
      Atomics.wait(this.shared, STATE, s, 100);
    }
    return true;
  }

  /** The helper is gone or stuck: the writer checkpoints for itself again. */
  private takeBack(): void {
    if (this.delegated) {
      this.db.pragma('wal_autocheckpoint=1000');
      this.delegated = false;
    }
    if (!this.done) {
      this.done = true;
      this.markFailed();
      void this.worker.terminate();
    }
  }
}
