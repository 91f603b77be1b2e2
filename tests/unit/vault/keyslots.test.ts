import { describe, expect, it } from 'vitest';
import { randomKey, systemRandom } from '../../../electron/core/vault/crypto';
import {
  makeKeychainSlot,
  makePassphraseSlot,
  unlockWithKeychain,
  unlockWithPassphrase,
  type KeyslotFile,
} from '../../../electron/core/vault/keyslots';
import { fakeKeychain, KDF } from './fixtures';

const WS = 'ws_' + '1'.repeat(32);
const OWNER = { memberId: 'm_0123456789abcdef', memberName: 'alice', role: 'viewer' as const };

async function oneSlotFile(master: Buffer): Promise<KeyslotFile> {
  return { version: 1, slots: [await makePassphraseSlot(WS, OWNER, master, 'the right passphrase', KDF, '2026-11-23T10:00:00.000Z', systemRandom)] };
}

describe('keyslots: the master key wrapped per member', () => {
  it('given a passphrase slot, when unlocked with that passphrase, then the same master key comes out', async () => {
    const master = randomKey();
    const { masterKey, slot } = await unlockWithPassphrase(WS, await oneSlotFile(master), 'the right passphrase', 'alice');
    expect(masterKey.equals(master)).toBe(true);
    expect(slot.role).toBe('viewer');
  });

  it('given a passphrase slot, when unlocked with a wrong passphrase, then WRONG_PASSPHRASE names the member', async () => {
    const file = await oneSlotFile(randomKey());
    await expect(unlockWithPassphrase(WS, file, 'not the passphrase', 'alice')).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE', message: expect.stringContaining('alice') });
  });

  it('given a viewer slot, when its role is edited to admin in the file, then unlocking is TAMPERED (not a wrong passphrase)', async () => {
    const file = await oneSlotFile(randomKey());
    const edited: KeyslotFile = { version: 1, slots: file.slots.map((s) => ({ ...s, role: 'admin' as const })) };
    await expect(unlockWithPassphrase(WS, edited, 'the right passphrase', 'alice')).rejects.toMatchObject({ code: 'TAMPERED' });
  });

  it('given a slot, when it is copied into another workspace, then it does not unlock there', async () => {
    const file = await oneSlotFile(randomKey());
    await expect(unlockWithPassphrase('ws_' + '2'.repeat(32), file, 'the right passphrase', 'alice')).rejects.toMatchObject({ code: 'TAMPERED' });
  });

  it('given an unknown member name, then NOT_FOUND says so', async () => {
    await expect(unlockWithPassphrase(WS, await oneSlotFile(randomKey()), 'the right passphrase', 'mallory')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('given a short passphrase, then creating a slot is refused', async () => {
    await expect(makePassphraseSlot(WS, OWNER, randomKey(), 'short', KDF, 'now', systemRandom)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('given an OS keychain, when a keychain slot is made and used, then it unlocks the same master key through the protector', async () => {
    const kc = fakeKeychain();
    const master = randomKey();
    const slot = await makeKeychainSlot(WS, OWNER, master, kc, 'now', systemRandom);
    const { masterKey } = await unlockWithKeychain(WS, { version: 1, slots: [slot] }, kc, 'alice');
    expect(masterKey.equals(master)).toBe(true);
    expect(kc.calls).toBe(2);
    // The slot holds nothing the protector did not encrypt: another keychain cannot open it.
    await expect(unlockWithKeychain(WS, { version: 1, slots: [slot] }, fakeKeychain(), 'alice')).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });

  it('given a Linux keychain on basic_text, then a keychain slot is refused with a clear UNAVAILABLE', async () => {
    await expect(makeKeychainSlot(WS, OWNER, randomKey(), fakeKeychain('basic_text'), 'now', systemRandom)).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      message: expect.stringContaining('basic_text'),
    });
  });
});
