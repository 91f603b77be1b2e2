import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { OgmaError } from '../../shared/api/errors';
import type { AppServices } from '../services/api';
import { createDispatcher } from './dispatch';
import { checkRequest, isAcceptableToken, newToken, sessionCookie } from './web/guard';
import { eventNotification, MAX_MESSAGE_BYTES, RpcSession } from './web/rpc';
import { StaticFiles } from './web/static';

/**
 * The browser host: the built renderer and the API contract served on 127.0.0.1 to one
 * browser, for machines without the Electron binary and for end-to-end tests. HTTP serves
 * the files of `staticDir`; the contract is JSON-RPC 2.0 over a WebSocket on /rpc.
 * Who may connect is decided in web/guard.ts before anything else runs.
 */

export interface WebHostOptions {
  services: AppServices;
  /** The vite build of the renderer (dist/renderer); must hold index.html. */
  staticDir: string;
  /** 0 or absent: any free port. */
  port?: number;
  /**
   * Fixes the token instead of drawing a random one. Only for tests that must know the URL
   * before the host starts (`ogma serve` passes OGMA_WEB_TOKEN when it is explicitly set).
   */
  token?: string;
  log?: (line: string) => void;
}

export interface WebHost {
  /** http://127.0.0.1:PORT/?token=TOKEN: the address to open, once, in a browser. */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/** Sockets beyond this are refused: one user's browser needs a handful at most. */
const MAX_SOCKETS = 32;
const MAX_REFUSALS_LOGGED = 20;

export function contentSecurityPolicy(port: number): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ws://127.0.0.1:${port}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}

function securityHeaders(port: number): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(port),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };
}

function plain(res: ServerResponse, status: number, body: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'X-Content-Type-Options': 'nosniff',
    ...extra,
  });
  res.end(body);
}

function refuseUpgrade(socket: Duplex, status: number, text: string, body: string): void {
  socket.end(
    `HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const log = options.log ?? (() => {});
  const token = options.token ?? newToken();
  if (!isAcceptableToken(token)) {
    throw new OgmaError('VALIDATION_FAILED', 'The web host token must be at least 43 base64url characters (32 random bytes).', { field: 'token' });
  }
  let files: StaticFiles;
  try {
    files = await StaticFiles.open(options.staticDir);
  } catch {
    throw new OgmaError('UNREADABLE', `The renderer build folder ${options.staticDir} does not exist. Run \`npm run build\` first.`, {
      path: options.staticDir,
    });
  }

  const services = options.services;
  const dispatch = createDispatcher(services.handlers(), log);
  const sessions = new Set<RpcSession>();
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  let port = 0; // known once listening; no request is accepted before that
  let refusalsLogged = 0;
  // Why a browser got 403 is the first thing to look for when "the page is blank"; a page
  // hammering the port must not flood the terminal, though.
  const logRefusal = (req: IncomingMessage, reason: string) => {
    if (refusalsLogged > MAX_REFUSALS_LOGGED) return;
    refusalsLogged++;
    log(refusalsLogged > MAX_REFUSALS_LOGGED ? 'further refused requests are not logged' : `refused ${req.method} ${req.url?.split('?')[0]}: ${reason}`);
  };

  const server = createServer((req, res) => {
    void serveHttp(req, res).catch((e: unknown) => {
      log(`http ${req.method} failed: ${e instanceof Error ? e.message : String(e)}`);
      if (!res.headersSent) plain(res, 500, 'Internal error.');
      else res.destroy();
    });
  });

  async function serveHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const verdict = checkRequest(req, port, token);
    if (!verdict.ok) {
      logRefusal(req, verdict.reason);
      return plain(res, verdict.status, verdict.reason);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'Method not allowed.', { Allow: 'GET, HEAD' });
    const found = await files.lookup(verdict.url.pathname);
    if (found.kind === 'refused') return plain(res, found.status, found.reason);
    const headers: Record<string, string | number> = {
      ...securityHeaders(port),
      'Content-Type': found.type,
      'Content-Length': found.body.length,
    };
    // The first load carries ?token=; from then on the cookie authenticates assets and /rpc.
    if (verdict.tokenFrom === 'query') headers['Set-Cookie'] = sessionCookie(port, token);
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : found.body);
  }

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const verdict = checkRequest(req, port, token);
    if (!verdict.ok) {
      logRefusal(req, verdict.reason);
      return refuseUpgrade(socket, verdict.status, verdict.status === 403 ? 'Forbidden' : 'Bad Request', verdict.reason);
    }
    if (verdict.url.pathname !== '/rpc') return refuseUpgrade(socket, 404, 'Not Found', 'Not found.');
    if (sessions.size >= MAX_SOCKETS) return refuseUpgrade(socket, 503, 'Service Unavailable', 'Too many connections.');
    wss.handleUpgrade(req, socket, head, (ws: WebSocket) => {
      const session = new RpcSession(ws, dispatch, log);
      sessions.add(session);
      ws.on('error', (e) => log(`websocket error: ${e.message}`));
      ws.on('close', () => sessions.delete(session));
    });
  });

  const unsubscribe = services.events.subscribe((event, payload) => {
    if (sessions.size === 0) return;
    const note = eventNotification(event, payload, log);
    if (note) for (const s of sessions) s.pushEvent(note);
  });

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (e) {
    unsubscribe();
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new OgmaError('UNAVAILABLE', `Port ${options.port} on 127.0.0.1 is already in use; pick another with --port, or 0 for any free port.`);
    throw e;
  }
  port = (server.address() as AddressInfo).port;

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      unsubscribe();
      for (const client of wss.clients) client.close(1001, 'Ogma Desk is shutting down.');
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        // Sockets that do not finish the closing handshake promptly are cut.
        setTimeout(() => {
          for (const client of wss.clients) client.terminate();
        }, 1000).unref();
      });
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    })());

  return { url: `http://127.0.0.1:${port}/?token=${token}`, port, token, close };
}
