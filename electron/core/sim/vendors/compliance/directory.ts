import { isoSeconds } from '../../clock';
import type { Ctx } from '../../http/context';
import { tokenPage } from '../../http/pagination';
import { limitParam } from '../../http/query';
import { NotFound, anthropicError, ok, type Reply } from '../../http/reply';
import type { Org } from '../../model/entities';
import { visibleOrgs, type CompliancePrincipal } from './principal';
import { isActive, naiveIso, orgJson } from './serialize';

/** Organizations, org users, roles, groups, settings (reference §3 rows 2–10, §9). */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** `{org_uuid}` path values must be UUIDs of an org the key can see; `org_…` ids are not accepted here. */
function pathOrg(ctx: Ctx, p: CompliancePrincipal): Org {
  const ref = ctx.params.org_uuid ?? '';
  const org = visibleOrgs(p).find((o) => o.uuid === ref);
  if (!org) throw new NotFound(`The "${ref}" organization does not exist or the requester is not authorized to access it.`);
  return org;
}

export function listOrganizations(ctx: Ctx, p: CompliancePrincipal): Reply {
  const limit = limitParam(ctx.query, { max: 1000, def: 1000 });
  const page = tokenPage(visibleOrgs(p), (o) => ({ t: o.createdAt, id: o.uuid }), { scope: 'organizations', owner: p.tenant.parentUuid, limit, page: ctx.query.get('page') });
  return ok({ ...page, data: page.data.map(orgJson) });
}

export function listOrgUsers(ctx: Ctx, p: CompliancePrincipal): Reply {
  const org = pathOrg(ctx, p);
  const limit = limitParam(ctx.query, { max: 1000, def: 500 });
  const now = ctx.world.now();
  const page = tokenPage(org.users, (u) => ({ t: u.createdAt, id: u.id }), { scope: `users:${org.uuid}`, owner: p.tenant.parentUuid, limit, page: ctx.query.get('page'), filter: (u) => isActive(u, now) });
  return ok({ ...page, data: page.data.map((u) => ({ id: u.id, full_name: u.fullName, email: u.email, organization_role: u.role, created_at: isoSeconds(u.createdAt) })) });
}

function roleJson(r: Org['roles'][number]): Record<string, unknown> {
  return { id: r.id, name: r.name, description: r.description, created_at: naiveIso(r.createdAt), updated_at: naiveIso(r.updatedAt) };
}

export function listRoles(ctx: Ctx, p: CompliancePrincipal): Reply {
  const org = pathOrg(ctx, p);
  const limit = limitParam(ctx.query, { max: 1000, def: 500 });
  const page = tokenPage(org.roles, (r) => ({ t: r.createdAt, id: r.id }), { scope: `roles:${org.uuid}`, owner: p.tenant.parentUuid, limit, page: ctx.query.get('page') });
  return ok({ ...page, data: page.data.map(roleJson) });
}

function findRole(ctx: Ctx, p: CompliancePrincipal): Org['roles'][number] {
  const role = pathOrg(ctx, p).roles.find((r) => r.id === ctx.params.role_id);
  if (!role) throw new NotFound('Role not found.');
  return role;
}

export function getRole(ctx: Ctx, p: CompliancePrincipal): Reply {
  return ok(roleJson(findRole(ctx, p)));
}

export function listRolePermissions(ctx: Ctx, p: CompliancePrincipal): Reply {
  const role = findRole(ctx, p);
  const limit = limitParam(ctx.query, { max: 1000, def: 500 });
  const page = tokenPage(role.permissions.map((perm, i) => ({ perm, i })), (x) => ({ t: x.i, id: `${x.i}` }), { scope: `permissions:${role.id}`, owner: p.tenant.parentUuid, limit, page: ctx.query.get('page') });
  return ok({ ...page, data: page.data.map((x) => x.perm) });
}

export function listGroups(ctx: Ctx, p: CompliancePrincipal): Reply {
  const limit = limitParam(ctx.query, { max: 1000, def: 500 });
  const prefix = ctx.query.get('name_prefix');
  const page = tokenPage(p.tenant.groups, (g) => ({ t: g.createdAt, id: g.id }), { scope: 'groups', owner: p.tenant.parentUuid, limit, page: ctx.query.get('page'), filter: (g) => prefix === undefined || g.name.startsWith(prefix) });
  return ok({ ...page, data: page.data.map(groupJson) });
}

