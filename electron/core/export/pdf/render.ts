import { jsPDF } from 'jspdf';
import type { BatesOptions, BatesPage, ExportDocument, ExportMessage } from '../types';
import { embedAttachment, type Attachment } from './attachment';
import { batesAt, validateBates } from './bates';
import { installFastFlate } from './flate';
import { facesNeeded } from './fonts';
import { GlyphSet } from './glyphs';
import { BODY_BOTTOM, BODY_TOP, CONTENT_WIDTH, PAGE, PageCanvas, type Fonts, type PageHeader } from './page';
import { TextLayout } from './text';

export interface RenderBatesPdfInput {
  /** One transcript per document, in this order; each starts on a new page. */
  documents: ExportDocument[];
  bates: Omit<BatesOptions, 'digits'> & { digits?: number };
  /** The confidentiality legend printed on every page, e.g. "CONFIDENTIAL - SUBJECT TO PROTECTIVE ORDER". */
  legend: string;
  /**
   * The certification page(s) closing the PDF: the checkpoint(s), the key fingerprint(s)
   * and how to verify, one paragraph per line. null: no certification page (a production
   * volume's per-document image, whose certification lives in the volume's PROOF/).
   */
  certification: { title?: string; lines: string[] } | null;
  /**
   * Called once the page map is final, before anything is embedded: returns the file to
   * attach (the JSON bundle, which records this very map) or null for none.
   */
  attachment: (pages: BatesPage[]) => { filename: string; bytes: Uint8Array; description?: string } | null;
  /** Messages laid out so far, of the total. */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export interface RenderBatesPdfResult {
  bytes: Uint8Array;
  pages: BatesPage[];
  firstBates: string;
  lastBates: string;
}

const TEXT_SIZE = 10;
const LEADING = 13.5;
const META_SIZE = 8.5;
const META_LEADING = 12;
const MESSAGE_GAP = 9;
/** Yield to the event loop this often, so an abort (or a UI event) gets through a long render. */
const YIELD_EVERY_PAGES = 25;

/**
 * Renders transcripts to a Bates-numbered PDF: every page carries the legend and the next
 * Bates number, a document starts on a new page, a certification page closes the PDF,
 * and the attachment (the JSON bundle) is embedded so the PDF alone verifies.
 * Throws BatesOptionsError for a bad prefix/start/width before any work is done, and the
 * signal's reason when aborted.
 */
export async function renderBatesPdf(input: RenderBatesPdfInput): Promise<RenderBatesPdfResult> {
  const bates = validateBates(input.bates);
  input.signal?.throwIfAborted();
  installFastFlate();

  const doc = new jsPDF({ unit: 'pt', format: 'letter', compress: true });
  const glyphs = new GlyphSet(doc, facesNeeded(codePointsOf(input)));
  const layout = new TextLayout(doc, glyphs);
  const fonts = stampFonts(doc);

  const pages: BatesPage[] = [];
  let canvas: PageCanvas | null = null;
  let header: PageHeader | null = null;
  let y = BODY_TOP;
  let sinceYield = 0;

  const finishPage = () => {
    if (!canvas) return;
    canvas.footer(input.legend, pages[pages.length - 1]!.bates);
    canvas.flush(doc);
    canvas = null;
  };
  const newPage = async (chatId: string | null, h: PageHeader) => {
    finishPage();
    if (pages.length > 0) doc.addPage();
    pages.push({ page: pages.length + 1, bates: batesAt(bates, pages.length), chatId });
    canvas = new PageCanvas(layout, fonts);
    header = h;
    canvas.header(h);
    y = BODY_TOP;
    if (++sinceYield >= YIELD_EVERY_PAGES) {
      sinceYield = 0;
      await new Promise((resolve) => setImmediate(resolve));
      input.signal?.throwIfAborted();
    }
  };
  /** Room for `height` more points of body on this page, else a continuation page. */
  const ensure = async (height: number, chatId: string | null) => {
    if (y - height < BODY_BOTTOM) await newPage(chatId, header!);
  };

  const total = input.documents.reduce((s, d) => s + d.messages.length, 0);
  let done = 0;
  input.onProgress?.(0, total);
  for (const d of input.documents) {
    input.signal?.throwIfAborted();
    await newPage(d.chatId, documentHeader(d));
    canvas!.line(`${d.messages.length} message${d.messages.length === 1 ? '' : 's'} · chat created ${formatTime(d.createdAt)}${d.deletedAtSource ? ' · deleted at the source' : ''}`, false, PAGE.left, y, META_SIZE, { grey: true });
    y -= META_LEADING + MESSAGE_GAP;
    if (d.messages.length === 0) canvas!.line('(This chat has no messages in the export.)', false, PAGE.left, y, TEXT_SIZE, { grey: true });
    for (const m of d.messages) {
      const lines = layout.wrap(m.text === '' ? ' ' : m.text, TEXT_SIZE, CONTENT_WIDTH);
      // Keep the meta line with at least the first line of text.
      await ensure(META_LEADING + LEADING, d.chatId);
      const meta = metaLine(m);
      canvas!.fitted(meta, PAGE.left, y, META_SIZE, CONTENT_WIDTH, { weight: 'bold', grey: true });
      y -= META_LEADING;
      for (const l of lines) {
        if (y < BODY_BOTTOM) {
          await newPage(d.chatId, header!);
          canvas!.fitted(`${meta} (continued)`, PAGE.left, y, META_SIZE, CONTENT_WIDTH, { weight: 'bold', grey: true });
          y -= META_LEADING;
        }
        canvas!.line(l.text, l.rtl, PAGE.left, y, TEXT_SIZE);
        y -= LEADING;
      }
      y -= MESSAGE_GAP;
      done++;
      if (done % 200 === 0) input.onProgress?.(done, total);
    }
    input.onProgress?.(done, total);
  }

  if (input.certification) await certificationPages(input.certification, input.documents.length, pages.length, bates);

  finishPage();
  input.signal?.throwIfAborted();
  const file = input.attachment(pages.map((p) => ({ ...p })));
  if (file) embedAttachment(doc, { ...file, mimeType: 'application/json' } satisfies Attachment);
  const bytes = fixCidSystemInfo(new Uint8Array(doc.output('arraybuffer')));
  return { bytes, pages, firstBates: pages[0]!.bates, lastBates: pages[pages.length - 1]!.bates };

  /** The closing page(s): the range they complete, then the caller's lines. */
  async function certificationPages(cert: { title?: string; lines: string[] }, docCount: number, pagesBefore: number, b: BatesOptions) {
    const intro = (last: string) => `This PDF holds ${docCount} transcript${docCount === 1 ? '' : 's'} on ${pagesBefore} page${pagesBefore === 1 ? '' : 's'}, followed by this certification. Every page is numbered ${batesAt(b, 0)} through ${last} without gaps.`;
    const paragraphs = cert.lines.map((l) => layout.wrap(l, TEXT_SIZE, CONTENT_WIDTH));
    // How many pages the certification takes decides the last Bates number it states:
    // run the same placement without drawing (the intro's length does not depend on it, as
    // every number has the same width).
    const all = [layout.wrap(intro(batesAt(b, pagesBefore)), TEXT_SIZE, CONTENT_WIDTH), ...paragraphs];
    let certPages = 1;
    let cy = BODY_TOP;
    for (const para of all) {
      for (let i = 0; i < para.length; i++) {
        if (cy - LEADING < BODY_BOTTOM) { certPages++; cy = BODY_TOP; }
        cy -= LEADING;
      }
      cy -= LEADING / 2;
    }
    const last = batesAt(b, pagesBefore + certPages - 1);
    const h: PageHeader = { title: cert.title ?? 'Certification', subtitle: `Bates ${batesAt(b, 0)} to ${last} · ${pagesBefore + certPages} pages · ${docCount} document${docCount === 1 ? '' : 's'}` };
    await newPage(null, h);
    for (const para of [layout.wrap(intro(last), TEXT_SIZE, CONTENT_WIDTH), ...paragraphs]) {
      for (const l of para) {
        await ensure(LEADING, null);
        canvas!.line(l.text, l.rtl, PAGE.left, y, TEXT_SIZE);
        y -= LEADING;
      }
      y -= LEADING / 2;
    }
  }
}

function documentHeader(d: ExportDocument): PageHeader {
  const org = d.orgName ?? d.orgId;
  return { title: d.title && d.title.trim() !== '' ? d.title : `Chat ${d.chatId}`, subtitle: `Custodian: ${d.custodian} · Organisation: ${org} · Chat ${d.chatId}` };
}

function metaLine(m: ExportMessage): string {
  const parts = [m.role.toUpperCase(), formatTime(m.createdAt)];
  if (m.model) parts.push(m.model);
  parts.push(`message ${m.id}`, `record #${m.recordSeq}`);
  if (m.masked) parts.push(`PII masked${m.maskedKinds.length ? `: ${m.maskedKinds.join(', ')}` : ''}`);
  return parts.join(' · ');
}

/** "2024-05-01 13:04:05 UTC" from RFC 3339; anything unparsable is shown as given. */
function formatTime(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  return `${new Date(t).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

function stampFonts(doc: jsPDF): Fonts {
  const internal = (doc as unknown as { internal: { getFont(f: string, s: string): { id: string } } }).internal;
  const id = internal.getFont('helvetica', 'bold').id;
  return {
    stamp: id,
    stampWidth: (text, size) => {
      const prev = doc.getFont();
      doc.setFont('helvetica', 'bold');
      const w = doc.getStringUnitWidth(text) * size;
      doc.setFont(prev.fontName, prev.fontStyle);
      return w;
    },
  };
}

/** Every code point the PDF will draw, to decide which fonts to embed. */
function codePointsOf(input: RenderBatesPdfInput): Set<number> {
  const seen = new Set<number>();
  const add = (s: string | null) => {
    if (!s) return;
    for (let i = 0; i < s.length; i++) {
      const c = s.codePointAt(i)!;
      if (c > 0xffff) i++;
      if (c >= 0x80) seen.add(c);
    }
  };
  add(input.legend);
  for (const l of input.certification?.lines ?? []) add(l);
  add(input.certification?.title ?? null);
  for (const d of input.documents) {
    add(d.title);
    add(d.custodian);
    add(d.orgName);
    add(d.chatId);
    for (const m of d.messages) {
      add(m.text);
      add(m.model);
    }
  }
  return seen;
}

/**
 * jsPDF names the character collection of its Identity-H fonts "Identity-H", which is the
 * encoding, not a collection (PDF 32000 9.7.3 wants Ordering "Identity"); strict readers
 * warn. Rewritten in place with the same byte length, so no offset moves.
 */
function fixCidSystemInfo(bytes: Uint8Array): Uint8Array {
  const from = Buffer.from('/Ordering (Identity-H)');
  const to = Buffer.from('/Ordering (Identity)  ');
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = buf.indexOf(from);
  while (at !== -1) {
    to.copy(buf, at);
    at = buf.indexOf(from, at + from.length);
  }
  return bytes;
}
