import { request } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { AppServices } from '../../../electron/services/api';
import type { Handlers } from '../../../electron/services/handlers';
import { startWebHost, type WebHost } from '../../../electron/hosts/web';

/** AppServices whose handlers record every call that reaches them. */
export class SpyServices extends AppServices {
  readonly calls: string[] = [];
  /** Replacements for some handlers, e.g. one that pushes an event to its caller. */
  overrides: Partial<Handlers> = {};

  override handlers(): Handlers {
    const real = { ...super.handlers(), ...this.overrides };
    const spied = {} as Record<string, unknown>;
    for (const [method, fn] of Object.entries(real)) {
      spied[method] = (req: unknown, ctx: unknown) => {
        this.calls.push(method);
        return (fn as (r: unknown, c: unknown) => unknown)(req, ctx);
      };
    }
    return spied as Handlers;
  }
}

export const INDEX_HTML = '<!doctype html><html><head><title>Ogma Desk</title></head><body><div id="root">ogma-test-page</div></body></html>';
export const SECRET = 'secret-outside-the-static-folder';

export interface Fixture {
  host: WebHost;
  services: SpyServices;
  dir: string;
  origin: string;
  cookie: string;
  log: string[];
  close(): Promise<void>;
}

/** A running web host on a free port, serving a temp folder with index.html and one asset; a secret file sits beside that folder. */
export async function startFixture(overrides: Partial<Handlers> = {}): Promise<Fixture> {
  const dir = mkdtempSync(join(tmpdir(), 'ogma-web-'));
  const staticDir = join(dir, 'renderer');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), INDEX_HTML);
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log("ok");');
  writeFileSync(join(dir, 'secret.txt'), SECRET);
  const services = new SpyServices({ host: 'web', version: '9.9.9', home: join(dir, 'home') });
  services.overrides = overrides;
  const log: string[] = [];
  const host = await startWebHost({ services, staticDir, port: 0, log: (l) => log.push(l) });
  return {
    host,
    services,
    dir,
    origin: `http://127.0.0.1:${host.port}`,
    cookie: `ogma_token_${host.port}=${host.token}`,
    log,
    async close() {
      await host.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP GET: the path goes on the wire exactly as given (no normalisation by a URL class). */
export function get(port: number, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Opens a WebSocket to /rpc; resolves with the socket, or rejects with the HTTP status the upgrade got. */
export function openSocket(port: number, headers: Record<string, string>, path = '/rpc'): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}${path}`, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => {
      reject(new Error(`upgrade refused: ${res.statusCode}`));
      ws.terminate();
    });
    ws.once('error', reject);
  });
}

/** A JSON-RPC peer over a `ws` socket that collects everything it receives. */
export class RpcPeer {
  readonly received: unknown[] = [];
  private waiters: Array<{ match: (m: any) => boolean; resolve: (m: any) => void }> = [];

  constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const msg = JSON.parse(String(data));
      this.received.push(msg);
      const i = this.waiters.findIndex((w) => w.match(msg));
      if (i >= 0) this.waiters.splice(i, 1)[0]!.resolve(msg);
    });
  }

  next(match: (m: any) => boolean, timeoutMs = 5000): Promise<any> {
    const already = this.received.find(match);
    if (already) return Promise.resolve(already);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no matching message')), timeoutMs);
      this.waiters.push({ match, resolve: (m) => (clearTimeout(timer), resolve(m)) });
    });
  }

  sendRaw(text: string): void {
    this.ws.send(text);
  }

  private id = 0;
  async call(method: string, params?: unknown): Promise<any> {
    const id = ++this.id;
    this.ws.send(JSON.stringify({ jsonrpc: '2.0', id, method, ...(params === undefined ? {} : { params }) }));
    return this.next((m) => m.id === id);
  }
}
