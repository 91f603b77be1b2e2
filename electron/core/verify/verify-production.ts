import type { FailureWhere, VerifyReport } from '../../../shared/api/export-schemas';
import { canonicalize, type JsonValue } from '../chain';
import { HASHED_PATHS } from '../export/production/fields';
import { CHECKPOINT_RE, PROOF_BUNDLE, PROOF_MANIFEST, checkpointPath, datPathOf, manifestFileBytes, optPathOf, volumeRelative } from '../export/production/layout';
import type { NativeFile } from '../export/production/native';
import { parseOpt } from '../export/production/opt';
import { checkManifest, inspectProductionVolume, type ProductionProblem, type ReadPdf } from '../export/production/validate';
import { ReportBuilder, unreadableReport } from './report';
import { BundleSchema, type Bundle } from './schema';
import { verifyBundleBytes } from './verify-bundle';

/**
 * Verifies a production volume (ZIP): the volume validator's checks, the embedded bundle
 * (PROOF/bundle.json) with the pure bundle verifier, and then what ties the two together:
 * every file equals the signed `files` manifest, every DAT hash equals the signed entry of
 * the file it names, the OPT's pages are the signed Bates map, the checkpoint copies are
 * the bundle's, and the natives are the bundle's documents. Never throws.
 */

export interface VerifyProductionOptions {
  /** Reads each image PDF (page count, stamped Bates numbers); default readBatesPdf. */
  readPdf?: ReadPdf;
}

export async function verifyProduction(bytes: Uint8Array, opts: VerifyProductionOptions = {}): Promise<VerifyReport> {
  try {
    return await verify(bytes, opts);
  } catch (e) {
    return unreadableReport('production', `The production volume could not be verified: ${e instanceof Error ? e.message : String(e)}.`);
  }
}

async function verify(bytes: Uint8Array, opts: VerifyProductionOptions): Promise<VerifyReport> {
  const v = await inspectProductionVolume(bytes, opts.readPdf ? { readPdf: opts.readPdf } : {});
  if (!v.readable) return unreadableReport('production', v.problems[0]?.message ?? 'The ZIP archive cannot be read.');
  const r = new ReportBuilder('production');
  if (!v.opened || !v.volume) {
    for (const p of v.problems) failProblem(r, p);
    return r.finish('');
  }
  const { volume, files } = v.opened;

  // 1. The embedded bundle, verified on its own.
  const bundleBytes = files.get(PROOF_BUNDLE);
  let bundle: Bundle | null = null;
  if (!bundleBytes) {
    r.fail('bundle_missing', `The volume has no ${PROOF_BUNDLE}, so nothing in it can be proven.`, { file: `${volume}/${PROOF_BUNDLE}` });
  } else {
    const br = verifyBundleBytes(bundleBytes, { container: 'production' });
    if (br.verdict === 'unreadable') r.fail('bundle_unreadable', `${PROOF_BUNDLE}: ${br.summary}`, { file: `${volume}/${PROOF_BUNDLE}` });
    else r.absorb(br);
    bundle = parseBundle(bundleBytes);
  }

  // 2. The volume's own consistency.
  for (const p of v.problems) failProblem(r, p);
  r.check('volume structure, DAT, OPT, hashes, Bates, text', v.problems.length === 0, `${v.problems.length} problem(s)`);

  // 3. What binds the volume to the signed bundle.
  if (bundle) {
    const before = r.failureCount;
    checkBinding(r, bundle, v.volume, files, v.dat?.records ?? [], v.natives);
    r.check('volume bound to the signed bundle (files, DAT hashes, Bates, checkpoints, natives)', r.failureCount === before);
  }

  const recs = v.dat?.records ?? [];
  const first = recs[0]?.values.BEGBATES;
  const last = recs[recs.length - 1]?.values.ENDBATES;
  const fp = r.fingerprints.map((f) => `${f.tenantId} ${f.fingerprint}`).join('; ');
  return r.finish(
    `VERIFIED: production volume ${volume}, ${recs.length} document(s), Bates ${first} to ${last}; ` +
      `${r.counts.verified} message(s) verified, ${r.counts.verifiedTextMasked} record-verified with text masked. ` +
      `Compare the signing-key fingerprint with the producing party: ${fp}.`,
  );
}

