import { randomBytes } from 'node:crypto';
import {
  canonicalize,
  GENESIS_PREV,
  generateSigningKey,
  MerkleTree,
  messageSalt,
  publicKeyFingerprint,
  recordLeafHash,
  signCheckpoint,
  signingKeyFromPkcs8,
  textCommitment,
  type JsonValue,
  type SigningKey,
} from '../../../electron/core/chain';
import { buildBundle, serializeBundle } from '../../../electron/core/export';
import type { BundleBates, BundleFileEntry } from '../../../electron/core/export/types';
import { keyExportSigner, type Bundle, type BundleDocument, type BundleTenant } from '../../../electron/core/verify';

/**
 * Valid bundles built from the chain primitives alone (no vault): records, Merkle tree,
 * signed checkpoints, proofs and the export signature, as the exporter makes them. For the
 * tamper corpus, the fuzz test and the benchmarks, where a workspace would only cost time.
 */

export interface SyntheticOptions {
  messages: number;
  chats?: number;
  /** Every maskEvery-th message is exported masked (default 5; 0: none). */
  maskEvery?: number;
  /** Two checkpoints (an earlier one covering the exported records) with a consistency proof. */
  twoCheckpoints?: boolean;
  bates?: boolean;
  files?: boolean;
  format?: 'json' | 'pdf' | 'production';
  tenants?: number;
}

export interface Synthetic {
  bundle: Bundle;
  bytes: Uint8Array;
  keys: Map<string, SigningKey>;
}

const T0 = Date.parse('2026-03-01T00:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

export function syntheticBundle(o: SyntheticOptions): Synthetic {
  const tenantsN = o.tenants ?? 1;
  const keys = new Map<string, SigningKey>();
  const tenants: BundleTenant[] = [];
  const documents: BundleDocument[] = [];
  const perTenant = Math.ceil(o.messages / tenantsN);
  for (let t = 0; t < tenantsN; t++) {
    const tenantId = `t_${t}`;
    const origin = `ogma.local/ws_test/${tenantId}`;
    const gen = generateSigningKey(origin);
    const key = signingKeyFromPkcs8(origin, gen.privateKeyPkcs8);
    keys.set(tenantId, key);
    const subjectKey = randomBytes(32);
    const n = Math.min(perTenant, o.messages - t * perTenant);
    const chats = Math.max(1, Math.min(o.chats ?? Math.ceil(n / 20), n));
    const records: Buffer[] = [];
    const leaves: Buffer[] = [];
    let prev = GENESIS_PREV;
    const append = (type: string, body: Record<string, JsonValue>) => {
      const rec = { v: 1, tenant: tenantId, seq: records.length, type, at: iso(T0 + records.length), actor: 'alice', prev, body };
      const bytes = Buffer.from(canonicalize(rec as unknown as JsonValue), 'utf8');
      const leaf = recordLeafHash(bytes);
      records.push(bytes);
      leaves.push(leaf);
      prev = leaf.toString('hex');
      return rec.seq;
    };
    append('tenant_created', { tenant: tenantId, name: `Org ${t}`, vendor: 'anthropic' });
    const docs: BundleDocument[] = [];
    for (let c = 0; c < chats; c++) {
      docs.push({
        tenantId,
        orgId: 'org_1',
        orgName: 'Acme',
        chatId: `chat_${t}_${c}`,
        title: null,
        custodian: `user_${c % 3}`,
        userId: `user_${c % 3}`,
        createdAt: iso(T0),
        deletedAtSource: false,
        messages: [],
      });
    }
    for (let i = 0; i < n; i++) {
      const d = docs[i % chats]!;
      const id = `m_${t}_${i}`;
      const text = `Message ${i} of ${d.chatId}: the numbers for Q${(i % 4) + 1} — ünïcödé ✓ ${'x'.repeat(i % 40)}`;
      const salt = messageSalt(subjectKey, id);
      const commitment = textCommitment(salt, text);
      const createdAt = iso(T0 + i * 1000);
      const model = i % 2 ? 'claude-x' : null;
      const role = i % 2 ? 'assistant' : 'user';
      const seq = append('message_captured', { messageId: id, chatId: d.chatId, orgId: 'org_1', userId: d.userId, role, model, createdAt, commitment });
      const every = o.maskEvery ?? 5;
      const masked = every > 0 && i % every === Math.min(2, every - 1);
      d.messages.push({
        id,
        chatId: d.chatId,
        role,
        model,
        createdAt,
        text: masked ? `Message ${i}: write to [EMAIL]` : text,
        masked,
        maskedKinds: masked ? ['email'] : [],
        salt: masked ? null : salt.toString('hex'),
        commitment,
        recordSeq: seq,
        record: records[seq]!.toString('utf8'),
        proof: [],
      });
    }
    const anchorSize = records.length;
    for (let k = 0; k < 5; k++) append('pull_completed', { run: `r${k}` });
    const tree = new MerkleTree(leaves);
    const head = records.length;
    const note = (size: number) => signCheckpoint({ origin, size, root: tree.root(size), time: iso(T0 + size * 10) }, key);
    const b64 = (h: Buffer) => h.toString('base64');
    for (const d of docs) for (const m of d.messages) m.proof = tree.inclusionProof(m.recordSeq, head).map(b64);
    tenants.push({
      tenantId,
      name: `Org ${t}`,
      vendor: 'anthropic',
      keyName: origin,
      publicKey: key.publicKey.toString('base64'),
      fingerprint: publicKeyFingerprint(key.publicKey),
      checkpoints: o.twoCheckpoints ? [note(anchorSize), note(head)] : [note(head)],
      consistency: o.twoCheckpoints ? [{ fromSize: anchorSize, toSize: head, hashes: tree.consistencyProof(anchorSize, head).map(b64) }] : [],
    });
    documents.push(...docs.filter((d) => d.messages.length > 0));
  }
  let bates: BundleBates | null = null;
  if (o.bates) {
    const pages = [{ page: 1, bates: 'ACME-00000001', chatId: null as string | null }];
    for (const d of documents) pages.push({ page: pages.length + 1, bates: `ACME-${String(pages.length + 1).padStart(8, '0')}`, chatId: d.chatId });
    pages.push({ page: pages.length + 1, bates: `ACME-${String(pages.length + 1).padStart(8, '0')}`, chatId: null });
    bates = { prefix: 'ACME-', digits: 8, first: pages[0]!.bates, last: pages[pages.length - 1]!.bates, pages };
  }
  const files: BundleFileEntry[] | null = o.files
    ? documents.map((d, i) => ({ path: `NATIVES/${String(i).padStart(4, '0')}/${d.chatId}.json`, bytes: 100 + i, md5: 'a'.repeat(32), sha256: 'b'.repeat(64) }))
    : null;
  const bundle = buildBundle(
    {
      export: {
        id: 'exp_test',
        createdAt: '2026-11-23T12:00:00.000Z',
        createdBy: { member: 'alice', memberId: 'm_1', role: 'admin' },
        workspaceId: 'ws_test',
        workspaceName: 'Test case',
        format: o.format ?? (o.files ? 'production' : o.bates ? 'pdf' : 'json'),
        scope: { description: 'everything captured' },
        masking: { mode: 'masked' },
      },
      tenants,
      documents,
      bates,
      files,
    },
    (tenantId) => keyExportSigner(keys.get(tenantId)!),
  );
  return { bundle, bytes: serializeBundle(bundle), keys };
}
