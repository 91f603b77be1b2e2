import { readBatesPdf } from '../pdf';
import { isNextBates, parseBates } from './bates';
import { parseDat, type ParsedDat } from './dat';
import { DAT_FIELDS, HASHED_PATHS } from './fields';
import { CHECKPOINT_RE, PROOF_BUNDLE, PROOF_MANIFEST, PROOF_README, datPathOf, md5Hex, optPathOf, sha256Hex, volumeRelative } from './layout';
import { readNativeFile, type NativeFile } from './native';
import { parseOpt } from './opt';
import { textFileBytes } from './text';
import { openVolume, type OpenedVolume } from './volume';
import type { BundleFileEntry } from '../types';

/** One thing wrong with a volume, located as precisely as the format allows. */
export interface ProductionProblem {
  /** Stable machine code, e.g. 'dat_hash_mismatch', 'bates_gap'. */
  code: string;
  message: string;
  /** Path inside the ZIP, e.g. 'VOL001/DATA/VOL001.dat'. */
  file?: string;
  /** 1-based line in that file (DAT: the header is line 1). */
  line?: number;
  /** DAT field or OPT column. */
  field?: string;
  bates?: string;
  chatId?: string;
  page?: number;
}

/** What a PDF holds: its page count and, when the reader can, the Bates number stamped on each page. */
export interface PdfPageInfo {
  pageCount: number;
  /** Per page, the Bates text actually stamped (null when none was found); omitted when unknown. */
  bates?: (string | null)[];
}
export type ReadPdf = (bytes: Uint8Array) => Promise<PdfPageInfo> | PdfPageInfo;

export interface ValidateOptions {
  /** Default: readBatesPdf (page count and the Bates number stamped on each page). */
  readPdf?: ReadPdf;
}

export interface ProductionValidation {
  ok: boolean;
  volume: string | null;
  problems: ProductionProblem[];
}

/** Everything the validator learned, for the verifier to build on. */
export interface ValidatedVolume extends ProductionValidation {
  opened: OpenedVolume | null;
  dat: ParsedDat | null;
  natives: Map<string, NativeFile>;
  /** False when the ZIP itself could not be read (as opposed to a readable but wrong volume). */
  readable: boolean;
}

const CONTENT_FOLDERS: Record<string, string> = { NATIVEPATH: 'NATIVES/', TEXTPATH: 'TEXT/', IMAGEPATH: 'IMAGES/' };

/**
 * Checks a production volume before it is released (and again when it is received):
 * structure, DAT format, every referenced file present with the hashes the DAT gives,
 * OPT in agreement with the DAT, Bates continuity, TEXT equal to what NATIVES say,
 * PDF page counts, and the PROOF/ manifest against the files. Never throws on bad input.
 */
export async function validateProductionVolume(zipBytes: Uint8Array, options: ValidateOptions = {}): Promise<ProductionValidation> {
  const { ok, volume, problems } = await inspectProductionVolume(zipBytes, options);
  return { ok, volume, problems };
}

export async function inspectProductionVolume(zipBytes: Uint8Array, options: ValidateOptions = {}): Promise<ValidatedVolume> {
  const problems: ProductionProblem[] = [];
  const natives = new Map<string, NativeFile>();
  const open = openVolume(zipBytes);
  if (!open.ok) {
    problems.push({ code: open.unreadable ? 'zip_unreadable' : 'volume_layout', message: open.message, ...(open.file ? { file: open.file } : {}) });
    return { ok: false, volume: null, problems, opened: null, dat: null, natives, readable: !open.unreadable };
  }
  const { volume, files } = open.opened;
  const zipPath = (rel: string): string => `${volume}/${rel}`;
  const readPdf = options.readPdf ?? readStampedPdf;

  // --- structure ------------------------------------------------------------------------
  const datRel = datPathOf(volume);
  const optRel = optPathOf(volume);
  for (const rel of [datRel, optRel, PROOF_BUNDLE, PROOF_MANIFEST, PROOF_README]) {
    if (!files.has(rel)) problems.push({ code: 'missing_file', message: `The volume has no ${rel}.`, file: zipPath(rel) });
  }
  if (![...files.keys()].some((p) => CHECKPOINT_RE.test(p))) {
    problems.push({ code: 'missing_file', message: 'The volume has no PROOF/checkpoint-N.txt (a signed checkpoint).', file: zipPath('PROOF/checkpoint-1.txt') });
  }

  // --- DAT ------------------------------------------------------------------------------
  const datBytes = files.get(datRel);
  const dat = datBytes ? parseDat(datBytes) : null;
  const datFile = zipPath(datRel);
  const referenced = new Set<string>();
  if (dat) {
    for (const p of dat.problems) problems.push({ code: 'dat_format', file: datFile, ...p });
    const missing = DAT_FIELDS.filter((f) => !dat.header.includes(f));
    for (const f of missing) problems.push({ code: 'dat_header', message: `The DAT header lacks the ${f} field.`, file: datFile, line: 1, field: f });
    if (dat.header.length > 0 && missing.length === 0 && dat.records.length === 0) {
      problems.push({ code: 'dat_empty', message: 'The DAT has a header but no documents.', file: datFile, line: 2 });
    }
    if (missing.length === 0) await checkRecords(dat, files, volume, readPdf, referenced, natives, problems);
  }

  // --- OPT against DAT --------------------------------------------------------------------
  const optBytes = files.get(optRel);
  if (optBytes && dat && dat.records.length > 0) checkOpt(optBytes, dat, volume, zipPath(optRel), problems);

  // --- every content file is referenced; the manifest matches the files -------------------
  for (const rel of files.keys()) {
    if (/^(IMAGES|TEXT|NATIVES)\//.test(rel) && !referenced.has(rel)) {
      problems.push({ code: 'unreferenced_file', message: `${rel} is in the volume but no DAT record points at it.`, file: zipPath(rel) });
    } else if (!/^(IMAGES|TEXT|NATIVES|PROOF)\//.test(rel) && rel !== datRel && rel !== optRel) {
      problems.push({ code: 'unexpected_file', message: `${rel} does not belong in a production volume (only DATA/, IMAGES/, TEXT/, NATIVES/, PROOF/).`, file: zipPath(rel) });
    }
  }
  const manifestBytes = files.get(PROOF_MANIFEST);
  if (manifestBytes) checkManifest(readManifest(manifestBytes), files, volume, zipPath(PROOF_MANIFEST), problems);

  return { ok: problems.length === 0, volume, problems, opened: open.opened, dat, natives, readable: true };
}

