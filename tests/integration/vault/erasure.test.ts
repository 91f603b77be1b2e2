import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCommitment, messageSalt } from '../../../electron/core/chain';
import { openDatabase } from '../../../electron/core/vault';
import { WorkspaceService } from '../../../electron/services/workspace';
import { ADMIN, KDF, allFiles, cleanupTempDirs, copyWorkspace, databaseKeyOf, steppingClock, tempDir } from '../../unit/vault/fixtures';
import { decryptDatabaseFile, decryptWalFile } from './sqlcipher-pages';

/**
 * Erasure, checked byte by byte. After a data subject is erased, none of their texts (nor
 * anything that would bring them back: their key, wrapped or not, or a commitment salt)
 * may be found in any byte of any file of the workspace folder, read with every key the
 * workspace still has: each page of vault.db and each frame of its WAL is decrypted
 * independently of SQLite (free pages and stale frames included, see sqlcipher-pages.ts),
 * every remaining blob is opened, and the raw bytes of every file are searched too.
 *
 * The scan looks for each text's distinctive token. FTS5 stores a term prefix-compressed
 * against the term before it, so each token starts with a letter no other word of these
 * texts starts with: it shares no prefix with a neighbour and is stored whole. The same
 * scan run before erasure must find every token (the control that shows the method sees
 * what is there).
 */

/** Letters that begin no other word of the texts below (erin, kim, confided, that, was, the, account, number, for, msg, e0/k0/g0, goes, stays). */
const FREE_LETTERS = 'bdhijlopqruvxyz';
let nextLetter = 0;
const token = () => `${FREE_LETTERS[nextLetter++]}q${randomBytes(5).toString('hex')}`;
const ERASED = Array.from({ length: 6 }, (_, i) => ({ id: `msg_e${i}`, token: token(), chat: `chat_e${i % 2}` }));
const KEPT = Array.from({ length: 6 }, (_, i) => ({ id: `msg_k${i}`, token: token(), chat: `chat_k${i % 2}` }));
const textOf = (m: { id: string; token: string }, who: string) => `${who} confided that ${m.token} was the account number for ${m.id}`;

let service: WorkspaceService;
let dir: string;
let tenantId: string;
let dbKey: Buffer;
const saltsBefore: Buffer[] = [];
let wrappedKeyBefore: Buffer;
let erasedSubjectId: string;

interface Scan {
  decrypted: Buffer; // every page and WAL frame, decrypted
  raw: Map<string, Buffer>; // every file as it is on disk
  blobTexts: string[]; // every remaining blob, opened
}

function scanFolder(folder: string): Scan {
  const raw = allFiles(folder);
  const db = raw.get('vault.db')!;
  const pages = decryptDatabaseFile(db, dbKey);
  expect(pages.badHmac, 'every database page authenticates under the key').toEqual([]);
  const parts = [pages.plaintext];
  const wal = raw.get('vault.db-wal');
  if (wal && wal.length > 0) {
    const frames = decryptWalFile(wal, db, dbKey);
    expect(frames.badHmac).toEqual([]);
    parts.push(frames.plaintext);
  }
  const blobTexts: string[] = [];
  const v = service.vault;
  for (const row of v.db.prepare('SELECT * FROM messages WHERE blob_path IS NOT NULL').all() as Parameters<typeof v.content.openText>[0][]) {
    if (existsSync(join(folder, 'blobs', row.blob_path!))) blobTexts.push(v.content.openText(row));
  }
  return { decrypted: Buffer.concat(parts), raw, blobTexts };
}

function occurrences(scan: Scan, needle: Buffer): string[] {
  const where: string[] = [];
  if (scan.decrypted.includes(needle)) where.push('decrypted vault.db/WAL');
  for (const [path, bytes] of scan.raw) if (bytes.includes(needle)) where.push(path);
  if (scan.blobTexts.some((t) => Buffer.from(t).includes(needle))) where.push('an opened blob');
  return where;
}

beforeAll(async () => {
  service = new WorkspaceService({ scrypt: KDF, clock: steppingClock() });
  dir = join(tempDir('erasure'), 'case.ogma');
  await service.createWorkspace({ dir, name: 'Erasure case', memberName: ADMIN.name, passphrase: ADMIN.passphrase });
  const v = service.vault;
  tenantId = v.transaction(() => v.tenants.create({ vendor: 'anthropic', name: 'Acme' }, 'alice')).id;
  // Interleaved, over several transactions, so the two subjects share index pages.
  for (let page = 0; page < 3; page++) {
    service.transaction((vault) => {
      for (let i = page * 2; i < page * 2 + 2; i++) {
        vault.content.captureMessage({ tenantId, chatId: ERASED[i]!.chat, messageId: ERASED[i]!.id, userId: 'user_erase', role: 'user', text: textOf(ERASED[i]!, 'Erin') }, 'alice');
        vault.content.captureMessage({ tenantId, chatId: KEPT[i]!.chat, messageId: KEPT[i]!.id, userId: 'user_keep', role: 'user', text: textOf(KEPT[i]!, 'Kim') }, 'alice');
      }
    });
  }
  dbKey = await databaseKeyOf(dir);
  for (const m of ERASED) saltsBefore.push(service.vault.content.messageSalt(tenantId, m.id) as Buffer);
  erasedSubjectId = service.vault.tenants.findSubject(tenantId, 'user_erase')!.id;
  wrappedKeyBefore = service.vault.db.prepare('SELECT wrapped_key FROM subjects WHERE id = ?').pluck().get(erasedSubjectId) as Buffer;
});
afterAll(() => {
  service.closeWorkspace();
  cleanupTempDirs();
});

