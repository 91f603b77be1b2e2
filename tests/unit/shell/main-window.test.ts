import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { FakeWebContents, FakeSession } from './fake-electron';

const fake = await vi.hoisted(async () => (await import('./fake-electron')).createFakeElectron());
vi.mock('electron', () => fake.module);
vi.mock('electron-store', () => ({ default: fake.Store }));

const home = mkdtempSync(join(tmpdir(), 'ogma-shell-'));
const appPath = join(home, 'app');
mkdirSync(join(appPath, 'dist', 'renderer', 'assets'), { recursive: true });
writeFileSync(join(appPath, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Ogma Desk</title>');
writeFileSync(join(appPath, 'dist', 'renderer', 'assets', 'index.js'), 'console.log(1)');
writeFileSync(join(home, 'secret.txt'), 'not for the page');
process.env.OGMA_HOME = join(home, 'ogma-home');
afterAll(() => rmSync(home, { recursive: true, force: true }));
/** The shell logs to stderr; keep it for assertions instead of the test output. */
const logs = vi.spyOn(console, 'error').mockImplementation(() => {});
const logged = () => logs.mock.calls.map(([line]) => String(line));

/** Runs electron/main.ts from scratch against the fake, as `electron .` would. */
async function launch(setup: (f: typeof fake) => void = () => {}) {
  fake.reset();
  fake.state.appPath = appPath;
  setup(fake);
  vi.resetModules();
  const main = await import('../../../electron/main');
  await main.started;
  const win = fake.state.windows[0];
  return { win, contents: win?.webContents, prefs: (win?.options.webPreferences ?? {}) as Record<string, unknown> };
}

const flush = () => new Promise((r) => setTimeout(r, 0));
const callChannel = () => fake.ipcMain.handlers.get('ogma:call')!;

describe('the main window', () => {
  it('is isolated, sandboxed, without Node, with web security, and loads only the app origin', async () => {
    const { prefs, win } = await launch();
    expect(fake.state.windows).toHaveLength(1);
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      spellcheck: false,
    });
    expect(String(prefs.preload)).toBe(join(appPath, 'dist-electron', 'preload.cjs'));
    expect(win!.webContents.getURL()).toBe('app://ogma/index.html');
    expect(fake.app.enableSandbox).toHaveBeenCalled();
  });

  it('registers app:// as a standard secure scheme before the app is ready', async () => {
    await launch();
    expect(fake.state.privilegedSchemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    expect(fake.state.order.indexOf('registerSchemesAsPrivileged')).toBeLessThan(fake.state.order.indexOf('ready'));
    expect(fake.state.order.indexOf('enableSandbox')).toBeLessThan(fake.state.order.indexOf('ready'));
  });

  it('does not open a second instance', async () => {
    await launch((f) => {
      f.state.singleInstanceLock = false;
    });
    expect(fake.app.quit).toHaveBeenCalled();
    expect(fake.state.windows).toHaveLength(0);
    expect(fake.ipcMain.handlers.size).toBe(0);
  });
});

describe('the content security policy', () => {
  const forbidden = ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "'wasm-unsafe-eval'", '*', 'http:', 'https:'];

  it('is forced onto every response header, replacing a weaker one', async () => {
    await launch();
    const listener = fake.state.defaultSession.headersListener!;
    let headers: Record<string, string[]> | undefined;
    listener({ url: 'app://ogma/index.html', responseHeaders: { 'content-security-policy': ["script-src * 'unsafe-inline'"], 'X-Other': ['1'] } }, (r) => {
      headers = r.responseHeaders;
    });
    expect(Object.keys(headers!).filter((k) => k.toLowerCase() === 'content-security-policy')).toEqual(['Content-Security-Policy']);
    const csp = headers!['Content-Security-Policy']!.join(';');
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    for (const token of forbidden) expect(csp.split(/[\s;]+/)).not.toContain(token);
    expect(headers!['X-Other']).toEqual(['1']);
  });

  it('comes with every app:// response, which serves only the renderer folder', async () => {
    await launch();
    const serve = fake.state.protocolHandlers.get('app')!;
    const index = await serve(new Request('app://ogma/index.html'));
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<title>Ogma Desk</title>');
    const csp = index.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    for (const token of forbidden) expect(csp.split(/[\s;]+/)).not.toContain(token);

    const script = await serve(new Request('app://ogma/assets/index.js'));
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);

    for (const url of ['app://ogma/../secret.txt', 'app://ogma/..%2F..%2Fsecret.txt', 'app://ogma/assets/missing.js', 'app://elsewhere/index.html']) {
      expect((await serve(new Request(url))).status, url).toBe(404);
    }
    expect((await serve(new Request('app://ogma/index.html', { method: 'POST', body: 'x' }))).status).toBe(404);
  });
});