async function checkRecords(
  dat: ParsedDat,
  files: Map<string, Uint8Array>,
  volume: string,
  readPdf: ReadPdf,
  referenced: Set<string>,
  natives: Map<string, NativeFile>,
  problems: ProductionProblem[],
): Promise<void> {
  const datFile = `${volume}/${datPathOf(volume)}`;
  let prevEnd: string | null = null;
  for (const { line, values: v } of dat.records) {
    const at = { file: datFile, line, chatId: v.CHATID || undefined, bates: v.BEGBATES || undefined };
    const beg = parseBates(v.BEGBATES ?? '');
    const end = parseBates(v.ENDBATES ?? '');
    if (!beg || !end || beg.prefix !== end.prefix || beg.digits !== end.digits || end.n < beg.n) {
      problems.push({ code: 'bates_format', message: `BEGBATES ${v.BEGBATES} / ENDBATES ${v.ENDBATES} are not a valid Bates range (same prefix and width, end not before begin).`, ...at, field: 'BEGBATES', bates: v.BEGBATES });
    } else {
      const pages = end.n - beg.n + 1;
      if (v.PAGECOUNT !== String(pages)) problems.push({ code: 'dat_pagecount', message: `PAGECOUNT is ${v.PAGECOUNT} but ${v.BEGBATES}-${v.ENDBATES} is ${pages} page(s).`, ...at, field: 'PAGECOUNT', bates: v.BEGBATES });
      if (prevEnd !== null && !isNextBates(prevEnd, v.BEGBATES ?? '')) {
        problems.push({ code: 'bates_gap', message: `BEGBATES ${v.BEGBATES} does not follow the previous document's ENDBATES ${prevEnd}: Bates numbers must run without gaps.`, ...at, field: 'BEGBATES', bates: v.BEGBATES });
      }
    }
    if (v.BEGATTACH !== v.BEGBATES) problems.push({ code: 'dat_attach', message: `BEGATTACH ${v.BEGATTACH} differs from BEGBATES ${v.BEGBATES} (a chat is its own family).`, ...at, field: 'BEGATTACH' });
    if (v.ENDATTACH !== v.ENDBATES) problems.push({ code: 'dat_attach', message: `ENDATTACH ${v.ENDATTACH} differs from ENDBATES ${v.ENDBATES} (a chat is its own family).`, ...at, field: 'ENDATTACH' });
    prevEnd = v.ENDBATES ?? null;

    const content: Record<string, Uint8Array | undefined> = {};
    for (const h of HASHED_PATHS) {
      const loadPath = v[h.path] ?? '';
      const rel = volumeRelative(volume, loadPath);
      const folder = CONTENT_FOLDERS[h.path] ?? '';
      if (!rel || !rel.startsWith(folder)) {
        problems.push({ code: 'dat_path', message: `${h.path} ${JSON.stringify(loadPath)} is not a path under ${volume}\\${folder.slice(0, -1)}.`, ...at, field: h.path });
        continue;
      }
      referenced.add(rel);
      const bytes = files.get(rel);
      if (!bytes) {
        problems.push({ code: 'missing_file', message: `${h.path} points at ${rel}, which is not in the volume.`, ...at, field: h.path });
        continue;
      }
      content[h.path] = bytes;
      if (md5Hex(bytes) !== v[h.md5]) problems.push({ code: 'dat_hash_mismatch', message: `${h.md5} ${v[h.md5]} is not the MD5 of ${rel}.`, ...at, field: h.md5 });
      if (sha256Hex(bytes) !== v[h.sha256]) problems.push({ code: 'dat_hash_mismatch', message: `${h.sha256} ${v[h.sha256]} is not the SHA-256 of ${rel}.`, ...at, field: h.sha256 });
    }

    const nativeBytes = content.NATIVEPATH;
    if (nativeBytes) {
      const native = readNativeFile(nativeBytes);
      const nativeFile = `${volume}/${volumeRelative(volume, v.NATIVEPATH ?? '')}`;
      if (typeof native === 'string') {
        problems.push({ code: 'native_invalid', message: `The native file ${native}.`, file: nativeFile, chatId: v.CHATID });
      } else {
        natives.set(v.BEGBATES ?? '', native);
        if (native.document.chatId !== v.CHATID) problems.push({ code: 'native_mismatch', message: `The native file is chat ${native.document.chatId} but the DAT record says CHATID ${v.CHATID}.`, ...at, field: 'CHATID' });
        if (native.begBates !== v.BEGBATES) problems.push({ code: 'native_mismatch', message: `The native file names BEGBATES ${native.begBates} but the DAT record says ${v.BEGBATES}.`, ...at, field: 'BEGBATES' });
        const textBytes = content.TEXTPATH;
        if (textBytes && !bytesEqual(textBytes, textFileBytes(native.document))) {
          problems.push({ code: 'text_mismatch', message: `The extracted text does not match the messages in the native file ${nativeFile}.`, file: `${volume}/${volumeRelative(volume, v.TEXTPATH ?? '')}`, chatId: v.CHATID, bates: v.BEGBATES, field: 'TEXTPATH' });
        }
      }
    }

    const imageBytes = content.IMAGEPATH;
    if (imageBytes && beg && end) {
      const imageFile = `${volume}/${volumeRelative(volume, v.IMAGEPATH ?? '')}`;
      let info: PdfPageInfo | null = null;
      try {
        info = await readPdf(imageBytes);
      } catch (e) {
        problems.push({ code: 'image_unreadable', message: `The image PDF cannot be read (${e instanceof Error ? e.message : String(e)}).`, file: imageFile, chatId: v.CHATID, bates: v.BEGBATES });
      }
      if (info && String(info.pageCount) !== v.PAGECOUNT) {
        problems.push({ code: 'image_pagecount', message: `The image PDF has ${info.pageCount} page(s) but PAGECOUNT is ${v.PAGECOUNT}.`, file: imageFile, chatId: v.CHATID, bates: v.BEGBATES, field: 'PAGECOUNT' });
      }
      info?.bates?.forEach((stamped, k) => {
        const want = beg.prefix + String(beg.n + k).padStart(beg.digits, '0');
        if (stamped !== want) problems.push({ code: 'image_bates', message: `Page ${k + 1} of the image is stamped ${stamped ?? '(nothing)'}; expected ${want}.`, file: imageFile, page: k + 1, bates: want, chatId: v.CHATID });
      });
    }
  }
}

