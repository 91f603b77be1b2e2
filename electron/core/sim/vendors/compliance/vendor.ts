import { header, type Ctx } from '../../http/context';
import { grants, heldComplianceScopes, missingScopesMessage } from '../../http/auth';
import type { FaultKind } from '../../http/faults';
import type { Vendor } from '../../http/pipeline';
import { rateLimitHeaders } from '../../http/ratelimit';
import { anthropicError, ok, type InputError, type Reply } from '../../http/reply';
import { Router, type Route } from '../../http/router';
import { kindOfSecret } from '../../model/keys';
import { COMPLIANCE_SCOPES as S } from '../../types';
import { anthropicFault } from '../faults';
import { listActivities } from './activities';
import { deleteChat, listChats, listMessages } from './chats';
import { getGroup, getRole, getSettings, listGroupMembers, listGroups, listOrgUsers, listOrganizations, listRolePermissions, listRoles } from './directory';
import { artifactContent, artifactMetadata, deleteFileRoute, fileContent, fileMetadata, generatedFileContent, generatedFileMetadata } from './files';
import type { CompliancePrincipal } from './principal';
import { deleteDocument, deleteProject, getDocument, getDocumentMetadata, getProject, listAttachments, listCollaborators, listProjects } from './projects';

/** The Anthropic Compliance API: `/v1/compliance/*`. */

const P = '/v1/compliance';
const AUTH_401 = 'The API key provided is invalid or has been revoked.';
const RATE_429 = 'Compliance API rate limit of 600 requests per minute per parent organization has been exceeded. Retry after the time indicated by the retry-after header. Quote the request-id response header when contacting Anthropic support.';

type R = Route<CompliancePrincipal>;
const get = (pattern: string, access: string, handle: R['handle']): R => ({ method: 'GET', pattern: P + pattern, access, handle });
const del = (pattern: string, handle: R['handle']): R => ({ method: 'DELETE', pattern: P + pattern, access: S.deleteUserData, handle });

const emptyPage = (): Reply => ok({ data: [], next_page: null });

export const complianceRoutes: R[] = [
  get('/activities', S.activities, listActivities),
  get('/organizations', S.orgData, listOrganizations),
  get('/organizations/:org_uuid/users', S.userData, listOrgUsers), // user_data, not org_data
  get('/organizations/:org_uuid/roles', S.orgData, listRoles),
  get('/organizations/:org_uuid/roles/:role_id', S.orgData, getRole),
  get('/organizations/:org_uuid/roles/:role_id/permissions', S.orgData, listRolePermissions),
  get('/organizations/:organization_id/settings', S.orgData, getSettings),
  get('/groups', S.orgData, listGroups),
  get('/groups/:group_id', S.orgData, getGroup),
  get('/groups/:group_id/members', S.userData, listGroupMembers), // user_data, not org_data
  get('/apps/chats', S.userData, listChats),
  get('/apps/chats/:claude_chat_id/messages', S.userData, listMessages),
  del('/apps/chats/:claude_chat_id', deleteChat),
  get('/apps/chats/files/:claude_file_id', S.userData, fileMetadata),
  get('/apps/chats/files/:claude_file_id/content', S.userData, fileContent),
  del('/apps/chats/files/:claude_file_id', deleteFileRoute),
  get('/apps/chats/generated-files/:claude_gen_file_id', S.userData, generatedFileMetadata),
  get('/apps/chats/generated-files/:claude_gen_file_id/content', S.userData, generatedFileContent),
  get('/apps/artifacts/:artifact_version_id', S.userData, artifactMetadata),
  get('/apps/artifacts/:artifact_version_id/content', S.userData, artifactContent),
  get('/apps/projects', S.userData, listProjects),
  get('/apps/projects/:project_id', S.userData, getProject),
  del('/apps/projects/:project_id', deleteProject),
  get('/apps/projects/:project_id/attachments', S.userData, listAttachments),
  get('/apps/projects/:project_id/collaborators', S.userData, listCollaborators),
  get('/apps/projects/documents/:document_id', S.userData, getDocument),
  get('/apps/projects/documents/:document_id/metadata', S.userData, getDocumentMetadata),
  del('/apps/projects/documents/:document_id', deleteDocument),
  // Sessions and code artifacts are not simulated: local sessions answer with their documented
  // "not available" 404, remote sessions and code artifacts with an empty final page.
  get('/apps/sessions/remote', S.userData, emptyPage),
  get('/apps/code/artifacts', S.userData, emptyPage),
];

