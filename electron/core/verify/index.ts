import type { VerifyFormat, VerifyReport } from '../../../shared/api/export-schemas';
import { unreadableReport } from './report';
import { verifyBundleBytes } from './verify-bundle';

/**
 * The one pure verifier: bytes in, VerifyReport out, for every export format. It sniffs
 * the container and dispatches; the PDF and production verifiers unwrap their container,
 * call verifyBundle on the embedded bundle and add their own checks.
 */
export { verifyBundle, verifyBundleBytes, formatBates, BATES_PREFIX_RE, type VerifyBundleOptions } from './verify-bundle';
export { ReportBuilder, unreadableReport, describeWhere, MAX_LISTED } from './report';
export { BUNDLE_FORMAT, BUNDLE_VERSION, BundleSchema, type Bundle, type UnsignedBundle, type BundleMessage, type BundleDocument, type BundleTenant } from './schema';
export { EXPORT_SIGNATURE_TAG, exportSigningMessage, unsignedDigest, messageDigest, keyExportSigner, type ExportSigner } from './signature';

/** A container verifier (verify-pdf.ts, verify-production.ts). */
export type ContainerVerifier = (bytes: Uint8Array) => VerifyReport | Promise<VerifyReport>;

/** Overrides for tests or other builds; by default the PDF and production verifiers load on first need. */
const containers: Partial<Record<'pdf' | 'production', ContainerVerifier>> = {};

/** Lets a container verifier plug in without this module importing it (and its libraries) eagerly. */
export function registerContainerVerifier(format: 'pdf' | 'production', fn: ContainerVerifier): void {
  containers[format] = fn;
}

export function sniffFormat(bytes: Uint8Array): VerifyFormat {
  let i = 0;
  // A UTF-8 BOM or leading whitespace before a JSON bundle is harmless.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  if (bytes[i] === 0x7b) return 'json';
  if (startsWith(bytes, '%PDF-')) return 'pdf';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'production';
  return 'unknown';
}

function startsWith(bytes: Uint8Array, ascii: string): boolean {
  if (bytes.length < ascii.length) return false;
  for (let i = 0; i < ascii.length; i++) if (bytes[i] !== ascii.charCodeAt(i)) return false;
  return true;
}

/** Verifies any export file's bytes. Never throws. */
export async function verifyFile(bytes: Uint8Array): Promise<VerifyReport> {
  try {
    const format = sniffFormat(bytes);
    if (format === 'json') return verifyBundleBytes(bytes.subarray(bytes[0] === 0xef ? 3 : 0));
    if (format === 'unknown') return unreadableReport('unknown', 'This file is not an Ogma export: it is neither a JSON bundle, a PDF nor a production ZIP.');
    const fn = containers[format] ?? (await loadContainerVerifier(format));
    if (!fn) return unreadableReport(format, `This ${format === 'pdf' ? 'PDF' : 'production ZIP'} cannot be verified by this build: its verifier is not installed.`);
    return await fn(bytes);
  } catch (e) {
    return unreadableReport('unknown', `The file could not be verified: ${e instanceof Error ? e.message : String(e)}.`);
  }
}

/** Imports the container verifier modules on first need. */
async function loadContainerVerifier(format: 'pdf' | 'production'): Promise<ContainerVerifier | undefined> {
  if (format === 'pdf') return (await import('./verify-pdf')).verifyPdf;
  return (await import('./verify-production')).verifyProduction;
}
