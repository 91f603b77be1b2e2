import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicKeyFingerprint, recordLeafHash, verifyCheckpoint, verifyInclusion } from '../../../electron/core/chain';
import { ReviewService } from '../../../electron/services/review';
import { closeWorld, failed, ok, pulledWorld, type World } from './helpers';

/**
 * content.record: a message's chain record, one click away, with what an auditor needs to
 * check it without the vault: the canonical record, its leaf hash, the inclusion proof to
 * the newest signed checkpoint, the note and the key. The service checks all of it before
 * answering; the test checks it again from the answer alone, and shows that an altered
 * record no longer verifies.
 */

let w: World;
let messageId: string;

beforeAll(async () => {
  w = await pulledWorld();
  messageId = (w.app.services.workspace.vault.db.prepare('SELECT id FROM messages WHERE tenant_id = ? ORDER BY rowid LIMIT 1 OFFSET 5').pluck().get(w.tenantId) as string);
});
afterAll(() => closeWorld(w));

/** What an auditor does with the answer: every check from the answer's own bytes. */
function verifiesOffline(e: { record: string; leafHash: string; proof: { leafIndex: number; treeSize: number; hashes: string[] }; checkpoint: { note: string; publicKey: string; keyName: string; root: string; size: number } }): boolean {
  const leaf = recordLeafHash(Buffer.from(e.record, 'utf8'));
  const cp = verifyCheckpoint(e.checkpoint.note, Buffer.from(e.checkpoint.publicKey, 'base64'), e.checkpoint.keyName, e.checkpoint.keyName);
  if (!cp.ok) return false;
  return (
    leaf.toString('hex') === e.leafHash &&
    cp.checkpoint.size === e.proof.treeSize &&
    verifyInclusion(leaf, e.proof.leafIndex, e.proof.treeSize, e.proof.hashes.map((h) => Buffer.from(h, 'hex')), cp.checkpoint.root)
  );
}

describe("a message's record", () => {
  it('comes with an inclusion proof to the newest signed checkpoint that verifies from the answer alone', async () => {
    const e = ok(await w.app.call('content.record', { tenantId: w.tenantId, messageId }));
    const rec = JSON.parse(e.record);
    expect(rec).toMatchObject({ v: 1, tenant: w.tenantId, seq: e.seq, type: 'message_captured', body: { messageId } });
    expect(e).toMatchObject({ type: 'message_captured', at: rec.at, actor: 'alice', verified: true, proof: { algorithm: 'RFC 9162 SHA-256', leafIndex: e.seq } });
    const v = w.app.services.workspace.vault;
    const latest = v.chain.latestCheckpoint(w.tenantId)!;
    expect(e.checkpoint).toMatchObject({ size: latest.size, root: latest.root, note: latest.note });
    const tenant = v.tenants.get(w.tenantId);
    expect(e.checkpoint.keyFingerprint).toBe(publicKeyFingerprint(tenant.signingPublicKey));
    expect(e.checkpoint.keyFingerprint).toMatch(/^SHA256:/);
    expect(e.record).toBe(v.db.prepare('SELECT bytes FROM chain_records WHERE tenant_id = ? AND seq = ?').pluck().get(w.tenantId, e.seq)!.toString());
    expect(verifiesOffline(e)).toBe(true);
  });

  it('fails to verify once the record, its proof or the checkpoint is altered', async () => {
    const e = ok(await w.app.call('content.record', { tenantId: w.tenantId, messageId }));
    const altered = e.record.replace('"role":"', '"role":"x');
    expect(altered).not.toBe(e.record);
    expect(verifiesOffline({ ...e, record: altered })).toBe(false);
    expect(verifiesOffline({ ...e, leafHash: recordLeafHash(Buffer.from(altered)).toString('hex'), record: altered })).toBe(false);
    const hashes = [...e.proof.hashes];
    hashes[0] = hashes[0]!.replace(/^./, (c: string) => (c === '0' ? '1' : '0'));
    expect(verifiesOffline({ ...e, proof: { ...e.proof, hashes } })).toBe(false);
    expect(verifiesOffline({ ...e, checkpoint: { ...e.checkpoint, note: e.checkpoint.note.replace(/\n\d+\n/, `\n${e.checkpoint.size + 1}\n`) } })).toBe(false);
  });

  it('is also served by seq, for any record (here the pull\'s completeness record)', async () => {
    const seq = w.app.services.workspace.vault.chain.latestCheckpoint(w.tenantId)!.size - 1;
    const e = ok(await w.app.call('content.record', { tenantId: w.tenantId, seq }));
    expect(e.type).toBe('pull_completed');
    expect(verifiesOffline(e)).toBe(true);
  });

  it('refuses a malformed request or an unknown record', async () => {
    expect(failed(await w.app.call('content.record', { tenantId: w.tenantId }))).toMatchObject({ code: 'VALIDATION_FAILED', where: { field: 'messageId' } });
    expect(failed(await w.app.call('content.record', { tenantId: w.tenantId, messageId, seq: 1 }))).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(failed(await w.app.call('content.record', { tenantId: w.tenantId, seq: 10_000_000 }))).toMatchObject({ code: 'NOT_FOUND', where: { field: 'seq' } });
    expect(failed(await w.app.call('content.record', { tenantId: w.tenantId, messageId: 'nope' }))).toMatchObject({ code: 'NOT_FOUND', where: { field: 'messageId' } });
    expect(failed(await w.app.call('content.record', { tenantId: 't_nope', seq: 0 }))).toMatchObject({ code: 'NOT_FOUND', where: { field: 'tenantId' } });
  });

  it('given the stored record was altered (with or without its leaf hash), the service answers TAMPERED instead of a proof', async () => {
    const v = w.app.services.workspace.vault;
    const seq = v.content.row(w.tenantId, messageId)!.record_seq!;
    const original = v.db.prepare('SELECT bytes, leaf_hash FROM chain_records WHERE tenant_id = ? AND seq = ?').get(w.tenantId, seq) as { bytes: Buffer; leaf_hash: string };
    const forged = Buffer.from(original.bytes.toString().replace('"role":"', '"role":"x'));
    const put = v.db.prepare('UPDATE chain_records SET bytes = ?, leaf_hash = ? WHERE tenant_id = ? AND seq = ?');

    put.run(forged, original.leaf_hash, w.tenantId, seq);
    expect(failed(await w.app.call('content.record', { tenantId: w.tenantId, messageId }))).toMatchObject({ code: 'TAMPERED', where: { seq } });

    // A forger who also rewrites the leaf hash still cannot reach the signed root, whether
    // the service had the tree cached (this app) or builds it afresh (a new service).
    put.run(forged, recordLeafHash(forged).toString('hex'), w.tenantId, seq);
    expect(failed(await w.app.call('content.record', { tenantId: w.tenantId, messageId }))).toMatchObject({ code: 'TAMPERED', where: { seq } });
    const fresh = new ReviewService({ workspace: w.app.services.workspace });
    expect(() => fresh.record({ tenantId: w.tenantId, messageId })).toThrow(expect.objectContaining({ code: 'TAMPERED' }));

    put.run(original.bytes, original.leaf_hash, w.tenantId, seq);
    expect(ok(await w.app.call('content.record', { tenantId: w.tenantId, messageId })).verified).toBe(true);
  });
});