const LOCAL_SESSIONS = ['/apps/sessions/local', '/apps/sessions/local/:session_id', '/apps/sessions/local/:session_id/messages'];
for (const path of LOCAL_SESSIONS) {
  complianceRoutes.push(get(path, S.userData, (ctx) => anthropicError(404, 'not_found_error', 'Local sessions are not available.', ctx.requestId, ctx.world.config.errorEnvelope)));
}

function err(ctx: Ctx, status: number, type: string, message: string, headers: Record<string, string> = {}): Reply {
  return anthropicError(status, type, message, ctx.requestId, ctx.world.config.errorEnvelope, headers);
}

/** Writes the `compliance_api_accessed` row every Compliance API request produces. */
function recordAccess(ctx: Ctx, p: CompliancePrincipal, status: number): void {
  const world = ctx.world;
  const factory = world.activityFactory(p.tenant);
  const actor = { type: 'api_actor', api_key_id: p.key.id, ip_address: '127.0.0.1', user_agent: header(ctx, 'user-agent') ?? null };
  p.tenant.activities.add(
    factory.row(world.now(), 'compliance_api_accessed', null, actor, {
      request_id: ctx.requestId,
      request_method: ctx.method,
      status_code: status,
      url: `https://api.anthropic.com${ctx.url}`,
      request_body: ctx.rawBody === '' ? null : ctx.rawBody,
    }),
  );
}

export const complianceVendor: Vendor<CompliancePrincipal> = {
  requestIdHeader: 'request-id',

  // x-api-key only. Whether `Authorization: Bearer` works is [inferred/untested] in the
  // reference; we take the stricter reading and treat a Bearer-only request as keyless (401).
  authenticate(ctx) {
    const secret = (header(ctx, 'x-api-key') ?? '').trim();
    const key = secret === '' ? null : ctx.world.keys.lookup(secret);
    // Claude API keys (sk-ant-api03-) never work here and are refused before the limiter
    // [inferred], as are OpenAI keys and anything unknown, revoked or empty: one body for all.
    if (!key || kindOfSecret(secret) !== key.kind || (key.kind !== 'compliance' && key.kind !== 'admin')) {
      return { reply: err(ctx, 401, 'authentication_error', AUTH_401) };
    }
    const tenant = ctx.world.tenant(key.tenantKey);
    return { principal: { key, tenant, held: heldComplianceScopes(key, tenant) } };
  },

  bucket: (p) => `compliance:${p.tenant.parentUuid}`,
  rateHeaders: rateLimitHeaders,
  tooManyRequests: (ctx, d) => err(ctx, 429, 'rate_limit_error', RATE_429, { 'retry-after': String(d.retryAfterS) }),
  router: new Router(complianceRoutes),

  authorize(ctx, p, route) {
    const needed = route.access;
    if (!needed || grants(p.held, needed)) return null;
    return err(ctx, 403, 'permission_error', missingScopesMessage(p.held, [needed]));
  },

  notFound: (ctx, message) => err(ctx, 404, 'not_found_error', message ?? 'Not found'),
  inputError: (ctx, e: InputError) => err(ctx, e.status, 'invalid_request_error', e.message),
  faultReply: (ctx, kind: FaultKind) => anthropicFault(ctx, kind, RATE_429),
  internalError: (ctx) => err(ctx, 500, 'api_error', 'Internal server error'),
  afterReply: recordAccess,
};
