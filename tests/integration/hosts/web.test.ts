import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy, startWebHost } from '../../../electron/hosts/web';
import { INDEX_HTML, RpcPeer, SECRET, get, openSocket, startFixture, type Fixture } from './web-helpers';
import { MAX_MESSAGE_BYTES } from '../../../electron/hosts/web/rpc';

let f: Fixture;
beforeAll(async () => {
  f = await startFixture();
});
afterAll(async () => {
  await f.close();
});

describe('browser host: serving the renderer', () => {
  it('given the token in the URL, serves index.html with the CSP and sets the session cookie', async () => {
    const res = await get(f.host.port, `/?token=${f.host.token}`);
    expect(res.status).toBe(200);
    expect(res.body).toBe(INDEX_HTML);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toBe(contentSecurityPolicy(f.host.port));
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).toContain(`connect-src 'self' ws://127.0.0.1:${f.host.port}`);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toContain(`ogma_token_${f.host.port}=${f.host.token}`);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
  });

  it('the URL it hands out binds 127.0.0.1 and carries a 32-byte base64url token', () => {
    expect(f.host.url).toBe(`http://127.0.0.1:${f.host.port}/?token=${f.host.token}`);
    expect(Buffer.from(f.host.token, 'base64url')).toHaveLength(32);
  });

  it('with the cookie, serves assets with their content type', async () => {
    const res = await get(f.host.port, '/assets/app.js', { cookie: f.cookie });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.body).toBe('console.log("ok");');
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('without the token, answers 403 with a short text and serves nothing', async () => {
    for (const path of ['/', '/index.html', '/assets/app.js', `/?token=${'x'.repeat(43)}`]) {
      const res = await get(f.host.port, path);
      expect(res.status, path).toBe(403);
      expect(res.body).not.toContain('ogma-test-page');
      expect(res.body.length).toBeLessThan(100);
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    const wrongCookie = await get(f.host.port, '/', { cookie: `ogma_token_${f.host.port}=${'A'.repeat(43)}` });
    expect(wrongCookie.status).toBe(403);
  });

  it('refuses a foreign Origin even with the token', async () => {
    const res = await get(f.host.port, `/?token=${f.host.token}`, { origin: 'http://evil.example' });
    expect(res.status).toBe(403);
    expect(res.body).not.toContain('ogma-test-page');
  });

  it('refuses a Host other than 127.0.0.1:PORT (DNS rebinding), even with the token', async () => {
    for (const host of [`evil.example:${f.host.port}`, `localhost:${f.host.port}`, '127.0.0.1', `127.0.0.1:${f.host.port + 1}`]) {
      const res = await get(f.host.port, `/?token=${f.host.token}`, { host });
      expect(res.status, host).toBe(403);
      expect(res.body).not.toContain('ogma-test-page');
    }
  });

  it('refuses paths that try to leave the renderer folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/assets/..%5c..%5csecret.txt', '/%00index.html', '/assets/%2e%2e/%2e%2e/secret.txt']) {
      const res = await get(f.host.port, path, { cookie: f.cookie });
      expect([400, 404], path).toContain(res.status);
      expect(res.body, path).not.toContain(SECRET);
    }
  });

  it('lists no directory and refuses methods other than GET/HEAD', async () => {
    expect((await get(f.host.port, '/assets/', { cookie: f.cookie })).status).toBe(404);
    expect((await get(f.host.port, '/assets', { cookie: f.cookie })).status).toBe(404);
    const post = await get(f.host.port, '/', { cookie: f.cookie }, 'POST');
    expect(post.status).toBe(405);
    const head = await get(f.host.port, '/', { cookie: f.cookie }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });
});

describe('browser host: who may open the WebSocket', () => {
  it('refuses an upgrade without the token', async () => {
    await expect(openSocket(f.host.port, {})).rejects.toThrow('upgrade refused: 403');
  });

  it('refuses an upgrade from a foreign Origin, even with the cookie', async () => {
    await expect(openSocket(f.host.port, { cookie: f.cookie, origin: 'http://evil.example' })).rejects.toThrow('upgrade refused: 403');
  });

  it('refuses an upgrade with a rebound Host, even with the cookie', async () => {
    await expect(openSocket(f.host.port, { cookie: f.cookie, host: `evil.example:${f.host.port}` })).rejects.toThrow('upgrade refused: 403');
    await expect(openSocket(f.host.port, { cookie: f.cookie, host: `localhost:${f.host.port}` })).rejects.toThrow('upgrade refused: 403');
  });

  it('accepts the cookie with the page origin, or the token in the URL', async () => {
    const a = await openSocket(f.host.port, { cookie: f.cookie, origin: f.origin });
    const b = await openSocket(f.host.port, {}, `/rpc?token=${f.host.token}`);
    a.close();
    b.close();
  });

  it('no handler ran for any refused request', () => {
    expect(f.services.calls).toEqual([]);
  });
});