describe('navigation and new windows', () => {
  it('prevents navigating away from the app, and lets the same document be', async () => {
    const { contents } = await launch();
    expect(contents!.navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents!.navigate('will-navigate', 'app://ogma/other.html')).toBe(true);
    expect(contents!.navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents!.navigate('will-navigate', 'app://ogma/index.html#/review')).toBe(false);
    expect(contents!.navigate('will-redirect', 'https://evil.example/')).toBe(true);
    expect(contents!.navigate('will-frame-navigate', 'app://ogma/index.html', false)).toBe(true);
  });

  it('denies every window.open', async () => {
    const { contents } = await launch();
    for (const url of ['https://example.org/', 'app://ogma/index.html', 'file:///etc/passwd', 'javascript:alert(1)', 'about:blank']) {
      expect(contents!.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
    }
  });

  it('opens an http(s) link in the browser only after the user confirms it', async () => {
    const { contents, win } = await launch();
    fake.state.dialogResponse = 1; // Cancel
    contents!.windowOpenHandler!({ url: 'https://docs.example.org/page' });
    await flush();
    expect(fake.dialog.showMessageBox).toHaveBeenCalledTimes(1);
    expect(fake.dialog.showMessageBox.mock.calls[0]![0]).toBe(win);
    expect(JSON.stringify(fake.dialog.showMessageBox.mock.calls[0]![1])).toContain('https://docs.example.org/page');
    expect(fake.shell.openExternal).not.toHaveBeenCalled();

    fake.state.dialogResponse = 0; // Open in browser
    contents!.windowOpenHandler!({ url: 'https://docs.example.org/page' });
    await flush();
    expect(fake.shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://docs.example.org/page');

    contents!.navigate('will-navigate', 'http://intranet.example/');
    await flush();
    expect(fake.shell.openExternal).toHaveBeenLastCalledWith('http://intranet.example/');
  });

  it('never offers file:, javascript:, data: or disguised links, not even with a dialog', async () => {
    const { contents } = await launch();
    fake.state.dialogResponse = 0; // the user would click Open
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,<script>1</script>', 'smb://host/share', 'https://bank.example@evil.example/']) {
      contents!.windowOpenHandler!({ url });
      contents!.navigate('will-navigate', url);
    }
    await flush();
    expect(fake.dialog.showMessageBox).not.toHaveBeenCalled();
    expect(fake.shell.openExternal).not.toHaveBeenCalled();
    expect(logged().filter((line) => line.includes('blocked a link'))).toHaveLength(10);
  });

  it('applies the same rules to a webContents the app did not create itself', async () => {
    await launch();
    const stranger = new FakeWebContents(new FakeSession());
    fake.app.emit('web-contents-created', {}, stranger);
    expect(stranger.windowOpenHandler!({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(stranger.navigate('will-navigate', 'https://evil.example/')).toBe(true);
    const attach = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    stranger.emit('will-attach-webview', attach);
    expect(attach.defaultPrevented).toBe(true);
    expect(stranger.session.permissionCheckHandler!(stranger, 'media', 'app://ogma', {})).toBe(false);
  });
});

describe('permissions', () => {
  it('are denied, whatever is asked', async () => {
    const { contents } = await launch();
    const ses = fake.state.defaultSession;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      const callback = vi.fn();
      ses.permissionRequestHandler!(contents, permission, callback, {});
      expect(callback, permission).toHaveBeenCalledExactlyOnceWith(false);
      expect(ses.permissionCheckHandler!(contents, permission, 'app://ogma', {}), permission).toBe(false);
    }
    expect(ses.devicePermissionHandler!({ deviceType: 'usb' })).toBe(false);
  });
});

describe('the IPC channel', () => {
  const ourFrame = (contents: FakeWebContents) => ({ sender: contents, senderFrame: contents.mainFrame });

  it('is the only channel: ogma:call, and electron-store has no listener left', async () => {
    await launch();
    expect([...fake.ipcMain.handlers.keys()]).toEqual(['ogma:call']);
    expect([...fake.ipcMain.listeners.keys()]).toEqual([]);
  });

  it('dispatches calls from our window and returns envelopes', async () => {
    const { contents } = await launch();
    const info = await callChannel()(ourFrame(contents!), 'app.info', {});
    expect(info).toMatchObject({ ok: true, value: { name: 'Ogma Desk', host: 'electron', keychainAvailable: true } });

    const invalid = await callChannel()(ourFrame(contents!), 'workspace.create', { path: '', name: 'x', memberName: 'a', passphrase: 'short' });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', where: { field: 'path' } } });

    expect(await callChannel()(ourFrame(contents!), 'no.such', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('refuses a foreign page, a subframe and a webContents it did not create, before dispatching', async () => {
    const { contents } = await launch();
    const stranger = new FakeWebContents(new FakeSession());
    stranger.mainFrame.url = 'app://ogma/index.html';
    const senders = [
      { sender: contents, senderFrame: { url: 'https://evil.example/', parent: null } },
      { sender: contents, senderFrame: { url: 'file:///tmp/x.html', parent: null } },
      { sender: contents, senderFrame: { url: 'app://ogma/index.html', parent: contents!.mainFrame } },
      { sender: contents, senderFrame: null },
      { sender: stranger, senderFrame: stranger.mainFrame },
    ];
    for (const event of senders) {
      // An invalid request: had it been dispatched, it would come back VALIDATION_FAILED.
      const result = await callChannel()(event, 'workspace.create', {});
      expect(result, JSON.stringify(event.senderFrame?.url)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(logged().filter((line) => line.includes('refused ogma:call'))).toHaveLength(senders.length);
    expect(logged().join('\n')).not.toContain('evil.example'); // only the scheme of a foreign URL is logged
  });
});

describe('window state', () => {
  it('is saved on close and restored on the next launch', async () => {
    const first = await launch();
    first.win!.normalBounds = { x: 200, y: 150, width: 1400, height: 900 };
    first.win!.maximized = true;
    first.win!.emit('close');
    const saved = fake.state.storeData.get('main');
    expect(saved).toEqual({ x: 200, y: 150, width: 1400, height: 900, maximized: true });
    expect(fake.state.storeOptions[0]).toMatchObject({ name: 'window-state', cwd: process.env.OGMA_HOME });

    const second = await launch((f) => f.state.storeData.set('main', saved));
    expect(second.win!.options).toMatchObject({ x: 200, y: 150, width: 1400, height: 900 });
    expect(second.win!.maximized).toBe(true);
  });

  it('drops a position that is off every screen and ignores a damaged state', async () => {
    const offscreen = await launch((f) => f.state.storeData.set('main', { x: 5000, y: 3000, width: 1400, height: 900, maximized: false }));
    expect(offscreen.win!.options).not.toHaveProperty('x');
    expect(offscreen.win!.options).toMatchObject({ width: 1400, height: 900 });

    const damaged = await launch((f) => f.state.storeData.set('main', { x: 'left', width: -5 }));
    expect(damaged.win!.options).not.toHaveProperty('x');
    expect(damaged.win!.options.width).toBeGreaterThanOrEqual(900);
  });
});
