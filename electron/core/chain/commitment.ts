import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { OgmaError } from '../../../shared/api/errors';

/**
 * Salted text commitments. A bare SHA-256 of plaintext is a confirmation oracle (anyone
 * can hash a guess and compare); here the salt comes from the data subject's key, so:
 * - an auditor given the exported salt can recompute the commitment from exported text;
 * - once the subject key is destroyed (erasure), the salt cannot be rederived and nothing
 *   left in the chain can confirm a guess of the erased text.
 *
 * Text is hashed as UTF-8 exactly as Buffer.from(text, 'utf8') encodes it (a lone
 * surrogate becomes U+FFFD), which is also how the vault stores the text it encrypts.
 */

const SALT_TAG = 'ogma/salt/v1\n';
const COMMIT_TAG = Buffer.from('ogma/commit/v1\n', 'utf8');
const SALT_SIZE = 32;
const MIN_SUBJECT_KEY = 16;

/** HMAC-SHA256(subjectKey, 'ogma/salt/v1\n' + messageId). */
export function messageSalt(subjectKey: Uint8Array, messageId: string): Buffer {
  if (!(subjectKey instanceof Uint8Array) || subjectKey.length < MIN_SUBJECT_KEY) {
    throw new OgmaError('VALIDATION_FAILED', `A subject key must be at least ${MIN_SUBJECT_KEY} bytes of key material.`);
  }
  if (typeof messageId !== 'string' || messageId.length === 0) {
    throw new OgmaError('VALIDATION_FAILED', 'A message id is needed to derive its commitment salt.');
  }
  return createHmac('sha256', subjectKey).update(SALT_TAG + messageId, 'utf8').digest();
}

/** Lowercase hex SHA-256('ogma/commit/v1\n' || salt || utf8(text)). */
export function textCommitment(salt: Uint8Array, text: string): string {
  checkSalt(salt);
  if (typeof text !== 'string') throw new OgmaError('VALIDATION_FAILED', 'Only text can be committed to.');
  return createHash('sha256').update(COMMIT_TAG).update(salt).update(text, 'utf8').digest('hex');
}

/** Whether `text` under `salt` gives `commitment`; compared in constant time. Malformed commitments are simply false. */
export function checkCommitment(salt: Uint8Array, text: string, commitment: string): boolean {
  checkSalt(salt);
  if (typeof commitment !== 'string' || !/^[0-9a-f]{64}$/.test(commitment)) return false;
  const expected = Buffer.from(textCommitment(salt, text), 'hex');
  return timingSafeEqual(expected, Buffer.from(commitment, 'hex'));
}

function checkSalt(salt: Uint8Array): void {
  if (!(salt instanceof Uint8Array) || salt.length !== SALT_SIZE) {
    throw new OgmaError('VALIDATION_FAILED', `A commitment salt is ${SALT_SIZE} bytes (from messageSalt).`);
  }
}