function checkOpt(bytes: Uint8Array, dat: ParsedDat, volume: string, optFile: string, problems: ProductionProblem[]): void {
  const { lines, problems: parse } = parseOpt(bytes);
  for (const p of parse) problems.push({ code: 'opt_format', file: optFile, ...p });
  // Group page lines into documents at each DocBreak.
  const docs: (typeof lines)[] = [];
  for (const l of lines) {
    if (l.docBreak || docs.length === 0) {
      if (!l.docBreak) problems.push({ code: 'opt_mismatch', message: 'The first OPT line must start a document (DocBreak Y).', file: optFile, line: l.line, field: 'DocBreak', bates: l.bates });
      docs.push([l]);
    } else docs[docs.length - 1]?.push(l);
  }
  if (docs.length !== dat.records.length) {
    problems.push({ code: 'opt_mismatch', message: `The OPT has ${docs.length} document(s) (DocBreak Y lines) but the DAT has ${dat.records.length}.`, file: optFile });
  }
  let prev: string | null = null;
  for (const l of lines) {
    if (prev !== null && !isNextBates(prev, l.bates)) {
      problems.push({ code: 'bates_gap', message: `OPT page ${l.bates} does not follow ${prev}: Bates numbers must run without gaps.`, file: optFile, line: l.line, field: 'ImageKey', bates: l.bates });
    }
    prev = l.bates;
    if (l.volume !== volume) problems.push({ code: 'opt_mismatch', message: `OPT volume ${JSON.stringify(l.volume)} is not ${volume}.`, file: optFile, line: l.line, field: 'Volume', bates: l.bates });
  }
  docs.forEach((pages, i) => {
    const rec = dat.records[i];
    const first = pages[0];
    if (!rec || !first) return;
    const v = rec.values;
    const at = { file: optFile, line: first.line, bates: first.bates, chatId: v.CHATID };
    if (first.bates !== v.BEGBATES) problems.push({ code: 'opt_mismatch', message: `OPT document ${i + 1} starts at ${first.bates} but DAT line ${rec.line} has BEGBATES ${v.BEGBATES}.`, ...at, field: 'ImageKey' });
    const last = pages[pages.length - 1];
    if (last && last.bates !== v.ENDBATES) problems.push({ code: 'opt_mismatch', message: `OPT document ${i + 1} ends at ${last.bates} but DAT line ${rec.line} has ENDBATES ${v.ENDBATES}.`, ...at, line: last.line, bates: last.bates, field: 'ImageKey' });
    if (String(pages.length) !== v.PAGECOUNT || first.pageCount !== pages.length) {
      problems.push({ code: 'opt_mismatch', message: `OPT document ${i + 1} has ${pages.length} page line(s) and PageCount ${first.pageCount ?? '(none)'}; DAT line ${rec.line} has PAGECOUNT ${v.PAGECOUNT}.`, ...at, field: 'PageCount' });
    }
    for (const p of pages) {
      if (p.imagePath !== v.IMAGEPATH) problems.push({ code: 'opt_mismatch', message: `OPT page ${p.bates} points at ${p.imagePath} but DAT line ${rec.line} has IMAGEPATH ${v.IMAGEPATH}.`, ...at, line: p.line, bates: p.bates, field: 'ImagePath' });
    }
  });
}

