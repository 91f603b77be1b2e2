import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { databaseKey, openDatabase, readKeyslots, readManifest, unlockWithPassphrase, Vault, type Clock, type KeychainProtector } from '../../../electron/core/vault';
import type { Db } from '../../../electron/core/vault/db';

/** Shared set-up for the vault tests: real workspaces in temp folders, a cheap KDF, a stepping clock. */

export const KDF = { N: 1024, r: 8, p: 1 };
export const ADMIN = { name: 'alice', passphrase: 'alice passphrase 1' };
export const VIEWER = { name: 'victor', passphrase: 'victor passphrase 1' };

const made: string[] = [];

export function tempDir(label = 'vault'): string {
  const d = mkdtempSync(join(tmpdir(), `ogma-${label}-`));
  made.push(d);
  return d;
}

export function cleanupTempDirs(): void {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** A clock that starts at a fixed instant and moves 1 ms per reading. */
export function steppingClock(start = Date.parse('2026-11-23T10:00:00.000Z')): Clock {
  let t = start;
  return () => new Date(t++);
}

export async function newVault(dir = join(tempDir(), 'case.ogma'), clock: Clock = steppingClock()): Promise<Vault> {
  return Vault.create({ dir, name: 'Case 7', admin: ADMIN, kdf: KDF }, { clock });
}

export function openVault(dir: string, who = ADMIN, clock: Clock = steppingClock(Date.parse('2026-11-24T10:00:00.000Z'))): Promise<Vault> {
  return Vault.open(dir, { passphrase: who.passphrase, memberName: who.name }, { clock });
}

/** A tenant with messages from two users in two chats, captured `pages` transactions at a time. */
export function seedTenant(v: Vault, opts: { messages?: number; pages?: number } = {}): { tenantId: string; messageIds: string[] } {
  const n = opts.messages ?? 12;
  const pages = opts.pages ?? 3;
  const tenant = v.transaction(() => v.tenants.create({ vendor: 'anthropic', name: 'Acme Corp', orgId: 'org_acme' }, v.member.name));
  const ids: string[] = [];
  const perPage = Math.ceil(n / pages);
  for (let p = 0; p < pages; p++) {
    v.transaction(() => {
      for (let i = p * perPage; i < Math.min(n, (p + 1) * perPage); i++) {
        const id = `msg_${String(i).padStart(3, '0')}`;
        v.content.captureMessage(
          { tenantId: tenant.id, chatId: `chat_${i % 2}`, messageId: id, userId: i % 2 ? 'user_bob' : 'user_ann', role: i % 3 ? 'assistant' : 'user', text: `message ${i} about the quarterly numbers` },
          v.member.name,
        );
        ids.push(id);
      }
    });
  }
  return { tenantId: tenant.id, messageIds: ids };
}

/** The database of a (closed or copied) workspace, opened with its key: what someone holding a member's passphrase can do. */
export async function rawDb(dir: string, who = ADMIN): Promise<Db> {
  const manifest = readManifest(dir);
  const { masterKey } = await unlockWithPassphrase(manifest.workspaceId, readKeyslots(dir), who.passphrase, who.name);
  return openDatabase(join(dir, 'vault.db'), databaseKey(masterKey), { create: false });
}

/** Copies a workspace folder (open or closed); the -shm index is left out, as after a crash it is rebuilt anyway. */
export function copyWorkspace(dir: string, to = join(tempDir('copy'), 'copy.ogma')): string {
  cpSync(dir, to, { recursive: true, filter: (src) => !src.endsWith('-shm') });
  return to;
}

/** Every file of a folder, relative path -> bytes. */
export function allFiles(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (statSync(p).isFile()) out.set(relative(dir, p), readFileSync(p));
    }
  };
  walk(dir);
  return out;
}

export function flipByte(buf: Buffer, offset: number): Buffer {
  const b = Buffer.from(buf);
  b[offset] = b[offset]! ^ 0x5a;
  return b;
}

/** The raw database key of a workspace, from a member's passphrase (what an insider can derive). */
export async function databaseKeyOf(dir: string, who = ADMIN): Promise<Buffer> {
  const manifest = readManifest(dir);
  const { masterKey } = await unlockWithPassphrase(manifest.workspaceId, readKeyslots(dir), who.passphrase, who.name);
  return databaseKey(masterKey);
}

/** A stand-in for Electron safeStorage: AES-GCM under a key only it holds. */
export function fakeKeychain(backend = 'gnome_libsecret'): KeychainProtector & { calls: number } {
  const k = randomBytes(32);
  return {
    calls: 0,
    backend: () => backend,
    async encrypt(plain) {
      this.calls++;
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', k, iv);
      const body = Buffer.concat([c.update(plain), c.final()]);
      return Buffer.concat([iv, body, c.getAuthTag()]);
    },
    async decrypt(sealed) {
      this.calls++;
      const d = createDecipheriv('aes-256-gcm', k, sealed.subarray(0, 12));
      d.setAuthTag(sealed.subarray(sealed.length - 16));
      return Buffer.concat([d.update(sealed.subarray(12, sealed.length - 16)), d.final()]);
    },
  };
}

