import { isUtf8 } from 'node:buffer';
import { createPublicKey, verify as edVerify, type KeyObject } from 'node:crypto';
import type { VerifyFormat, VerifyReport } from '../../../shared/api/export-schemas';
import { checkCommitment, publicKeyFingerprint, verifyCheckpoint, verifyConsistency } from '../chain';
import { decodeRecordText, verifyInclusionDigests } from './inclusion';
import { ReportBuilder, unreadableReport } from './report';
import { BUNDLE_FORMAT, BUNDLE_VERSION, BundleSchema, type Bundle, type BundleDocument, type BundleMessage, type BundleTenant } from './schema';
import { exportSigningMessage, messageDigest, unsignedDigest } from './signature';

/**
 * The pure verifier of a JSON eDiscovery bundle (docs/export-format.md): bytes or a parsed
 * value in, a VerifyReport out. No vault, no file system, no clock. It never throws: any
 * exception is reported as 'unreadable'; and it never says 'verified' unless every record,
 * proof, checkpoint, commitment and the export signature check out.
 */

export interface VerifyBundleOptions {
  /** The container the bundle came in (a PDF's attachment, a production's PROOF/); default 'json'. */
  container?: VerifyFormat;
}

const MAX_BUNDLE_BYTES = 2 * 1024 * 1024 * 1024;

export function verifyBundleBytes(bytes: Uint8Array, opts: VerifyBundleOptions = {}): VerifyReport {
  const format = opts.container ?? 'json';
  try {
    if (!(bytes instanceof Uint8Array)) return unreadableReport(format, 'The input is not bytes.');
    if (bytes.length > MAX_BUNDLE_BYTES) return unreadableReport(format, 'The bundle is larger than 2 GiB; this verifier does not read it.');
    const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (!isUtf8(buf)) return unreadableReport(format, 'The bundle is not UTF-8 text, so it is not a JSON bundle (or it was damaged).');
    let value: unknown;
    try {
      value = JSON.parse(buf.toString('utf8'));
    } catch (e) {
      return unreadableReport(format, `The bundle is not valid JSON (${e instanceof Error ? e.message : 'parse error'}).`);
    }
    return verifyBundle(value, opts);
  } catch (e) {
    return unreadableReport(format, `The bundle could not be read: ${e instanceof Error ? e.message : String(e)}.`);
  }
}

export function verifyBundle(value: unknown, opts: VerifyBundleOptions = {}): VerifyReport {
  const format = opts.container ?? 'json';
  try {
    return verifyParsed(value, format);
  } catch (e) {
    return unreadableReport(format, `The verifier could not finish reading the bundle: ${e instanceof Error ? e.message : String(e)}.`);
  }
}

interface TenantState {
  t: BundleTenant;
  index: number;
  key: KeyObject | null;
  publicKey: Buffer | null;
  /** The head checkpoint (the last one), when it and the whole tenant section verified. */
  head: { size: number; root: string } | null;
}

function verifyParsed(value: unknown, format: VerifyFormat): VerifyReport {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return unreadableReport(format, 'The JSON is not an object, so it is not an Ogma export bundle.');
  const v = value as Record<string, unknown>;
  if (v.format !== BUNDLE_FORMAT) return unreadableReport(format, `This JSON is not an Ogma export bundle (its "format" is not "${BUNDLE_FORMAT}").`);
  if (v.version !== BUNDLE_VERSION) return unreadableReport(format, `This bundle is version ${JSON.stringify(v.version)}; this verifier reads version ${BUNDLE_VERSION}. Use a newer verifier.`);

  const r = new ReportBuilder(format);
  const parsed = BundleSchema.safeParse(value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues.slice(0, 20)) {
      r.fail('schema', `The bundle does not follow the format: ${issue.message}.`, { field: issue.path.map(String).join('.'), ...whereOfPath(value, issue.path) });
    }
    r.check('format and schema', false, `${parsed.error.issues.length} problem(s)`);
    r.counts.messages = countMessages(value);
    r.counts.failed = r.counts.messages;
    return r.finish('');
  }
  const b = parsed.data;
  r.check('format and schema', true, `${BUNDLE_FORMAT} v${BUNDLE_VERSION}`);

  const tenants = checkTenants(b, r);
  checkDocuments(b, tenants, r);
  checkEvidence(b, tenants, r);
  checkExportSection(b, r);
  checkBates(b, r);
  checkFiles(b, r);
  const signed = checkSignatures(b, tenants, r);
  if (!signed) locateChanges(b, r);

  const n = r.counts;
  const keys = r.fingerprints.map((f) => `${f.tenantId} ${f.fingerprint}`).join('; ');
  return r.finish(
    `VERIFIED: ${n.messages} message${n.messages === 1 ? '' : 's'} in ${b.documents.length} document${b.documents.length === 1 ? '' : 's'}` +
      ` (${n.verified} text verified, ${n.verifiedTextMasked} record verified with text masked); signed by ${keys || 'no key'}. Compare the fingerprint(s) with the producing party out of band.`,
  );
}