describe('erasure of a data subject', () => {
  it('given the workspace before erasure, then the scan finds every token, salt-derived commitment and wrapped key (the method sees what is there)', () => {
    const scan = scanFolder(copyWorkspace(dir));
    for (const m of [...ERASED, ...KEPT]) expect(occurrences(scan, Buffer.from(m.token)), m.id).not.toEqual([]);
    expect(scan.decrypted.includes(wrappedKeyBefore)).toBe(true);
    expect(scan.blobTexts).toContain(textOf(ERASED[0]!, 'Erin'));
  });

  it('when the subject is erased, then the log says so and the WAL is left empty', () => {
    const r = service.eraseSubject(tenantId, 'user_erase');
    expect(r).toMatchObject({ kind: 'subject_erased', messages: ERASED.length });
    expect(service.vault.chain.record(tenantId, r.recordSeq)).toMatchObject({ type: 'subject_erased', actor: 'alice', body: { userId: 'user_erase', messages: ERASED.length } });
    const wal = join(dir, 'vault.db-wal');
    expect(existsSync(wal) ? statSync(wal).size : 0).toBe(0);
  });

  it('then no byte of any file, read with every key still present, holds their texts, tokens, salts or key', () => {
    const scan = scanFolder(copyWorkspace(dir));
    for (const m of ERASED) {
      expect(occurrences(scan, Buffer.from(m.token)), `${m.id} token`).toEqual([]);
      expect(occurrences(scan, Buffer.from(textOf(m, 'Erin'))), `${m.id} text`).toEqual([]);
      expect(occurrences(scan, Buffer.from(textOf(m, 'Erin'), 'utf16le')), `${m.id} utf-16`).toEqual([]);
    }
    for (const s of saltsBefore) {
      expect(occurrences(scan, s)).toEqual([]);
      expect(occurrences(scan, Buffer.from(s.toString('hex')))).toEqual([]);
    }
    expect(occurrences(scan, wrappedKeyBefore)).toEqual([]);
    expect(existsSync(join(dir, 'blobs', tenantId, erasedSubjectId))).toBe(false);
    // The other subject is untouched: the same scan still finds them.
    for (const m of KEPT) expect(occurrences(scan, Buffer.from(m.token)), m.id).not.toEqual([]);
    expect(scan.blobTexts.sort()).toEqual(KEPT.map((m) => textOf(m, 'Kim')).sort());
  });

  it('then the search index has no term of theirs left, and search no longer finds them', () => {
    const db = service.vault.db;
    db.exec(`CREATE VIRTUAL TABLE temp.fts_terms USING fts5vocab(main, 'message_fts', 'row')`);
    const terms = db.prepare('SELECT term FROM temp.fts_terms').pluck().all() as string[];
    db.exec('DROP TABLE temp.fts_terms');
    for (const m of ERASED) expect(terms).not.toContain(m.token);
    for (const m of KEPT) expect(terms).toContain(m.token);
    expect(terms).not.toContain('erin');
    expect(service.searchMessages(ERASED[0]!.token)).toEqual([]);
  });

  it('then reading an erased message says when, by whom and in which record, and the chain still verifies', () => {
    const m = service.getMessage(tenantId, ERASED[2]!.id);
    expect(m).toMatchObject({ status: 'deleted', reason: 'subject_erased', by: 'alice', label: expect.stringMatching(/^deleted on 2026-11-23 by alice, record #\d+$/) });
    expect(service.getMessage(tenantId, KEPT[2]!.id)).toMatchObject({ status: 'ok', text: textOf(KEPT[2]!, 'Kim') });
    expect(service.verifyChain({ mode: 'full' }).ok).toBe(true);
  });

  it('then the commitment of an erased message can no longer be checked against a guess', () => {
    const v = service.vault;
    // The vault refuses: the salt came from the subject key, which is gone.
    expect(v.content.messageSalt(tenantId, ERASED[0]!.id)).toMatchObject({ status: 'deleted' });
    expect(v.db.prepare('SELECT wrapped_key FROM subjects WHERE id = ?').pluck().get(erasedSubjectId)).toBeNull();
    // The commitment itself remains in the log, and it did commit to the true text under the old salt...
    const row = v.content.requireRow(tenantId, ERASED[0]!.id);
    expect(checkCommitment(saltsBefore[0]!, textOf(ERASED[0]!, 'Erin'), row.commitment!)).toBe(true);
    // ...but that salt exists nowhere any more (previous test), and no 32 bytes anywhere in the
    // folder, decrypted or not, serve as a subject key that rederives it.
    const scan = scanFolder(copyWorkspace(dir));
    const haystacks = [scan.decrypted, ...scan.raw.values()];
    let tried = 0;
    let rederived = 0;
    for (const h of haystacks) {
      for (let off = 0; off + 32 <= h.length; off++, tried++) {
        if (messageSalt(h.subarray(off, off + 32), ERASED[0]!.id).equals(saltsBefore[0]!)) rederived++;
      }
    }
    expect(tried).toBeGreaterThan(100_000);
    expect(rederived).toBe(0);
  });

  it('when the workspace is closed and reopened elsewhere, then the folder still holds nothing of theirs and verifies', async () => {
    service.closeWorkspace();
    const copy = copyWorkspace(dir);
    const raw = allFiles(copy);
    const pages = decryptDatabaseFile(raw.get('vault.db')!, dbKey);
    expect(pages.badHmac).toEqual([]);
    for (const m of ERASED) expect(pages.plaintext.includes(Buffer.from(m.token))).toBe(false);
    for (const [, bytes] of raw) for (const m of ERASED) expect(bytes.includes(Buffer.from(m.token))).toBe(false);
    await service.openWorkspace(copy, ADMIN.passphrase);
    expect(service.verifyChain({ mode: 'full' }).ok).toBe(true);
  });
});

describe('deleting a chat', () => {
  it('given a deleted chat, then no decrypted page or WAL frame and no file holds its texts, while the rest of the index does', async () => {
    const s = new WorkspaceService({ scrypt: KDF, clock: steppingClock() });
    const d = join(tempDir('chatdel'), 'case.ogma');
    await s.createWorkspace({ dir: d, name: 'Chat deletion', memberName: ADMIN.name, passphrase: ADMIN.passphrase });
    const t = s.vault.transaction(() => s.vault.tenants.create({ vendor: 'anthropic', name: 'Acme' }, 'alice')).id;
    nextLetter = 0;
    const gone = Array.from({ length: 4 }, () => token());
    const kept = Array.from({ length: 4 }, () => token());
    s.transaction((v) =>
      gone.forEach((g, i) => {
        v.content.captureMessage({ tenantId: t, chatId: 'chat_gone', messageId: `g${i}`, userId: 'u1', role: 'user', text: `${g} goes` }, 'alice');
        v.content.captureMessage({ tenantId: t, chatId: 'chat_kept', messageId: `k${i}`, userId: 'u1', role: 'user', text: `${kept[i]} stays` }, 'alice');
      }),
    );
    s.deleteChat(t, 'chat_gone');
    const key = await databaseKeyOf(d);
    const raw = allFiles(copyWorkspace(d));
    const db = raw.get('vault.db')!;
    const wal = raw.get('vault.db-wal');
    const plain = Buffer.concat([decryptDatabaseFile(db, key).plaintext, wal && wal.length ? decryptWalFile(wal, db, key).plaintext : Buffer.alloc(0)]);
    for (const g of gone) {
      expect(plain.includes(Buffer.from(g)), g).toBe(false);
      for (const [p, b] of raw) expect(b.includes(Buffer.from(g)), p).toBe(false);
    }
    for (const k of kept) expect(plain.includes(Buffer.from(k)), k).toBe(true);
    expect(s.verifyChain({ mode: 'full' }).ok).toBe(true);
    s.closeWorkspace();
  });
});

describe('the scan method itself', () => {
  it('given rows deleted WITHOUT secure_delete, then the page decryption finds the leftovers in free pages (so an empty scan means something)', () => {
    const file = join(tempDir('control'), 'c.db');
    const key = randomBytes(32);
    const db = openDatabase(file, key, { create: true });
    db.pragma('secure_delete=OFF');
    db.exec('CREATE TABLE t (x TEXT)');
    for (let i = 0; i < 50; i++) db.prepare('INSERT INTO t VALUES (?)').run(`LEFTOVER${i} ${'pad '.repeat(200)}`);
    db.exec('DELETE FROM t');
    expect(db.pragma('freelist_count', { simple: true })).toBeGreaterThan(0);
    db.close();
    const pages = decryptDatabaseFile(readFileSync(file), key);
    expect(pages.badHmac).toEqual([]);
    expect(pages.plaintext.includes(Buffer.from('LEFTOVER49'))).toBe(true);
    // ...which a decrypting VACUUM (PRAGMA rekey='') would have hidden.
    const copy = join(tempDir('control'), 'c2.db');
    copyFileSync(file, copy);
    const c = new Database(copy);
    c.pragma(`cipher='sqlcipher'`);
    c.pragma('legacy=4');
    c.key(Buffer.from(`x'${key.toString('hex')}'`));
    c.pragma('journal_mode=DELETE');
    c.pragma(`rekey=''`);
    c.close();
    expect(readFileSync(copy).includes(Buffer.from('LEFTOVER49'))).toBe(false);
  });
});
