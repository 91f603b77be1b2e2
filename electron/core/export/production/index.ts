/**
 * Production volumes (ZIP) for Relativity and other review platforms: Concordance DAT,
 * Opticon OPT, Bates-stamped PDF images, extracted text, native JSON, and PROOF/ with the
 * signed evidence bundle. See docs/export-production.md.
 */
export { writeProductionVolume, type ProductionVolumeInput, type ProductionVolume, type RenderDocumentPdf, type BuildProof } from './write';
export {
  validateProductionVolume,
  inspectProductionVolume,
  type ProductionProblem,
  type ProductionValidation,
  type ValidatedVolume,
  type ValidateOptions,
  type ReadPdf,
  type PdfPageInfo,
} from './validate';
export { DAT_FIELDS, type DatField } from './fields';
export { parseDat, writeDat, escapeDatValue, DAT_QUOTE, DAT_SEPARATOR, DAT_NEWLINE } from './dat';
export { parseOpt, writeOpt, type OptLine } from './opt';
export { formatBates, parseBates, isNextBates, checkBatesOptions } from './bates';
export { documentText } from './text';
export { openVolume, isZip } from './volume';
export { documentPdfRenderer, type RenderBatesPdfLike } from './render-adapter';
export { writeReleasableVolume, describeProblem, type ReleaseContext } from './release';
