import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * Who may talk to the browser host. Every HTTP request and every WebSocket upgrade goes
 * through `checkRequest` before anything else happens (no file is read, no handler runs).
 *
 * Three walls, each against a different attack:
 * - Host must be exactly `127.0.0.1:PORT`: a page on evil.example whose DNS name was
 *   rebound to 127.0.0.1 sends `Host: evil.example:PORT` and is refused.
 * - Origin, when the client sends one (browsers always do on WebSocket upgrades and on
 *   cross-origin fetches), must be exactly `http://127.0.0.1:PORT`: another site in the
 *   same browser cannot drive the API (cross-site WebSocket hijacking).
 * - The per-launch token: from the `?token=` of the URL the CLI printed (first page load),
 *   then from an HttpOnly, SameSite=Strict cookie the server sets on that response, so the
 *   page's assets and its WebSocket are authenticated without script ever seeing the token.
 *   Any other local program (or user on a shared machine) that finds the port still has no
 *   token.
 */

export const TOKEN_BYTES = 32;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43,}$/; // at least 32 bytes of base64url

export function newToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

export function isAcceptableToken(token: string): boolean {
  return TOKEN_SHAPE.test(token);
}

/** Cookies ignore ports, so the name carries ours: two hosts on one machine never clobber each other. */
export function cookieName(port: number): string {
  return `ogma_token_${port}`;
}

export function sessionCookie(port: number, token: string): string {
  return `${cookieName(port)}=${token}; Path=/; HttpOnly; SameSite=Strict`;
}

export type Verdict =
  | { ok: true; url: URL; tokenFrom: 'query' | 'cookie' }
  | { ok: false; status: 400 | 403; reason: string };

function digest(s: string): Buffer {
  return createHash('sha256').update(s).digest();
}

function sameToken(a: string, expected: string): boolean {
  // Hash first so the comparison takes the same time whatever the length of the guess.
  return timingSafeEqual(digest(a), digest(expected));
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export function checkRequest(req: IncomingMessage, port: number, token: string): Verdict {
  const origin = `http://127.0.0.1:${port}`;
  if (req.headers.host !== `127.0.0.1:${port}`) return { ok: false, status: 403, reason: 'Forbidden: wrong Host.' };
  const from = req.headers.origin;
  if (from !== undefined && from !== origin) return { ok: false, status: 403, reason: 'Forbidden: foreign Origin.' };
  // Only origin-form targets ("/path?query"); absolute-form would let a proxy-style request pick its own host.
  if (!req.url || !req.url.startsWith('/')) return { ok: false, status: 400, reason: 'Bad request target.' };
  let url: URL;
  try {
    url = new URL(req.url, origin);
  } catch {
    return { ok: false, status: 400, reason: 'Bad request target.' };
  }
  const fromQuery = url.searchParams.get('token');
  if (fromQuery !== null && sameToken(fromQuery, token)) return { ok: true, url, tokenFrom: 'query' };
  const fromCookie = cookieValue(req.headers.cookie, cookieName(port));
  if (fromCookie !== undefined && sameToken(fromCookie, token)) return { ok: true, url, tokenFrom: 'cookie' };
  return { ok: false, status: 403, reason: 'Forbidden: open the address that `ogma serve` printed.' };
}
