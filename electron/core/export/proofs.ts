import { OgmaError } from '../../../shared/api/errors';
import { MerkleTree, publicKeyFingerprint, recordLeafHash, verifyCheckpoint, type JsonValue } from '../chain';
import type { Vault } from '../vault';
import { leafHashes, storedRecord } from '../vault/review-records';
import type { BundleDocument, BundleTenant } from '../verify/schema';

/**
 * The evidence that makes an export verify offline: per tenant, its public key, the newest
 * signed checkpoint (the head every proof leads to) and, when the exported records were
 * first sealed by an earlier checkpoint, that one too with a consistency proof; per
 * message, the RFC 9162 audit path of its record to the head.
 */

export interface EvidenceEntry {
  tenantId: string;
  seq: number;
  record: string;
  proof: string[];
}

export interface Proven {
  tenants: BundleTenant[];
  evidence: EvidenceEntry[];
}

const b64 = (h: Buffer) => h.toString('base64');

/** Fills each message's proof in `documents` (in place) and returns the tenants section and the evidence records. */
export function proveDocuments(vault: Vault, documents: BundleDocument[], evidence: readonly { tenantId: string; seq: number }[] = []): Proven {
  const order: string[] = [];
  for (const d of documents) if (!order.includes(d.tenantId)) order.push(d.tenantId);
  for (const e of evidence) if (!order.includes(e.tenantId)) order.push(e.tenantId);
  const tenants: BundleTenant[] = [];
  const trees = new Map<string, { tree: MerkleTree; size: number }>();
  for (const tenantId of order) {
    const info = vault.tenants.get(tenantId);
    const head = vault.chain.latestCheckpoint(tenantId);
    if (!head) throw new OgmaError('UNAVAILABLE', `Tenant "${tenantId}" has no signed checkpoint yet; run "ogma verify-chain".`, { field: 'tenant' });
    const checked = verifyCheckpoint(head.note, info.signingPublicKey, info.origin, info.origin);
    if (!checked.ok) throw new OgmaError('TAMPERED', `The newest checkpoint of tenant "${tenantId}" failed its signature check: ${checked.message} Run "ogma verify-chain".`);
    const leaves = leafHashes(vault.db, tenantId, head.size).map((h) => Buffer.from(h, 'hex'));
    if (leaves.length !== head.size) throw new OgmaError('TAMPERED', `The log of tenant "${tenantId}" holds ${leaves.length} records where its checkpoint signed ${head.size}; run "ogma verify-chain".`);
    const tree = new MerkleTree(leaves);
    if (!tree.root().equals(checked.checkpoint.root)) throw new OgmaError('TAMPERED', `The log of tenant "${tenantId}" does not match its newest signed checkpoint; run "ogma verify-chain".`);
    trees.set(tenantId, { tree, size: head.size });

    // The first checkpoint that covered every exported record of this tenant: proof that the head extends it.
    let maxSeq = -1;
    for (const d of documents) if (d.tenantId === tenantId) for (const m of d.messages) maxSeq = Math.max(maxSeq, m.recordSeq);
    for (const e of evidence) if (e.tenantId === tenantId) maxSeq = Math.max(maxSeq, e.seq);
    const anchor = vault.db.prepare('SELECT size, note FROM checkpoints WHERE tenant_id = ? AND size > ? ORDER BY size, id LIMIT 1').get(tenantId, maxSeq) as { size: number; note: string } | undefined;
    const checkpoints = anchor && anchor.size < head.size ? [anchor.note, head.note] : [head.note];
    const consistency = anchor && anchor.size < head.size ? [{ fromSize: anchor.size, toSize: head.size, hashes: tree.consistencyProof(anchor.size, head.size).map(b64) }] : [];
    tenants.push({
      tenantId,
      name: info.name,
      vendor: info.vendor,
      keyName: info.origin,
      publicKey: info.signingPublicKey.toString('base64'),
      fingerprint: publicKeyFingerprint(info.signingPublicKey),
      checkpoints,
      consistency,
    });
  }
  for (const d of documents) {
    const t = trees.get(d.tenantId)!;
    for (const m of d.messages) {
      if (m.recordSeq >= t.size) throw new OgmaError('UNAVAILABLE', `Record #${m.recordSeq} is not covered by a signed checkpoint yet; try again.`, { seq: m.recordSeq });
      m.proof = t.tree.inclusionProof(m.recordSeq, t.size).map(b64);
    }
  }
  const entries: EvidenceEntry[] = evidence.map((e) => {
    const t = trees.get(e.tenantId)!;
    const stored = storedRecord(vault.db, e.tenantId, e.seq);
    if (!stored || e.seq >= t.size) throw new OgmaError('UNAVAILABLE', `Record #${e.seq} of tenant "${e.tenantId}" is not covered by a signed checkpoint yet.`, { seq: e.seq });
    if (recordLeafHash(stored.bytes).toString('hex') !== stored.leafHash) throw new OgmaError('TAMPERED', `Record #${e.seq} of tenant "${e.tenantId}" does not match its leaf hash.`, { seq: e.seq });
    return { tenantId: e.tenantId, seq: e.seq, record: stored.bytes.toString('utf8'), proof: t.tree.inclusionProof(e.seq, t.size).map(b64) };
  });
  return { tenants, evidence: entries };
}

export type { JsonValue };
