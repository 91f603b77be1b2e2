/**
 * eDiscovery exports: scope resolution, document assembly (masked by default), proofs,
 * and the signed JSON bundle (docs/export-format.md). The PDF (pdf/) and the production
 * volume (production/) build on the same documents and embed the same bundle. The
 * verifier is electron/core/verify; the use case (roles, records, files) is
 * electron/services/export.ts.
 */
export type { ExportMessage, ExportDocument, BatesPage, BatesOptions, ExportFormat, BundleFileEntry, BundleBates } from './types';
export { resolveScope, describeScope, type ResolvedScope, type ScopedMessage } from './scope';
export { assembleDocuments, checkCancelled, type Assembled, type AssembleOptions } from './assemble';
export { proveDocuments, type Proven, type EvidenceEntry } from './proofs';
export { buildBundle, buildUnsignedBundle, signBundle, signAndSerialize, serializeBundle, type BuildBundleInput, type SignerOf } from './bundle';
