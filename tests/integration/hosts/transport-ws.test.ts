import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createApi } from '../../../shared/api/client';
import { OgmaError } from '../../../shared/api/errors';
import { startWebHost } from '../../../electron/hosts/web';
import { connectWebTransport, type ConnectionState, type WebTransport } from '../../../renderer/transport-ws';
import { startFixture, type Fixture } from './web-helpers';

/** The browser's WebSocket, played by `ws` with the cookie and Origin a page would send. */
function browserLike(f: Fixture) {
  return (url: string) => new WebSocket(url, { headers: { cookie: f.cookie, origin: f.origin } }) as unknown as globalThis.WebSocket;
}

function waitFor(t: WebTransport, state: ConnectionState): Promise<void> {
  if (t.state === state) return Promise.resolve();
  return new Promise((resolve) => {
    const off = t.onState((s) => {
      if (s === state) {
        off();
        resolve();
      }
    });
  });
}

const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function setup(opts: { minDelayMs?: number } = {}) {
  const f = await startFixture();
  cleanup.push(() => f.close());
  const transport = connectWebTransport({ url: `ws://127.0.0.1:${f.host.port}/rpc`, createSocket: browserLike(f), ...opts });
  cleanup.push(() => transport.close());
  return { f, transport, api: createApi(transport) };
}

describe('renderer WebSocket transport', () => {
  it('given a running host, calls through the typed API reach the services', async () => {
    const { api } = await setup();
    const info = await api.app.info();
    expect(info).toMatchObject({ name: 'Ogma Desk', host: 'web', version: '9.9.9' });
  });

  it('a refused request surfaces as an OgmaError naming the field', async () => {
    const { api } = await setup();
    const err = await api.workspace.create({ path: '', name: 'Case', memberName: 'Ada', passphrase: 'correct horse battery staple' }).catch((e) => e);
    expect(err).toBeInstanceOf(OgmaError);
    expect(err).toMatchObject({ code: 'VALIDATION_FAILED', where: { field: 'path' } });
  });

  it('delivers pushed events to subscribers until they unsubscribe', async () => {
    const { f, transport, api } = await setup();
    await api.app.info(); // connected
    const seen: unknown[] = [];
    const off = api.on('workspace.changed', (p) => seen.push(p));
    f.services.events.emit('workspace.changed', { workspace: null });
    await api.app.info(); // one round trip: the event was sent before the answer
    expect(seen).toEqual([{ workspace: null }]);
    off();
    f.services.events.emit('workspace.changed', { workspace: null });
    await api.app.info();
    expect(seen).toHaveLength(1);
    expect(transport.state).toBe('open');
  });

  it('when the host goes away, a call in flight fails with UNAVAILABLE and a readable message', async () => {
    const { f, transport, api } = await setup({ minDelayMs: 60_000 });
    await api.app.info();
    f.services.recent.list = () => new Promise<never>(() => {}) as never; // never answers
    const inFlight = api.workspace.recent().catch((e) => e);
    await new Promise((r) => setTimeout(r, 50));
    await f.host.close();
    const err = await inFlight;
    expect(err).toBeInstanceOf(OgmaError);
    expect(err.code).toBe('UNAVAILABLE');
    expect(err.message).toMatch(/Lost the connection to Ogma Desk at 127\.0\.0\.1:\d+/);
    expect(err.message).toContain('workspace.recent');
    expect(transport.state).toBe('down');
  });

  it('while the host is down, a new call fails with UNAVAILABLE instead of hanging', async () => {
    const { f, api } = await setup({ minDelayMs: 60_000 });
    await api.app.info();
    await f.host.close();
    const err = await api.app.info().catch((e) => e);
    expect(err).toMatchObject({ code: 'UNAVAILABLE' });
    expect(err.message).toContain('ogma serve');
  });

  it('reconnects with backoff when the host comes back on the same address', async () => {
    const { f, transport, api } = await setup({ minDelayMs: 20 });
    await api.app.info();
    await f.host.close();
    await waitFor(transport, 'down');
    const again = await startWebHost({ services: f.services, staticDir: `${f.dir}/renderer`, port: f.host.port, token: f.host.token });
    cleanup.push(() => again.close());
    await waitFor(transport, 'open');
    expect(await api.app.info()).toMatchObject({ host: 'web' });
  });

  it('after close(), calls fail at once and nothing reconnects', async () => {
    const { transport, api } = await setup();
    await api.app.info();
    transport.close();
    expect(transport.state).toBe('down');
    await expect(api.app.info()).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });
});