// --- tenants, checkpoints, consistency -------------------------------------------------

function checkTenants(b: Bundle, r: ReportBuilder): Map<string, TenantState> {
  const out = new Map<string, TenantState>();
  b.tenants.forEach((t, i) => {
    const field = `tenants[${i}]`;
    if (out.has(t.tenantId)) {
      r.fail('duplicate_tenant', `Tenant "${t.tenantId}" is listed twice.`, { field });
      return;
    }
    const st: TenantState = { t, index: i, key: null, publicKey: null, head: null };
    out.set(t.tenantId, st);
    const pub = Buffer.from(t.publicKey, 'base64');
    if (pub.length !== 32) {
      r.fail('public_key_invalid', `The public key of tenant "${t.tenantId}" is not 32 bytes.`, { field: `${field}.publicKey` });
      return;
    }
    const fingerprint = publicKeyFingerprint(pub);
    r.fingerprints.push({ tenantId: t.tenantId, fingerprint });
    if (fingerprint !== t.fingerprint) {
      r.fail('fingerprint_mismatch', `The fingerprint written for tenant "${t.tenantId}" (${t.fingerprint}) is not the fingerprint of its key (${fingerprint}).`, { field: `${field}.fingerprint` });
    }
    try {
      st.key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: pub.toString('base64url') }, format: 'jwk' });
      st.publicKey = pub;
    } catch {
      r.fail('public_key_invalid', `The public key of tenant "${t.tenantId}" is not an Ed25519 key.`, { field: `${field}.publicKey` });
      return;
    }
    const sizes: number[] = [];
    const roots: Buffer[] = [];
    let allSigned = true;
    t.checkpoints.forEach((note, j) => {
      const res = safeVerifyCheckpoint(note, pub, t.keyName);
      if (!res.ok) {
        allSigned = false;
        r.fail('checkpoint_invalid', `Checkpoint ${j + 1} of tenant "${t.tenantId}" failed: ${res.message}`, { field: `${field}.checkpoints[${j}]` });
        return;
      }
      if (sizes.length > 0 && res.size <= sizes[sizes.length - 1]!) {
        allSigned = false;
        r.fail('checkpoints_out_of_order', `The checkpoints of tenant "${t.tenantId}" are not in ascending size order.`, { field: `${field}.checkpoints[${j}]` });
      }
      sizes.push(res.size);
      roots.push(res.root);
    });
    r.check(`checkpoint signatures of ${t.tenantId}`, allSigned, `${t.checkpoints.length} checkpoint(s), key ${fingerprint}`);
    if (!allSigned) return;
    let consistent = true;
    if (t.consistency.length !== sizes.length - 1) {
      consistent = false;
      r.fail('consistency_missing', `Tenant "${t.tenantId}" has ${sizes.length} checkpoints but ${t.consistency.length} consistency proofs (${sizes.length - 1} needed).`, { field: `${field}.consistency` });
    } else {
      t.consistency.forEach((c, j) => {
        const ok =
          c.fromSize === sizes[j] &&
          c.toSize === sizes[j + 1] &&
          verifyConsistency(sizes[j]!, sizes[j + 1]!, roots[j]!, roots[j + 1]!, c.hashes.map((h) => Buffer.from(h, 'base64')));
        if (!ok) {
          consistent = false;
          r.fail('consistency_invalid', `The log of tenant "${t.tenantId}" at checkpoint size ${sizes[j + 1]} is not an append-only extension of size ${sizes[j]}: the consistency proof fails.`, {
            field: `${field}.consistency[${j}]`,
          });
        }
      });
    }
    if (sizes.length > 1) r.check(`consistency between checkpoints of ${t.tenantId}`, consistent);
    if (consistent) st.head = { size: sizes[sizes.length - 1]!, root: roots[roots.length - 1]!.toString('latin1') };
  });
  return out;
}