describe('browser host: JSON-RPC', () => {
  let peer: RpcPeer;
  beforeAll(async () => {
    peer = new RpcPeer(await openSocket(f.host.port, { cookie: f.cookie, origin: f.origin }));
  });
  afterAll(() => peer.ws.close());

  it('answers app.info with the result of the call', async () => {
    const msg = await peer.call('app.info', {});
    expect(msg).toMatchObject({ jsonrpc: '2.0', id: expect.any(Number), result: { ok: true, value: { name: 'Ogma Desk', version: '9.9.9', host: 'web' } } });
  });

  it('treats absent params as an empty request', async () => {
    const msg = await peer.call('workspace.recent');
    expect(msg.result).toEqual({ ok: true, value: [] });
  });

  it('refuses a malformed payload with VALIDATION_FAILED naming the field, and the handler never runs', async () => {
    const before = f.services.calls.length;
    const msg = await peer.call('workspace.create', { path: 42, name: 'Case', memberName: 'Ada', passphrase: 'correct horse battery staple' });
    expect(msg.result.ok).toBe(false);
    expect(msg.result.error.code).toBe('VALIDATION_FAILED');
    expect(msg.result.error.where).toEqual({ field: 'path' });
    expect(msg.result.error.message).toContain('"path"');
    expect(f.services.calls.slice(before)).toEqual([]);
  });

  it('answers an unknown method with UNKNOWN_METHOD', async () => {
    const msg = await peer.call('vault.dump', {});
    expect(msg.result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('answers malformed JSON with -32700 and keeps the socket up', async () => {
    peer.sendRaw('{"jsonrpc": "2.0", "id": 1, "method": ');
    const fault = await peer.next((m) => m.error?.code === -32700);
    expect(fault).toMatchObject({ jsonrpc: '2.0', id: null, error: { code: -32700 } });
    const after = await peer.call('app.info', {});
    expect(after.result.ok).toBe(true);
  });

  it('answers a request that is not JSON-RPC 2.0 with -32600 and keeps the socket up', async () => {
    peer.sendRaw(JSON.stringify({ id: 77, method: 'app.info' }));
    expect(await peer.next((m) => m.id === 77)).toMatchObject({ error: { code: -32600 } });
    peer.sendRaw(JSON.stringify([{ jsonrpc: '2.0', id: 78, method: 'app.info' }]));
    expect(await peer.next((m) => m.id === null && m.error?.code === -32600)).toBeTruthy();
    peer.sendRaw(JSON.stringify({ jsonrpc: '2.0', id: 79, method: 5 }));
    expect(await peer.next((m) => m.id === 79)).toMatchObject({ error: { code: -32600 } });
    expect((await peer.call('app.info', {})).result.ok).toBe(true);
  });

  it('pushes events from services.events to every connected socket, with undeclared fields stripped', async () => {
    const other = new RpcPeer(await openSocket(f.host.port, { cookie: f.cookie, origin: f.origin }));
    const payload = { taskId: 't1', title: 'Pull', phase: 'messages', done: 3, total: 10, rate: null, state: 'running' as const };
    f.services.events.emit('progress', { ...payload, secret: 'sk-ant-api01-nope' } as typeof payload);
    for (const p of [peer, other]) {
      const msg = await p.next((m) => m.method === 'event' && m.params?.payload?.taskId === 't1');
      expect(msg).toEqual({ jsonrpc: '2.0', method: 'event', params: { event: 'progress', payload } });
    }
    other.ws.close();
  });
});

describe('browser host: events a handler sends to its caller', () => {
  it('ctx.emit reaches the calling socket only, and the handler saw host "web"', async () => {
    const hosts: string[] = [];
    const g = await startFixture({
      'workspace.close': (_req, ctx) => {
        hosts.push(ctx.host);
        ctx.emit('workspace.changed', { workspace: null });
        return { closed: true };
      },
    });
    try {
      const caller = new RpcPeer(await openSocket(g.host.port, { cookie: g.cookie }));
      const bystander = new RpcPeer(await openSocket(g.host.port, { cookie: g.cookie }));
      const answer = await caller.call('workspace.close', {});
      expect(answer.result).toEqual({ ok: true, value: { closed: true } });
      expect(caller.received).toContainEqual({ jsonrpc: '2.0', method: 'event', params: { event: 'workspace.changed', payload: { workspace: null } } });
      await bystander.call('app.info', {}); // a round trip, so anything sent to it earlier has arrived
      expect(bystander.received.filter((m: any) => m.method === 'event')).toEqual([]);
      expect(hosts).toEqual(['web']);
    } finally {
      await g.close();
    }
  });
});

describe('browser host: abuse', () => {
  it('closes a socket that sends a message over 1 MiB', async () => {
    const ws = await openSocket(f.host.port, { cookie: f.cookie });
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send('x'.repeat(MAX_MESSAGE_BYTES + 1));
    expect(await closed).toBe(1009);
  });

  it('closes a socket that keeps too many calls in flight', async () => {
    // A handler that never answers: every call stays in flight.
    const original = f.services.recent.list;
    f.services.recent.list = () => new Promise<never>(() => {}) as never;
    try {
      const ws = await openSocket(f.host.port, { cookie: f.cookie });
      const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
      for (let i = 1; i <= 100; i++) ws.send(JSON.stringify({ jsonrpc: '2.0', id: i, method: 'workspace.recent', params: {} }));
      expect(await closed).toBe(1008);
    } finally {
      f.services.recent.list = original;
    }
  });

  it('close() ends open sockets and stops listening', async () => {
    const g = await startFixture();
    const ws = await openSocket(g.host.port, { cookie: g.cookie });
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    await g.close();
    expect(await closed).toBe(1001);
    await expect(get(g.host.port, '/')).rejects.toThrow(/ECONNREFUSED/);
  });

  it('refuses to start without the renderer build, saying how to make it', async () => {
    await expect(startWebHost({ services: f.services, staticDir: '/nonexistent/dist/renderer' })).rejects.toMatchObject({
      code: 'UNREADABLE',
      message: expect.stringContaining('npm run build'),
    });
  });

  it('refuses a fixed token that is too short to be secret', async () => {
    await expect(startWebHost({ services: f.services, staticDir: f.dir, token: 'test' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