function groupJson(g: CompliancePrincipal['tenant']['groups'][number]): Record<string, unknown> {
  return { id: g.id, name: g.name, description: g.description, source_type: g.sourceType, roles: g.roleIds, created_at: isoSeconds(g.createdAt), updated_at: isoSeconds(g.updatedAt) };
}

function findGroup(ctx: Ctx, p: CompliancePrincipal): CompliancePrincipal['tenant']['groups'][number] {
  const g = p.tenant.groups.find((x) => x.id === ctx.params.group_id);
  if (!g) throw new NotFound('Group not found.');
  return g;
}

export function getGroup(ctx: Ctx, p: CompliancePrincipal): Reply {
  return ok(groupJson(findGroup(ctx, p)));
}

export function listGroupMembers(ctx: Ctx, p: CompliancePrincipal): Reply {
  const g = findGroup(ctx, p);
  const limit = limitParam(ctx.query, { max: 1000, def: 500 });
  const now = ctx.world.now();
  const page = tokenPage(g.members, (m) => ({ t: m.createdAt, id: m.userId }), {
    scope: `group_members:${g.id}`,
    owner: p.tenant.parentUuid,
    limit,
    page: ctx.query.get('page'),
    filter: (m) => {
      const u = ctx.world.user(m.userId);
      return !u || isActive(u, now);
    },
  });
  return ok({ ...page, data: page.data.map((m) => ({ user_id: m.userId, email: m.email, created_at: isoSeconds(m.createdAt), updated_at: isoSeconds(m.updatedAt) })) });
}

/**
 * Effective settings. One 404 body for an unknown org, a non-UUID value, an org outside
 * the tree, or the feature not enabled for this parent (reference §12).
 */
export function getSettings(ctx: Ctx, p: CompliancePrincipal): Reply {
  const ref = ctx.params.organization_id ?? '';
  const org = UUID.test(ref) && p.tenant.settingsEnabled ? visibleOrgs(p).find((o) => o.uuid === ref) : undefined;
  if (!org) return anthropicError(404, 'not_found_error', `organization \`${ref}\` not found in this organization's hierarchy`, ctx.requestId, ctx.world.config.errorEnvelope);
  const world = ctx.world;
  const apiKeys = world.keys.list(p.tenant.key, 'compliance').map((k) => ({
    type: 'compliance_api_key',
    id: k.id,
    name: k.name,
    scopes: k.scopes,
    is_active: k.active,
    created_at: isoSeconds(k.createdAt),
    created_by_id: k.createdById,
    expires_at: null,
  }));
  const idx = p.tenant.orgs.indexOf(org);
  const settings: Array<{ name: string; type: string; value: unknown }> = [
    { name: 'web_search_enabled', type: 'boolean', value: true },
    { name: 'memory_enabled', type: 'boolean', value: idx % 2 === 0 },
    { name: 'content_redaction_enabled', type: 'boolean', value: false },
    { name: 'sso_enabled', type: 'boolean', value: true },
    { name: 'ip_allowlist_enabled', type: 'boolean', value: idx === 1 },
    { name: 'code_execution_enabled', type: 'boolean', value: true },
    { name: 'claude_ai_chat_sharing_enabled', type: 'boolean', value: false },
    { name: 'account_session_duration_seconds', type: 'integer', value: idx === 0 ? 43200 : null },
    { name: 'allowed_invite_domains', type: 'string_list', value: ['acme-corp.com', 'acme.de'] },
    { name: 'ip_allowlist_ip_ranges', type: 'string_list', value: idx === 1 ? ['203.0.113.0/24', '2001:db8::/32'] : [] },
    { name: 'sso_provisioning_mode', type: 'provisioning_mode', value: 'scim_advanced' },
    { name: 'data_retention_periods', type: 'data_retention', value: idx === 0 ? { chat: { type: 'indefinite' } } : { all: { type: 'fixed', duration: 24, timescale: 'month' } } },
  ];
  // a row missing means admins cannot control it (not "off"): drop one on odd orgs
  const rows = idx % 2 === 1 ? settings.filter((s) => s.name !== 'memory_enabled') : settings;
  return ok({ type: 'effective_organization_settings', organization_id: org.uuid, settings: rows, api_keys: apiKeys });
}
