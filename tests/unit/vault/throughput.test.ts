import { closeSync, existsSync, mkdirSync, openSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeRecord, GENESIS_PREV, type ChainRecord } from '../../../electron/core/chain';
import { BlobStore } from '../../../electron/core/vault/blobs';
import { encodeOwnRecord } from '../../../electron/core/vault/chainstore';
import { aad, open, seal, systemRandom } from '../../../electron/core/vault/crypto';
import { syncAll } from '../../../electron/core/vault/fsync';
import { cleanupTempDirs, newVault, openVault, tempDir } from './fixtures';

/**
 * The capture fast path (docs/vault.md, Numbers): pooled randomness, records encoded
 * without zod, one write and one fsync batch per commit, lookups cached per transaction,
 * WAL checkpoints on a helper thread. Each is checked to keep what it replaced.
 */

afterAll(cleanupTempDirs);

function aadReference(...parts: string[]): Buffer {
  return Buffer.concat(parts.flatMap((p) => {
    const b = Buffer.from(p, 'utf8');
    const len = Buffer.alloc(4);
    len.writeUInt32BE(b.length);
    return [len, b];
  }));
}

describe('pooled system randomness', () => {
  it('gives the lengths asked for, never the same bytes twice, and each result in a buffer of its own', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 5000; i++) {
      const n = [12, 16, 32, 64][i % 4]!;
      const b = systemRandom(n);
      expect(b.length).toBe(n);
      expect(b.byteOffset).toBe(0);
      expect(b.buffer.byteLength).toBe(n);
      seen.add(b.toString('hex'));
    }
    expect(seen.size).toBe(5000);
    expect(systemRandom(100_000).length).toBe(100_000); // large requests bypass the pool
    expect(systemRandom(0).length).toBe(0);
  });

  it('seals with a fresh nonce each time, and an injected source is still the one used', () => {
    const key = systemRandom(32);
    const ad = aad('ogma/blob/v1', 'ws', 't', 'm', 's');
    const nonces = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const sealed = seal(key, Buffer.from(`text ${i}`), ad);
      nonces.add(sealed.subarray(1, 13).toString('hex'));
      expect(open(key, sealed, ad, 'x').toString()).toBe(`text ${i}`);
    }
    expect(nonces.size).toBe(2000);
    const asked: number[] = [];
    const counting = (n: number) => {
      asked.push(n);
      return Buffer.alloc(n, 7);
    };
    const sealed = seal(key, Buffer.from('hello'), ad, counting);
    expect(asked).toEqual([12]);
    expect(sealed.subarray(1, 13).equals(Buffer.alloc(12, 7))).toBe(true);
    expect(open(key, sealed, ad, 'x').toString()).toBe('hello');
    expect(() => seal(key, Buffer.from('x'), ad, () => Buffer.alloc(8))).toThrow(expect.objectContaining({ code: 'INTERNAL' }));
  });

  it('builds associated data exactly as the length-prefixed concatenation', () => {
    for (const parts of [['ogma/blob/v1', 'ws_1', 't', 'msg', 's'], [''], ['é', 'ab', 'c'], ['a'.repeat(1000), '😀']]) {
      expect(aad(...parts).equals(aadReference(...parts))).toBe(true);
    }
  });
});

