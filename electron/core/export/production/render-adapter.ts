import { renderBatesPdf } from '../pdf';
import type { BatesOptions, BatesPage, ExportDocument } from '../types';
import type { RenderDocumentPdf } from './write';

/** The shape of renderBatesPdf this adapter uses (a parameter, so tests can hand in another). */
export type RenderBatesPdfLike = (input: {
  documents: ExportDocument[];
  bates: BatesOptions;
  legend: string;
  certification: { lines: string[] } | null;
  attachment: (pages: BatesPage[]) => { filename: string; bytes: Uint8Array } | null;
  signal?: AbortSignal;
}) => Promise<{ bytes: Uint8Array; pages: BatesPage[] }>;

/**
 * Adapts the Bates PDF renderer to the one-document-at-a-time form the volume writer needs.
 * Each document's image gets the legend, the headers and the Bates stamps, but neither a
 * certification page nor an embedded bundle: the volume's proof lives once, in PROOF/.
 */
export function documentPdfRenderer(opts: { legend: string; render?: RenderBatesPdfLike }): RenderDocumentPdf {
  const render = opts.render ?? renderBatesPdf;
  return async (doc, bates, signal) => {
    const out = await render({ documents: [doc], bates, legend: opts.legend, certification: null, attachment: () => null, ...(signal ? { signal } : {}) });
    return { bytes: out.bytes, pages: out.pages };
  };
}
