import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { OgmaError } from '../../../shared/api/errors';
import { bridgeSafe, toBridgedError } from '../../../electron/shell/bridge';

describe('errors crossing the contextBridge', () => {
  it('become plain data with code, message and where', () => {
    expect(toBridgedError(new OgmaError('WRONG_PASSPHRASE', 'That passphrase does not open this workspace.', { path: '/cases/a.ogma' }))).toEqual({
      name: 'OgmaError',
      code: 'WRONG_PASSPHRASE',
      message: 'That passphrase does not open this workspace.',
      where: { path: '/cases/a.ogma' },
    });
    const other = new TypeError('x');
    expect(toBridgedError(other)).toBe(other);
  });

  it('are converted for nested functions, also when the promise comes from another realm', async () => {
    const failure = new OgmaError('NOT_OPEN', 'Open a workspace first.');
    const api = bridgeSafe({
      members: { list: () => runInNewContext('Promise.reject(failure)', { failure }) as Promise<unknown> },
      sync: () => {
        throw failure;
      },
    });
    await expect(api.members.list()).rejects.toEqual({ name: 'OgmaError', code: 'NOT_OPEN', message: 'Open a workspace first.' });
    expect(() => api.sync()).toThrow(expect.objectContaining({ code: 'NOT_OPEN' }));
  });

  it('leaves synchronous results synchronous (on() returns its unsubscribe function)', () => {
    const off = () => {};
    const api = bridgeSafe({ on: () => off, version: 3 });
    expect(api.on()).toBe(off);
    expect(api.version).toBe(3);
  });
});
