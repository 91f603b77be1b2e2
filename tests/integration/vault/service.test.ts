import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORKSPACE_TENANT } from '../../../electron/core/vault';
import { WorkspaceService } from '../../../electron/services/workspace';
import { ADMIN, KDF, VIEWER, allFiles, cleanupTempDirs, copyWorkspace, fakeKeychain, rawDb, steppingClock, tempDir } from '../../unit/vault/fixtures';

/** The workspace service: roles, opening, copying, keychain, shredding. Every host goes through it. */

const maskDigits = (t: string) => t.replace(/\d/g, '#');
const svc = (extra: Partial<ConstructorParameters<typeof WorkspaceService>[0]> = {}) => new WorkspaceService({ scrypt: KDF, clock: steppingClock(), maskText: maskDigits, ...extra });

let dir: string;
let tenantId: string;

beforeAll(async () => {
  const admin = svc();
  dir = join(tempDir('service'), 'case.ogma');
  await admin.createWorkspace({ dir, name: 'Service case', memberName: ADMIN.name, passphrase: ADMIN.passphrase });
  await admin.addMember({ name: VIEWER.name, role: 'viewer', passphrase: VIEWER.passphrase });
  const v = admin.vault;
  tenantId = v.transaction(() => v.tenants.create({ vendor: 'anthropic', name: 'Acme' }, 'alice')).id;
  admin.transaction((vault) => {
    for (let i = 0; i < 4; i++) {
      vault.content.captureMessage({ tenantId, chatId: `chat_${i % 2}`, messageId: `msg_${i}`, userId: `user_${i % 2}`, role: 'user', text: `card 4111 1111 1111 111${i}` }, 'alice');
    }
  });
  admin.closeWorkspace();
});
afterAll(cleanupTempDirs);

function refusals(s: WorkspaceService): { action: string; member: string }[] {
  return [...s.vault.chain.records(WORKSPACE_TENANT)].map((r) => JSON.parse(r.bytes.toString())).filter((r) => r.type === 'reveal_refused').map((r) => r.body);
}

describe('roles: a viewer cannot delete or reveal, whatever the host', () => {
  it('given a viewer, when they try each admin action, then each is FORBIDDEN, recorded in the workspace log, and nothing changed', async () => {
    const viewer = svc();
    const ws = await viewer.openWorkspace(copyWorkspace(dir), VIEWER.passphrase, VIEWER.name);
    expect(ws.member.role).toBe('viewer');
    const attempts: [string, () => unknown][] = [
      ['delete_chat', () => viewer.deleteChat(tenantId, 'chat_0')],
      ['erase_subject', () => viewer.eraseSubject(tenantId, 'user_0')],
      ['shred_tenant', () => viewer.shredTenant(tenantId)],
      ['reveal_message', () => viewer.revealMessage(tenantId, 'msg_0', 'curious')],
      ['add_member', () => viewer.addMember({ name: 'mallory', role: 'admin', passphrase: 'mallory passphrase' })],
    ];
    for (const [action, attempt] of attempts) {
      let code = 'none';
      try {
        await attempt();
      } catch (e) {
        code = (e as { code: string }).code;
      }
      expect(code, action).toBe('FORBIDDEN');
    }
    expect(refusals(viewer).map((r) => r.action)).toEqual(attempts.map(([a]) => a));
    expect(refusals(viewer).every((r) => r.member === 'victor')).toBe(true);
    // Nothing was deleted, nobody was added.
    expect(viewer.getMessage(tenantId, 'msg_0')).toMatchObject({ status: 'ok' });
    expect(viewer.listMembers().map((m) => m.name)).toEqual(['alice', 'victor']);
    expect(viewer.verifyChain().ok).toBe(true);
    viewer.closeWorkspace();
  });

  it('given a viewer, when they read a message, then they get the masked text only', async () => {
    const viewer = svc();
    await viewer.openWorkspace(copyWorkspace(dir), VIEWER.passphrase, VIEWER.name);
    expect(viewer.getMessage(tenantId, 'msg_1')).toEqual({ status: 'ok', tenantId, messageId: 'msg_1', text: 'card #### #### #### ####', masked: true });
    viewer.closeWorkspace();
  });

  it('given an admin, when they reveal a message with a reason, then the unmasked text comes back and the reveal is recorded first', async () => {
    const admin = svc();
    await admin.openWorkspace(copyWorkspace(dir), ADMIN.passphrase, ADMIN.name);
    const before = admin.vault.chain.head(tenantId).size;
    expect(admin.revealMessage(tenantId, 'msg_1', 'case 7 evidence review')).toMatchObject({ status: 'ok', text: 'card 4111 1111 1111 1111', masked: false });
    expect(admin.vault.chain.record(tenantId, before)).toMatchObject({ type: 'pii_revealed', actor: 'alice', body: { messageId: 'msg_1', reason: 'case 7 evidence review' } });
    admin.closeWorkspace();
  });

  it("given a viewer's keyslot, when its role is edited to admin in keyslots.json, then the workspace does not open", async () => {
    const copy = copyWorkspace(dir);
    const file = join(copy, 'keyslots.json');
    const slots = JSON.parse(readFileSync(file, 'utf8'));
    for (const s of slots.slots) if (s.memberName === 'victor') s.role = 'admin';
    writeFileSync(file, JSON.stringify(slots));
    await expect(svc().openWorkspace(copy, VIEWER.passphrase, VIEWER.name)).rejects.toMatchObject({ code: 'TAMPERED' });
  });

  it("given a viewer, when their role is edited to admin in the database (with the keys), then the keyslot disagrees and opening is TAMPERED", async () => {
    const copy = copyWorkspace(dir);
    const db = await rawDb(copy);
    db.prepare(`UPDATE members SET role = 'admin' WHERE name = 'victor'`).run();
    db.close();
    await expect(svc().openWorkspace(copy, VIEWER.passphrase, VIEWER.name)).rejects.toMatchObject({ code: 'TAMPERED' });
  });
});

