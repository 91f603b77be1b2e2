import { OgmaError } from '../../shared/api/errors';
import { renderBatesPdf } from '../core/export/pdf';
import { writeReleasableVolume } from '../core/export/production';
import type { BatesPage } from '../core/export/types';
import type { FormatWriter } from './export';

/**
 * The container formats, as the export service drives them: each renders the documents,
 * hands the service the Bates map (and the files manifest) so the signed bundle records
 * them, and returns the container bytes with the bundle it carries.
 */

/** Bates PDF: transcripts, a certification page, the bundle attached (docs/export-pdf.md). */
export const pdfWriter: FormatWriter = async (ctx) => {
  let bundle: Uint8Array | null = null;
  const out = await renderBatesPdf({
    documents: ctx.documents,
    bates: ctx.bates,
    legend: ctx.legend,
    certification: { lines: ctx.certificationLines },
    attachment: (pages: BatesPage[]) => {
      if (pages.length === 0) throw new OgmaError('INTERNAL', 'The PDF renderer produced no pages.');
      bundle = ctx.bundleFor({
        bates: { prefix: ctx.bates.prefix, digits: ctx.bates.digits, first: pages[0]!.bates, last: pages[pages.length - 1]!.bates, pages },
        files: null,
      });
      return { filename: 'ogma-export-bundle.json', bytes: bundle };
    },
    onProgress: ctx.onProgress,
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  });
  if (!bundle) throw new OgmaError('INTERNAL', 'The PDF was rendered without its bundle; it was not written.');
  return { bytes: out.bytes, bundle, bates: { first: out.firstBates, last: out.lastBates } };
};

/** Production volume (ZIP), validated before it is released (docs/export-production.md). */
export const productionWriter: FormatWriter = (ctx) => writeReleasableVolume(ctx);