describe('records the vault builds are encoded without zod', () => {
  const base: ChainRecord = { v: 1, tenant: 't_1', seq: 7, type: 'message_captured', at: '2026-11-23T10:00:00.000Z', actor: 'alice', prev: GENESIS_PREV, body: { messageId: 'm', orgId: null, n: 3, nested: { a: [1, 'x', null, true] } } };

  it('to the same bytes as encodeRecord', () => {
    expect(encodeOwnRecord(base).equals(encodeRecord(base))).toBe(true);
    const unicode = { ...base, body: { text: 'é\u2028"\\\n', k: -0, big: 1e21 } };
    expect(encodeOwnRecord(unicode).equals(encodeRecord(unicode))).toBe(true);
  });

  it('and refuses what encodeRecord refuses', () => {
    const bad: unknown[] = [
      { ...base, actor: '' },
      { ...base, seq: -1 },
      { ...base, seq: 1.5 },
      { ...base, at: '2026-02-30T10:00:00.000Z' },
      { ...base, prev: 'ABC' },
      { ...base, type: 'nope' },
      { ...base, extra: 1 },
      { ...base, body: [] },
      { ...base, body: { x: undefined } },
      { ...base, body: { x: Number.NaN } },
      { ...base, body: { x: new Date(0) } },
      { ...base, body: { x: '\ud800' } },
    ];
    for (const r of bad) {
      expect(() => encodeRecord(r as ChainRecord)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
      expect(() => encodeOwnRecord(r as ChainRecord), JSON.stringify(r)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    }
  });
});

describe('one fsync batch per commit', () => {
  it('fsyncs every descriptor it is given, and an fsync error is thrown as fsyncSync would', () => {
    const dir = tempDir('fsync');
    const fds = Array.from({ length: 12 }, (_, i) => openSync(join(dir, `f${i}`), 'w'));
    try {
      expect(() => syncAll(fds)).not.toThrow();
    } finally {
      for (const fd of fds) closeSync(fd);
    }
    expect(() => syncAll([...fds, ...fds])).toThrow(expect.objectContaining({ code: 'EBADF' }));
    expect(() => syncAll([fds[0]!])).toThrow(expect.objectContaining({ code: 'EBADF' }));
  });

  it('writes every pack whole, in new folders as needed, and never overwrites one', () => {
    const root = join(tempDir('packs'), 'blobs');
    mkdirSync(root);
    const store = new BlobStore(root);
    const chunks = (i: number) => Array.from({ length: 1500 }, (_, j) => Buffer.from(`pack ${i} chunk ${j};`));
    const packs = Array.from({ length: 6 }, (_, i) => ({ rel: `t_1/s_${i % 3}/p${i}.bin`, chunks: chunks(i) }));
    store.createAllSynced(packs);
    for (const p of packs) expect(readFileSync(join(root, ...p.rel.split('/'))).equals(Buffer.concat(p.chunks))).toBe(true);
    expect(() => store.createAllSynced([packs[0]!])).toThrow(expect.objectContaining({ code: 'EEXIST' }));
  });
});

describe('lookups cached per transaction', () => {
  it('given a savepoint that created a subject and a chat and rolled back, then the outer transaction still stores them properly', async () => {
    const v = await newVault();
    const t = v.transaction(() => v.tenants.create({ vendor: 'anthropic', name: 'Acme' }, 'alice'));
    v.transaction(() => {
      expect(() =>
        v.transaction(() => {
          v.content.captureMessage({ tenantId: t.id, chatId: 'c1', messageId: 'm1', userId: 'u1', role: 'user', text: 'rolled back' }, 'alice');
          throw new Error('savepoint failed');
        }),
      ).toThrow('savepoint failed');
      expect(v.content.captureMessage({ tenantId: t.id, chatId: 'c1', messageId: 'm2', userId: 'u1', role: 'user', text: 'kept' }, 'alice').status).toBe('captured');
    });
    expect(v.content.row(t.id, 'm1')).toBeUndefined();
    expect(v.getMessageText(t.id, 'm2')).toEqual({ status: 'ok', text: 'kept' });
    expect(v.db.prepare('SELECT count(*) FROM chats WHERE tenant_id = ? AND id = ?').pluck().get(t.id, 'c1')).toBe(1);
    expect(v.db.prepare('SELECT count(*) FROM subjects WHERE tenant_id = ? AND external_id = ?').pluck().get(t.id, 'u1')).toBe(1);
    expect(v.verify({ mode: 'full' }).ok).toBe(true);
    v.close();
  });

  it('given a chat deleted and a subject erased by another handle between two transactions, then the next transaction skips them', async () => {
    const v = await newVault();
    const t = v.transaction(() => v.tenants.create({ vendor: 'anthropic', name: 'Acme' }, 'alice'));
    v.transaction(() => {
      v.content.captureMessage({ tenantId: t.id, chatId: 'c1', messageId: 'm1', userId: 'u1', role: 'user', text: 'one' }, 'alice');
      v.content.captureMessage({ tenantId: t.id, chatId: 'c2', messageId: 'm2', userId: 'u2', role: 'user', text: 'two' }, 'alice');
    });
    const other = await openVault(v.dir);
    other.deleteChat(t.id, 'c1');
    other.eraseSubject(t.id, 'u2');
    other.close();
    v.transaction(() => {
      expect(v.content.captureMessage({ tenantId: t.id, chatId: 'c1', messageId: 'm3', userId: 'u1', role: 'user', text: 'three' }, 'alice')).toMatchObject({ status: 'skipped', deleted: 'chat_deleted' });
      expect(v.content.captureMessage({ tenantId: t.id, chatId: 'c3', messageId: 'm4', userId: 'u2', role: 'user', text: 'four' }, 'alice')).toMatchObject({ status: 'skipped', deleted: 'subject_erased' });
      expect(v.content.captureMessage({ tenantId: t.id, chatId: 'c4', messageId: 'm5', userId: 'u1', role: 'user', text: 'five' }, 'alice').status).toBe('captured');
    });
    v.close();
  });
});

describe('WAL checkpoints on a helper thread', () => {
  function walBytes(dir: string): number {
    const wal = join(dir, 'vault.db-wal');
    return existsSync(wal) ? statSync(wal).size : 0;
  }

  it('given a workspace that writes a lot, then the helper keeps the log from growing, a deletion still empties it, and close leaves none', async () => {
    const v = await newVault();
    const t = v.transaction(() => v.tenants.create({ vendor: 'anthropic', name: 'Acme' }, 'alice'));
    const text = (i: number) => `message ${i} ${'lorem ipsum dolor sit amet '.repeat(30)}`;
    let n = 0;
    for (let page = 0; page < 40; page++) {
      v.transaction(() => {
        for (let i = 0; i < 150; i++, n++) v.content.captureMessage({ tenantId: t.id, chatId: `c${n % 7}`, messageId: `m${n}`, userId: `u${n % 5}`, role: 'user', text: text(n) }, 'alice');
      });
    }
    const helper = (v as unknown as { checkpointer: { failed: boolean } | null }).checkpointer;
    expect(helper).not.toBeNull();
    expect(helper!.failed).toBe(false);
    expect(v.db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    // The helper copied the pages into vault.db, and started the log over at least once.
    expect(statSync(join(v.dir, 'vault.db')).size).toBeGreaterThan(4 * 1024 * 1024);
    expect(walBytes(v.dir)).toBeLessThan(24 * 1024 * 1024);
    v.deleteChat(t.id, 'c3');
    expect(walBytes(v.dir)).toBe(0);
    v.transaction(() => v.content.captureMessage({ tenantId: t.id, chatId: 'c9', messageId: 'after', userId: 'u1', role: 'user', text: 'after the deletion' }, 'alice'));
    v.close();
    expect(existsSync(join(v.dir, 'vault.db-wal'))).toBe(false);
    const again = await openVault(v.dir);
    expect(again.verify({ mode: 'full' }).ok).toBe(true);
    expect(again.getMessageText(t.id, 'after')).toEqual({ status: 'ok', text: 'after the deletion' });
    expect(again.getMessageText(t.id, `m${n - 1}`)).toEqual({ status: 'ok', text: text(n - 1) });
    again.close();
  }, 120_000);

  it('given a helper that dies, then the writer checkpoints for itself again and nothing is lost', async () => {
    const v = await newVault();
    const t = v.transaction(() => v.tenants.create({ vendor: 'anthropic', name: 'Acme' }, 'alice'));
    const text = (i: number) => `message ${i} ${'lorem ipsum dolor sit amet '.repeat(30)}`;
    let n = 0;
    const page = () => v.transaction(() => {
      for (let i = 0; i < 150; i++, n++) v.content.captureMessage({ tenantId: t.id, chatId: `c${n % 7}`, messageId: `m${n}`, userId: `u${n % 5}`, role: 'user', text: text(n) }, 'alice');
    });
    while (!(v as unknown as { checkpointer: unknown }).checkpointer && n < 30_000) page();
    page();
    const helper = (v as unknown as { checkpointer: { worker: { terminate(): Promise<number> } } }).checkpointer;
    await helper.worker.terminate();
    await new Promise((r) => setTimeout(r, 50)); // its exit event marks it failed
    page();
    expect((v as unknown as { checkpointer: unknown }).checkpointer).toBeNull();
    expect(v.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    for (let k = 0; k < 10; k++) page();
    expect(walBytes(v.dir)).toBeLessThan(24 * 1024 * 1024);
    v.close();
    const again = await openVault(v.dir);
    expect(again.verify({ mode: 'full' }).ok).toBe(true);
    expect(again.getMessageText(t.id, `m${n - 1}`)).toEqual({ status: 'ok', text: text(n - 1) });
    again.close();
  }, 120_000);
});
