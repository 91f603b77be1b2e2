import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { OgmaError } from '../../../shared/api/errors';
import { isRecordTime } from './record';

/**
 * Signed tree heads as C2SP tlog-checkpoint notes, signed per C2SP signed-note (Ed25519):
 *
 *   <origin>\n<size>\n<base64 root>\ntime <RFC 3339>\n
 *   \n
 *   — <keyName> <base64(keyId[4] || signature[64])>\n
 *
 * The signature covers the body text up to and including its last newline. Anyone holding
 * the tenant's public key (it travels in every export) can check a checkpoint offline.
 */

export interface Checkpoint {
  origin: string;
  size: number;
  root: Buffer;
  time: string;
}
export interface SigningKey {
  name: string;
  privateKey: KeyObject;
  /** Raw 32-byte Ed25519 public key. */
  publicKey: Buffer;
}
export type CheckpointResult =
  | { ok: true; checkpoint: Checkpoint }
  | { ok: false; reason: 'malformed' | 'unknown_key' | 'bad_signature' | 'wrong_origin'; message: string };

const ED25519_ALG = 0x01; // signed-note signature type for Ed25519
const EM_DASH = '\u2014';
const MAX_NOTE_CHARS = 16 * 1024; // a checkpoint is ~200 bytes; anything huge is not one
const B64_RE = /^[A-Za-z0-9+/]*={0,2}$/;

/** Key names per signed-note: non-empty, no whitespace, no '+'. */
function checkKeyName(name: string): void {
  if (typeof name !== 'string' || name.length === 0 || /[\s+]/u.test(name)) {
    throw new OgmaError('VALIDATION_FAILED', `A signing key name must be non-empty and contain no spaces or "+" (got ${JSON.stringify(name)}).`);
  }
}

function checkPublicKey(publicKey: Buffer): void {
  if (!(publicKey instanceof Uint8Array) || publicKey.length !== 32) {
    throw new OgmaError('VALIDATION_FAILED', 'An Ed25519 public key is 32 raw bytes.');
  }
}

/** keyId = SHA-256(name || "\n" || 0x01 || publicKey)[0:4], as signed-note defines for Ed25519. */
function keyId(name: string, publicKey: Uint8Array): Buffer {
  return createHash('sha256').update(name, 'utf8').update('\n').update(Buffer.from([ED25519_ALG])).update(publicKey).digest().subarray(0, 4);
}

function rawPublicKey(key: KeyObject): Buffer {
  const jwk = key.export({ format: 'jwk' });
  return Buffer.from(jwk.x ?? '', 'base64url');
}

const publicKeyObjects = new Map<string, KeyObject>();
function publicKeyObject(raw: Buffer): KeyObject {
  const id = raw.toString('hex');
  let k = publicKeyObjects.get(id);
  if (!k) {
    k = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });
    if (publicKeyObjects.size > 64) publicKeyObjects.clear();
    publicKeyObjects.set(id, k);
  }
  return k;
}

export function generateSigningKey(name: string): { name: string; privateKeyPkcs8: Buffer; publicKey: Buffer } {
  checkKeyName(name);
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { name, privateKeyPkcs8: privateKey.export({ format: 'der', type: 'pkcs8' }), publicKey: rawPublicKey(publicKey) };
}

export function signingKeyFromPkcs8(name: string, pkcs8: Buffer): SigningKey {
  checkKeyName(name);
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
  } catch {
    throw new OgmaError('VALIDATION_FAILED', 'The checkpoint signing key is not a readable PKCS#8 private key.');
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new OgmaError('VALIDATION_FAILED', `The checkpoint signing key must be Ed25519, not ${privateKey.asymmetricKeyType ?? 'unknown'}.`);
  }
  return { name, privateKey, publicKey: rawPublicKey(createPublicKey(privateKey)) };
}

/** 'SHA256:' + unpadded base64 of SHA-256(raw public key), the OpenSSH style people already compare by eye. */
export function publicKeyFingerprint(publicKey: Buffer): string {
  checkPublicKey(publicKey);
  return 'SHA256:' + createHash('sha256').update(publicKey).digest('base64').replace(/=+$/, '');
}

function checkpointBody(cp: Checkpoint): string {
  return `${cp.origin}\n${cp.size}\n${cp.root.toString('base64')}\ntime ${cp.time}\n`;
}

function checkCheckpoint(cp: Checkpoint): void {
  if (typeof cp.origin !== 'string' || cp.origin.length === 0 || /[\n\r]/.test(cp.origin) || cp.origin.startsWith(EM_DASH)) {
    throw new OgmaError('VALIDATION_FAILED', 'A checkpoint origin must be one non-empty line.', { field: 'origin' });
  }
  if (!Number.isSafeInteger(cp.size) || cp.size < 0) {
    throw new OgmaError('VALIDATION_FAILED', 'A checkpoint size must be a non-negative integer.', { field: 'size' });
  }
  if (!(cp.root instanceof Uint8Array) || cp.root.length !== 32) {
    throw new OgmaError('VALIDATION_FAILED', 'A checkpoint root must be a 32-byte SHA-256 hash.', { field: 'root' });
  }
  if (typeof cp.time !== 'string' || !isRecordTime(cp.time)) {
    throw new OgmaError('VALIDATION_FAILED', 'A checkpoint time must be RFC 3339 UTC with milliseconds.', { field: 'time' });
  }
}