export function readManifest(bytes: Uint8Array): BundleFileEntry[] | string {
  try {
    const json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as { files?: unknown };
    if (!Array.isArray(json.files)) return 'has no files list';
    const out: BundleFileEntry[] = [];
    for (const f of json.files as Record<string, unknown>[]) {
      if (typeof f?.path !== 'string' || typeof f.bytes !== 'number' || typeof f.md5 !== 'string' || typeof f.sha256 !== 'string') return 'has an entry without path, bytes, md5 and sha256';
      out.push({ path: f.path, bytes: f.bytes, md5: f.md5, sha256: f.sha256 });
    }
    return out;
  } catch {
    return 'is not valid JSON';
  }
}

/** Files PROOF/manifest.json (and the signed `files` section) cannot list: they are made after it. */
export function isProofArtifact(rel: string): boolean {
  return rel === PROOF_BUNDLE || rel === PROOF_MANIFEST || CHECKPOINT_RE.test(rel);
}

/** Compares a manifest (the plain PROOF/manifest.json, or the signed one) with the files. */
export function checkManifest(
  manifest: BundleFileEntry[] | string,
  files: Map<string, Uint8Array>,
  volume: string,
  manifestFile: string,
  problems: ProductionProblem[],
  code = 'manifest_mismatch',
): void {
  if (typeof manifest === 'string') {
    problems.push({ code: 'manifest_invalid', message: `The files manifest ${manifest}.`, file: manifestFile });
    return;
  }
  const listed = new Set<string>();
  for (const e of manifest) {
    listed.add(e.path);
    const bytes = files.get(e.path);
    if (!bytes) {
      problems.push({ code: 'missing_file', message: `${e.path} is listed in the files manifest but is not in the volume.`, file: `${volume}/${e.path}` });
      continue;
    }
    if (bytes.length !== e.bytes || md5Hex(bytes) !== e.md5 || sha256Hex(bytes) !== e.sha256) {
      problems.push({ code, message: `${e.path} differs from its entry in ${manifestFile} (size, MD5 or SHA-256): the file was changed.`, file: `${volume}/${e.path}` });
    }
  }
  for (const rel of files.keys()) {
    if (!listed.has(rel) && !isProofArtifact(rel)) problems.push({ code: 'unlisted_file', message: `${rel} is in the volume but not in the files manifest ${manifestFile}.`, file: `${volume}/${rel}` });
  }
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.from(a.buffer, a.byteOffset, a.length).equals(Buffer.from(b.buffer, b.byteOffset, b.length));
}

/** The default reader: the Bates PDF reader, which reads the number actually stamped on each page. */
async function readStampedPdf(bytes: Uint8Array): Promise<PdfPageInfo> {
  if (!(bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46)) throw new Error('it does not start with %PDF');
  const { pages } = await readBatesPdf(bytes);
  return { pageCount: pages.length, bates: pages.map((p) => p.bates) };
}
