import { createHash } from 'node:crypto';
import type { jsPDF } from 'jspdf';

/**
 * Embeds one file in the PDF the standard way (PDF 32000 7.11.4, embedded file streams;
 * 7.7.4 the EmbeddedFiles name tree), so any viewer lists it as an attachment and the
 * verifier can take the bundle back out of the PDF alone.
 *
 * jsPDF has no attachment API, but it publishes events while it writes the file:
 * "postPutResources" (after the fonts and images: new objects may be written here) and
 * "putCatalog" (inside the document catalog dictionary). The stream and its file
 * specification are written in the first, the catalog's /Names entry in the second.
 */

interface JsPdfInternal {
  events: { subscribe(topic: string, fn: () => void): unknown };
  newObject(): number;
  out(s: string): void;
  putStream(options: { data: string; filters?: string[] | boolean; objectId?: number; additionalKeyValues?: { key: string; value: string | number }[] }): void;
}

export interface Attachment {
  filename: string;
  bytes: Uint8Array;
  /** Shown by viewers next to the file name. */
  description?: string;
  mimeType?: string;
}

export function embedAttachment(doc: jsPDF, file: Attachment): void {
  const internal = (doc as unknown as { internal: JsPdfInternal }).internal;
  let filespec = 0;
  internal.events.subscribe('postPutResources', () => {
    const stream = internal.newObject();
    const md5 = createHash('md5').update(file.bytes).digest('hex');
    internal.putStream({
      data: Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength).toString('latin1'),
      filters: ['FlateEncode'],
      objectId: stream,
      additionalKeyValues: [
        { key: 'Type', value: '/EmbeddedFile' },
        { key: 'Subtype', value: pdfName(file.mimeType ?? 'application/json') },
        { key: 'Params', value: `<< /Size ${file.bytes.byteLength} /CheckSum <${md5}> >>` },
      ],
    });
    internal.out('endobj');
    filespec = internal.newObject();
    const desc = file.description ? ` /Desc ${textString(file.description)}` : '';
    internal.out(`<< /Type /Filespec /F ${asciiString(file.filename)} /UF ${textString(file.filename)} /EF << /F ${stream} 0 R >> /AFRelationship /Data${desc} >>`);
    internal.out('endobj');
  });
  internal.events.subscribe('putCatalog', () => {
    internal.out(`/Names << /EmbeddedFiles << /Names [${textString(file.filename)} ${filespec} 0 R] >> >>`);
    internal.out('/PageMode /UseAttachments');
  });
}

/** A PDF name with the characters that may not stand bare written as #xx ('application/json' -> /application#2Fjson). */
function pdfName(s: string): string {
  return '/' + [...Buffer.from(s, 'utf8')].map((b) => (b > 0x20 && b < 0x7f && !'#/()<>[]{}%'.includes(String.fromCharCode(b)) ? String.fromCharCode(b) : `#${b.toString(16).padStart(2, '0')}`)).join('');
}

/** A text string as UTF-16BE with a byte-order mark, in hex: any script, no escaping. */
function textString(s: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < s.length; i++) hex += s.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

/** The legacy /F name: ASCII only, others as '_'. */
function asciiString(s: string): string {
  return `(${s.replace(/[^\x20-\x7e]/g, '_').replace(/[\\()]/g, (c) => `\\${c}`)})`;
}
