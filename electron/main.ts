import { app, BrowserWindow, dialog, ipcMain, protocol, safeStorage, screen, session, shell, type Session, type WebContents } from 'electron';
import Store from 'electron-store';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppServices } from './services/api';
import { appHome } from './services/app-home';
import { packageVersion } from './version';
import { serveIpc, type IpcHost } from './hosts/ipc-main';
import { APP_ENTRY_URL, APP_SCHEME, appResponseHeaders, contentTypeFor, resolveAppAsset, withContentSecurityPolicy } from './shell/app-origin';
import { externalLinkPrompt, externalLinkTarget, isAllowedNavigation } from './shell/navigation';
import { captureWindowState, MIN_HEIGHT, MIN_WIDTH, restoreWindowState } from './shell/window-state';
import { createKeychainProtector } from './shell/keychain';

/**
 * The Electron shell: lifecycle, the one window, and the security policy of every
 * webContents and session. The policy itself (CSP, navigation, links, window state) is
 * pure code in ./shell; the contract is served by ./hosts/ipc-main.
 */

const log = (line: string) => console.error(`[ogma] ${line}`);

type WindowStore = Store<{ main?: unknown }>;

const hardenedSessions = new WeakSet<Session>();

function hardenSession(ses: Session): void {
  if (hardenedSessions.has(ses)) return;
  hardenedSessions.add(ses);
  // The app needs no camera, microphone, notifications, geolocation, clipboard-read, HID ...
  ses.setPermissionRequestHandler((_contents, permission, callback) => {
    log(`denied a permission request: ${permission}`);
    callback(false);
  });
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  // The app:// handler sends the CSP itself; this covers anything else a page might load.
  ses.webRequest.onHeadersReceived((details, callback) => {
    if (details.url.startsWith('devtools:')) return callback({});
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
  });
}

/** Ask before handing an http(s) link to the system browser; every other scheme is dropped. */
async function offerExternalLink(contents: WebContents, url: string): Promise<void> {
  const href = externalLinkTarget(url);
  if (!href) {
    log(`blocked a link that may not leave the app (${url.split(':', 1)[0]}:)`);
    return;
  }
  const owner = BrowserWindow.fromWebContents(contents);
  const prompt = externalLinkPrompt(href);
  const { response } = owner ? await dialog.showMessageBox(owner, prompt) : await dialog.showMessageBox(prompt);
  if (response === 0) await shell.openExternal(href);
}

/** The same rules for every webContents, including any the app did not mean to create. */
function hardenContents(contents: WebContents): void {
  hardenSession(contents.session);
  contents.setWindowOpenHandler(({ url }) => {
    void offerExternalLink(contents, url).catch((e: unknown) => log(`opening a link failed: ${String(e)}`));
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    if (isAllowedNavigation(event.url, contents.getURL())) return;
    event.preventDefault();
    void offerExternalLink(contents, event.url).catch((e: unknown) => log(`opening a link failed: ${String(e)}`));
  });
  // The renderer has no frames; a subframe may not navigate anywhere.
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAllowedNavigation(event.url, contents.getURL())) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

async function serveAppAsset(rendererRoot: string, request: Request): Promise<Response> {
  const file = request.method === 'GET' || request.method === 'HEAD' ? resolveAppAsset(rendererRoot, request.url) : null;
  if (file) {
    try {
      const body = await readFile(file);
      return new Response(new Uint8Array(body), { status: 200, headers: appResponseHeaders(contentTypeFor(file)) });
    } catch {
      /* missing or unreadable: 404 below */
    }
  }
  return new Response('Not found', { status: 404, headers: appResponseHeaders('text/plain; charset=utf-8') });
}

function createMainWindow(ipc: IpcHost, store: WindowStore): BrowserWindow {
  const areas = [screen.getPrimaryDisplay(), ...screen.getAllDisplays()].map((d) => d.workArea);
  const state = restoreWindowState(store.get('main'), areas);
  const win = new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    show: false,
    title: 'Ogma Desk',
    webPreferences: {
      preload: join(app.getAppPath(), 'dist-electron', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
    },
  });
  ipc.trust(win.webContents);
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  win.on('close', () => {
    const saved = captureWindowState(win.getNormalBounds(), win.isMaximized());
    if (saved) store.set('main', saved);
  });
  win.webContents.on('did-fail-load', (_e, code, description) => log(`the app page failed to load: ${code} ${description}`));
  void win.loadURL(APP_ENTRY_URL);
  return win;
}

async function startApp(): Promise<void> {
  // Before 'ready': one instance per user (a workspace is a folder two processes must not
  // write at once), the app:// origin, and the sandbox for every renderer.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));

  await app.whenReady();

  const rendererRoot = join(app.getAppPath(), 'dist', 'renderer');
  protocol.handle(APP_SCHEME, (request) => serveAppAsset(rendererRoot, request));
  hardenSession(session.defaultSession);

  const keychain = createKeychainProtector(safeStorage);
  const keychainAvailable = await keychain.available();
  log(`system keychain: ${keychain.backend()}${keychainAvailable ? '' : ' (not available)'}`);
  // Without a usable keychain the passphrase keyslot is the only protector (the vault also
  // refuses Linux's basic_text backend on its own).
  const services = new AppServices({ host: 'electron', version: packageVersion(), ...(keychainAvailable ? { keychain } : {}) });
  const ipc = serveIpc(services, log);
  // `npm start` passes --demo: the embedded simulator and the demo workspace open at once.
  if (process.argv.includes('--demo')) {
    await services.openDemo().catch((e: unknown) => log(`demo: ${e instanceof Error ? e.message : String(e)}`));
  }

  const store: WindowStore = new Store({ name: 'window-state', cwd: appHome(), clearInvalidConfig: true });
  // electron-store registers a sync IPC listener for renderer-side stores; we have none, and
  // the only channel a page may reach is ogma:call.
  ipcMain.removeAllListeners('electron-store-get-data');

  let main = createMainWindow(ipc, store);
  app.on('second-instance', () => {
    if (main.isDestroyed()) return;
    if (main.isMinimized()) main.restore();
    main.focus();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) main = createMainWindow(ipc, store);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => ipc.dispose());
}

/** Resolves once the window is created (or the app decided to quit); tests await it. */
export const started: Promise<void> = startApp().catch((e: unknown) => {
  log(`could not start: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  dialog.showErrorBox('Ogma Desk could not start', e instanceof Error ? e.message : String(e));
  app.exit(1);
});
