import { hash } from 'node:crypto';
import { canonicalJson } from '../verify/canonical-json';
import { BUNDLE_FORMAT, BUNDLE_VERSION, type Bundle, type BundleDocument, type BundleTenant, type UnsignedBundle } from '../verify/schema';
import { messageDigest, type ExportSigner } from '../verify/signature';
import type { BundleBates, BundleFileEntry } from './types';
import type { EvidenceEntry } from './proofs';

/**
 * Building, signing and serialising the JSON bundle (docs/export-format.md). The bytes are
 * RFC 8785 canonical JSON, so the same export gives the same bytes, and what the export
 * signature covers is exactly what is written (minus the signatures themselves).
 */

export interface BuildBundleInput {
  export: Omit<UnsignedBundle['export'], 'counts' | 'index'>;
  tenants: BundleTenant[];
  documents: BundleDocument[];
  evidence?: EvidenceEntry[];
  bates?: BundleBates | null;
  files?: BundleFileEntry[] | null;
}

/** What signs the export for each tenant in the bundle (Vault.exportSigner; keyExportSigner in tests). */
export type SignerOf = (tenantId: string) => ExportSigner;

export function buildUnsignedBundle(input: BuildBundleInput): UnsignedBundle {
  const index = input.documents.map((d) => ({ tenantId: d.tenantId, chatId: d.chatId, messages: d.messages.map((m) => [m.id, messageDigest(m)] as [string, string]) }));
  const messages = input.documents.reduce((n, d) => n + d.messages.length, 0);
  return {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    export: { ...input.export, counts: { documents: input.documents.length, messages }, index },
    tenants: input.tenants,
    documents: input.documents,
    evidence: input.evidence ?? [],
    bates: input.bates ? { prefix: input.bates.prefix, digits: input.bates.digits, first: input.bates.first, last: input.bates.last, pages: input.bates.pages.map((p) => ({ page: p.page, bates: p.bates, chatId: p.chatId })) } : null,
    files: input.files ? input.files.map((f) => ({ path: f.path, bytes: f.bytes, md5: f.md5, sha256: f.sha256 })) : null,
  };
}

/** Signs with every tenant's key: Ed25519 over the export signing message (verify/signature.ts). */
export function signBundle(unsigned: UnsignedBundle, signerOf: SignerOf): Bundle {
  return signAndSerialize(unsigned, signerOf).bundle;
}

export function buildBundle(input: BuildBundleInput, signerOf: SignerOf): Bundle {
  return signBundle(buildUnsignedBundle(input), signerOf);
}

/**
 * Signs and serialises in one canonical pass: the canonical text of the unsigned bundle is
 * both what the signature digests and the body of the bytes, with the signatures spliced
 * in where their key sorts ("signatures" falls between "format" and "tenants"). An
 * unescaped `,"tenants":` can only be the top-level key: every quote inside a JSON string
 * is escaped, and no nested object of the format has a "tenants" key.
 */
export function signAndSerialize(unsigned: UnsignedBundle, signerOf: SignerOf): { bundle: Bundle; bytes: Uint8Array } {
  const { signatures: _none, ...rest } = unsigned as Bundle;
  const body = canonicalJson(rest);
  const bodyBytes = Buffer.from(body, 'utf8');
  const digest = hash('sha256', bodyBytes, 'hex');
  const signatures = unsigned.tenants.map((t) => {
    const signer = signerOf(t.tenantId);
    if (signer.keyName !== t.keyName) throw new Error(`Tenant ${t.tenantId} is described with key "${t.keyName}" but its signer holds "${signer.keyName}".`);
    return { tenantId: t.tenantId, keyName: t.keyName, signature: signer.signDigest(digest).toString('base64') };
  });
  return { bundle: { ...rest, signatures }, bytes: splice(bodyBytes, signatures) };
}

/** The bundle's bytes: canonical JSON (RFC 8785) as UTF-8, so the same bundle always gives the same bytes. */
export function serializeBundle(bundle: Bundle): Uint8Array {
  const { signatures, ...rest } = bundle;
  return splice(Buffer.from(canonicalJson(rest), 'utf8'), signatures);
}

const TENANTS_KEY = Buffer.from(',"tenants":', 'utf8');

function splice(body: Buffer, signatures: Bundle['signatures']): Uint8Array {
  const at = body.indexOf(TENANTS_KEY);
  if (at < 0) throw new Error('A bundle always has a tenants section.');
  return Buffer.concat([body.subarray(0, at), Buffer.from(`,"signatures":${canonicalJson(signatures)}`, 'utf8'), body.subarray(at)]);
}
