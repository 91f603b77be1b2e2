import { header, type Ctx } from '../../http/context';
import { grants, missingScopesMessage } from '../../http/auth';
import type { Vendor } from '../../http/pipeline';
import { rateLimitHeaders } from '../../http/ratelimit';
import { anthropicError, type Reply } from '../../http/reply';
import { Router, type Route } from '../../http/router';
import { kindOfSecret } from '../../model/keys';
import { COMPLIANCE_SCOPES as S } from '../../types';
import { anthropicFault } from '../faults';
import { getApiKey, getComplianceSettings, getMe, getUser, getWorkspace, listApiKeys, listUsers, listWorkspaces } from './directory';
import type { AdminPrincipal } from './principal';
import { claudeCodeReport, costReport, usageMessages } from './usage';

/** The Anthropic Admin API: `/v1/organizations/*` (usage, cost, Claude Code analytics, directory). */

const P = '/v1/organizations';
// [inferred] exact 401 body on admin routes: the platform's usual wording
const AUTH_401 = 'invalid x-api-key';
const RATE_429 = 'Rate limit of 600 requests per minute for the Admin API has been exceeded. Retry after the time indicated by the retry-after header.';
const VERSIONS = ['2023-06-01', '2023-01-01'];

type R = Route<AdminPrincipal>;
/** 'console': Console admin keys only. 'members': admin keys, or Enterprise keys with read:members. */
const get = (pattern: string, access: 'console' | 'members', handle: R['handle']): R => ({ method: 'GET', pattern: P + pattern, access, handle });

const routes: R[] = [
  get('/me', 'console', getMe),
  get('/usage_report/messages', 'console', usageMessages),
  get('/usage_report/claude_code', 'console', claudeCodeReport),
  get('/cost_report', 'console', costReport),
  get('/users', 'members', listUsers),
  get('/users/:user_id', 'members', getUser),
  get('/workspaces', 'console', listWorkspaces),
  get('/workspaces/:workspace_id', 'console', getWorkspace),
  get('/api_keys', 'console', listApiKeys),
  get('/api_keys/:api_key_id', 'console', getApiKey),
  get('/compliance_settings', 'console', getComplianceSettings),
];

function err(ctx: Ctx, status: number, type: string, message: string, headers: Record<string, string> = {}): Reply {
  // the Admin API always uses the platform envelope (type + request_id)
  return anthropicError(status, type, message, ctx.requestId, 'platform', headers);
}

export const adminVendor: Vendor<AdminPrincipal> = {
  requestIdHeader: 'request-id',

  authenticate(ctx) {
    const secret = (header(ctx, 'x-api-key') ?? '').trim();
    const key = secret === '' ? null : ctx.world.keys.lookup(secret);
    // Claude API keys and OpenAI keys are not admin credentials: 401 like an unknown key
    if (!key || kindOfSecret(secret) !== key.kind || (key.kind !== 'admin' && key.kind !== 'compliance')) return { reply: err(ctx, 401, 'authentication_error', AUTH_401) };
    const tenant = ctx.world.tenant(key.tenantKey);
    return { principal: { key, tenant, kind: key.kind === 'admin' ? 'console_admin' : 'enterprise' } };
  },

  // missing anthropic-version -> 400 [inferred: the platform requires it]
  precheck(ctx) {
    const v = header(ctx, 'anthropic-version');
    if (v === undefined || v.trim() === '') return err(ctx, 400, 'invalid_request_error', 'anthropic-version: header is required');
    if (!VERSIONS.includes(v.trim())) return err(ctx, 400, 'invalid_request_error', `anthropic-version: "${v}" is not a valid version`);
    return null;
  },

  // [inferred] the Admin API gets its own 600/min budget per parent, separate from the Compliance API's
  bucket: (p) => `admin:${p.tenant.parentUuid}`,
  rateHeaders: rateLimitHeaders,
  tooManyRequests: (ctx, d) => err(ctx, 429, 'rate_limit_error', RATE_429, { 'retry-after': String(d.retryAfterS) }),
  router: new Router(routes),

  authorize(ctx, p, route) {
    if (p.kind === 'console_admin') return null;
    // Enterprise scoped keys: members endpoints need read:members (or the read:org_audit bundle);
    // Console-only endpoints do not exist for them -> 404 [inferred per the error table]
    if (route.access === 'members') return grants(p.key.scopes, S.readMembers) && p.tenant.plan === 'enterprise' ? null : err(ctx, 403, 'permission_error', missingScopesMessage(p.tenant.plan === 'enterprise' ? p.key.scopes : [], [S.readMembers]));
    return err(ctx, 404, 'not_found_error', 'The requested resource could not be found.');
  },

  notFound: (ctx, message) => err(ctx, 404, 'not_found_error', message ?? 'The requested resource could not be found.'),
  inputError: (ctx, e) => err(ctx, e.status, 'invalid_request_error', e.message),
  faultReply: (ctx, kind) => anthropicFault(ctx, kind, RATE_429),
  internalError: (ctx) => err(ctx, 500, 'api_error', 'Internal server error'),

  // reading usage or cost shows up in the parent's Activity Feed (reference admin §13)
  afterReply(ctx, p, status) {
    if (status !== 200 || p.kind !== 'console_admin' || !p.tenant.console) return;
    const type = ctx.path.endsWith('/usage_report/messages') ? 'platform_usage_report_messages_viewed' : ctx.path.endsWith('/cost_report') ? 'platform_cost_report_viewed' : null;
    if (!type) return;
    const world = ctx.world;
    const actor = { type: 'admin_api_key_actor', admin_api_key_id: p.key.id, ip_address: '127.0.0.1', user_agent: header(ctx, 'user-agent') ?? null };
    p.tenant.activities.add(world.activityFactory(p.tenant).row(world.now(), type, null, actor));
  },
};