describe('opening', () => {
  it('given a wrong passphrase, then WRONG_PASSPHRASE, not one byte of the folder changed, and the workspace already open stays open', async () => {
    const copy = copyWorkspace(dir);
    const other = copyWorkspace(dir);
    const s = svc();
    await s.openWorkspace(other, ADMIN.passphrase);
    const before = allFiles(copy);
    await expect(s.openWorkspace(copy, 'not the passphrase at all', ADMIN.name)).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE', message: expect.stringContaining('alice') });
    await expect(s.openWorkspace(copy, 'not the passphrase at all')).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    const after = allFiles(copy);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [p, b] of before) expect(after.get(p)!.equals(b), p).toBe(true);
    expect(s.summary().dir).toBe(other);
    s.closeWorkspace();
  });

  it("given the folder copied to another place, when a member opens the copy with their passphrase, then it reads and verifies", async () => {
    const far = join(tempDir('elsewhere'), 'deep', 'renamed-case.ogma');
    copyWorkspace(dir, far);
    const s = svc();
    const ws = await s.openWorkspace(far, VIEWER.passphrase);
    expect(ws).toMatchObject({ name: 'Service case', dir: far, member: { name: 'victor', role: 'viewer' } });
    expect(s.getMessage(tenantId, 'msg_2')).toMatchObject({ status: 'ok' });
    expect(s.verifyChain({ mode: 'full' }).ok).toBe(true);
    s.closeWorkspace();
  });

  it('given a host with an OS keychain, then a member can open with it, and the passphrase still works as recovery', async () => {
    const kc = fakeKeychain();
    const s = svc({ keychain: kc });
    const d = join(tempDir('kc'), 'case.ogma');
    await s.createWorkspace({ dir: d, name: 'KC', memberName: 'alice', passphrase: ADMIN.passphrase, useKeychain: true });
    s.closeWorkspace();
    expect((await s.openWithKeychain(d, 'alice')).member.name).toBe('alice');
    s.closeWorkspace();
    // The keyring changed (another machine): the keychain slot no longer opens; the passphrase does.
    await expect(svc({ keychain: fakeKeychain() }).openWithKeychain(d, 'alice')).rejects.toMatchObject({ code: 'UNAVAILABLE', message: expect.stringContaining('passphrase') });
    expect((await svc().openWorkspace(d, ADMIN.passphrase)).member.name).toBe('alice');
  });

  it('given a Linux host whose keychain is basic_text, then using it is refused and no keychain slot is written', async () => {
    const s = svc({ keychain: fakeKeychain('basic_text') });
    const d = join(tempDir('kc'), 'case.ogma');
    await expect(s.createWorkspace({ dir: d, name: 'KC', memberName: 'alice', passphrase: ADMIN.passphrase, useKeychain: true })).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    expect(existsSync(d)).toBe(false);
    await s.createWorkspace({ dir: d, name: 'KC', memberName: 'alice', passphrase: ADMIN.passphrase });
    await expect(s.enableKeychain()).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    expect(JSON.parse(readFileSync(join(d, 'keyslots.json'), 'utf8')).slots.map((x: { kind: string }) => x.kind)).toEqual(['passphrase']);
    s.closeWorkspace();
  });
});