function safeVerifyCheckpoint(note: string, pub: Buffer, keyName: string): { ok: true; size: number; root: Buffer } | { ok: false; message: string } {
  try {
    const res = verifyCheckpoint(note, pub, keyName, keyName);
    return res.ok ? { ok: true, size: res.checkpoint.size, root: res.checkpoint.root } : { ok: false, message: res.message };
  } catch (e) {
    // verifyCheckpoint throws only for an unusable key name or key, which came from the bundle too.
    return { ok: false, message: e instanceof Error ? e.message : 'unreadable' };
  }
}

// --- documents and messages ------------------------------------------------------------

type RecordBody = Record<string, unknown>;

function checkDocuments(b: Bundle, tenants: Map<string, TenantState>, r: ReportBuilder): void {
  const seen = new Set<string>();
  const chats = new Set<string>();
  let textOk = 0;
  let masked = 0;
  let failedMessages = 0;
  let proofsOk = true;
  let commitmentsOk = true;
  b.documents.forEach((d, di) => {
    const dfield = `documents[${di}]`;
    const chatKey = `${d.tenantId}\u0000${d.chatId}`;
    if (chats.has(chatKey)) r.fail('duplicate_document', `Chat "${d.chatId}" appears as two documents.`, { chatId: d.chatId, field: dfield });
    chats.add(chatKey);
    const st = tenants.get(d.tenantId);
    if (!st) r.fail('unknown_tenant', `Document "${d.chatId}" belongs to tenant "${d.tenantId}", whose key is not in the bundle.`, { chatId: d.chatId, field: `${dfield}.tenantId` });
    d.messages.forEach((m, mi) => {
      r.counts.messages++;
      const before = r.failureCount;
      const outcome = checkMessage(d, m, `${dfield}.messages[${mi}]`, st, seen, r);
      if (outcome.proofFailed) proofsOk = false;
      if (outcome.commitmentFailed) commitmentsOk = false;
      if (r.failureCount > before || outcome.failed) failedMessages++;
      else if (m.masked) masked++;
      else textOk++;
    });
  });
  r.counts.verified = textOk;
  r.counts.verifiedTextMasked = masked;
  r.counts.failed = failedMessages;
  r.check('records and inclusion proofs', proofsOk, proofsOk ? `${r.counts.messages} records in the signed log` : 'some records or proofs failed (see failures)');
  r.check('messages fully verified', failedMessages === 0, `${r.counts.messages - failedMessages} of ${r.counts.messages}`);
  r.check('text commitments', commitmentsOk, `${textOk} verified, ${masked} masked (record verified, text not checkable)`);
}

