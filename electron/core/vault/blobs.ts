import { closeSync, existsSync, fstatSync, fsyncSync, mkdirSync, openSync, readdirSync, readSync, rmSync, writeSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { OgmaError } from '../../../shared/api/errors';
import { fsyncDir } from './files';

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
      for (const c of chunks) {
        let off = 0;
        while (off < c.length) off += writeSync(fd, c, off, c.length - off);
      }
      fsyncSync(fd);
    } finally {
      closeSync(fd);
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

  private ensureDir(dir: string): void {
    if (existsSync(dir)) return;
    const parent = dirname(dir);
    if (parent !== dir && !existsSync(parent)) this.ensureDir(parent);
    mkdirSync(dir);
    fsyncDir(parent);
  }
}
