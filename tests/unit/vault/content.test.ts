import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkCommitment, textCommitment } from '../../../electron/core/chain';
import { describeDeleted } from '../../../electron/core/vault';
import { allFiles, cleanupTempDirs, newVault, seedTenant } from './fixtures';

afterAll(cleanupTempDirs);

describe('content store: message text sealed under the subject key', () => {
  it('given a captured message, then its text reads back, its blob holds no plaintext and the record commits to it', async () => {
    const v = await newVault();
    const { tenantId } = seedTenant(v, { messages: 2, pages: 1 });
    expect(v.getMessageText(tenantId, 'msg_001')).toEqual({ status: 'ok', text: 'message 1 about the quarterly numbers' });
    for (const [path, bytes] of allFiles(v.dir)) expect(bytes.includes(Buffer.from('quarterly')), path).toBe(false);
    const row = v.content.requireRow(tenantId, 'msg_001');
    const rec = v.chain.record(tenantId, row.record_seq!);
    expect(rec.type).toBe('message_captured');
    expect(rec.body.commitment).toBe(row.commitment);
    const salt = v.content.messageSalt(tenantId, 'msg_001') as Buffer;
    expect(checkCommitment(salt, 'message 1 about the quarterly numbers', row.commitment!)).toBe(true);
    expect(checkCommitment(salt, 'message 1 about the quarterly number', row.commitment!)).toBe(false);
    v.close();
  });

  it('given the same message captured twice (a re-pull), then there is one row and one record', async () => {
    const v = await newVault();
    const { tenantId } = seedTenant(v, { messages: 1, pages: 1 });
    const size = v.chain.head(tenantId).size;
    const again = v.captureMessage({ tenantId, chatId: 'chat_0', messageId: 'msg_000', userId: 'user_ann', role: 'user', text: 'message 0 about the quarterly numbers' });
    expect(again.status).toBe('already_captured');
    expect(v.chain.head(tenantId).size).toBe(size);
    v.close();
  });

  it('given two messages of one chat and subject, when their sealed texts are swapped in the pack, then reading either is TAMPERED naming the message', async () => {
    const v = await newVault();
    const { tenantId } = seedTenant(v, { messages: 4, pages: 1 });
    // msg_000 and msg_002 share subject, key, chat and pack file: only the associated data tells them apart.
    const a = v.content.requireRow(tenantId, 'msg_000');
    const b = v.content.requireRow(tenantId, 'msg_002');
    expect([a.subject_id, a.blob_path, a.blob_length]).toEqual([b.subject_id, b.blob_path, b.blob_length]);
    const file = join(v.dir, 'blobs', a.blob_path!);
    const pack = readFileSync(file);
    const sa = Buffer.from(pack.subarray(a.blob_offset!, a.blob_offset! + a.blob_length!));
    pack.copy(pack, a.blob_offset!, b.blob_offset!, b.blob_offset! + b.blob_length!);
    sa.copy(pack, b.blob_offset!);
    writeFileSync(file, pack);
    expect(() => v.getMessageText(tenantId, 'msg_000')).toThrow(expect.objectContaining({ code: 'TAMPERED', where: expect.objectContaining({ messageId: 'msg_000' }) }));
    expect(() => v.getMessageText(tenantId, 'msg_002')).toThrow(expect.objectContaining({ code: 'TAMPERED' }));
    expect(v.getMessageText(tenantId, 'msg_001')).toMatchObject({ status: 'ok' });
    v.close();
  });

  it('given a page of one chat, then its messages share one pack file (one fsync per chat per page), and a message read before commit comes from memory', async () => {
    const v = await newVault();
    const t = v.transaction(() => v.tenants.create({ vendor: 'anthropic', name: 'Acme' }, 'alice'));
    const inside = v.transaction(() => {
      for (let i = 0; i < 5; i++) v.content.captureMessage({ tenantId: t.id, chatId: 'c1', messageId: `m${i}`, userId: 'u1', role: 'user', text: `text ${i}` }, 'alice');
      return v.getMessageText(t.id, 'm3');
    });
    expect(inside).toEqual({ status: 'ok', text: 'text 3' });
    const paths = new Set((v.db.prepare('SELECT blob_path FROM messages').pluck().all() as string[]));
    expect(paths.size).toBe(1);
    expect(v.getMessageText(t.id, 'm4')).toEqual({ status: 'ok', text: 'text 4' });
    v.close();
  });

  it('given a transaction that fails, then none of its content reaches the disk', async () => {
    const v = await newVault();
    const t = v.transaction(() => v.tenants.create({ vendor: 'anthropic', name: 'Acme' }, 'alice'));
    const before = [...allFiles(v.dir).keys()].filter((p) => p.startsWith('blobs'));
    expect(() =>
      v.transaction(() => {
        v.content.captureMessage({ tenantId: t.id, chatId: 'c1', messageId: 'm1', userId: 'u1', role: 'user', text: 'never stored' }, 'alice');
        throw new Error('page failed');
      }),
    ).toThrow('page failed');
    expect([...allFiles(v.dir).keys()].filter((p) => p.startsWith('blobs'))).toEqual(before);
    expect(v.content.row(t.id, 'm1')).toBeUndefined();
    v.close();
  });

  it('given deleted content, when a re-pull brings it (or more of that chat or subject) again, then it is skipped, not captured anew', async () => {
    const v = await newVault();
    const { tenantId } = seedTenant(v, { messages: 4, pages: 1 });
    v.deleteChat(tenantId, 'chat_0');
    v.eraseSubject(tenantId, 'user_bob');
    const size = v.chain.head(tenantId).size;
    expect(v.captureMessage({ tenantId, chatId: 'chat_0', messageId: 'msg_000', userId: 'user_ann', role: 'user', text: 'again' }).status).toBe('already_captured');
    expect(v.captureMessage({ tenantId, chatId: 'chat_0', messageId: 'msg_new', userId: 'user_ann', role: 'user', text: 'more' })).toEqual({ status: 'skipped', messageId: 'msg_new', deleted: 'chat_deleted' });
    expect(v.captureMessage({ tenantId, chatId: 'chat_9', messageId: 'msg_bob', userId: 'user_bob', role: 'user', text: 'more' })).toEqual({ status: 'skipped', messageId: 'msg_bob', deleted: 'subject_erased' });
    expect(v.chain.head(tenantId).size).toBe(size);
    v.close();
  });

  it('given captured messages, then search finds them by word, and a deleted chat no longer matches', async () => {
    const v = await newVault();
    const { tenantId } = seedTenant(v, { messages: 4, pages: 1 });
    expect(v.searchMessages('quarterly').map((m) => m.messageId).sort()).toEqual(['msg_000', 'msg_001', 'msg_002', 'msg_003']);
    expect(v.searchMessages('quart*').length).toBe(4);
    expect(v.searchMessages('"quarterly" OR NOT x')).toEqual([]); // operators in user text are inert words
    v.deleteChat(tenantId, 'chat_0');
    expect(v.searchMessages('quarterly').map((m) => m.messageId).sort()).toEqual(['msg_001', 'msg_003']);
    v.close();
  });

  it('given a deleted chat, then reading its message is a typed value that renders date, member and record', async () => {
    const v = await newVault();
    const { tenantId } = seedTenant(v, { messages: 2, pages: 1 });
    const d = v.deleteChat(tenantId, 'chat_1');
    const r = v.getMessageText(tenantId, 'msg_001');
    expect(r).toEqual({ status: 'deleted', reason: 'chat_deleted', at: expect.stringMatching(/^2026-11-23T/), by: 'alice', recordSeq: d.recordSeq });
    expect(describeDeleted(r as Exclude<typeof r, { status: 'ok' }>)).toBe(`deleted on 2026-11-23 by alice, record #${d.recordSeq}`);
    expect(v.content.messageSalt(tenantId, 'msg_001')).toMatchObject({ status: 'deleted' });
    expect(v.getMessageText(tenantId, 'msg_000')).toMatchObject({ status: 'ok' });
    expect(v.verify({ mode: 'full' }).ok).toBe(true);
    v.close();
  });

  it('given a textCommitment from the chain core, then the vault commits with exactly that function and the subject salt', async () => {
    const v = await newVault();
    const { tenantId } = seedTenant(v, { messages: 1, pages: 1 });
    const salt = v.content.messageSalt(tenantId, 'msg_000') as Buffer;
    expect(v.content.requireRow(tenantId, 'msg_000').commitment).toBe(textCommitment(salt, 'message 0 about the quarterly numbers'));
    v.close();
  });
});
