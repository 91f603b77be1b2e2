import { zipSync, type Zippable } from 'fflate';
import { z } from 'zod';
import { OgmaError } from '../../../../shared/api/errors';
import { canonicalize, type JsonValue } from '../../chain';
import { BatesSectionSchema, BundleTenantSchema, FileEntrySchema } from '../../verify/schema';
import type { BatesOptions, BatesPage, BundleBates, BundleFileEntry, ExportDocument } from '../types';
import { checkBatesOptions, formatBates } from './bates';
import { writeDat } from './dat';
import { DAT_FIELDS, datRow } from './fields';
import {
  PROOF_BUNDLE,
  PROOF_MANIFEST,
  PROOF_README,
  VOLUME_RE,
  checkpointPath,
  datPathOf,
  documentPaths,
  fileEntry,
  loadFilePath,
  manifestFileBytes,
  optPathOf,
} from './layout';
import { nativeFileBytes } from './native';
import { writeOpt, type OptLine } from './opt';
import { readmeText } from './readme';
import { textFileBytes } from './text';

/** Renders one document as a Bates-stamped PDF whose first page carries `bates.start`. */
export type RenderDocumentPdf = (
  doc: ExportDocument,
  bates: BatesOptions,
  signal?: AbortSignal,
) => Promise<{ bytes: Uint8Array; pages: BatesPage[] }>;

/**
 * Builds, signs and serializes the evidence bundle for the volume (format 'production').
 * It receives the files manifest and the Bates map so that both go under the bundle's
 * export signature (its `files` and `bates` sections); the writer checks they did.
 */
export type BuildProof = (input: { volume: string; files: BundleFileEntry[]; bates: BundleBates }) => Promise<Uint8Array> | Uint8Array;

