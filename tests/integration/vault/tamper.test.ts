import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeRecord, MerkleFrontier, recordLeafHash, type ChainRecord } from '../../../electron/core/chain';
import { Vault, WORKSPACE_TENANT, type VerifyReport } from '../../../electron/core/vault';
import type { Db } from '../../../electron/core/vault/db';
import { cleanupTempDirs, copyWorkspace, flipByte, newVault, openVault, rawDb, seedTenant } from '../../unit/vault/fixtures';

/**
 * Each kind of tampering, done to a copy of one sealed workspace, must be detected by
 * verification and located: which tenant, the first bad record, what is wrong. Edits
 * "with the keys" use a member's passphrase to open the database, as an insider could.
 *
 * The base workspace: a tenant whose log is tenant_created (#0) and 12 message_captured
 * records (#1..#12), written in 3 transactions, so signed checkpoints exist at sizes 1, 5, 9
 * and 13; heads.json holds the one at 13.
 */

let base: string;
let tenantId: string;

beforeAll(async () => {
  const v = await newVault();
  tenantId = seedTenant(v, { messages: 12, pages: 3 }).tenantId;
  expect(v.verify({ mode: 'full' }).ok).toBe(true);
  base = v.dir;
  v.close();
});
afterAll(cleanupTempDirs);

async function verifyCopy(dir: string, opts: { parallelToo?: boolean } = {}): Promise<VerifyReport> {
  const v = await openVault(dir);
  try {
    const serial = v.verify({ mode: 'full' });
    // With worker threads (forced here, the log is small) the report is the same; only
    // messagesChecked of a failed tenant may differ, the workers' reading being ahead.
    if (opts.parallelToo ?? true) {
      const comparable = (r: VerifyReport) => ({ ...r, tenants: r.tenants.map((t) => (t.ok ? t : { ...t, messagesChecked: -1 })) });
      expect(comparable(v.verify({ mode: 'full', parallelFrom: 0 }))).toEqual(comparable(serial));
    }
    return serial;
  } finally {
    v.close();
  }
}

function problemOf(r: VerifyReport, tenant = tenantId) {
  expect(r.ok).toBe(false);
  const t = r.tenants.find((x) => x.tenantId === tenant)!;
  expect(t.ok).toBe(false);
  return t.problem!;
}

async function withDb(dir: string, fn: (db: Db) => void): Promise<void> {
  const db = await rawDb(dir);
  try {
    fn(db);
  } finally {
    db.close();
  }
}

/** Where a message's sealed text sits: a slice of its pack file. */
function sliceOf(db: Db, dir: string, messageId: string): { file: string; offset: number; length: number } {
  const r = db.prepare('SELECT blob_path, blob_offset, blob_length FROM messages WHERE id = ?').get(messageId) as { blob_path: string; blob_offset: number; blob_length: number };
  return { file: join(dir, 'blobs', r.blob_path), offset: r.blob_offset, length: r.blob_length };
}

describe('given an intact sealed workspace', () => {
  it('when verified, then every log and message checks out', async () => {
    const r = await verifyCopy(copyWorkspace(base));
    expect(r.ok).toBe(true);
    expect(r.tenants.find((t) => t.tenantId === tenantId)).toMatchObject({ size: 13, messagesChecked: 12, checkpointsVerified: 5 });
  });
});

