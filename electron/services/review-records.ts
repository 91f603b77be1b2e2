import { OgmaError, isOgmaError } from '../../shared/api/errors';
import type { ParsedReq, ResIn } from '../../shared/api/contract';
import { MerkleTree, publicKeyFingerprint, recordLeafHash, verifyCheckpoint, verifyInclusion } from '../core/chain';
import type { TenantInfo, Vault } from '../core/vault';
import { RecordReadModel, leafHashes, storedRecord } from '../core/vault/review-records';
import type { WorkspaceService } from './workspace';

/**
 * The chain as a reviewer meets it: one record "one click away" with everything needed to
 * check it offline (its canonical bytes, leaf hash, inclusion proof, the signed checkpoint
 * and the key), verified here before it is shown; and the audit log, newest first, with a
 * line per record that never contains message text.
 */

interface CachedTree {
  size: number;
  tree: MerkleTree;
}

type RecordJson = { v?: unknown; tenant?: unknown; seq?: unknown; type?: unknown; at?: unknown; actor?: unknown; body?: unknown };

export class ReviewRecords {
  /** One tree per tenant at its newest checkpoint: proofs for any record of it are O(log n) after one O(n) build. */
  private readonly trees = new WeakMap<Vault, Map<string, CachedTree>>();

  constructor(private readonly workspace: WorkspaceService) {}

  private get vault(): Vault {
    return this.workspace.vault;
  }

  private tenant(tenantId: string): TenantInfo {
    try {
      return this.vault.tenants.get(tenantId);
    } catch (e) {
      if (isOgmaError(e) && e.code === 'NOT_FOUND') throw new OgmaError('NOT_FOUND', e.message, { field: 'tenantId' });
      throw e;
    }
  }

  record(req: ParsedReq<'content.record'>): ResIn<'content.record'> {
    const v = this.vault;
    const tenant = this.tenant(req.tenantId);
    let seq: number;
    if (req.messageId !== undefined) {
      const row = v.content.row(req.tenantId, req.messageId);
      if (!row) throw new OgmaError('NOT_FOUND', `No message "${req.messageId}" in this organisation.`, { field: 'messageId' });
      if (row.record_seq === null) throw new OgmaError('TAMPERED', `Message "${req.messageId}" names no capture record.`, { messageId: req.messageId });
      seq = row.record_seq;
    } else {
      seq = req.seq!;
    }
    const where = { seq, ...(req.messageId !== undefined ? { messageId: req.messageId } : {}) };
    const stored = storedRecord(v.db, req.tenantId, seq);
    if (!stored) {
      if (req.messageId !== undefined) throw new OgmaError('TAMPERED', `The capture record #${seq} of message "${req.messageId}" is missing from the log.`, where);
      throw new OgmaError('NOT_FOUND', `This organisation's log has no record #${seq}.`, { field: 'seq' });
    }

    // 1. The bytes are the record the log committed to.
    const leaf = recordLeafHash(stored.bytes);
    if (leaf.toString('hex') !== stored.leafHash) throw new OgmaError('TAMPERED', `Record #${seq} does not match its stored leaf hash: it was altered after it was written.`, where);
    const text = stored.bytes.toString('utf8');
    let rec: RecordJson;
    try {
      rec = JSON.parse(text) as RecordJson;
    } catch {
      throw new OgmaError('TAMPERED', `Record #${seq} is not readable JSON.`, where);
    }
    if (rec.tenant !== req.tenantId || rec.seq !== seq) throw new OgmaError('TAMPERED', `Record #${seq} names another log position (${String(rec.tenant)} #${String(rec.seq)}).`, where);
    if (req.messageId !== undefined) {
      const body = rec.body as { messageId?: unknown } | undefined;
      if (rec.type !== 'message_captured' || body?.messageId !== req.messageId) {
        throw new OgmaError('TAMPERED', `Record #${seq} is not the capture of message "${req.messageId}".`, where);
      }
    }

