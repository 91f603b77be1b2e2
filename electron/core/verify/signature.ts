import { createHash, hash, sign, type KeyObject } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import type { Bundle, BundleMessage, UnsignedBundle } from './schema';

/**
 * The export signature: what binds an export's own description (scope, masking, index,
 * Bates map, files manifest, document metadata) to the tenant that produced it. The
 * records are bound by the checkpoint signatures; this binds everything else.
 *
 * Signed message (UTF-8):
 *   "ogma/export-signature/v1\n" || keyName || "\n" || hex(SHA-256(JCS(bundle minus "signatures"))) || "\n"
 *
 * Domain separation from checkpoints: a checkpoint's signed body is a C2SP note whose first
 * line is the log origin ("ogma.local/<workspace>/<tenant>") and which has exactly four
 * lines, the last starting "time ". This message starts with a tag that is never an origin
 * and has three lines, so no signature can serve as both.
 */

export const EXPORT_SIGNATURE_TAG = 'ogma/export-signature/v1';

/** Hex SHA-256 of the canonical JSON (RFC 8785) of the bundle without its `signatures`. */
export function unsignedDigest(bundle: UnsignedBundle | Bundle): string {
  const { signatures: _ignored, ...rest } = bundle as Bundle;
  // One-shot over bytes: hashing a large string through Hash#update converts it far more slowly.
  return hash('sha256', Buffer.from(canonicalJson(rest), 'utf8'), 'hex');
}

export function exportSigningMessage(keyName: string, digestHex: string): Buffer {
  return Buffer.from(`${EXPORT_SIGNATURE_TAG}\n${keyName}\n${digestHex}\n`, 'utf8');
}

/** First 32 hex of SHA-256(JCS(message entry)): the index's pointer to one message, for locating damage. */
export function messageDigest(m: BundleMessage): string {
  return createHash('sha256').update(canonicalJson(m), 'utf8').digest('hex').slice(0, 32);
}

/**
 * What may sign an export: only ever the export-signature message for a digest, never
 * arbitrary bytes, so the tenant key that signs checkpoints cannot be made to sign one
 * through this door. The vault hands these out (Vault.exportSigner); tests wrap a raw key.
 */
export interface ExportSigner {
  keyName: string;
  signDigest(digestHex: string): Buffer;
}

export function keyExportSigner(key: { name: string; privateKey: KeyObject }): ExportSigner {
  return {
    keyName: key.name,
    signDigest: (digestHex) => {
      if (!/^[0-9a-f]{64}$/.test(digestHex)) throw new Error('An export signature covers a SHA-256 digest in lowercase hex.');
      return sign(null, exportSigningMessage(key.name, digestHex), key.privateKey);
    },
  };
}
