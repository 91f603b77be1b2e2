import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, randomFillSync, scrypt } from 'node:crypto';
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

/*
 * The system CSPRNG, pooled. Each call into OpenSSL's generator costs several
 * microseconds whatever the size (a nonce per sealed message made it the largest single
 * cost of capture), so small requests are served from a pool filled by one
 * randomFillSync call: consecutive slices of one CSPRNG output are as unpredictable and
 * as independent as separate calls. Every byte is handed out once: the pool only moves
 * forward, the slice is copied into a fresh Buffer of its own and zeroed in the pool at
 * once (so a key drawn from it lingers nowhere else), and an exhausted pool is refilled
 * as a whole. Large requests go straight to randomBytes.
 */
const POOL_BYTES = 4096;
const POOLED_MAX = 64;
let pool: Buffer | null = null;
let poolOffset = POOL_BYTES;

/** Writes `n` (at most POOLED_MAX) fresh CSPRNG bytes into `target` at `offset`. */
function fillFromPool(target: Buffer, offset: number, n: number): void {
  if (poolOffset + n > POOL_BYTES) {
    pool ??= Buffer.allocUnsafeSlow(POOL_BYTES);
    randomFillSync(pool);
    poolOffset = 0;
  }
  pool!.copy(target, offset, poolOffset, poolOffset + n);
  pool!.fill(0, poolOffset, poolOffset + n);
  poolOffset += n;
}

export const systemRandom: RandomSource = (n) => {
  if (!Number.isSafeInteger(n) || n < 0 || n > POOLED_MAX) return randomBytes(n);
  const out = Buffer.allocUnsafeSlow(n);
  fillFromPool(out, 0, n);
  return out;
};

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
  // One allocation: the length prefixes and the UTF-8 bytes written in place.
  let size = 0;
  for (const p of parts) size += 4 + Buffer.byteLength(p, 'utf8');
  const out = Buffer.allocUnsafe(size);
  let at = 0;
  for (const p of parts) {
    const n = out.write(p, at + 4, 'utf8');
    out.writeUInt32BE(n, at);
    at += 4 + n;
  }
  return out;
}

export function seal(key: Buffer, plaintext: Buffer, associated: Buffer, random: RandomSource = systemRandom): Buffer {
  // GCM is a stream mode: update() returns exactly as many bytes as it was given and final() none.
  const out = Buffer.allocUnsafe(SEAL_OVERHEAD + plaintext.length);
  out[0] = SEAL_VERSION;
  if (random === systemRandom) {
    fillFromPool(out, 1, NONCE_BYTES); // the nonce straight into place: one allocation per seal
  } else {
    const nonce = random(NONCE_BYTES);
    if (nonce.length !== NONCE_BYTES) throw new OgmaError('INTERNAL', `The random source returned ${nonce.length} bytes where ${NONCE_BYTES} were asked for.`);
    nonce.copy(out, 1);
  }
  const cipher = createCipheriv('aes-256-gcm', key, out.subarray(1, 1 + NONCE_BYTES));
  cipher.setAAD(associated);
  let at = 1 + NONCE_BYTES;
  at += cipher.update(plaintext).copy(out, at);
  at += cipher.final().copy(out, at);
  at += cipher.getAuthTag().copy(out, at);
  if (at !== out.length) throw new OgmaError('INTERNAL', 'AES-256-GCM returned an unexpected ciphertext length.');
  return out;
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
