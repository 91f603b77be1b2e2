import { createHash } from 'node:crypto';
import { canonicalize, type JsonValue } from '../chain';

/**
 * Vendor objects (activities, buckets, audit events) are kept as RFC 8785 canonical JSON
 * and attested in the chain by a SHA-256 of exactly those bytes, so a stored row can be
 * checked against its record and a changed bucket is recognised by its digest alone.
 * These are metadata, never message text (which only ever gets a salted commitment).
 */
export interface Canonical {
  json: string;
  digest: string;
}

export function canonicalOf(value: unknown): Canonical {
  // Through JSON first: drops `undefined` members the way the wire format never had them.
  const plain = JSON.parse(JSON.stringify(value ?? null)) as JsonValue;
  const json = canonicalize(plain);
  return { json, digest: createHash('sha256').update(json, 'utf8').digest('hex') };
}