function checkMessage(
  d: BundleDocument,
  m: BundleMessage,
  field: string,
  st: TenantState | undefined,
  seen: Set<string>,
  r: ReportBuilder,
): { failed: boolean; proofFailed: boolean; commitmentFailed: boolean } {
  const where = { messageId: m.id, chatId: d.chatId, seq: m.recordSeq };
  const out = { failed: false, proofFailed: false, commitmentFailed: false };
  const key = `${d.tenantId}\u0000${m.id}`;
  if (seen.has(key)) r.fail('duplicate_message', `Message "${m.id}" appears more than once.`, { ...where, field });
  seen.add(key);
  if (m.chatId !== d.chatId) r.fail('message_field_mismatch', `Message "${m.id}" names chat "${m.chatId}" but sits in document "${d.chatId}".`, { ...where, field: `${field}.chatId` });

  // 1. The record: canonical bytes, the right shape, and about this message.
  const decoded = decodeRecordText(m.record);
  if (!decoded.ok) {
    r.fail('record_invalid', `The chain record of message "${m.id}" is not a valid canonical record: ${decoded.why}.`, { ...where, field: `${field}.record` });
    out.failed = true;
    out.proofFailed = true;
    return out;
  }
  const rec = decoded.record;
  const body = rec.body as RecordBody;
  const expect: [string, unknown, unknown][] = [
    ['record.tenant', rec.tenant, d.tenantId],
    ['recordSeq', rec.seq, m.recordSeq],
    ['record.type', rec.type, 'message_captured'],
    ['id', body.messageId, m.id],
    ['chatId', body.chatId, d.chatId],
    ['role', body.role, m.role],
    ['model', body.model ?? null, m.model],
    ['createdAt', body.createdAt ?? rec.at, m.createdAt],
    ['commitment', body.commitment, m.commitment],
    ['userId', body.userId, d.userId],
    ['orgId', body.orgId ?? '', d.orgId],
  ];
  for (const [name, recorded, shown] of expect) {
    if (recorded !== shown) {
      const f = name === 'userId' || name === 'orgId' ? `documents.${name}` : `${field}.${name.startsWith('record.') ? 'record' : name}`;
      r.fail('message_field_mismatch', `Message "${m.id}": ${name} is ${JSON.stringify(shown)} in the export but ${JSON.stringify(recorded)} in its chain record.`, { ...where, field: f });
      out.failed = true;
    }
  }

  // 2. The record is in the tree the tenant's head checkpoint signed.
  if (!st || !st.head) {
    r.fail('no_verified_checkpoint', `The record of message "${m.id}" cannot be proven: its tenant has no verified checkpoint in the bundle.`, { ...where, field: `${field}.proof` });
    out.failed = true;
    out.proofFailed = true;
  } else {
    if (!verifyInclusionDigests(decoded.leaf, m.recordSeq, st.head.size, m.proof, st.head.root)) {
      r.fail('inclusion_proof_invalid', `The record of message "${m.id}" is not in the log signed by the checkpoint of size ${st.head.size}: its record or its proof was altered.`, {
        ...where,
        field: `${field}.proof`,
      });
      out.failed = true;
      out.proofFailed = true;
    }
  }

  // 3. The text against the commitment, unless it was masked.
  if (m.masked) {
    if (m.salt !== null) {
      r.fail('salt_with_masked_text', `Message "${m.id}" is masked but carries its salt, which would let anyone test guesses of what the mask hides.`, { ...where, field: `${field}.salt` });
      out.failed = true;
    }
    if (m.maskedKinds.length === 0) {
      r.fail('masked_without_kinds', `Message "${m.id}" is marked masked but does not say what was masked.`, { ...where, field: `${field}.maskedKinds` });
      out.failed = true;
    }
  } else {
    if (m.maskedKinds.length > 0) {
      r.fail('masking_inconsistent', `Message "${m.id}" is not marked masked but lists masked kinds.`, { ...where, field: `${field}.maskedKinds` });
      out.failed = true;
    }
    if (m.salt === null) {
      r.fail('salt_missing', `Message "${m.id}" is shown unmasked but has no salt, so its text cannot be checked.`, { ...where, field: `${field}.salt` });
      out.failed = true;
      out.commitmentFailed = true;
    } else if (!checkCommitment(Buffer.from(m.salt, 'hex'), m.text, m.commitment)) {
      r.fail('commitment_mismatch', `The text of message "${m.id}" is not the text that was recorded: it does not match its commitment.`, { ...where, field: `${field}.text` });
      out.failed = true;
      out.commitmentFailed = true;
    }
  }
  return out;
}

// --- evidence (the reveal's records) -----------------------------------------------------