export interface ProductionVolumeInput {
  documents: ExportDocument[];
  bates: BatesOptions;
  /** Folder name inside the ZIP and in the load files; default 'VOL001'. */
  volume?: string;
  /** Goes into every record's CONFIDENTIALITY field, e.g. 'CONFIDENTIAL'. */
  confidentiality: string;
  /** RFC 3339; the ZIP entries' modification time and the README's production date. */
  producedAt: string;
  renderDocumentPdf: RenderDocumentPdf;
  buildProof: BuildProof;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export interface ProductionVolume {
  zip: Uint8Array;
  volume: string;
  firstBates: string;
  lastBates: string;
  documents: number;
  pages: number;
  /** The manifest that went into the bundle's signed `files` section. */
  files: BundleFileEntry[];
  bates: BundleBates;
  bundle: Uint8Array;
}

/**
 * Writes a Relativity-loadable production volume (see docs/export-production.md).
 * Document i's first Bates number is document i-1's last + 1; every file is hashed into
 * the DAT and into the files manifest, which the bundle's export signature covers.
 * The caller must still run validateProductionVolume on the result before releasing it.
 */
export async function writeProductionVolume(input: ProductionVolumeInput): Promise<ProductionVolume> {
  const volume = input.volume ?? 'VOL001';
  if (!VOLUME_RE.test(volume)) {
    throw new OgmaError('VALIDATION_FAILED', `The volume name ${JSON.stringify(volume)} must be 1-32 letters, digits, "_" or "-" (e.g. VOL001).`, { field: 'volume' });
  }
  checkBatesOptions(input.bates);
  if (input.documents.length === 0) {
    throw new OgmaError('VALIDATION_FAILED', 'A production volume needs at least one document; the scope selected no chats.', { field: 'scope' });
  }
  const mtime = new Date(input.producedAt);
  if (Number.isNaN(mtime.getTime())) throw new OgmaError('VALIDATION_FAILED', `producedAt ${JSON.stringify(input.producedAt)} is not an RFC 3339 time.`, { field: 'producedAt' });

  const { prefix, digits } = input.bates;
  const files = new Map<string, Uint8Array>(); // volume-relative path -> bytes, in ZIP order
  const rows: string[][] = [];
  const optLines: OptLine[] = [];
  const batesPages: BatesPage[] = [];
  let next = input.bates.start;
  const total = input.documents.length;

  for (const [i, doc] of input.documents.entries()) {
    if (input.signal?.aborted) throw new OgmaError('CANCELLED', 'The production export was cancelled; nothing was written.');
    const begBates = formatBates(prefix, next, digits);
    const pdf = await input.renderDocumentPdf(doc, { prefix, start: next, digits }, input.signal);
    checkRenderedPages(doc, pdf.pages, prefix, next, digits);
    const pageCount = pdf.pages.length;
    const endBates = formatBates(prefix, next + pageCount - 1, digits);

    const rel = documentPaths(i, begBates);
    const native = nativeFileBytes(doc, begBates);
    const text = textFileBytes(doc);
    files.set(rel.native, native);
    files.set(rel.text, text);
    files.set(rel.image, pdf.bytes);
    const n = fileEntry(rel.native, native);
    const t = fileEntry(rel.text, text);
    const im = fileEntry(rel.image, pdf.bytes);
    const loadPaths = { native: loadFilePath(volume, rel.native), text: loadFilePath(volume, rel.text), image: loadFilePath(volume, rel.image) };
    const row = datRow({
      doc,
      begBates,
      endBates,
      pageCount,
      confidentiality: input.confidentiality,
      paths: loadPaths,
      hashes: { native: n, text: t, image: im },
    });
    rows.push(DAT_FIELDS.map((f) => row[f]));
    pdf.pages.forEach((p, k) => {
      optLines.push({ bates: p.bates, volume, imagePath: loadPaths.image, docBreak: k === 0, pageCount: k === 0 ? pageCount : null });
      // In the bundle's Bates map `page` is the page's position in the whole volume (the
      // OPT's order), so the map reads 1..N like a single PDF's; the page within the
      // document's own PDF is its position after that document's DocBreak.
      batesPages.push({ page: batesPages.length + 1, bates: p.bates, chatId: p.chatId });
    });
    next += pageCount;
    input.onProgress?.(i + 1, total);
  }

  const firstBates = formatBates(prefix, input.bates.start, digits);
  const lastBates = formatBates(prefix, next - 1, digits);
  // Load files first in the ZIP: a reader that streams the archive meets them before the data.
  const ordered = new Map<string, Uint8Array>();
  ordered.set(datPathOf(volume), writeDat(DAT_FIELDS, rows));
  ordered.set(optPathOf(volume), writeOpt(optLines));
  for (const [p, b] of files) ordered.set(p, b);
  ordered.set(
    PROOF_README,
    new TextEncoder().encode(readmeText({ volume, firstBates, lastBates, documents: total, pages: batesPages.length, producedAt: input.producedAt })),
  );

  const manifest = [...ordered].map(([p, b]) => fileEntry(p, b));
  const bates: BundleBates = { prefix, digits, first: firstBates, last: lastBates, pages: batesPages };
  if (input.signal?.aborted) throw new OgmaError('CANCELLED', 'The production export was cancelled; nothing was written.');
  const bundle = await input.buildProof({ volume, files: manifest, bates });
  const checkpoints = checkpointsOfBoundBundle(bundle, manifest, bates);

  ordered.set(PROOF_BUNDLE, bundle);
  checkpoints.forEach((note, i) => ordered.set(checkpointPath(i), new TextEncoder().encode(note)));
  ordered.set(PROOF_MANIFEST, manifestFileBytes(volume, manifest));

  const zippable: Zippable = {};
  for (const [p, b] of ordered) zippable[`${volume}/${p}`] = [b, { level: p.endsWith('.pdf') ? 0 : 6, mtime }];
  return {
    zip: zipSync(zippable, { mtime }),
    volume,
    firstBates,
    lastBates,
    documents: total,
    pages: batesPages.length,
    files: manifest,
    bates,
    bundle,
  };
}

/**
 * The bundle must carry exactly this manifest and Bates map (else the signature would not
 * bind the volume); its checkpoints are copied to PROOF/ for readers without the verifier.
 */
function checkpointsOfBoundBundle(bytes: Uint8Array, files: BundleFileEntry[], bates: BundleBates): string[] {
  // Only the sections this check needs are schema-parsed: the whole bundle (every message)
  // is the bundle verifier's job, and parsing it twice would double the cost of big volumes.
  let json: { export?: { format?: unknown }; files?: unknown; bates?: unknown; tenants?: unknown };
  try {
    json = JSON.parse(new TextDecoder().decode(bytes)) as typeof json;
  } catch {
    throw new OgmaError('INTERNAL', 'The evidence bundle for the volume is not JSON; the volume was not written.');
  }
  const parsed = BoundSections.safeParse({ format: json.export?.format, files: json.files, bates: json.bates, tenants: json.tenants });
  if (!parsed.success) throw new OgmaError('INTERNAL', `The evidence bundle for the volume does not match the bundle format (${parsed.error.issues[0]?.message ?? 'invalid'}).`);
  const b = parsed.data;
  if (b.format !== 'production') throw new OgmaError('INTERNAL', `The evidence bundle says format ${b.format}; a production volume needs 'production'.`);
  if (canonicalize(b.files as unknown as JsonValue) !== canonicalize(files as unknown as JsonValue)) {
    throw new OgmaError('INTERNAL', "The evidence bundle's files section is not the volume's manifest; the signature would not bind the files.");
  }
  if (!b.bates || canonicalize(b.bates as unknown as JsonValue) !== canonicalize(bates as unknown as JsonValue)) {
    throw new OgmaError('INTERNAL', "The evidence bundle's Bates section is not the volume's page map; the signature would not bind the Bates numbers.");
  }
  const notes = b.tenants.flatMap((t) => t.checkpoints);
  if (notes.length === 0) throw new OgmaError('INTERNAL', 'The evidence bundle has no signed checkpoint; the volume cannot be proven.');
  return notes;
}

const BoundSections = z.object({
  format: z.string(),
  files: z.array(FileEntrySchema).nullable(),
  bates: BatesSectionSchema.nullable(),
  tenants: z.array(BundleTenantSchema),
});

/** The renderer must number exactly the pages it was asked to, from `start`, without gaps. */
function checkRenderedPages(doc: ExportDocument, pages: BatesPage[], prefix: string, start: number, digits: number): void {
  if (pages.length === 0) throw new OgmaError('INTERNAL', `The PDF renderer produced no pages for chat ${doc.chatId}.`, { bates: formatBates(prefix, start, digits) });
  pages.forEach((p, k) => {
    const want = formatBates(prefix, start + k, digits);
    if (p.bates !== want || p.page !== k + 1 || (p.chatId !== null && p.chatId !== doc.chatId)) {
      throw new OgmaError('INTERNAL', `The PDF renderer numbered page ${k + 1} of chat ${doc.chatId} as ${p.bates} (page ${p.page}); expected ${want}. The volume was not written.`, { bates: want, page: k + 1 });
    }
  });
}
