import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CallContext, Handlers } from '../../../electron/services/handlers';
import { EventBus } from '../../../electron/services/events';
import { FakeSession, FakeWebContents } from './fake-electron';

const fake = await vi.hoisted(async () => (await import('./fake-electron')).createFakeElectron());
vi.mock('electron', () => fake.module);

const { serveIpc } = await import('../../../electron/hosts/ipc-main');

const APP_URL = 'app://ogma/index.html';

/** Services whose every handler is a spy: proves whether the dispatcher ran at all. */
function fakeServices() {
  const events = new EventBus();
  const info = vi.fn((_req: unknown, ctx: CallContext) => {
    ctx.emit('progress', { taskId: 't1', title: 'Info', phase: 'done', done: 1, total: 1, rate: null, state: 'done' });
    return { name: 'Ogma Desk', version: '0.1.0', host: ctx.host, platform: 'linux', keychainAvailable: false, extra: 'not in the contract' };
  });
  const boom = vi.fn(() => {
    throw new Error('disk on fire at /secret/path');
  });
  const handlers = new Proxy({ 'app.info': info, 'workspace.recent': boom } as Record<string, unknown>, {
    get: (target, key) => target[key as string] ?? vi.fn(),
  }) as unknown as Handlers;
  return { services: { events, handlers: () => handlers }, events, info, boom };
}

function ourWindow() {
  const contents = new FakeWebContents(new FakeSession());
  contents.url = contents.mainFrame.url = APP_URL;
  return contents;
}

const logs: string[] = [];
const log = (line: string) => logs.push(line);

beforeEach(() => {
  fake.reset();
  logs.length = 0;
});

describe('serveIpc', () => {
  it('answers calls from a trusted top frame through the dispatcher, with the electron host', async () => {
    const { services, info } = fakeServices();
    const host = serveIpc(services, log);
    const contents = ourWindow();
    host.trust(contents as never);
    const handle = fake.ipcMain.handlers.get('ogma:call')!;

    const result = await handle({ sender: contents, senderFrame: contents.mainFrame }, 'app.info', {});
    expect(result).toEqual({ ok: true, value: { name: 'Ogma Desk', version: '0.1.0', host: 'electron', platform: 'linux', keychainAvailable: false } });
    expect(info).toHaveBeenCalledOnce();
    // ctx.emit goes to the caller only.
    expect(contents.sent).toEqual([{ channel: 'ogma:event', message: { event: 'progress', payload: expect.objectContaining({ taskId: 't1' }) } }]);
  });

  it('refuses untrusted senders without running the handler, and logs it', async () => {
    const { services, info } = fakeServices();
    const host = serveIpc(services, log);
    const contents = ourWindow();
    host.trust(contents as never);
    const stranger = ourWindow(); // same URL, but a webContents we never trusted
    const handle = fake.ipcMain.handlers.get('ogma:call')!;
    const events = [
      { sender: contents, senderFrame: { url: 'https://evil.example/', parent: null } },
      { sender: contents, senderFrame: { url: APP_URL, parent: contents.mainFrame } },
      { sender: contents, senderFrame: null },
      { sender: stranger, senderFrame: stranger.mainFrame },
    ];
    for (const event of events) {
      expect(await handle(event, 'app.info', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(info).not.toHaveBeenCalled();
    expect(logs).toEqual([
      'refused ogma:call "app.info" from a page outside the app (https:)',
      'refused ogma:call "app.info" from a subframe',
      'refused ogma:call "app.info" from a frame that no longer exists',
      'refused ogma:call "app.info" from a window Ogma Desk did not create',
    ]);
  });

  it('turns a failure into an envelope that hides internals', async () => {
    const { services } = fakeServices();
    const host = serveIpc(services, log);
    const contents = ourWindow();
    host.trust(contents as never);
    const result = await fake.ipcMain.handlers.get('ogma:call')!({ sender: contents, senderFrame: contents.mainFrame }, 'workspace.recent', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('/secret/path');
  });

  it('forwards service events to every trusted window, through the event schema', () => {
    const { services, events } = fakeServices();
    const host = serveIpc(services, log);
    const a = ourWindow();
    const b = ourWindow();
    const outsider = ourWindow();
    host.trust(a as never);
    host.trust(b as never);

    events.emit('workspace.changed', { workspace: null, passphrase: 'hunter2' } as never);
    for (const contents of [a, b]) expect(contents.sent).toEqual([{ channel: 'ogma:event', message: { event: 'workspace.changed', payload: { workspace: null } } }]);
    expect(outsider.sent).toEqual([]);

    events.emit('progress', { taskId: 1 } as never); // breaks the contract: dropped
    expect(a.sent).toHaveLength(1);
    expect(logs.some((l) => l.startsWith('dropped a progress event'))).toBe(true);

    b.destroy();
    events.emit('workspace.changed', { workspace: null });
    expect(a.sent).toHaveLength(2);
    expect(b.sent).toHaveLength(1);
  });

  it('unregisters its handler and stops forwarding when disposed', () => {
    const { services, events } = fakeServices();
    const host = serveIpc(services, log);
    const a = ourWindow();
    host.trust(a as never);
    host.dispose();
    expect(fake.ipcMain.handlers.has('ogma:call')).toBe(false);
    events.emit('workspace.changed', { workspace: null });
    expect(a.sent).toEqual([]);
  });
});