describe('deleting as an admin', () => {
  it('given an admin, when a chat is deleted, then its messages read as deleted, its blobs are gone and the chain verifies', async () => {
    const s = svc();
    const copy = copyWorkspace(dir);
    await s.openWorkspace(copy, ADMIN.passphrase, ADMIN.name);
    const blob = s.vault.content.requireRow(tenantId, 'msg_0').blob_path!;
    const r = s.deleteChat(tenantId, 'chat_0');
    expect(r.messages).toBe(2);
    expect(s.getMessage(tenantId, 'msg_0')).toMatchObject({ status: 'deleted', reason: 'chat_deleted', recordSeq: r.recordSeq, label: `deleted on 2026-11-23 by alice, record #${r.recordSeq}` });
    expect(existsSync(join(copy, 'blobs', blob))).toBe(false);
    expect(() => s.deleteChat(tenantId, 'chat_0')).toThrow(expect.objectContaining({ code: 'DELETED' }));
    expect(s.verifyChain({ mode: 'full' }).ok).toBe(true);
    s.closeWorkspace();
  });

  it('given an admin, when a tenant is shredded, then its key, credentials and blobs are gone, its log is closed, and both logs still verify after reopening', async () => {
    const s = svc();
    const copy = copyWorkspace(dir);
    await s.openWorkspace(copy, ADMIN.passphrase, ADMIN.name);
    s.vault.transaction(() => s.vault.credentials.seal(tenantId, 'anthropic_compliance', Buffer.from('sk-ant-api01-SHRED-ME-0000000000'), 'alice'));
    const r = s.shredTenant(tenantId);
    expect(r).toMatchObject({ kind: 'tenant_shredded', messages: 4 });
    expect(s.getMessage(tenantId, 'msg_3')).toMatchObject({ status: 'deleted', reason: 'tenant_shredded', recordSeq: r.recordSeq });
    expect(existsSync(join(copy, 'blobs', tenantId))).toBe(false);
    expect(s.vault.credentials.list(tenantId)).toEqual([]);
    expect(s.vault.db.prepare('SELECT wrapped_key, sealed_signing_key FROM tenants WHERE id = ?').get(tenantId)).toEqual({ wrapped_key: null, sealed_signing_key: null });
    expect(() => s.vault.appendRecord(tenantId, 'export_created', {})).toThrow(expect.objectContaining({ code: 'DELETED' }));
    const wsLog = [...s.vault.chain.records(WORKSPACE_TENANT)].map((x) => JSON.parse(x.bytes.toString()));
    expect(wsLog.at(-1)).toMatchObject({ type: 'tenant_shredded', body: { tenant: tenantId, tenantSeq: r.recordSeq } });
    expect(s.verifyChain({ mode: 'full' }).ok).toBe(true);
    s.closeWorkspace();
    await s.openWorkspace(copy, VIEWER.passphrase, VIEWER.name);
    const report = s.verifyChain({ mode: 'full' });
    expect(report.ok).toBe(true);
    expect(report.tenants.find((t) => t.tenantId === tenantId)).toMatchObject({ ok: true, messagesChecked: 4 });
    expect(() => s.vault.captureMessage({ tenantId, chatId: 'c', messageId: 'late', userId: 'u', role: 'user', text: 'x' })).toThrow(expect.objectContaining({ code: 'DELETED' }));
    s.closeWorkspace();
  });
});
