import { OgmaError } from '../../../../shared/api/errors';
import type { BatesOptions, BundleBates, BundleFileEntry, ExportDocument } from '../types';
import { documentPdfRenderer, type RenderBatesPdfLike } from './render-adapter';
import { validateProductionVolume, type ProductionProblem, type ReadPdf } from './validate';
import { writeProductionVolume, type RenderDocumentPdf } from './write';

/**
 * The production writer as the export service calls it (its FormatWriter shape): write the
 * volume, then run the validator over the finished ZIP and refuse to hand back a volume
 * that fails it. Nothing is released that the receiving party's checks would reject.
 */
export interface ReleaseContext {
  documents: ExportDocument[];
  bates: BatesOptions;
  /** Confidentiality legend: stamped on every image page and written to the DAT's CONFIDENTIALITY. */
  legend: string;
  producedAt: string;
  /** Builds and serializes the signed bundle with these sections. */
  bundleFor: (sections: { bates: BundleBates | null; files: BundleFileEntry[] | null }) => Uint8Array;
  onProgress: (done: number, total: number) => void;
  signal?: AbortSignal;
  volume?: string;
  /** For tests: another image renderer or PDF reader. */
  renderDocumentPdf?: RenderDocumentPdf;
  renderBatesPdf?: RenderBatesPdfLike;
  readPdf?: ReadPdf;
}

export async function writeReleasableVolume(ctx: ReleaseContext): Promise<{ bytes: Uint8Array; bundle: Uint8Array; bates: { first: string; last: string } }> {
  const vol = await writeProductionVolume({
    documents: ctx.documents,
    bates: ctx.bates,
    ...(ctx.volume ? { volume: ctx.volume } : {}),
    confidentiality: ctx.legend,
    producedAt: ctx.producedAt,
    renderDocumentPdf: ctx.renderDocumentPdf ?? documentPdfRenderer({ legend: ctx.legend, ...(ctx.renderBatesPdf ? { render: ctx.renderBatesPdf } : {}) }),
    buildProof: ({ files, bates }) => ctx.bundleFor({ bates, files }),
    onProgress: ctx.onProgress,
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  });
  if (ctx.signal?.aborted) throw new OgmaError('CANCELLED', 'The production export was cancelled; nothing was written.');
  const check = await validateProductionVolume(vol.zip, ctx.readPdf ? { readPdf: ctx.readPdf } : {});
  if (!check.ok) {
    throw new OgmaError(
      'INTERNAL',
      `The production volume failed its release check, so it was not written (${check.problems.length} problem(s)): ${check.problems.slice(0, 3).map(describeProblem).join('; ')}.`,
      check.problems[0]?.file ? { path: check.problems[0].file } : undefined,
    );
  }
  return { bytes: vol.zip, bundle: vol.bundle, bates: { first: vol.firstBates, last: vol.lastBates } };
}

export function describeProblem(p: ProductionProblem): string {
  const at = [p.file, p.line !== undefined ? `line ${p.line}` : null, p.field, p.bates].filter(Boolean).join(', ');
  return at ? `${p.message} (${at})` : p.message;
}
