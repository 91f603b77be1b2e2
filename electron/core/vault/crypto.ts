import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, scrypt } from 'node:crypto';
import { OgmaError, type ErrorWhere } from '../../../shared/api/errors';

/**
 * The vault's symmetric primitives, in one place so every sealed thing on disk has the
 * same shape: AES-256-GCM, a fresh 12-byte nonce per seal, and associated data that names
 * what the ciphertext belongs to (so a sealed value moved elsewhere fails to open).
 *
 * Sealed layout: version (1 byte, 0x01) | nonce (12) | ciphertext | tag (16).
 */

export const KEY_BYTES = 32;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const SEAL_VERSION = 0x01;
const SEAL_OVERHEAD = 1 + NONCE_BYTES + TAG_BYTES;

/** Where randomness comes from; injected so tests can count or vary it, never to weaken it. */
export type RandomSource = (bytes: number) => Buffer;
export const systemRandom: RandomSource = (n) => randomBytes(n);

export function randomKey(random: RandomSource = systemRandom): Buffer {
  const k = random(KEY_BYTES);
  if (k.length !== KEY_BYTES) throw new OgmaError('INTERNAL', `The random source returned ${k.length} bytes where ${KEY_BYTES} were asked for.`);
  return k;
}

/** HKDF-SHA256 of a high-entropy key into a purpose-bound subkey (`info` names the purpose). */
export function deriveKey(ikm: Buffer, info: string, length = KEY_BYTES): Buffer {
  return Buffer.from(hkdfSync('sha256', ikm, Buffer.alloc(0), Buffer.from(info, 'utf8'), length));
}

/**
 * Associated data from named parts, each length-prefixed so ('ab','c') and ('a','bc')
 * differ. The first part is a domain tag such as 'ogma/blob/v1'.
 */
export function aad(...parts: string[]): Buffer {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const b = Buffer.from(p, 'utf8');
    const len = Buffer.alloc(4);
    len.writeUInt32BE(b.length);
    chunks.push(len, b);
  }
  return Buffer.concat(chunks);
}

export function seal(key: Buffer, plaintext: Buffer, associated: Buffer, random: RandomSource = systemRandom): Buffer {
  const nonce = random(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(associated);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.from([SEAL_VERSION]), nonce, body, cipher.getAuthTag()]);
}

/**
 * Opens what `seal` produced. Any mismatch (wrong key, edited bytes, wrong associated
 * data, i.e. a value moved from where it belongs) is TAMPERED naming `what`.
 */
export function open(key: Buffer, sealed: Buffer, associated: Buffer, what: string, where?: ErrorWhere): Buffer {
  if (sealed.length < SEAL_OVERHEAD || sealed[0] !== SEAL_VERSION) {
    throw new OgmaError('TAMPERED', `${what} is not a sealed value of this vault (wrong length or version byte): it was damaged or replaced.`, where);
  }
  const nonce = sealed.subarray(1, 1 + NONCE_BYTES);
  const tag = sealed.subarray(sealed.length - TAG_BYTES);
  const body = sealed.subarray(1 + NONCE_BYTES, sealed.length - TAG_BYTES);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, nonce);
    decipher.setAAD(associated);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]);
  } catch {
    throw new OgmaError('TAMPERED', `${what} failed its integrity check: it was edited, damaged, or moved from where it belongs.`, where);
  }
}

/** Overwrite key material or plaintext we no longer need. (Strings cannot be wiped; keep secrets in Buffers.) */
export function wipe(...buffers: (Buffer | null | undefined)[]): void {
  for (const b of buffers) if (b) b.fill(0);
}

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** Default cost: N=2^17, r=8 (128 MiB, about 0.3-0.5 s on a laptop). Tests pass a small N. */
export const DEFAULT_SCRYPT: ScryptParams = { N: 1 << 17, r: 8, p: 1 };

export function checkScryptParams(params: ScryptParams): void {
  const { N, r, p } = params;
  const powerOfTwo = Number.isSafeInteger(N) && N >= 2 && (N & (N - 1)) === 0;
  if (!powerOfTwo || N > 1 << 22 || !Number.isSafeInteger(r) || r < 1 || r > 32 || !Number.isSafeInteger(p) || p < 1 || p > 16) {
    throw new OgmaError('VALIDATION_FAILED', `scrypt parameters N=${N}, r=${r}, p=${p} are out of range: N must be a power of two up to 2^22, r 1..32, p 1..16.`, { field: 'kdf' });
  }
}

/** Key-encryption key from a passphrase. */
export async function passphraseKek(passphrase: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  checkScryptParams(params);
  const maxmem = 128 * params.N * params.r * params.p + 32 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), salt, KEY_BYTES, { N: params.N, r: params.r, p: params.p, maxmem }, (err, key) => {
      if (err) reject(new OgmaError('INTERNAL', `Deriving the key from the passphrase failed: ${err.message}.`));
      else resolve(key);
    });
  });
}