function checkBinding(
  r: ReportBuilder,
  bundle: Bundle,
  volume: string,
  files: Map<string, Uint8Array>,
  records: { line: number; values: Record<string, string> }[],
  natives: Map<string, NativeFile>,
): void {
  const datFile = `${volume}/${datPathOf(volume)}`;
  if (bundle.export.format !== 'production') {
    r.fail('bundle_format_mismatch', `The bundle in ${PROOF_BUNDLE} was made for a ${bundle.export.format} export, not this production volume.`, { file: `${volume}/${PROOF_BUNDLE}`, field: 'export.format' });
  }
  const signed = bundle.files;
  if (!signed) {
    r.fail('files_not_signed', 'The bundle carries no files manifest, so the volume\'s files are not bound by its signature.', { file: `${volume}/${PROOF_BUNDLE}`, field: 'files' });
  } else {
    // Every file equals its signed entry; nothing unsigned rides along.
    const problems: ProductionProblem[] = [];
    checkManifest(signed, files, volume, `${PROOF_BUNDLE} (signed files)`, problems, 'file_not_as_signed');
    for (const p of problems) failProblem(r, p);
    // The plain manifest is a byte-exact copy of the signed one.
    const plain = files.get(PROOF_MANIFEST);
    if (!plain || !bytesEqual(plain, manifestFileBytes(volume, signed))) {
      r.fail('manifest_not_signed', `${PROOF_MANIFEST} is not the files manifest signed in ${PROOF_BUNDLE}.`, { file: `${volume}/${PROOF_MANIFEST}` });
    }
    // Each DAT hash equals the signed hash of the file it names.
    const byPath = new Map(signed.map((f) => [f.path, f]));
    for (const { line, values } of records) {
      for (const h of HASHED_PATHS) {
        const rel = volumeRelative(volume, values[h.path] ?? '');
        if (!rel) continue; // the validator already reported the path
        const entry = byPath.get(rel);
        const where = { file: datFile, bates: values.BEGBATES, chatId: values.CHATID };
        if (!entry) {
          r.fail('dat_file_not_signed', `DAT line ${line}: ${h.path} ${rel} is not in the signed files manifest.`, { ...where, field: h.path });
          continue;
        }
        if (values[h.md5] !== entry.md5) r.fail('dat_hash_not_signed', `DAT line ${line}: ${h.md5} ${values[h.md5]} is not the signed MD5 of ${rel} (${entry.md5}).`, { ...where, field: h.md5 });
        if (values[h.sha256] !== entry.sha256) r.fail('dat_hash_not_signed', `DAT line ${line}: ${h.sha256} ${values[h.sha256]} is not the signed SHA-256 of ${rel} (${entry.sha256}).`, { ...where, field: h.sha256 });
      }
    }
  }

  // The checkpoint copies in PROOF/ are the bundle's checkpoints, in order.
  const notes = bundle.tenants.flatMap((t) => t.checkpoints);
  const copies = [...files.keys()].filter((p) => CHECKPOINT_RE.test(p));
  if (copies.length !== notes.length) {
    r.fail('checkpoint_copy_mismatch', `PROOF/ holds ${copies.length} checkpoint file(s) but the bundle has ${notes.length} checkpoint(s).`, { file: `${volume}/PROOF` });
  }
  notes.forEach((note, i) => {
    const rel = checkpointPath(i);
    const copy = files.get(rel);
    if (!copy || !bytesEqual(copy, new TextEncoder().encode(note))) {
      r.fail('checkpoint_copy_mismatch', `${rel} is not checkpoint ${i + 1} of the signed bundle.`, { file: `${volume}/${rel}` });
    }
  });

  // The OPT's pages are the signed Bates map; each page belongs to the DAT document it falls in.
  const s = bundle.bates;
  const optBytes = files.get(optPathOf(volume));
  if (!s) {
    r.fail('bates_not_signed', "The bundle carries no Bates map, so the volume's Bates numbers are not bound by its signature.", { file: `${volume}/${PROOF_BUNDLE}`, field: 'bates' });
  } else if (optBytes) {
    const optFile = `${volume}/${optPathOf(volume)}`;
    const { lines } = parseOpt(optBytes);
    if (lines.length !== s.pages.length) {
      r.fail('bates_not_signed', `The OPT lists ${lines.length} page(s) but the signed Bates map has ${s.pages.length}.`, { file: optFile });
    }
    let doc = -1;
    lines.forEach((l, i) => {
      if (l.docBreak) doc++;
      const p = s.pages[i];
      if (!p) return;
      const chat = records[doc]?.values.CHATID;
      if (l.bates !== p.bates) {
        r.fail('bates_not_signed', `OPT line ${l.line} is page ${l.bates} but the signed Bates map has ${p.bates} there.`, { file: optFile, bates: l.bates, page: i + 1, field: 'ImageKey' });
      } else if (p.chatId !== null && chat !== undefined && p.chatId !== chat) {
        r.fail('bates_not_signed', `Page ${p.bates} belongs to chat ${p.chatId} in the signed Bates map but to chat ${chat} in the DAT.`, { file: optFile, bates: p.bates, chatId: chat, field: 'CHATID' });
      }
    });
  }

  // The natives are the bundle's documents, and every bundle document is in the volume.
  const docs = new Map(bundle.documents.map((d) => [`${d.tenantId}\u0000${d.chatId}`, d]));
  const produced = new Set<string>();
  for (const [bates, n] of natives) {
    const key = `${n.document.tenantId}\u0000${n.document.chatId}`;
    produced.add(key);
    const d = docs.get(key);
    const where = { file: `${volume}/NATIVES`, bates, chatId: n.document.chatId };
    if (!d) {
      r.fail('native_not_in_bundle', `The native of ${bates} is chat ${n.document.chatId}, which the signed bundle does not contain.`, where);
      continue;
    }
    const { messages: bundleMessages, ...bundleMeta } = d;
    const { messages: nativeMessages, ...nativeMeta } = n.document;
    if (canonicalize(bundleMeta as unknown as JsonValue) !== canonicalize(nativeMeta as unknown as JsonValue)) {
      r.fail('native_differs', `The native of ${bates} describes chat ${d.chatId} differently from the signed bundle (title, custodian, org or dates).`, where);
    }
    if (nativeMessages.length !== bundleMessages.length) {
      r.fail('native_differs', `The native of ${bates} has ${nativeMessages.length} message(s); the signed bundle has ${bundleMessages.length}.`, where);
    }
    nativeMessages.forEach((m, i) => {
      const b = bundleMessages[i];
      const same =
        b && b.id === m.id && b.text === m.text && b.commitment === m.commitment && b.recordSeq === m.recordSeq && b.role === m.role && b.model === m.model && b.createdAt === m.createdAt && b.masked === m.masked;
      if (!same) r.fail('native_differs', `Message ${i + 1} of the native of ${bates} (${m.id}) is not message ${i + 1} of the signed bundle.`, { ...where, messageId: m.id, seq: m.recordSeq });
    });
  }
  for (const [key, d] of docs) {
    if (!produced.has(key)) r.fail('document_missing_from_volume', `Chat ${d.chatId} is in the signed bundle but has no document in the volume.`, { file: datFile, chatId: d.chatId });
  }
}

function parseBundle(bytes: Uint8Array): Bundle | null {
  try {
    const parsed = BundleSchema.safeParse(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** FailureWhere has no line: the message carries it. */
function failProblem(r: ReportBuilder, p: ProductionProblem): void {
  const where: FailureWhere = {};
  if (p.file !== undefined) where.file = p.file;
  if (p.field !== undefined) where.field = p.field;
  if (p.bates !== undefined) where.bates = p.bates;
  if (p.chatId !== undefined) where.chatId = p.chatId;
  if (p.page !== undefined) where.page = p.page;
  r.fail(p.code, p.line !== undefined ? `${p.file ? `${p.file} ` : ''}line ${p.line}: ${p.message}` : p.message, where);
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.from(a.buffer, a.byteOffset, a.length).equals(Buffer.from(b.buffer, b.byteOffset, b.length));
}