    // 2. The newest checkpoint is signed by this log's key.
    const cp = v.chain.latestCheckpoint(req.tenantId);
    if (!cp || cp.size <= seq) throw new OgmaError('UNAVAILABLE', `Record #${seq} is not covered by a signed checkpoint yet; run "ogma verify-chain".`, where);
    const checked = verifyCheckpoint(cp.note, tenant.signingPublicKey, tenant.origin, tenant.origin);
    if (!checked.ok) throw new OgmaError('TAMPERED', `The newest checkpoint of this log failed: ${checked.message}`, where);
    if (checked.checkpoint.size !== cp.size || checked.checkpoint.root.toString('hex') !== cp.root) {
      throw new OgmaError('TAMPERED', 'The stored checkpoint row does not match its signed note.', where);
    }

    // 3. The record is in the tree the checkpoint signed.
    const tree = this.treeAt(req.tenantId, cp.size);
    const proof = tree.inclusionProof(seq, cp.size);
    if (!verifyInclusion(leaf, seq, cp.size, proof, checked.checkpoint.root)) {
      this.trees.get(v)?.delete(req.tenantId);
      throw new OgmaError('TAMPERED', `Record #${seq} is not in the tree signed by the newest checkpoint (size ${cp.size}): the log was altered. Run "ogma verify-chain" to locate it.`, where);
    }

    return {
      tenantId: req.tenantId,
      seq,
      type: String(rec.type),
      at: String(rec.at),
      actor: String(rec.actor),
      record: text,
      leafHash: stored.leafHash,
      proof: { algorithm: 'RFC 9162 SHA-256', leafIndex: seq, treeSize: cp.size, hashes: proof.map((h) => h.toString('hex')) },
      checkpoint: {
        origin: checked.checkpoint.origin,
        size: cp.size,
        root: cp.root,
        time: checked.checkpoint.time,
        note: cp.note,
        keyName: tenant.origin,
        publicKey: tenant.signingPublicKey.toString('base64'),
        keyFingerprint: publicKeyFingerprint(tenant.signingPublicKey),
      },
      verified: true,
    };
  }

  private treeAt(tenantId: string, size: number): MerkleTree {
    const v = this.vault;
    let perVault = this.trees.get(v);
    if (!perVault) {
      perVault = new Map();
      this.trees.set(v, perVault);
    }
    const cached = perVault.get(tenantId);
    if (cached && cached.size === size) return cached.tree;
    const leaves = leafHashes(v.db, tenantId, size).map((h) => Buffer.from(h, 'hex'));
    if (leaves.length !== size || leaves.some((l) => l.length !== 32)) {
      throw new OgmaError('TAMPERED', `The log of this organisation holds ${leaves.length} readable leaves where its checkpoint signed ${size}. Run "ogma verify-chain".`, { seq: leaves.length });
    }
    const tree = new MerkleTree(leaves);
    perVault.set(tenantId, { size, tree });
    return tree;
  }

  audit(req: ParsedReq<'audit.records'>): ResIn<'audit.records'> {
    const v = this.vault;
    if (req.tenantId !== undefined) this.tenant(req.tenantId);
    const model = new RecordReadModel(v.db);
    try {
      model.catchUp((fn) => v.transaction(fn));
    } catch (e) {
      // Another process holding the write lock (or a read-only copy) only means the index is
      // behind: answer from what it has; the next call catches up.
      if (!isOgmaError(e) || e.code === 'TAMPERED') throw e;
    }
    const filter = { tenantId: req.tenantId, types: req.types, actor: req.actor, range: req.range };
    const rows = model.page(filter, req.offset, req.limit).map((r) => {
      let rec: RecordJson | null = null;
      try {
        rec = JSON.parse(r.bytes.toString('utf8')) as RecordJson;
      } catch {
        rec = null;
      }
      if (!rec || typeof rec.body !== 'object' || rec.body === null) {
        return { tenantId: r.tenantId, seq: r.seq, type: '?', at: '', actor: '', summary: `Record #${r.seq} is unreadable; run "ogma verify-chain".`, body: {} };
      }
      const body = rec.body as Record<string, unknown>;
      return { tenantId: r.tenantId, seq: r.seq, type: String(rec.type), at: String(rec.at), actor: String(rec.actor), summary: summarize(String(rec.type), String(rec.actor), body), body };
    });
    return { total: model.count(filter), offset: req.offset, rows };
  }
}

