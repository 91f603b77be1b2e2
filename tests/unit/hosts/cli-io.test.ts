import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { readSecret, type SecretInput } from '../../../electron/hosts/cli/io';

/** A terminal that records raw-mode switches and lets the test type. */
class FakeTTY extends EventEmitter implements SecretInput {
  isTTY = true;
  raw: boolean[] = [];
  paused = true;
  setRawMode(mode: boolean) {
    this.raw.push(mode);
  }
  setEncoding() {}
  resume() {
    this.paused = false;
  }
  pause() {
    this.paused = true;
  }
  type(text: string) {
    this.emit('data', text);
  }
  override on(event: 'data', l: (chunk: string) => void) {
    return super.on(event, l);
  }
  override off(event: 'data', l: (chunk: string) => void) {
    return super.off(event, l);
  }
}

describe('promptSecret on a terminal', () => {
  it('reads a line in raw mode without echoing it, then restores the terminal', async () => {
    const tty = new FakeTTY();
    const shown: string[] = [];
    const secret = readSecret(tty, (t) => shown.push(t), 'Passphrase: ');
    tty.type('correct horse');
    tty.type(' battery\r');
    expect(await secret).toBe('correct horse battery');
    expect(shown).toEqual(['Passphrase: ', '\n']);
    expect(tty.raw).toEqual([true, false]);
    expect(tty.paused).toBe(true);
    expect(tty.listenerCount('data')).toBe(0);
  });

  it('applies Backspace and ignores arrow keys and other escape sequences', async () => {
    const tty = new FakeTTY();
    const secret = readSecret(tty, () => {}, '? ');
    tty.type('abx\u007fc\u001b[D\u001bOPd\u001b[1;5Ce\n');
    expect(await secret).toBe('abcde');
  });

  it('keeps multi-byte characters whole', async () => {
    const tty = new FakeTTY();
    const secret = readSecret(tty, () => {}, '? ');
    tty.type('pässwörd🔑\u007f!\r');
    expect(await secret).toBe('pässwörd!');
  });

  it('Ctrl+C cancels with CANCELLED and restores the terminal', async () => {
    const tty = new FakeTTY();
    const secret = readSecret(tty, () => {}, '? ');
    tty.type('half\u0003');
    await expect(secret).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(tty.raw).toEqual([true, false]);
  });

  it('without a terminal, refuses with UNAVAILABLE and never reads', async () => {
    const tty = new FakeTTY();
    tty.isTTY = false;
    const shown: string[] = [];
    await expect(readSecret(tty, (t) => shown.push(t), '? ')).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      message: expect.stringContaining('not a terminal'),
    });
    expect(shown).toEqual([]);
    expect(tty.raw).toEqual([]);
  });
});
