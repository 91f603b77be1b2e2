import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/**
 * A stand-in for the `electron` module (the binary cannot run here). It keeps what the shell
 * registers (window options, session handlers, IPC handlers, listeners) so tests can drive
 * them like Electron would. Only the surface the shell uses is modelled.
 */

export interface FakeNavigationEvent {
  url: string;
  isMainFrame: boolean;
  defaultPrevented: boolean;
  preventDefault(): void;
}

export function navigationEvent(url: string, isMainFrame = true): FakeNavigationEvent {
  return {
    url,
    isMainFrame,
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };
type HeadersListener = (
  details: { url: string; responseHeaders?: Record<string, string | string[]> },
  callback: (response: { responseHeaders?: Record<string, string[]>; cancel?: boolean }) => void,
) => void;

export class FakeSession {
  permissionRequestHandler?: (contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void;
  permissionCheckHandler?: (contents: unknown, permission: string, origin: string, details: unknown) => boolean;
  devicePermissionHandler?: (details: unknown) => boolean;
  headersListener?: HeadersListener;
  readonly webRequest = {
    onHeadersReceived: (listener: HeadersListener) => {
      this.headersListener = listener;
    },
  };
  setPermissionRequestHandler(h: FakeSession['permissionRequestHandler']) {
    this.permissionRequestHandler = h;
  }
  setPermissionCheckHandler(h: FakeSession['permissionCheckHandler']) {
    this.permissionCheckHandler = h;
  }
  setDevicePermissionHandler(h: FakeSession['devicePermissionHandler']) {
    this.devicePermissionHandler = h;
  }
}

export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

export class FakeWebContents extends EventEmitter {
  private static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  url = '';
  windowOpenHandler?: WindowOpenHandler;
  readonly sent: Array<{ channel: string; message: unknown }> = [];
  destroyed = false;
  readonly mainFrame: FakeFrame = { url: '', parent: null };

  constructor(readonly session: FakeSession) {
    super();
  }
  setWindowOpenHandler(h: WindowOpenHandler) {
    this.windowOpenHandler = h;
  }
  getURL() {
    return this.url;
  }
  send(channel: string, message: unknown) {
    this.sent.push({ channel, message });
  }
  isDestroyed() {
    return this.destroyed;
  }
  destroy() {
    this.destroyed = true;
    this.emit('destroyed');
  }
  /** Emits a navigation event the way Electron does and says whether the shell prevented it. */
  navigate(kind: 'will-navigate' | 'will-frame-navigate' | 'will-redirect', url: string, isMainFrame = true): boolean {
    const event = navigationEvent(url, isMainFrame);
    this.emit(kind, event);
    return event.defaultPrevented;
  }
}

export function createFakeElectron() {
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    whenReady: vi.fn(async () => {
      state.order.push('ready');
    }),
    requestSingleInstanceLock: vi.fn(() => state.singleInstanceLock),
    enableSandbox: vi.fn(() => {
      state.order.push('enableSandbox');
    }),
    getAppPath: vi.fn(() => state.appPath),
    quit: vi.fn(),
    exit: vi.fn(),
  });

  class BrowserWindow extends EventEmitter {
    readonly webContents: FakeWebContents;
    maximized = false;
    destroyed = false;
    normalBounds = { x: 100, y: 80, width: 1200, height: 800 };

    constructor(readonly options: Record<string, unknown>) {
      super();
      this.webContents = new FakeWebContents(state.defaultSession);
      state.windows.push(this);
      // Electron announces every new webContents, the window's own included.
      app.emit('web-contents-created', {}, this.webContents);
    }
    static fromWebContents(contents: unknown) {
      return state.windows.find((w) => w.webContents === contents) ?? null;
    }
    static getAllWindows() {
      return state.windows.filter((w) => !w.destroyed);
    }
    async loadURL(url: string) {
      this.webContents.url = url;
      this.webContents.mainFrame.url = url;
    }
    maximize() {
      this.maximized = true;
    }
    isMaximized() {
      return this.maximized;
    }
    getNormalBounds() {
      return this.normalBounds;
    }
    isDestroyed() {
      return this.destroyed;
    }
    isMinimized() {
      return false;
    }
    restore() {}
    focus() {}
    show() {}
  }

  const ipcMain = {
    handlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
    handle(channel: string, fn: (event: unknown, ...args: unknown[]) => unknown) {
      if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      this.handlers.set(channel, fn);
    },
    removeHandler(channel: string) {
      this.handlers.delete(channel);
    },
    listeners: new Map<string, Array<(...args: unknown[]) => void>>(),
    on(channel: string, fn: (...args: unknown[]) => void) {
      this.listeners.set(channel, [...(this.listeners.get(channel) ?? []), fn]);
    },
    removeAllListeners(channel: string) {
      this.listeners.delete(channel);
    },
  };

  const state = {
    order: [] as string[],
    singleInstanceLock: true,
    appPath: '/nonexistent-app',
    defaultSession: new FakeSession(),
    windows: [] as BrowserWindow[],
    privilegedSchemes: [] as Array<{ scheme: string; privileges: Record<string, boolean> }>,
    protocolHandlers: new Map<string, (request: Request) => Promise<Response> | Response>(),
    dialogResponse: 1,
    displays: [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
    storeData: new Map<string, unknown>(),
    storeOptions: [] as unknown[],
    exposed: new Map<string, unknown>(),
    rendererListeners: new Map<string, Array<(event: unknown, ...args: unknown[]) => void>>(),
  };

  const dialog = {
    showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: state.dialogResponse, checkboxChecked: false })),
    showErrorBox: vi.fn(),
  };
  const shell = { openExternal: vi.fn(async (_url: string) => {}) };

  const safeStorage = {
    isAsyncEncryptionAvailable: vi.fn(async () => true),
    // Not real crypto: a reversible marker, enough to prove the bytes round-trip.
    encryptStringAsync: vi.fn(async (text: string) => Buffer.from(`sealed:${text}`)),
    decryptStringAsync: vi.fn(async (b: Buffer) => ({ result: b.toString().replace(/^sealed:/, ''), shouldReEncrypt: false })),
    getSelectedStorageBackend: vi.fn(() => 'gnome_libsecret'),
  };

  class Store {
    constructor(options: unknown) {
      state.storeOptions.push(options);
    }
    get(key: string) {
      return state.storeData.get(key);
    }
    set(key: string, value: unknown) {
      state.storeData.set(key, value);
    }
  }

  const ipcRenderer = {
    invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ ok: true, value: null })),
    on(channel: string, fn: (event: unknown, ...args: unknown[]) => void) {
      state.rendererListeners.set(channel, [...(state.rendererListeners.get(channel) ?? []), fn]);
      return ipcRenderer;
    },
  };

  const module = {
    app,
    BrowserWindow,
    ipcMain,
    dialog,
    shell,
    safeStorage,
    session: {
      get defaultSession() {
        return state.defaultSession;
      },
    },
    protocol: {
      registerSchemesAsPrivileged(schemes: Array<{ scheme: string; privileges: Record<string, boolean> }>) {
        state.order.push('registerSchemesAsPrivileged');
        state.privilegedSchemes.push(...schemes);
      },
      handle(scheme: string, handler: (request: Request) => Promise<Response> | Response) {
        state.protocolHandlers.set(scheme, handler);
      },
    },
    screen: {
      getPrimaryDisplay: () => state.displays[0]!,
      getAllDisplays: () => state.displays,
    },
    contextBridge: {
      exposeInMainWorld(key: string, api: unknown) {
        state.exposed.set(key, api);
      },
    },
    ipcRenderer,
  };

  /** Back to a machine where nothing has run (between launches of main.ts). */
  function reset() {
    app.removeAllListeners();
    ipcMain.handlers.clear();
    ipcMain.listeners.clear();
    state.order = [];
    state.singleInstanceLock = true;
    state.defaultSession = new FakeSession();
    state.windows = [];
    state.privilegedSchemes = [];
    state.protocolHandlers.clear();
    state.dialogResponse = 1;
    state.displays = [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }];
    state.storeData.clear();
    state.storeOptions = [];
    state.exposed.clear();
    state.rendererListeners.clear();
    vi.clearAllMocks();
  }

  return { module: { ...module, default: module }, state, app, ipcMain, dialog, shell, safeStorage, Store, ipcRenderer, BrowserWindow, reset };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