function checkEvidence(b: Bundle, tenants: Map<string, TenantState>, r: ReportBuilder): void {
  const masking = b.export.masking;
  const listed = masking.mode === 'revealed' ? masking.records : [];
  let ok = true;
  b.evidence.forEach((e, i) => {
    const field = `evidence[${i}]`;
    const where = { seq: e.seq, field };
    const decoded = decodeRecordText(e.record);
    if (!decoded.ok) {
      ok = false;
      r.fail('record_invalid', `Evidence record ${i + 1} is not a valid canonical record: ${decoded.why}.`, where);
      return;
    }
    const rec = decoded.record;
    if (rec.tenant !== e.tenantId || rec.seq !== e.seq || rec.type !== 'pii_revealed') {
      ok = false;
      r.fail('evidence_mismatch', `Evidence record ${i + 1} is not the pii_revealed record #${e.seq} of tenant "${e.tenantId}".`, where);
    }
    const st = tenants.get(e.tenantId);
    if (!st?.head || !verifyInclusionDigests(decoded.leaf, e.seq, st.head.size, e.proof, st.head.root)) {
      ok = false;
      r.fail('inclusion_proof_invalid', `Evidence record #${e.seq} of tenant "${e.tenantId}" is not in the log its checkpoint signed.`, { ...where, field: `${field}.proof` });
    }
    if (!listed.some((x) => x.tenantId === e.tenantId && x.seq === e.seq)) {
      ok = false;
      r.fail('evidence_unlisted', `Evidence record #${e.seq} of tenant "${e.tenantId}" is not named by the export's masking section.`, where);
    }
  });
  for (const x of listed) {
    if (!b.evidence.some((e) => e.tenantId === x.tenantId && e.seq === x.seq)) {
      ok = false;
      r.fail('evidence_missing', `The reveal record #${x.seq} of tenant "${x.tenantId}" named by the export is not in the bundle.`, { seq: x.seq, field: 'export.masking.records' });
    }
  }
  if (masking.mode === 'revealed') {
    for (const [di, d] of b.documents.entries()) {
      for (const [mi, m] of d.messages.entries()) {
        if (m.masked) {
          ok = false;
          r.fail('masking_inconsistent', `The export says PII was revealed, but message "${m.id}" is masked.`, { messageId: m.id, chatId: d.chatId, field: `documents[${di}].messages[${mi}].masked` });
        }
      }
    }
    r.check('PII reveal recorded', ok, `revealed by ${masking.member}: ${masking.reason}`);
  } else if (b.evidence.length > 0) {
    r.check('evidence records', ok);
  }
}

// --- the export's own description --------------------------------------------------------

function checkExportSection(b: Bundle, r: ReportBuilder): void {
  const e = b.export;
  const messages = b.documents.reduce((n, d) => n + d.messages.length, 0);
  let ok = true;
  if (e.counts.documents !== b.documents.length || e.counts.messages !== messages) {
    ok = false;
    r.fail('counts_mismatch', `The export says ${e.counts.documents} documents and ${e.counts.messages} messages, but holds ${b.documents.length} and ${messages}.`, { field: 'export.counts' });
  }
  // The index lists every message in order: removals, additions and reorderings are named here.
  const max = Math.max(e.index.length, b.documents.length);
  for (let i = 0; i < max; i++) {
    const ix = e.index[i];
    const d = b.documents[i];
    if (!ix || !d) {
      ok = false;
      const chatId = (ix ?? d)!.chatId;
      r.fail(ix ? 'document_removed' : 'document_added', ix ? `Document "${chatId}" listed in the export's index is missing.` : `Document "${chatId}" is not in the export's index: it was added.`, {
        chatId,
        field: `documents[${i}]`,
      });
      continue;
    }
    if (ix.tenantId !== d.tenantId || ix.chatId !== d.chatId) {
      ok = false;
      r.fail('document_mismatch', `Document ${i + 1} is chat "${d.chatId}" but the export's index names chat "${ix.chatId}" there: documents were removed, added or reordered.`, {
        chatId: d.chatId,
        field: `documents[${i}]`,
      });
      continue;
    }
    const listed = ix.messages.map((x) => x[0]);
    const present = d.messages.map((m) => m.id);
    const listedSet = new Set(listed);
    const presentSet = new Set(present);
    for (const id of listed) {
      if (!presentSet.has(id)) {
        ok = false;
        r.fail('message_removed', `Message "${id}" listed in the export's index is missing from chat "${d.chatId}".`, { messageId: id, chatId: d.chatId, field: `documents[${i}].messages` });
      }
    }
    d.messages.forEach((m, j) => {
      if (!listedSet.has(m.id)) {
        ok = false;
        r.fail('message_added', `Message "${m.id}" in chat "${d.chatId}" is not in the export's index: it was added.`, { messageId: m.id, chatId: d.chatId, seq: m.recordSeq, field: `documents[${i}].messages[${j}]` });
      }
    });
    if (listedSet.size === presentSet.size && [...listedSet].every((id) => presentSet.has(id))) {
      for (let j = 0; j < present.length; j++) {
        if (present[j] !== listed[j]) {
          ok = false;
          r.fail('messages_reordered', `Chat "${d.chatId}" has message "${present[j]}" at position ${j + 1} where the export's index has "${listed[j]}": the messages were reordered.`, {
            messageId: present[j]!,
            chatId: d.chatId,
            field: `documents[${i}].messages[${j}]`,
          });
          break;
        }
      }
    }
  }
  r.check("export description (counts and index)", ok, `${e.format} export ${e.id} by ${e.createdBy.member} at ${e.createdAt}; scope: ${e.scope.description}; ${e.masking.mode === 'masked' ? 'PII masked' : 'PII revealed'}`);
  if (e.format === 'pdf' && b.bates === null) r.fail('bates_missing', 'A PDF export must carry its Bates map.', { field: 'bates' });
  if (e.format === 'production' && (b.bates === null || b.files === null)) r.fail('production_sections_missing', 'A production export must carry its Bates map and files manifest.', { field: b.bates === null ? 'bates' : 'files' });
}

