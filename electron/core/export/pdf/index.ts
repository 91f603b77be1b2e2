/**
 * The Bates-numbered PDF export: transcripts with a Bates number and a legend on every
 * page, a certification page, and the JSON bundle embedded so the PDF alone verifies.
 * Layout, fonts and the stamp format are described in docs/export-pdf.md.
 */
export { renderBatesPdf, type RenderBatesPdfInput, type RenderBatesPdfResult } from './render';
export { readBatesPdf, UnreadablePdfError, type ReadBatesPdfResult, type ReadPage, type ReadAttachment } from './read';
export { validateBates, batesAt, parseBates, BatesOptionsError, DEFAULT_BATES_DIGITS } from './bates';
export { BATES_TAG } from './stamp';
