import { createDecipheriv, createHmac, pbkdf2Sync } from 'node:crypto';

/**
 * Reads an encrypted vault database the way an attacker holding the key would: every page
 * of the file (used or free) and every frame of the WAL (current or stale), decrypted
 * independently of SQLite. SQLCipher 4 page format, which the vault uses with a raw key:
 *   page = AES-256-CBC(data)[0 .. size-80) | IV (16) | HMAC-SHA512 (64)
 *   page 1 keeps its first 16 bytes (the salt) in clear;
 *   HMAC key = PBKDF2-SHA512(key, salt ^ 0x3a, 2 iterations, 32 bytes), over data|IV|pgno (LE).
 * Each page's HMAC is checked, so "decrypted" provably means "read with the right key".
 *
 * Why not `PRAGMA rekey=''` on a copy: SQLite3 Multiple Ciphers rekeys by VACUUM, which
 * drops free pages, exactly where leftovers of deleted rows would sit.
 */

const PAGE = 4096;
const RESERVE = 80;
const WAL_HEADER = 32;
const FRAME_HEADER = 24;

export interface DecryptedPages {
  plaintext: Buffer;
  pages: number;
  badHmac: number[];
}

function decryptPage(page: Buffer, pgno: number, key: Buffer, hmacKey: Buffer): { plain: Buffer; ok: boolean } {
  const start = pgno === 1 ? 16 : 0;
  const iv = page.subarray(PAGE - RESERVE, PAGE - RESERVE + 16);
  const mac = createHmac('sha512', hmacKey)
    .update(page.subarray(start, PAGE - RESERVE + 16))
    .update(Buffer.from([pgno & 0xff, (pgno >> 8) & 0xff, (pgno >> 16) & 0xff, (pgno >>> 24) & 0xff]))
    .digest();
  const ok = mac.equals(page.subarray(PAGE - RESERVE + 16, PAGE - RESERVE + 16 + 64));
  const d = createDecipheriv('aes-256-cbc', key, iv);
  d.setAutoPadding(false);
  return { plain: Buffer.concat([d.update(page.subarray(start, PAGE - RESERVE)), d.final()]), ok };
}

function hmacKeyFor(dbFile: Buffer, key: Buffer): Buffer {
  const salt = dbFile.subarray(0, 16);
  return pbkdf2Sync(key, Buffer.from(salt.map((b) => b ^ 0x3a)), 2, 32, 'sha512');
}

/** Every page of a database file, decrypted. */
export function decryptDatabaseFile(db: Buffer, key: Buffer): DecryptedPages {
  const hmacKey = hmacKeyFor(db, key);
  const out: Buffer[] = [];
  const badHmac: number[] = [];
  const pages = Math.floor(db.length / PAGE);
  for (let pg = 1; pg <= pages; pg++) {
    const { plain, ok } = decryptPage(db.subarray((pg - 1) * PAGE, pg * PAGE), pg, key, hmacKey);
    if (!ok) badHmac.push(pg);
    out.push(plain);
  }
  return { plaintext: Buffer.concat(out), pages, badHmac };
}

/** Every frame of a WAL file, decrypted (the salt for the HMAC key comes from the database file). */
export function decryptWalFile(wal: Buffer, db: Buffer, key: Buffer): DecryptedPages {
  const hmacKey = hmacKeyFor(db, key);
  const out: Buffer[] = [];
  const badHmac: number[] = [];
  let frames = 0;
  for (let off = WAL_HEADER; off + FRAME_HEADER + PAGE <= wal.length; off += FRAME_HEADER + PAGE) {
    const pgno = wal.readUInt32BE(off);
    const { plain, ok } = decryptPage(wal.subarray(off + FRAME_HEADER, off + FRAME_HEADER + PAGE), pgno, key, hmacKey);
    if (!ok) badHmac.push(frames);
    out.push(plain);
    frames++;
  }
  return { plaintext: Buffer.concat(out), pages: frames, badHmac };
}
