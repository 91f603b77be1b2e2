import { header } from '../../http/context';
import { bearerToken } from '../../http/auth';
import type { Vendor } from '../../http/pipeline';
import { openaiError } from '../../http/reply';
import { Router, type Route } from '../../http/router';
import { kindOfSecret } from '../../model/keys';
import { openaiFault } from '../faults';
import { listAuditLogs } from './audit';
import { getProject, getUser, listProjects, listUsers } from './directory';
import type { OpenAiPrincipal } from './principal';
import { costs, usageCompletions, usageEmbeddings } from './usage';

/** The OpenAI organisation Admin API: `/v1/organization/*`, Bearer `sk-admin-…` only. */

const P = '/v1/organization';
type R = Route<OpenAiPrincipal>;
const get = (pattern: string, handle: R['handle']): R => ({ method: 'GET', pattern: P + pattern, handle });

const routes: R[] = [
  get('/costs', costs),
  get('/usage/completions', usageCompletions),
  get('/usage/embeddings', usageEmbeddings),
  get('/audit_logs', listAuditLogs),
  get('/users', listUsers),
  get('/users/:user_id', getUser),
  get('/projects', listProjects),
  get('/projects/:project_id', getProject),
];

const NO_KEY = "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (with blank username) if you're accessing the API from your browser and are prompted for a username. You can obtain an API key from https://platform.openai.com/account/api-keys.";
export const INSUFFICIENT = "You have insufficient permissions for this operation. Missing scopes: api.management.read. Check that you have the correct role in your organization (Owner, Reader), and if you're using a restricted API key, that it has the necessary scopes.";

function redact(secret: string): string {
  return secret.length <= 8 ? secret : `${secret.slice(0, 8)}${'*'.repeat(Math.max(0, Math.min(20, secret.length - 12)))}${secret.slice(-4)}`;
}

export const openaiVendor: Vendor<OpenAiPrincipal> = {
  requestIdHeader: 'x-request-id',

  authenticate(ctx) {
    const secret = bearerToken(header(ctx, 'authorization'));
    if (secret === null || secret === '') return { reply: openaiError(401, NO_KEY, 'invalid_request_error', null, null) };
    const key = ctx.world.keys.lookup(secret);
    const kind = kindOfSecret(secret);
    // project keys cannot call admin endpoints: the help text lists missing permission as a 401 cause
    if (key && kind === 'openai_project' && key.kind === 'openai_project') return { reply: openaiError(401, INSUFFICIENT, 'invalid_request_error', null, null) };
    if (!key || key.kind !== 'openai_admin' || kind !== 'openai_admin') {
      return { reply: openaiError(401, `Incorrect API key provided: ${redact(secret)}. You can find your API key at https://platform.openai.com/account/api-keys.`, 'invalid_request_error', null, 'invalid_api_key') };
    }
    const tenant = ctx.world.tenant(key.tenantKey);
    if (!tenant.openai) return { reply: openaiError(401, INSUFFICIENT, 'invalid_request_error', null, null) };
    return { principal: { key, tenant, org: tenant.openai } };
  },

  // Admin API limits are not published [inferred]: 600/min per organisation, retry-after on 429
  bucket: (p) => `openai:${p.org.id}`,
  rateHeaders: () => ({}),
  tooManyRequests: (_ctx, d, p) => openaiError(429, `Rate limit reached for requests in organization ${p.org.id} on requests per min (RPM): Limit 600, Used 600. Please try again in ${d.retryAfterS}s.`, 'rate_limit_error', null, 'rate_limit_exceeded', { 'retry-after': String(d.retryAfterS) }),
  router: new Router(routes),
  authorize: () => null,
  notFound: (ctx, message) => openaiError(404, message ?? `Invalid URL (${ctx.method} ${ctx.path})`, 'invalid_request_error'),
  inputError: (_ctx, e) => openaiError(e.status, e.message, 'invalid_request_error', e.param),
  faultReply: (_ctx, kind) => openaiFault(kind),
  internalError: () => openaiError(500, 'The server had an error while processing your request. Sorry about that!', 'server_error'),
};