// --- bates and files ----------------------------------------------------------------------

export const BATES_PREFIX_RE = /^[\x20-\x7e]*[\x20-\x2f\x3a-\x7e]$/;

export function formatBates(prefix: string, n: number, digits: number): string {
  return prefix + String(n).padStart(digits, '0');
}

function checkBates(b: Bundle, r: ReportBuilder): void {
  const s = b.bates;
  if (s === null) return;
  let ok = true;
  const bad = (code: string, message: string, where: { bates?: string; page?: number; field: string }) => {
    ok = false;
    r.fail(code, message, where);
  };
  if (!BATES_PREFIX_RE.test(s.prefix)) bad('bates_prefix_invalid', `The Bates prefix ${JSON.stringify(s.prefix)} must be ASCII and end in a non-digit.`, { field: 'bates.prefix' });
  const m = new RegExp(`^${escapeRe(s.prefix)}(\\d{${s.digits},})$`).exec(s.first);
  if (!m) {
    bad('bates_number_invalid', `The first Bates number "${s.first}" is not the prefix followed by ${s.digits} digits.`, { bates: s.first, field: 'bates.first' });
  } else {
    const start = Number(m[1]);
    const chats = new Set(b.documents.map((d) => d.chatId));
    const paged = new Set<string>();
    s.pages.forEach((p, i) => {
      const want = formatBates(s.prefix, start + i, s.digits);
      if (p.page !== i + 1) bad('bates_page_gap', `Entry ${i + 1} of the Bates map is page ${p.page}: pages must run 1, 2, 3... without gaps.`, { page: p.page, bates: p.bates, field: `bates.pages[${i}].page` });
      if (p.bates !== want) bad('bates_gap', `Page ${p.page} is numbered ${p.bates} where ${want} was due: Bates numbers must be continuous.`, { page: p.page, bates: p.bates, field: `bates.pages[${i}].bates` });
      if (p.chatId !== null) {
        if (!chats.has(p.chatId)) bad('bates_unknown_chat', `Page ${p.page} (${p.bates}) names chat "${p.chatId}", which is not in the export.`, { page: p.page, bates: p.bates, field: `bates.pages[${i}].chatId` });
        paged.add(p.chatId);
      }
    });
    for (const c of chats) if (!paged.has(c)) bad('bates_document_unpaged', `Chat "${c}" has no page in the Bates map.`, { field: 'bates.pages' });
    const lastWant = s.pages.length ? s.pages[s.pages.length - 1]!.bates : s.first;
    if (s.last !== lastWant) bad('bates_range_mismatch', `The Bates range ends at ${s.last} but the last page is ${lastWant}.`, { bates: s.last, field: 'bates.last' });
  }
  r.check('Bates map continuous', ok, `${s.first}..${s.last}, ${s.pages.length} pages`);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function checkFiles(b: Bundle, r: ReportBuilder): void {
  if (b.files === null) return;
  let ok = true;
  const seen = new Set<string>();
  b.files.forEach((f, i) => {
    const field = `files[${i}]`;
    if (seen.has(f.path)) {
      ok = false;
      r.fail('file_duplicate', `The files manifest lists "${f.path}" twice.`, { file: f.path, field });
    }
    seen.add(f.path);
    if (f.path.startsWith('/') || f.path.includes('\\') || f.path.split('/').some((p) => p === '..' || p === '.' || p === '')) {
      ok = false;
      r.fail('file_path_invalid', `The files manifest path "${f.path}" must be relative with forward slashes and no "." or "..".`, { file: f.path, field: `${field}.path` });
    }
  });
  r.check('files manifest well-formed', ok, `${b.files.length} files`);
}

// --- the export signature ------------------------------------------------------------------

function checkSignatures(b: Bundle, tenants: Map<string, TenantState>, r: ReportBuilder): boolean {
  let ok = true;
  const digest = unsignedDigest(b);
  const used = new Set<string>();
  for (const [i, s] of b.signatures.entries()) {
    const st = tenants.get(s.tenantId);
    if (!st || used.has(s.tenantId)) {
      ok = false;
      r.fail('signature_unexpected', st ? `Tenant "${s.tenantId}" has more than one export signature.` : `An export signature names tenant "${s.tenantId}", which is not in the bundle.`, { field: `signatures[${i}]` });
      continue;
    }
    used.add(s.tenantId);
    if (b.tenants[i]?.tenantId !== s.tenantId) {
      // One order only (the tenants'), so the signed bundle has exactly one canonical form.
      ok = false;
      r.fail('signature_out_of_order', `Export signature ${i + 1} is by tenant "${s.tenantId}"; signatures must follow the order of the tenants section.`, { field: `signatures[${i}]` });
    }
    const sig = Buffer.from(s.signature, 'base64');
    const good = st.key !== null && s.keyName === st.t.keyName && sig.length === 64 && edVerify(null, exportSigningMessage(s.keyName, digest), st.key, sig);
    if (!good) {
      ok = false;
      r.fail('export_signature_invalid', `The export signature of tenant "${s.tenantId}" does not match the bundle: something in it (description, scope, index, documents, Bates map or files) was changed after it was signed.`, {
        field: `signatures[${i}]`,
      });
    }
  }
  for (const t of b.tenants) {
    if (!used.has(t.tenantId)) {
      ok = false;
      r.fail('export_signature_missing', `The bundle has no export signature by tenant "${t.tenantId}".`, { field: 'signatures' });
    }
  }
  if (b.tenants.length === 0) {
    ok = false;
    r.fail('export_signature_missing', 'The bundle names no tenant key, so nothing in it can be checked.', { field: 'tenants' });
  }
  r.check('export signature', ok, `over SHA-256 ${digest}`);
  return ok;
}

/** After a failed export signature: which message entries differ from what the index recorded. */
function locateChanges(b: Bundle, r: ReportBuilder): void {
  const listed = new Map<string, string>();
  for (const ix of b.export.index) for (const [id, dg] of ix.messages) listed.set(`${ix.tenantId}\u0000${id}`, dg);
  b.documents.forEach((d, di) =>
    d.messages.forEach((m, mi) => {
      const want = listed.get(`${d.tenantId}\u0000${m.id}`);
      if (want !== undefined && want !== messageDigest(m)) {
        r.fail('message_altered', `Message "${m.id}" differs from the message that was exported.`, { messageId: m.id, chatId: d.chatId, seq: m.recordSeq, field: `documents[${di}].messages[${mi}]` });
      }
    }),
  );
}

// --- helpers -----------------------------------------------------------------------------

function countMessages(v: unknown): number {
  const docs = (v as { documents?: unknown }).documents;
  if (!Array.isArray(docs)) return 0;
  let n = 0;
  for (const d of docs) {
    const ms = (d as { messages?: unknown } | null)?.messages;
    if (Array.isArray(ms)) n += ms.length;
  }
  return n;
}

/** For a schema failure inside documents[i].messages[j]: the message and chat it concerns. */
function whereOfPath(v: unknown, path: readonly PropertyKey[]): { messageId?: string; chatId?: string; seq?: number } {
  try {
    if (path[0] !== 'documents' || typeof path[1] !== 'number') return {};
    const d = (v as { documents: { chatId?: unknown; messages?: unknown[] }[] }).documents[path[1]];
    const out: { messageId?: string; chatId?: string; seq?: number } = {};
    if (typeof d?.chatId === 'string') out.chatId = d.chatId;
    if (path[2] === 'messages' && typeof path[3] === 'number') {
      const m = d?.messages?.[path[3]] as { id?: unknown; recordSeq?: unknown } | undefined;
      if (typeof m?.id === 'string') out.messageId = m.id;
      if (typeof m?.recordSeq === 'number' && Number.isSafeInteger(m.recordSeq)) out.seq = m.recordSeq;
    }
    return out;
  } catch {
    return {};
  }
}