describe('tampering with content files', () => {
  it('when one byte of a message blob is flipped, then that message is TAMPERED at its record', async () => {
    const dir = copyWorkspace(base);
    let s = { file: '', offset: 0, length: 0 };
    await withDb(dir, (db) => (s = sliceOf(db, dir, 'msg_005')));
    writeFileSync(s.file, flipByte(readFileSync(s.file), s.offset + (s.length >> 1)));
    const p = problemOf(await verifyCopy(dir));
    expect(p).toMatchObject({ code: 'blob_tampered', seq: 6, messageId: 'msg_005' });
  });

  it('when the sealed texts of two messages are swapped, then the first of them in the log is TAMPERED', async () => {
    const dir = copyWorkspace(base);
    let a = { file: '', offset: 0, length: 0 };
    let b = { file: '', offset: 0, length: 0 };
    await withDb(dir, (db) => {
      a = sliceOf(db, dir, 'msg_004');
      b = sliceOf(db, dir, 'msg_008');
    });
    expect(a.file).not.toBe(b.file);
    expect(a.length).toBe(b.length);
    const fa = readFileSync(a.file);
    const fb = readFileSync(b.file);
    const sa = Buffer.from(fa.subarray(a.offset, a.offset + a.length));
    fb.copy(fa, a.offset, b.offset, b.offset + b.length);
    sa.copy(fb, b.offset);
    writeFileSync(a.file, fa);
    writeFileSync(b.file, fb);
    expect(problemOf(await verifyCopy(dir))).toMatchObject({ code: 'blob_tampered', seq: 5, messageId: 'msg_004' });
  });

  it('when a content file is deleted without a deletion record, then it is reported missing at the first record it held', async () => {
    const dir = copyWorkspace(base);
    await withDb(dir, (db) => rmSync(sliceOf(db, dir, 'msg_008').file));
    expect(problemOf(await verifyCopy(dir))).toMatchObject({ code: 'blob_missing', seq: 9, messageId: 'msg_008' });
  });

  it('when a message is marked deleted in the database without a deletion record, then the hiding is reported', async () => {
    const dir = copyWorkspace(base);
    await withDb(dir, (db) => {
      db.prepare(`UPDATE messages SET deleted_at = '2026-11-23T11:00:00.000Z', deleted_by = 'alice', deleted_seq = 2, deleted_reason = 'chat_deleted' WHERE id = 'msg_003'`).run();
    });
    expect(problemOf(await verifyCopy(dir))).toMatchObject({ code: 'deletion_unrecorded', seq: 4, messageId: 'msg_003' });
  });
});

describe('tampering with the database file and its WAL', () => {
  it('when one byte is flipped in any used page of vault.db, then opening or verifying reports TAMPERED in vault.db', async () => {
    let pages: number[] = [];
    await withDb(copyWorkspace(base), (db) => {
      pages = (db.prepare('SELECT DISTINCT pageno FROM dbstat ORDER BY pageno').pluck().all() as number[]).filter((p) => p > 0);
    });
    expect(pages.length).toBeGreaterThan(10);
    const original = readFileSync(join(base, 'vault.db'));
    const pageSize = 4096;
    for (const [i, page] of pages.entries()) {
      const dir = copyWorkspace(base);
      writeFileSync(join(dir, 'vault.db'), flipByte(original, (page - 1) * pageSize + 1000));
      let outcome: string;
      try {
        // Every other page also through the parallel verifier (each run starts its workers).
        const r = await verifyCopy(dir, { parallelToo: i % 2 === 0 });
        const where = [...r.workspace.map((w) => w.path), ...r.tenants.filter((t) => !t.ok).map((t) => t.problem!.path)];
        outcome = !r.ok && where.includes('vault.db') ? 'TAMPERED' : `undetected (${JSON.stringify(where)})`;
      } catch (e) {
        outcome = (e as { code?: string }).code ?? String(e);
      }
      expect(outcome, `page ${page}`).toBe('TAMPERED');
    }
  });

  it('when a byte is flipped in the WAL, then the transactions SQLite silently drops are found missing from the signed head, at their first record', async () => {
    // Live frames exist only while the workspace is open: write two pages, copy the folder as a crash would leave it.
    const live = await openVault(copyWorkspace(base));
    live.transaction(() => {
      for (const i of [12, 13]) live.content.captureMessage({ tenantId, chatId: 'chat_0', messageId: `msg_${i}`, userId: 'user_ann', role: 'user', text: `late message ${i}` }, 'alice');
    });
    live.transaction(() => {
      for (const i of [14, 15]) live.content.captureMessage({ tenantId, chatId: 'chat_0', messageId: `msg_${i}`, userId: 'user_ann', role: 'user', text: `late message ${i}` }, 'alice');
    });
    const snapshot = copyWorkspace(live.dir);
    live.close();
    const wal = readFileSync(join(snapshot, 'vault.db-wal'));
    expect(wal.length).toBeGreaterThan(32 + 4120);

    // A flip in the first frame: both transactions are lost.
    const first = copyWorkspace(snapshot);
    writeFileSync(join(first, 'vault.db-wal'), flipByte(wal, 32 + 24 + 100));
    const p1 = problemOf(await verifyCopy(first));
    expect(p1).toMatchObject({ code: 'truncated', seq: 13 });
    expect(p1.message).toMatch(/13\.\.16/); // the lost range, as the chain core words it

    // A flip in the last frame (the second transaction's commit): only that one is lost.
    const last = copyWorkspace(snapshot);
    writeFileSync(join(last, 'vault.db-wal'), flipByte(wal, wal.length - 100));
    expect(problemOf(await verifyCopy(last))).toMatchObject({ code: 'truncated', seq: 15 });

    // And the damaged copy refuses new appends, so the evidence stays as found.
    const v = await openVault(last);
    expect(() => v.appendRecord(tenantId, 'export_created', {})).toThrow(expect.objectContaining({ code: 'TAMPERED' }));
    v.close();
  });
});