const str = (x: unknown) => (x === null || x === undefined ? '—' : String(x));
const plural = (n: unknown, one: string, many = `${one}s`) => `${str(n)} ${n === 1 ? one : many}`;

/** One line for people. Bodies hold ids, counts, digests and commitments, never message text. */
export function summarize(type: string, actor: string, b: Record<string, unknown>): string {
  switch (type) {
    case 'workspace_created':
      return `Workspace "${str(b.name)}" created by ${actor}`;
    case 'member_added':
      return `${actor} added member ${str(b.name)} (${str(b.role)})`;
    case 'tenant_created':
      return `Organisation "${str(b.name)}" (${str(b.vendor)}) added as tenant ${str(b.tenant)}`;
    case 'key_connected':
      return `${actor} connected a ${str(b.kind)} key`;
    case 'key_rotated':
      return `${actor} rotated the ${str(b.kind)} key`;
    case 'key_forgotten':
      return `${actor} forgot the ${str(b.kind)} key`;
    case 'message_captured':
      return `Captured ${str(b.role)} message ${str(b.messageId)} of chat ${str(b.chatId)}`;
    case 'message_superseded':
      return `Message ${str(b.messageId)} edited upstream: v${str(b.version)} (${str(b.newId)}, record #${str(b.newRecord)}) supersedes record #${str(b.supersededRecord)}`;
    case 'chat_flagged':
      return `Chat ${str(b.chatId)} flagged ${str(b.flag)} (detected by ${str(b.detectedBy)})`;
    case 'pull_completed': {
      const counts = (b.counts ?? {}) as Record<string, unknown>;
      return `Pull ${str(b.status)}: ${plural(counts.messagesCaptured, 'message')} captured, ${plural(counts.activities, 'activity', 'activities')}, ${plural(counts.auditEvents, 'audit event')}`;
    }
    case 'activity_captured':
      return `Activity ${str(b.type)} captured (${str(b.activityId)})`;
    case 'usage_captured':
    case 'cost_captured':
      return `${str(b.report)} bucket ${str(b.bucket).slice(0, 10)} captured, version ${str(b.version)}${b.supersedes !== null && b.supersedes !== undefined ? ` (supersedes record #${str(b.supersedes)})` : ''}`;
    case 'audit_event_captured':
      return `OpenAI audit event ${str(b.type)} captured (${str(b.eventId)})`;
    case 'pii_revealed': {
      const kinds = Array.isArray(b.kinds) ? (b.kinds.length > 0 ? b.kinds.join(', ') : 'no PII found') : 'kinds not recorded';
      return `${str(b.member ?? actor)} revealed message ${str(b.messageId)} (${kinds})`;
    }
    case 'reveal_refused':
      return `Refused: ${str(b.member ?? actor)} (${str(b.role)}) may not ${str(b.action).replace(/_/g, ' ')} ${str(b.target)}`;
    case 'chat_deleted':
      return `${actor} deleted chat ${str(b.chatId)} (${plural(b.messages, 'message')})`;
    case 'subject_erased':
      return `${actor} erased data subject ${str(b.userId)} (${plural(b.messages, 'message')})`;
    case 'tenant_shredded':
      return `${actor} shredded tenant ${str(b.tenant)}`;
    case 'export_created':
      return `${actor} created an export`;
    default:
      return `${type} by ${actor}`;
  }
}
