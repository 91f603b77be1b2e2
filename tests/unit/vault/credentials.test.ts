import { afterAll, describe, expect, it } from 'vitest';
import { allFiles, cleanupTempDirs, newVault, openVault, rawDb } from './fixtures';

afterAll(cleanupTempDirs);

const SECRET = 'sk-ant-api01-THIS-IS-A-TEST-KEY-0123456789abcdefghijklmnop';

describe('sealed credentials', () => {
  it('given a sealed key, then it is only lent to a callback and wiped after, and no record or description carries it', async () => {
    const v = await newVault();
    const t = v.transaction(() => v.tenants.create({ vendor: 'anthropic', name: 'Acme' }, 'alice'));
    const input = Buffer.from(SECRET);
    v.transaction(() => v.credentials.seal(t.id, 'anthropic_compliance', input, 'alice'));
    expect(input.every((b) => b === 0)).toBe(true); // the caller's copy is wiped too

    let lent: Buffer | null = null;
    const seen = await v.credentials.use(t.id, 'anthropic_compliance', async (secret) => {
      lent = secret;
      return secret.toString();
    });
    expect(seen).toBe(SECRET);
    expect(lent!.every((b) => b === 0)).toBe(true);

    const described = JSON.stringify(v.credentials.list());
    expect(described).not.toContain('sk-ant');
    expect(v.credentials.describe(t.id, 'anthropic_compliance')).toEqual({ tenantId: t.id, kind: 'anthropic_compliance', sealedAt: expect.any(String), rotatedAt: null });
    const recs = [...v.chain.records(t.id)].map((r) => r.bytes.toString());
    expect(recs.some((r) => r.includes('"type":"key_connected"'))).toBe(true);
    expect(recs.join('\n')).not.toContain('sk-ant');
    v.close();
  });

  it('given a callback that throws, then the secret is still wiped and the error passes through', async () => {
    const v = await newVault();
    const t = v.transaction(() => v.tenants.create({ vendor: 'anthropic', name: 'Acme' }, 'alice'));
    v.transaction(() => v.credentials.seal(t.id, 'k', Buffer.from(SECRET), 'alice'));
    let lent: Buffer | null = null;
    await expect(
      v.credentials.use(t.id, 'k', (s) => {
        lent = s;
        throw new Error('vendor said 401');
      }),
    ).rejects.toThrow('vendor said 401');
    expect(lent!.every((b) => b === 0)).toBe(true);
    v.close();
  });

  it('given a sealed key, when rotated, then the new secret is lent, a key_rotated record exists; when forgotten, using it is NOT_FOUND', async () => {
    const v = await newVault();
    const t = v.transaction(() => v.tenants.create({ vendor: 'openai', name: 'Acme' }, 'alice'));
    v.transaction(() => v.credentials.seal(t.id, 'openai_admin', Buffer.from('sk-admin-OLD0000000000000000'), 'alice'));
    v.transaction(() => v.credentials.rotate(t.id, 'openai_admin', Buffer.from('sk-admin-NEW1111111111111111'), 'alice'));
    expect(await v.credentials.use(t.id, 'openai_admin', (s) => s.toString())).toBe('sk-admin-NEW1111111111111111');
    expect(v.credentials.describe(t.id, 'openai_admin').rotatedAt).not.toBeNull();
    const types = [...v.chain.records(t.id)].map((r) => JSON.parse(r.bytes.toString()).type);
    expect(types).toEqual(['tenant_created', 'key_connected', 'key_rotated']);
    v.transaction(() => v.credentials.forget(t.id, 'openai_admin', 'alice'));
    await expect(v.credentials.use(t.id, 'openai_admin', (s) => s.length)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(v.verify({ mode: 'full' }).ok).toBe(true);
    v.close();
  });

  it('given a sealed credential, when its sealed bytes are moved to another kind in the database, then using it is TAMPERED', async () => {
    const v = await newVault();
    const t = v.transaction(() => v.tenants.create({ vendor: 'anthropic', name: 'Acme' }, 'alice'));
    v.transaction(() => {
      v.credentials.seal(t.id, 'anthropic_compliance', Buffer.from(SECRET), 'alice');
      v.credentials.seal(t.id, 'anthropic_admin', Buffer.from('sk-ant-admin01-other-0000000000'), 'alice');
    });
    const dir = v.dir;
    v.close();
    const db = await rawDb(dir);
    const sealed = db.prepare("SELECT sealed FROM credentials WHERE kind = 'anthropic_compliance'").pluck().get();
    db.prepare("UPDATE credentials SET sealed = ? WHERE kind = 'anthropic_admin'").run(sealed);
    db.close();
    const w = await openVault(dir);
    await expect(w.credentials.use(t.id, 'anthropic_admin', (s) => s.length)).rejects.toMatchObject({ code: 'TAMPERED' });
    // And nowhere in the folder is the key in clear.
    for (const [path, bytes] of allFiles(dir)) expect(bytes.includes(Buffer.from('THIS-IS-A-TEST-KEY')), path).toBe(false);
    w.close();
  });
});
