import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { BASE58, HEX, stableChars } from '../random/ids';
import type { World } from '../model/world';
import { runControl } from '../control/routes';
import { complianceVendor } from '../vendors/compliance/vendor';
import { adminVendor } from '../vendors/admin/vendor';
import { openaiVendor, INSUFFICIENT } from '../vendors/openai/vendor';
import { bearerToken } from './auth';
import type { Ctx } from './context';
import { FaultInjector } from './faults';
import { runVendor, type Outcome } from './pipeline';
import { Query } from './query';
import { SlidingWindowLimiter } from './ratelimit';
import { anthropicError, openaiError, type Reply } from './reply';

/** One node:http server for all three vendor APIs plus the `/_sim/` control routes. */

const MAX_BODY = 1 << 20;
const OPENAI_INFERENCE = ['/v1/chat/completions', '/v1/responses', '/v1/completions', '/v1/embeddings', '/v1/models'];

export interface SimServer {
  server: Server;
  faults: FaultInjector;
  limiter: SlidingWindowLimiter;
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () => resolve(size > MAX_BODY ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function serialise(reply: Reply): { bytes: Buffer[]; contentType: string } {
  if (reply.raw) return { bytes: reply.raw.chunks, contentType: reply.raw.contentType };
  return { bytes: [Buffer.from(JSON.stringify(reply.body ?? null), 'utf8')], contentType: 'application/json' };
}

function write(res: ServerResponse, outcome: Outcome): void {
  const { reply } = outcome;
  if (!reply) {
    res.socket?.destroy();
    return;
  }
  const { bytes, contentType } = serialise(reply);
  const headers: Record<string, string> = { 'content-type': contentType, ...reply.headers };
  const total = bytes.reduce((n, b) => n + b.length, 0);
  if (outcome.spoil === 'truncated') {
    // promise the whole body, send part of it, then drop the connection
    const all = Buffer.concat(bytes);
    res.writeHead(reply.status, { ...headers, 'content-length': String(total) });
    res.write(all.subarray(0, Math.floor(total / 2)), () => res.socket?.destroy());
    return;
  }
  if (outcome.spoil === 'malformed') {
    const all = Buffer.concat(bytes);
    const broken = Buffer.concat([all.subarray(0, Math.max(1, Math.floor(total * 0.6))), Buffer.from('\u0000<!-- upstream error -->', 'utf8')]);
    res.writeHead(reply.status, { ...headers, 'content-length': String(broken.length) });
    res.end(broken);
    return;
  }
  if (reply.raw) {
    res.writeHead(reply.status, headers); // no content-length: chunked transfer encoding
    for (const b of bytes) res.write(b);
    res.end();
    return;
  }
  res.writeHead(reply.status, { ...headers, 'content-length': String(total) });
  res.end(bytes[0]);
}

export function createSimServer(world: World, controlToken: string): SimServer {
  const faults = new FaultInjector();
  const limiter = new SlidingWindowLimiter();
  let requests = 0;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    const isOpenAi = path.startsWith('/v1/organization/') || OPENAI_INFERENCE.includes(path);
    const n = requests++;
    const requestId = isOpenAi ? `req_${stableChars(world.seed, `oreq:${n}`, HEX, 32)}` : `req_011C${stableChars(world.seed, `req:${n}`, BASE58, 20)}`;
    const ctx: Ctx = { world, method: req.method ?? 'GET', path, url: `${url.pathname}${url.search}`, query: new Query(url.searchParams), headers: req.headers, rawBody: raw ?? '', requestId, params: {} };
    const svc = { limiter, faults };

    let outcome: Outcome;
    if (raw === null) outcome = { reply: anthropicError(413, 'request_too_large', 'Request exceeds the maximum allowed number of bytes.', requestId), delayMs: 0, spoil: null };
    else if (path === '/_sim' || path.startsWith('/_sim/')) outcome = { reply: runControl(ctx, { world, faults, limiter }, controlToken), delayMs: 0, spoil: null };
    else if (path.startsWith('/v1/compliance/')) outcome = runVendor(ctx, complianceVendor, svc);
    else if (path.startsWith('/v1/organizations/')) outcome = runVendor(ctx, adminVendor, svc);
    else if (path.startsWith('/v1/organization/')) outcome = runVendor(ctx, openaiVendor, svc);
    else if (OPENAI_INFERENCE.includes(path) && (bearerToken(req.headers.authorization) ?? '').startsWith('sk-admin-')) {
      // admin keys cannot call inference routes
      outcome = { reply: openaiError(401, INSUFFICIENT.replace('api.management.read', 'model.request'), 'invalid_request_error', null, null, { 'x-request-id': requestId }), delayMs: 0, spoil: null };
    } else outcome = { reply: anthropicError(404, 'not_found_error', 'Not found', requestId, 'platform', { 'request-id': requestId }), delayMs: 0, spoil: null };

    if (outcome.reply && !outcome.reply.headers['request-id'] && !outcome.reply.headers['x-request-id']) outcome.reply.headers['request-id'] = requestId;
    if (outcome.delayMs > 0) await new Promise((r) => setTimeout(r, outcome.delayMs));
    write(res, outcome);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      process.emitWarning(`ogma sim: request failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ type: 'error', error: { type: 'api_error', message: 'Internal server error' } }));
      } else res.socket?.destroy();
    });
  });
  return { server, faults, limiter };
}
