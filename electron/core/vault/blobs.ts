import { closeSync, existsSync, fstatSync, fsyncSync, mkdirSync, openSync, readdirSync, readSync, rmSync, writevSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { OgmaError } from '../../../shared/api/errors';
import { fsyncDir } from './files';
import { syncAll } from './fsync';

/**
 * Encrypted content files under blobs/, laid out <tenant>/<subject>/<name>.bin so that a
 * data subject's content is one folder and a tenant's is one tree. Names are opaque
 * (random), so the layout reveals no message or user ids. The store only moves bytes:
 * what is in them (AES-GCM under the subject key) is content.ts's business.
 *
 * Files are written once under a fresh name and never changed, so no rename dance is
 * needed: `createSynced` writes and fsyncs, `syncDirs` makes the new names durable, and
 * both happen before the database transaction that refers to them commits. A file whose
 * transaction rolled back is an orphan, harmless (it is ciphertext) and swept later.
 */

const SEGMENT = /^[A-Za-z0-9_-]{1,128}$/;
const FILE = /^[A-Za-z0-9_-]{1,128}\.bin$/;

export class BlobStore {
  constructor(readonly root: string) {}

  static relPath(tenantId: string, subjectId: string, name: string): string {
    for (const s of [tenantId, subjectId]) {
      if (!SEGMENT.test(s)) throw new OgmaError('VALIDATION_FAILED', `"${s}" cannot name a blob folder (letters, digits, _ and - only).`);
    }
    if (!FILE.test(name)) throw new OgmaError('VALIDATION_FAILED', `"${name}" is not a blob file name.`);
    return `${tenantId}/${subjectId}/${name}`;
  }

  private abs(rel: string): string {
    const parts = rel.split('/');
    if (parts.length === 0 || parts.length > 3 || parts.some((p, i) => (i === 2 ? !FILE.test(p) : !SEGMENT.test(p)))) {
      throw new OgmaError('TAMPERED', `The blob path "${rel}" is not one this vault writes; the database row naming it was edited.`, { path: `blobs/${rel}` });
    }
    return join(this.root, ...parts);
  }

  /** Creates a new file (never overwrites) and fsyncs its bytes; call syncDirs for its name. */
  createSynced(rel: string, chunks: readonly Buffer[]): void {
    const file = this.abs(rel);
    this.ensureDir(dirname(file));
    const fd = openSync(file, 'wx', 0o600);
    try {
      writeAll(fd, chunks);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }

  /**
   * Creates new files (never overwrites) and makes them durable: their bytes, their names
   * in their folders, and the names of folders created for them. The same fsyncs as
   * createSynced per file plus syncDirs, issued together (see fsync.ts) so a commit of many
   * packs waits for a few journal commits rather than one per file.
   */
  createAllSynced(files: readonly { rel: string; chunks: readonly Buffer[] }[]): void {
    const fds: number[] = [];
    try {
      const dirs = new Set<string>();
      for (const f of files) {
        const file = this.abs(f.rel);
        const dir = dirname(file);
        this.ensureDir(dir, dirs);
        dirs.add(dir);
        const fd = openSync(file, 'wx', 0o600);
        fds.push(fd);
        writeAll(fd, f.chunks);
      }
      // Directories cannot be opened for fsync on Windows (see fsyncDir).
      if (process.platform !== 'win32') for (const d of dirs) fds.push(openSync(d, 'r'));
      syncAll(fds);
    } finally {
      for (const fd of fds) closeSync(fd);
    }
  }

  /** Makes the names of newly created files durable: one fsync per folder. */
  syncDirs(rels: Iterable<string>): void {
    const dirs = new Set<string>();
    for (const r of rels) dirs.add(dirname(this.abs(r)));
    for (const d of dirs) fsyncDir(d);
  }

  /** `length` bytes at `offset`, or null when the file is absent; a short file gives what is there. */
  readSlice(rel: string, offset: number, length: number): Buffer | null {
    let fd: number;
    try {
      fd = openSync(this.abs(rel), 'r');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return null;
      throw new OgmaError('UNREADABLE', `The content file blobs/${rel} could not be read (${code ?? 'I/O error'}).`, { path: `blobs/${rel}` });
    }
    try {
      const size = fstatSync(fd).size;
      const n = Math.max(0, Math.min(length, size - offset));
      const buf = Buffer.alloc(n);
      let got = 0;
      while (got < n) {
        const r = readSync(fd, buf, got, n - got, offset + got);
        if (r === 0) break;
        got += r;
      }
      return buf.subarray(0, got);
    } finally {
      closeSync(fd);
    }
  }

  exists(rel: string): boolean {
    return existsSync(this.abs(rel));
  }

  /** Removes a file, a subject folder or a tenant tree, then makes the removal durable. */
  remove(rel: string): void {
    const target = this.abs(rel);
    rmSync(target, { recursive: true, force: true });
    const parent = dirname(target);
    if (existsSync(parent)) fsyncDir(parent);
  }

  /** Every file under blobs/, as relative paths with '/' separators (temp files included). */
  list(): string[] {
    if (!existsSync(this.root)) return [];
    const out: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else out.push(relative(this.root, p).split(sep).join('/'));
      }
    };
    walk(this.root);
    return out;
  }

  /**
   * Deletes every file under blobs/ that `keep` does not claim: temp files of interrupted
   * writes, blobs of transactions that rolled back, blobs of committed deletions. Returns
   * how many were removed.
   */
  sweep(keep: (rel: string) => boolean): number {
    let removed = 0;
    for (const rel of this.list()) {
      if (keep(rel)) continue;
      rmSync(join(this.root, ...rel.split('/')), { force: true });
      removed++;
    }
    return removed;
  }

  /** Creates `dir` and missing parents; each new name is fsynced in its parent now, or added to `syncLater`. */
  private ensureDir(dir: string, syncLater?: Set<string>): void {
    if (existsSync(dir)) return;
    const parent = dirname(dir);
    if (parent !== dir && !existsSync(parent)) this.ensureDir(parent, syncLater);
    mkdirSync(dir);
    if (syncLater) syncLater.add(parent);
    else fsyncDir(parent);
  }
}

/** Writes every chunk in order with as few syscalls as the kernel allows (writev takes up to 1024 buffers). */
function writeAll(fd: number, chunks: readonly Buffer[]): void {
  let i = 0;
  let skip = 0; // bytes of chunks[i] already written
  while (i < chunks.length) {
    const batch: Buffer[] = [];
    for (let j = i; j < chunks.length && batch.length < 1024; j++) batch.push(j === i ? chunks[j]!.subarray(skip) : chunks[j]!);
    let n = writevSync(fd, batch);
    while (i < chunks.length && n >= chunks[i]!.length - skip) {
      n -= chunks[i]!.length - skip;
      skip = 0;
      i++;
    }
    skip += n;
  }
}
