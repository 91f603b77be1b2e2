import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRawStream,
  PDFStream,
  PDFString,
  type PDFObject,
} from 'pdf-lib';
import { findStamps } from './stamp';

/**
 * Reads back what the verifier needs from a Bates PDF: the embedded files, and for each
 * page the Bates number stamped on it. Works on any PDF a tool may have rewritten
 * (object streams, cross-reference streams, incremental updates), since pdf-lib parses the
 * file in full; it does not trust a page map kept anywhere but in the page content.
 */

export interface ReadAttachment {
  filename: string;
  bytes: Uint8Array;
}

export interface ReadPage {
  /** 1-based, in page-tree order. */
  page: number;
  /** The Bates stamp drawn on the page, or null when the page has none (or several that disagree). */
  bates: string | null;
  /** Every stamp found on the page (normally exactly one). */
  stamps: string[];
}

export interface ReadBatesPdfResult {
  attachments: ReadAttachment[];
  pages: ReadPage[];
}

export class UnreadablePdfError extends Error {
  readonly code = 'pdf_unreadable';
  constructor(message: string) {
    super(message);
    this.name = 'UnreadablePdfError';
  }
}

export async function readBatesPdf(bytes: Uint8Array): Promise<ReadBatesPdfResult> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false });
  } catch (e) {
    throw new UnreadablePdfError(`The PDF could not be parsed: ${e instanceof Error ? e.message : String(e)}`);
  }
  let pdfPages;
  try {
    pdfPages = doc.getPages();
  } catch (e) {
    throw new UnreadablePdfError(`The PDF's page tree is broken: ${e instanceof Error ? e.message : String(e)}`);
  }
  const pages: ReadPage[] = pdfPages.map((p, i) => {
    const stamps = findStamps(pageContent(doc, p.node.get(PDFName.of('Contents'))));
    const distinct = [...new Set(stamps)];
    return { page: i + 1, bates: distinct.length === 1 ? distinct[0]! : null, stamps };
  });
  return { attachments: readAttachments(doc), pages };
}

/** The page's content streams, decoded and joined, as latin1 text (operators are ASCII). */
function pageContent(doc: PDFDocument, contents: PDFObject | undefined): string {
  const resolved = contents === undefined ? undefined : doc.context.lookup(contents);
  const streams = resolved instanceof PDFArray ? resolved.asArray().map((o) => doc.context.lookup(o)) : [resolved];
  let text = '';
  for (const s of streams) {
    const data = streamBytes(s);
    if (data) text += Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('latin1') + '\n';
  }
  return text;
}

function streamBytes(s: PDFObject | undefined): Uint8Array | null {
  if (s instanceof PDFRawStream) {
    try {
      return decodePDFRawStream(s).decode();
    } catch {
      return null; // a stream in a filter we cannot decode has no stamp we can read
    }
  }
  if (s instanceof PDFStream) return s.getContents();
  return null;
}

function readAttachments(doc: PDFDocument): ReadAttachment[] {
  const names = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  const tree = names?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict);
  if (!tree) return [];
  const out: ReadAttachment[] = [];
  const seen = new Set<PDFDict>();
  const walk = (node: PDFDict, depth: number) => {
    if (depth > 32 || seen.has(node)) return; // a name tree cannot be deeper; a loop is malice
    seen.add(node);
    const pairs = node.lookupMaybe(PDFName.of('Names'), PDFArray);
    if (pairs) {
      for (let i = 0; i + 1 < pairs.size(); i += 2) {
        const spec = doc.context.lookup(pairs.get(i + 1));
        if (spec instanceof PDFDict) {
          const file = readFilespec(doc, spec, pairs.get(i));
          if (file) out.push(file);
        }
      }
    }
    const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
    if (kids) for (const k of kids.asArray()) {
      const kid = doc.context.lookup(k);
      if (kid instanceof PDFDict) walk(kid, depth + 1);
    }
  };
  walk(tree, 0);
  return out;
}

function readFilespec(doc: PDFDocument, spec: PDFDict, key: PDFObject): ReadAttachment | null {
  const ef = spec.lookupMaybe(PDFName.of('EF'), PDFDict);
  const stream = ef ? doc.context.lookup(ef.get(PDFName.of('UF')) ?? ef.get(PDFName.of('F'))) : undefined;
  const bytes = streamBytes(stream);
  if (!bytes) return null;
  const name = text(spec.get(PDFName.of('UF'))) ?? text(spec.get(PDFName.of('F'))) ?? text(key) ?? 'attachment';
  return { filename: name, bytes };
}

function text(o: PDFObject | undefined): string | null {
  if (o instanceof PDFString || o instanceof PDFHexString) return o.decodeText();
  return null;
}