/** Returns the signed note text. */
export function signCheckpoint(cp: Checkpoint, key: SigningKey): string {
  checkCheckpoint(cp);
  checkKeyName(key.name);
  checkPublicKey(key.publicKey);
  const body = checkpointBody({ ...cp, root: Buffer.from(cp.root) });
  const sig = sign(null, Buffer.from(body, 'utf8'), key.privateKey);
  return `${body}\n${EM_DASH} ${key.name} ${Buffer.concat([keyId(key.name, key.publicKey), sig]).toString('base64')}\n`;
}

function decodeBase64Strict(s: string): Buffer | null {
  if (!B64_RE.test(s) || s.length % 4 !== 0) return null;
  const b = Buffer.from(s, 'base64');
  return b.toString('base64') === s ? b : null;
}

type Parsed = { checkpoint: Checkpoint; body: string; signatures: { name: string; blob: Buffer }[] };

type Failure = Exclude<CheckpointResult, { ok: true }>;

function malformed(message: string): Failure {
  return { ok: false, reason: 'malformed', message: `The checkpoint is not a well-formed signed note: ${message}.` };
}

function parseNote(note: unknown): Parsed | Failure {
  if (typeof note !== 'string') return malformed('it is not text');
  if (note.length > MAX_NOTE_CHARS) return malformed(`it is longer than ${MAX_NOTE_CHARS} characters`);
  const split = note.indexOf('\n\n');
  if (split < 0) return malformed('there is no blank line between the body and the signatures');
  const body = note.slice(0, split + 1);
  const sigText = note.slice(split + 2);
  if (sigText.length === 0 || !sigText.endsWith('\n')) return malformed('the signature block is missing or does not end with a newline');
  const signatures: Parsed['signatures'] = [];
  for (const line of sigText.slice(0, -1).split('\n')) {
    const m = /^\u2014 (\S+) (\S+)$/u.exec(line);
    const blob = m ? decodeBase64Strict(m[2]!) : null;
    if (!m || !blob || blob.length < 5) return malformed(`the signature line ${JSON.stringify(line.slice(0, 80))} is not "— <key name> <base64>"`);
    signatures.push({ name: m[1]!, blob });
  }
  const lines = body.slice(0, -1).split('\n');
  if (lines.length !== 4) return malformed(`the body has ${lines.length} lines, expected origin, size, root and time`);
  const [origin, sizeText, rootText, timeLine] = lines as [string, string, string, string];
  if (origin.length === 0) return malformed('the origin line is empty');
  if (!/^(0|[1-9][0-9]{0,15})$/.test(sizeText) || !Number.isSafeInteger(Number(sizeText))) return malformed('the size line is not a decimal integer');
  const root = decodeBase64Strict(rootText);
  if (!root || root.length !== 32) return malformed('the root line is not the base64 of a 32-byte hash');
  const time = timeLine.startsWith('time ') ? timeLine.slice(5) : '';
  if (!isRecordTime(time)) return malformed('the time line is not "time <RFC 3339 UTC with milliseconds>"');
  return { checkpoint: { origin, size: Number(sizeText), root, time }, body, signatures };
}

/**
 * Reads the claims of a checkpoint note WITHOUT checking any signature (null if it is not
 * a well-formed note). Only for saying where a bad checkpoint claims to be; never trust it.
 */
export function readUnverifiedCheckpoint(note: string): Checkpoint | null {
  try {
    const p = parseNote(note);
    return 'ok' in p ? null : p.checkpoint;
  } catch {
    return null;
  }
}

/**
 * Checks a note against one trusted key. Never throws for a bad note (only for a bad
 * publicKey/keyName argument, which is the caller's configuration, not the input).
 */
export function verifyCheckpoint(note: string, publicKey: Buffer, keyName: string, expectedOrigin?: string): CheckpointResult {
  checkPublicKey(publicKey);
  checkKeyName(keyName);
  try {
    const parsed = parseNote(note);
    if ('ok' in parsed) return parsed;
    const id = keyId(keyName, publicKey);
    const mine = parsed.signatures.filter((s) => s.name === keyName && s.blob.subarray(0, 4).equals(id));
    if (mine.length === 0) {
      const names = parsed.signatures.map((s) => s.name).join(', ');
      return { ok: false, reason: 'unknown_key', message: `The checkpoint is not signed by key "${keyName}" (${publicKeyFingerprint(publicKey)}); it carries signatures from: ${names}.` };
    }
    const body = Buffer.from(parsed.body, 'utf8');
    const key = publicKeyObject(Buffer.from(publicKey));
    const good = mine.some((s) => s.blob.length === 68 && verify(null, body, key, s.blob.subarray(4)));
    if (!good) {
      return { ok: false, reason: 'bad_signature', message: `The checkpoint's signature by "${keyName}" does not match its contents: the size, root, time or origin was changed after signing.` };
    }
    if (expectedOrigin !== undefined && parsed.checkpoint.origin !== expectedOrigin) {
      return {
        ok: false,
        reason: 'wrong_origin',
        message: `The checkpoint was signed for log "${parsed.checkpoint.origin}", not "${expectedOrigin}": it belongs to another log.`,
      };
    }
    return { ok: true, checkpoint: parsed.checkpoint };
  } catch (e) {
    return malformed(e instanceof Error ? e.message : 'unreadable');
  }
}
