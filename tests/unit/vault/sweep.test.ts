import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Vault } from '../../../electron/core/vault';
import type { Deletions } from '../../../electron/core/vault/deletion';
import { cleanupTempDirs, newVault, openVault, seedTenant } from './fixtures';

afterAll(cleanupTempDirs);

describe('sweeping blob files on open', () => {
  it('given a chat deletion that committed but crashed before removing its files, when the workspace opens, then the files are gone and it verifies', async () => {
    const v = await newVault();
    const { tenantId } = seedTenant(v, { messages: 4, pages: 1 });
    const pack = join(v.dir, 'blobs', v.content.requireRow(tenantId, 'msg_000').blob_path!);
    // The database half of deleteChat, committed, without its after-commit file removal (the crash window).
    const deletions = (v as unknown as { deletions: Deletions }).deletions;
    v.transaction(() => deletions.deleteChat(tenantId, 'chat_0', 'alice'));
    expect(existsSync(pack)).toBe(true);
    const dir = v.dir;
    v.close();
    const w = await openVault(dir);
    expect(existsSync(pack)).toBe(false);
    expect(w.verify({ mode: 'full' }).ok).toBe(true);
    w.close();
  });

  it('given orphan files of a transaction that never committed, then old ones are swept and recent ones (maybe another process in flight) are kept', async () => {
    const v: Vault = await newVault();
    const { tenantId } = seedTenant(v, { messages: 2, pages: 1 });
    const dir = v.dir;
    v.close();
    const folder = join(dir, 'blobs', tenantId, 's_orphan');
    mkdirSync(folder, { recursive: true });
    const old = join(folder, 'a'.repeat(32) + '.bin');
    const fresh = join(folder, 'b'.repeat(32) + '.bin');
    writeFileSync(old, 'x');
    writeFileSync(fresh, 'y');
    const hourAgo = new Date(Date.now() - 3600_000);
    utimesSync(old, hourAgo, hourAgo);
    const w = await openVault(dir);
    expect(existsSync(old)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
    expect(w.getMessageText(tenantId, 'msg_000')).toMatchObject({ status: 'ok' });
    w.close();
  });
});
