import { createHmac, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { OgmaError } from '../../../shared/api/errors';
import { aad, KEY_BYTES, open, passphraseKek, randomKey, seal, wipe, type RandomSource, type ScryptParams } from './crypto';
import { readJsonFile, workspacePaths, writeJsonDurable } from './layout';

/**
 * Keyslots: the workspace master key, wrapped once per member. A passphrase slot derives
 * a key-encryption key (KEK) with scrypt; a keychain slot keeps a random KEK encrypted by
 * the OS keychain (Electron safeStorage, injected by the host as a KeychainProtector).
 *
 * The associated data of each wrap binds workspace id, slot kind, member id, name and
 * role, so editing a role (or copying a slot to another workspace) breaks the unwrap.
 * Every member holds the same master key: the role is authenticated against file edits
 * and enforced by the services, it is not a cryptographic separation.
 */

export const ROLES = ['admin', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** The OS keychain as the Electron host provides it (safeStorage is async and lives there). */
export interface KeychainProtector {
  /** e.g. 'keychain', 'dpapi', 'gnome_libsecret', 'kwallet', 'basic_text'. */
  backend(): string;
  encrypt(plain: Buffer): Promise<Buffer>;
  decrypt(sealed: Buffer): Promise<Buffer>;
}

/** Linux safeStorage falls back to a hard-coded password; that protects nothing. */
export const REFUSED_KEYCHAIN_BACKENDS: readonly string[] = ['basic_text', 'unknown', ''];

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const SlotMember = {
  memberId: z.string().regex(/^m_[0-9a-f]{16}$/),
  memberName: z.string().min(1),
  role: z.enum(ROLES),
  createdAt: z.string(),
  wrapped: b64,
};
const PassphraseSlotSchema = z
  .object({
    kind: z.literal('passphrase'),
    ...SlotMember,
    kdf: z.object({ name: z.literal('scrypt'), N: z.number().int(), r: z.number().int(), p: z.number().int() }).strict(),
    salt: b64,
    check: z.string().regex(/^[0-9a-f]{32}$/),
  })
  .strict();
const KeychainSlotSchema = z.object({ kind: z.literal('keychain'), ...SlotMember, backend: z.string(), protectedKek: b64 }).strict();
const SlotSchema = z.discriminatedUnion('kind', [PassphraseSlotSchema, KeychainSlotSchema]);
const KeyslotFileSchema = z.object({ version: z.literal(1), slots: z.array(SlotSchema) }).strict();

export type PassphraseSlot = z.infer<typeof PassphraseSlotSchema>;
export type KeychainSlot = z.infer<typeof KeychainSlotSchema>;
export type Keyslot = z.infer<typeof SlotSchema>;
export type KeyslotFile = z.infer<typeof KeyslotFileSchema>;

export interface SlotOwner {
  memberId: string;
  memberName: string;
  role: Role;
}

export const MIN_PASSPHRASE_LENGTH = 8;

function slotAad(workspaceId: string, kind: Keyslot['kind'], m: SlotOwner): Buffer {
  return aad('ogma/keyslot/v1', workspaceId, kind, m.memberId, m.memberName, m.role);
}

/** A short value that tells a wrong passphrase apart from an edited slot. It is no better a guessing oracle than the wrap itself. */
function kekCheck(kek: Buffer): string {
  return createHmac('sha256', kek).update('ogma/keyslot-check/v1').digest('hex').slice(0, 32);
}

export function checkPassphrase(passphrase: string): void {
  if (typeof passphrase !== 'string' || [...passphrase].length < MIN_PASSPHRASE_LENGTH) {
    throw new OgmaError('VALIDATION_FAILED', `A passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters; a long sentence is best.`, { field: 'passphrase' });
  }
}

export async function makePassphraseSlot(
  workspaceId: string,
  owner: SlotOwner,
  masterKey: Buffer,
  passphrase: string,
  kdf: ScryptParams,
  now: string,
  random: RandomSource,
): Promise<PassphraseSlot> {
  checkPassphrase(passphrase);
  const salt = random(16);
  const kek = await passphraseKek(passphrase, salt, kdf);
  try {
    return {
      kind: 'passphrase',
      ...owner,
      createdAt: now,
      kdf: { name: 'scrypt', ...kdf },
      salt: salt.toString('base64'),
      check: kekCheck(kek),
      wrapped: seal(kek, masterKey, slotAad(workspaceId, 'passphrase', owner), random).toString('base64'),
    };
  } finally {
    wipe(kek);
  }
}

export async function makeKeychainSlot(
  workspaceId: string,
  owner: SlotOwner,
  masterKey: Buffer,
  protector: KeychainProtector,
  now: string,
  random: RandomSource,
): Promise<KeychainSlot> {
  const backend = checkedBackend(protector);
  const kek = randomKey(random);
  try {
    const protectedKek = await protector.encrypt(kek);
    return {
      kind: 'keychain',
      ...owner,
      createdAt: now,
      backend,
      protectedKek: protectedKek.toString('base64'),
      wrapped: seal(kek, masterKey, slotAad(workspaceId, 'keychain', owner), random).toString('base64'),
    };
  } finally {
    wipe(kek);
  }
}

function checkedBackend(protector: KeychainProtector): string {
  const backend = protector.backend();
  if (REFUSED_KEYCHAIN_BACKENDS.includes(backend)) {
    throw new OgmaError(
      'UNAVAILABLE',
      `The OS keychain here is "${backend || 'unknown'}", which stores keys under a fixed password and protects nothing. Use the passphrase, or install a secret service (GNOME Keyring or KWallet) and try again.`,
    );
  }
  return backend;
}

export interface Unlocked {
  masterKey: Buffer;
  slot: Keyslot;
}

/**
 * Finds the member's passphrase slot (or, without a name, any slot the passphrase opens)
 * and unwraps the master key. Reads only; a failure leaves nothing behind.
 */
export async function unlockWithPassphrase(workspaceId: string, file: KeyslotFile, passphrase: string, memberName?: string): Promise<Unlocked> {
  const candidates = file.slots.filter((s): s is PassphraseSlot => s.kind === 'passphrase' && (memberName === undefined || s.memberName === memberName));
  if (candidates.length === 0) {
    throw new OgmaError(
      'NOT_FOUND',
      memberName === undefined ? 'This workspace has no passphrase keyslot.' : `No member named "${memberName}" has a passphrase keyslot in this workspace. Check the name, or ask an admin to add you.`,
      { field: 'memberName' },
    );
  }
  for (const slot of candidates) {
    const kek = await passphraseKek(passphrase, Buffer.from(slot.salt, 'base64'), slot.kdf);
    try {
      const check = Buffer.from(kekCheck(kek), 'hex');
      if (!timingSafeEqual(check, Buffer.from(slot.check, 'hex'))) continue;
      const masterKey = open(kek, Buffer.from(slot.wrapped, 'base64'), slotAad(workspaceId, 'passphrase', slot), `The keyslot of member "${slot.memberName}"`, { path: 'keyslots.json' });
      if (masterKey.length !== KEY_BYTES) throw new OgmaError('TAMPERED', `The keyslot of member "${slot.memberName}" holds a key of the wrong size.`, { path: 'keyslots.json' });
      return { masterKey, slot };
    } finally {
      wipe(kek);
    }
  }
  throw new OgmaError(
    'WRONG_PASSPHRASE',
    memberName === undefined ? 'That passphrase opens no keyslot of this workspace. Check it (and the member name), then try again.' : `That is not the passphrase of member "${memberName}". Check it and try again.`,
    { field: 'passphrase' },
  );
}

export async function unlockWithKeychain(workspaceId: string, file: KeyslotFile, protector: KeychainProtector, memberName: string): Promise<Unlocked> {
  checkedBackend(protector);
  const slot = file.slots.find((s): s is KeychainSlot => s.kind === 'keychain' && s.memberName === memberName);
  if (!slot) throw new OgmaError('NOT_FOUND', `Member "${memberName}" has no keychain keyslot on this workspace; open it with the passphrase.`, { field: 'memberName' });
  let kek: Buffer;
  try {
    kek = await protector.decrypt(Buffer.from(slot.protectedKek, 'base64'));
  } catch {
    throw new OgmaError('UNAVAILABLE', `The OS keychain could not unlock member "${memberName}"'s key (the keyring may have changed). Open the workspace with the passphrase instead.`);
  }
  try {
    const masterKey = open(kek, Buffer.from(slot.wrapped, 'base64'), slotAad(workspaceId, 'keychain', slot), `The keychain keyslot of member "${memberName}"`, { path: 'keyslots.json' });
    return { masterKey, slot };
  } finally {
    wipe(kek);
  }
}

export function readKeyslots(dir: string): KeyslotFile {
  return readJsonFile(workspacePaths(dir).keyslots, KeyslotFileSchema, 'The keyslot file');
}

export function writeKeyslots(dir: string, file: KeyslotFile): void {
  writeJsonDurable(workspacePaths(dir).keyslots, KeyslotFileSchema.parse(file));
}

export function keyslotsExist(dir: string): boolean {
  return existsSync(workspacePaths(dir).keyslots);
}
