import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OgmaError } from '../../../shared/api/errors';
import { main } from '../../../electron/hosts/cli';
import { command as init } from '../../../electron/hosts/cli/init';
import { command as memberAdd } from '../../../electron/hosts/cli/member';
import type { CliIO } from '../../../electron/hosts/cli/types';
import { command as verifyChain } from '../../../electron/hosts/cli/verify-chain';
import { Vault } from '../../../electron/core/vault';
import { ADMIN, VIEWER, cleanupTempDirs, copyWorkspace, flipByte, rawDb, tempDir } from '../../unit/vault/fixtures';

/** The workspace verbs, run in-process through the CLI entry exactly as `ogma` would run them. */

const VERBS = [init, memberAdd, verifyChain];

function fakeIO(env: Record<string, string | undefined>): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (t) => stdout.push(t),
    err: (t) => stderr.push(t),
    env: { OGMA_SCRYPT_N: '1024', ...env },
    isTTY: false,
    promptSecret: () => Promise.reject(new OgmaError('UNAVAILABLE', 'Cannot ask for a passphrase: standard input is not a terminal.')),
  };
}

const ogma = (argv: string[], env: Record<string, string | undefined> = {}) => {
  const io = fakeIO(env);
  return main(argv, io, VERBS).then((code) => ({ code, out: io.stdout.join('\n'), err: io.stderr.join('\n') }));
};

let dir: string;
let tenantId: string;

beforeAll(async () => {
  dir = join(tempDir('cli'), 'case.ogma');
  const r = await ogma(['init', dir, '--name', ADMIN.name, '--case', 'CLI case'], { OGMA_PASSPHRASE: ADMIN.passphrase });
  expect(r).toMatchObject({ code: 0, out: expect.stringContaining('its first admin is member "alice"') });
  // Some content to verify, captured through the vault as the capture service would.
  const v = await Vault.open(dir, { passphrase: ADMIN.passphrase });
  tenantId = v.transaction(() => v.tenants.create({ vendor: 'anthropic', name: 'Acme' }, 'alice')).id;
  for (let i = 0; i < 3; i++) v.captureMessage({ tenantId, chatId: 'chat', messageId: `msg_${i}`, userId: 'user', role: 'user', text: `text ${i}` });
  v.close();
});
afterAll(cleanupTempDirs);

describe('ogma init', () => {
  it('given a folder that is not empty, then init refuses and leaves it alone', async () => {
    const r = await ogma(['init', dir], { OGMA_PASSPHRASE: ADMIN.passphrase });
    expect(r.code).toBe(2);
    expect(r.err).toContain('not empty');
    expect(existsSync(join(dir, 'vault.db'))).toBe(true);
  });

  it('given no passphrase in the environment and no terminal, then init explains it cannot ask', async () => {
    const d = join(tempDir('cli'), 'x.ogma');
    const r = await ogma(['init', d]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('not a terminal');
    expect(existsSync(d)).toBe(false);
  });
});

describe('ogma member add', () => {
  it('given the admin, when a viewer is added, then the viewer can open the workspace with their own passphrase', async () => {
    const r = await ogma(['member', 'add', dir, '--name', VIEWER.name, '--role', 'viewer'], { OGMA_PASSPHRASE: ADMIN.passphrase, OGMA_NEW_PASSPHRASE: VIEWER.passphrase });
    expect(r).toMatchObject({ code: 0, out: 'Added victor as viewer.' });
    const v = await Vault.open(dir, { passphrase: VIEWER.passphrase, memberName: VIEWER.name });
    expect(v.member.role).toBe('viewer');
    v.close();
  });

  it('given a viewer acting, when they try to add a member, then it is refused (exit 2) before any new passphrase is asked', async () => {
    const r = await ogma(['member', 'add', dir, '--name', 'mallory', '--role', 'admin'], { OGMA_MEMBER: VIEWER.name, OGMA_PASSPHRASE: VIEWER.passphrase });
    expect(r.code).toBe(2);
    expect(r.err).toContain('viewer');
    const v = await Vault.open(dir, { passphrase: ADMIN.passphrase });
    expect(v.members.list().map((m) => m.name)).toEqual(['alice', 'victor']);
    v.close();
  });

  it('given a bad role, then it is a usage error', async () => {
    const r = await ogma(['member', 'add', dir, '--name', 'x', '--role', 'owner'], { OGMA_PASSPHRASE: ADMIN.passphrase });
    expect(r.code).toBe(2);
    expect(r.err).toContain('--role must be admin or viewer');
  });
});

describe('ogma verify-chain', () => {
  it('given an intact workspace, then exit 0 and --json prints one JSON document saying so', async () => {
    const r = await ogma(['verify-chain', dir, '--json'], { OGMA_PASSPHRASE: VIEWER.passphrase });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc).toMatchObject({ ok: true, mode: 'full', workspace: [] });
    expect(doc.tenants.map((t: { tenantId: string }) => t.tenantId).sort()).toEqual([tenantId, 'workspace'].sort());
  });

  it('given a flipped byte in a blob, then exit 1 and the report names the tenant, the record and the message', async () => {
    const copy = copyWorkspace(dir);
    const db = await rawDb(copy);
    const blob = db.prepare(`SELECT blob_path FROM messages WHERE id = 'msg_1'`).pluck().get() as string;
    db.close();
    const p = join(copy, 'blobs', blob);
    writeFileSync(p, flipByte(readFileSync(p), 20));
    const json = await ogma(['verify-chain', copy, '--json'], { OGMA_PASSPHRASE: ADMIN.passphrase });
    expect(json.code).toBe(1);
    const doc = JSON.parse(json.out);
    expect(doc.ok).toBe(false);
    expect(doc.tenants.find((t: { tenantId: string }) => t.tenantId === tenantId).problem).toMatchObject({ code: 'blob_tampered', seq: 2, messageId: 'msg_1' });
    const human = await ogma(['verify-chain', copy], { OGMA_PASSPHRASE: ADMIN.passphrase });
    expect(human.code).toBe(1);
    expect(human.out).toContain(`TAMPERED ${tenantId}: record #2`);
  });

  it('given a damaged database header, then exit 1 with a TAMPERED error document', async () => {
    const copy = copyWorkspace(dir);
    const f = join(copy, 'vault.db');
    writeFileSync(f, flipByte(readFileSync(f), 100));
    const r = await ogma(['verify-chain', copy, '--json'], { OGMA_PASSPHRASE: ADMIN.passphrase });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({ ok: false, error: { code: 'TAMPERED' } });
  });

  it('given a missing database or a wrong passphrase, then exit 2 (unreadable), not 1', async () => {
    const copy = copyWorkspace(dir);
    rmSync(join(copy, 'vault.db'));
    expect((await ogma(['verify-chain', copy, '--json'], { OGMA_PASSPHRASE: ADMIN.passphrase })).code).toBe(2);
    const wrong = await ogma(['verify-chain', dir, '--json'], { OGMA_PASSPHRASE: 'wrong wrong wrong' });
    expect(wrong.code).toBe(2);
    expect(JSON.parse(wrong.out)).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
  });
});
