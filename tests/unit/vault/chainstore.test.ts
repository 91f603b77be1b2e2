import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GENESIS_PREV, merkleRoot, recordLeafHash, verifyCheckpoint } from '../../../electron/core/chain';
import { WORKSPACE_TENANT } from '../../../electron/core/vault';
import { cleanupTempDirs, newVault, openVault } from './fixtures';

afterAll(cleanupTempDirs);

describe('chain store: per-tenant append-only logs', () => {
  it('given a new workspace, then its own log starts with workspace_created and member_added, linked from genesis', async () => {
    const v = await newVault();
    const r0 = v.chain.record(WORKSPACE_TENANT, 0);
    const r1 = v.chain.record(WORKSPACE_TENANT, 1);
    expect([r0.type, r1.type]).toEqual(['workspace_created', 'member_added']);
    expect(r0.prev).toBe(GENESIS_PREV);
    const bytes0 = [...v.chain.records(WORKSPACE_TENANT)][0]!.bytes;
    expect(r1.prev).toBe(recordLeafHash(bytes0).toString('hex'));
    v.close();
  });

  it('given appended records, then the stored root equals the Merkle root of all leaf hashes', async () => {
    const v = await newVault();
    for (let i = 0; i < 9; i++) v.appendRecord(WORKSPACE_TENANT, 'export_created', { n: i });
    const leaves = [...v.chain.records(WORKSPACE_TENANT)].map((r) => recordLeafHash(r.bytes));
    const head = v.chain.head(WORKSPACE_TENANT);
    expect(head.size).toBe(11);
    expect(head.root).toBe(merkleRoot(leaves).toString('hex'));
    v.close();
  });

  it('given a transaction that appends and then fails, then nothing of it remains and the next append takes the same seq', async () => {
    const v = await newVault();
    const before = v.chain.head(WORKSPACE_TENANT);
    expect(() =>
      v.transaction(() => {
        v.chain.append(WORKSPACE_TENANT, 'export_created', { n: 1 }, 'alice');
        throw new Error('page failed');
      }),
    ).toThrow('page failed');
    expect(v.chain.head(WORKSPACE_TENANT)).toEqual(before);
    const rec = v.appendRecord(WORKSPACE_TENANT, 'export_created', { n: 2 });
    expect(rec.seq).toBe(before.size);
    expect(v.verify({ mode: 'full' }).ok).toBe(true);
    v.close();
  });

  it('given a nested unit that fails inside a transaction, then only its records are undone and the outer ones commit', async () => {
    const v = await newVault();
    const start = v.chain.head(WORKSPACE_TENANT).size;
    v.transaction(() => {
      v.chain.append(WORKSPACE_TENANT, 'export_created', { n: 'outer' }, 'alice');
      try {
        v.transaction(() => {
          v.chain.append(WORKSPACE_TENANT, 'export_created', { n: 'inner' }, 'alice');
          throw new Error('inner failed');
        });
      } catch {
        /* the page goes on */
      }
      v.chain.append(WORKSPACE_TENANT, 'export_created', { n: 'after' }, 'alice');
    });
    const bodies = [...v.chain.records(WORKSPACE_TENANT, start)].map((r) => JSON.parse(r.bytes.toString()).body.n);
    expect(bodies).toEqual(['outer', 'after']);
    expect(v.verify({ mode: 'full' }).ok).toBe(true);
    v.close();
  });

  it('given a committed transaction that appended, then it ended with a signed checkpoint that heads.json mirrors', async () => {
    const v = await newVault();
    v.transaction(() => {
      v.chain.append(WORKSPACE_TENANT, 'export_created', { n: 1 }, 'alice');
      v.chain.append(WORKSPACE_TENANT, 'export_created', { n: 2 }, 'alice');
    });
    const cp = v.chain.latestCheckpoint(WORKSPACE_TENANT)!;
    expect(cp.size).toBe(4);
    const t = v.tenants.get(WORKSPACE_TENANT);
    const checked = verifyCheckpoint(cp.note, t.signingPublicKey, t.origin, t.origin);
    expect(checked.ok).toBe(true);
    const heads = JSON.parse(readFileSync(join(v.dir, 'heads.json'), 'utf8'));
    expect(heads.heads[WORKSPACE_TENANT]).toEqual({ size: 4, note: cp.note });
    v.close();
  });

  it('given code outside a transaction, when it appends directly to the store, then it is refused', async () => {
    const v = await newVault();
    expect(() => v.chain.append(WORKSPACE_TENANT, 'export_created', {}, 'alice')).toThrow(expect.objectContaining({ code: 'INTERNAL' }));
    v.close();
  });

  it('given a workspace reopened, then appends continue the same log and incremental verification resumes where it stopped', async () => {
    const v = await newVault();
    expect(v.verify({ mode: 'full' }).ok).toBe(true);
    v.appendRecord(WORKSPACE_TENANT, 'export_created', { n: 1 });
    const dir = v.dir;
    v.close();
    const w = await openVault(dir);
    w.appendRecord(WORKSPACE_TENANT, 'export_created', { n: 2 });
    const r = w.verify({ mode: 'incremental' });
    expect(r.ok).toBe(true);
    expect(r.tenants[0]!.fromSeq).toBe(2);
    expect(r.tenants[0]!.size).toBe(4);
    w.close();
  });
});

describe('two handles on one workspace (the app and a CLI, say)', () => {
  it('given two open handles, when they append in turn, then each continues the other’s log, heads.json keeps the newest head, and it verifies', async () => {
    const a = await newVault();
    const b = await openVault(a.dir);
    for (let i = 0; i < 3; i++) {
      a.appendRecord(WORKSPACE_TENANT, 'export_created', { by: 'a', i });
      b.appendRecord(WORKSPACE_TENANT, 'export_created', { by: 'b', i });
    }
    const bodies = [...a.chain.records(WORKSPACE_TENANT, 2)].map((r) => JSON.parse(r.bytes.toString()).body.by);
    expect(bodies).toEqual(['a', 'b', 'a', 'b', 'a', 'b']);
    const heads = JSON.parse(readFileSync(join(a.dir, 'heads.json'), 'utf8'));
    expect(heads.heads[WORKSPACE_TENANT].size).toBe(8);
    b.close();
    expect(a.verify({ mode: 'full' }).ok).toBe(true);
    a.close();
  });
});