describe('tampering with records (with the keys)', () => {
  it('when a record is deleted, then the gap is reported at its seq', async () => {
    const dir = copyWorkspace(base);
    await withDb(dir, (db) => db.prepare('DELETE FROM chain_records WHERE tenant_id = ? AND seq = 7').run(tenantId));
    expect(problemOf(await verifyCopy(dir))).toMatchObject({ code: 'seq_gap', seq: 7 });
  });

  it('when two records are swapped, then the log is out of order at the first of them', async () => {
    const dir = copyWorkspace(base);
    await withDb(dir, (db) => {
      const get = db.prepare('SELECT bytes, leaf_hash FROM chain_records WHERE tenant_id = ? AND seq = ?');
      const r7 = get.get(tenantId, 7) as { bytes: Buffer; leaf_hash: string };
      const r8 = get.get(tenantId, 8) as { bytes: Buffer; leaf_hash: string };
      const put = db.prepare('UPDATE chain_records SET bytes = ?, leaf_hash = ? WHERE tenant_id = ? AND seq = ?');
      put.run(r8.bytes, r8.leaf_hash, tenantId, 7);
      put.run(r7.bytes, r7.leaf_hash, tenantId, 8);
    });
    expect(problemOf(await verifyCopy(dir))).toMatchObject({ code: 'seq_gap', seq: 7 });
  });

  it('when a record is edited and its own hash recomputed, then the broken link names that record', async () => {
    const dir = copyWorkspace(base);
    await withDb(dir, (db) => {
      const r = JSON.parse((db.prepare('SELECT bytes FROM chain_records WHERE tenant_id = ? AND seq = 7').pluck().get(tenantId) as Buffer).toString()) as ChainRecord;
      r.body.role = 'user-edited';
      const bytes = encodeRecord(r);
      db.prepare('UPDATE chain_records SET bytes = ?, leaf_hash = ? WHERE tenant_id = ? AND seq = 7').run(bytes, recordLeafHash(bytes).toString('hex'), tenantId);
    });
    const p = problemOf(await verifyCopy(dir));
    expect(p).toMatchObject({ code: 'prev_mismatch', seq: 7 });
    expect(p.affects).toMatch(/\b7\b/); // what can no longer be trusted starts at the edited record
  });

  it('when a record is edited and the whole chain after it rebuilt, then the signed checkpoints catch it after the last good one', async () => {
    const dir = copyWorkspace(base);
    await withDb(dir, (db) => rebuildFrom(db, tenantId, 7, (r) => (r.body.role = 'rewritten')));
    const p = problemOf(await verifyCopy(dir));
    expect(p.code).toBe('root_mismatch');
    expect(p.seq).toBe(5); // checkpoint 5 still holds; the edit lies in records 5..8
    expect(p.message).toMatch(/5\.\.8/);
  });

  it('when the newest records are cut off and the database cleaned up after them, then heads.json exposes the truncation at the first missing record', async () => {
    const dir = copyWorkspace(base);
    await withDb(dir, (db) => {
      db.prepare('DELETE FROM chain_records WHERE tenant_id = ? AND seq >= 10').run(tenantId);
      db.prepare('DELETE FROM messages WHERE tenant_id = ? AND record_seq >= 10').run(tenantId);
      db.prepare('DELETE FROM checkpoints WHERE tenant_id = ? AND size > 10').run(tenantId);
      rebuildFrom(db, tenantId, 10, () => {});
    });
    expect(problemOf(await verifyCopy(dir))).toMatchObject({ code: 'truncated', seq: 10 });
  });

  it('when heads.json is removed as well, then verification says the newest records can no longer be vouched for', async () => {
    const dir = copyWorkspace(base);
    rmSync(join(dir, 'heads.json'));
    const r = await verifyCopy(dir);
    expect(r.ok).toBe(false);
    expect(r.workspace).toEqual([expect.objectContaining({ code: 'head_missing', path: 'heads.json' })]);
  });
});

describe('tampering with checkpoints', () => {
  it('when a stored checkpoint is edited (a different root under the old signature), then it fails its signature', async () => {
    const dir = copyWorkspace(base);
    await withDb(dir, (db) => {
      const row = db.prepare('SELECT id, note FROM checkpoints WHERE tenant_id = ? AND size = 9').get(tenantId) as { id: number; note: string };
      const lines = row.note.split('\n');
      lines[2] = Buffer.alloc(32, 7).toString('base64');
      db.prepare('UPDATE checkpoints SET note = ? WHERE id = ?').run(lines.join('\n'), row.id);
    });
    const p = problemOf(await verifyCopy(dir));
    expect(p.code).toBe('checkpoint_signature');
    expect(p.message).toMatch(/size 9|claims size 9/);
  });

  it("when another log's checkpoint is replayed into this tenant, then it is rejected as not signed by this tenant's key", async () => {
    const dir = copyWorkspace(base);
    await withDb(dir, (db) => {
      const foreign = db.prepare('SELECT note FROM checkpoints WHERE tenant_id = ? ORDER BY id DESC LIMIT 1').pluck().get(WORKSPACE_TENANT) as string;
      db.prepare(`INSERT INTO checkpoints (tenant_id, size, root, note, created_at) VALUES (?, 2, '', ?, '2026-11-23T12:00:00.000Z')`).run(tenantId, foreign);
    });
    expect(problemOf(await verifyCopy(dir)).code).toBe('checkpoint_signature');
  });

  it("when a checkpoint's signature is replayed onto a body claiming more records, then the signature does not match", async () => {
    const dir = copyWorkspace(base);
    await withDb(dir, (db) => {
      const note = db.prepare('SELECT note FROM checkpoints WHERE tenant_id = ? AND size = 13').pluck().get(tenantId) as string;
      const forged = note.replace(/\n13\n/, '\n14\n');
      db.prepare(`INSERT INTO checkpoints (tenant_id, size, root, note, created_at) VALUES (?, 14, '', ?, '2026-11-23T12:00:00.000Z')`).run(tenantId, forged);
    });
    const p = problemOf(await verifyCopy(dir));
    expect(p.code).toBe('checkpoint_signature');
    expect(p.message).toContain('does not match its contents');
  });

  it("when another workspace's heads.json is put in the folder, then opening refuses with TAMPERED", async () => {
    const other = await newVault();
    const otherHeads = readFileSync(join(other.dir, 'heads.json'));
    other.close();
    const dir = copyWorkspace(base);
    writeFileSync(join(dir, 'heads.json'), otherHeads);
    await expect(Vault.open(dir, { passphrase: 'alice passphrase 1' })).rejects.toMatchObject({ code: 'TAMPERED', where: { path: 'heads.json' } });
  });
});

/** What an insider with the keys would do to hide an edit: re-link every record from `seq` on and fix the saved head. */
function rebuildFrom(db: Db, tenant: string, seq: number, edit: (r: ChainRecord) => void): void {
  const rows = db.prepare('SELECT seq, bytes FROM chain_records WHERE tenant_id = ? ORDER BY seq').all(tenant) as { seq: number; bytes: Buffer }[];
  const frontier = new MerkleFrontier();
  let prev = '';
  for (const row of rows) {
    let bytes = row.bytes;
    if (row.seq >= seq) {
      const r = JSON.parse(bytes.toString()) as ChainRecord;
      if (row.seq === seq) edit(r);
      r.prev = prev;
      bytes = encodeRecord(r);
      db.prepare('UPDATE chain_records SET bytes = ?, leaf_hash = ? WHERE tenant_id = ? AND seq = ?').run(bytes, recordLeafHash(bytes).toString('hex'), tenant, row.seq);
    }
    const leaf = recordLeafHash(bytes);
    frontier.append(leaf);
    prev = leaf.toString('hex');
  }
  db.prepare('UPDATE chain_heads SET size = ?, last_leaf = ?, frontier = ? WHERE tenant_id = ?').run(frontier.size, prev, JSON.stringify(frontier.toJSON()), tenant);
}
