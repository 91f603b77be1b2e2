import { isoMicros } from '../../clock';
import type { Ctx } from '../../http/context';
import { boolParam, enumParam } from '../../http/query';
import { NotFound, ok, type Reply } from '../../http/reply';
import type { ConsoleMember, PlatformApiKey, User, Workspace } from '../../model/entities';
import { isActive } from '../compliance/serialize';
import { idCursorList, sortAsc } from './lists';
import { consoleOrg, type AdminPrincipal } from './principal';

/** me, users, workspaces, api_keys, compliance_settings (reference §2, §6). */

export function getMe(ctx: Ctx, p: AdminPrincipal): Reply {
  const org = consoleOrg(ctx, p);
  return ok({ id: org.uuid, type: 'organization', name: org.name });
}

interface Member {
  id: string;
  email: string;
  name: string;
  role: string;
  addedAt: number;
}

/** Console admin keys see the Console org's members; Enterprise keys (read:members) the Enterprise org's. */
function members(ctx: Ctx, p: AdminPrincipal): Member[] {
  if (p.kind === 'console_admin') return consoleOrg(ctx, p).members.map((m: ConsoleMember) => ({ id: m.id, email: m.email, name: m.name, role: m.role, addedAt: m.addedAt }));
  const org = p.tenant.orgs.find((o) => o.uuid === p.key.orgUuid) ?? p.tenant.orgs[0];
  const now = ctx.world.now();
  return (org?.users ?? []).filter((u: User) => isActive(u, now)).map((u) => ({ id: u.id, email: u.email, name: u.fullName, role: u.role, addedAt: u.createdAt }));
}

const memberKey = (m: Member): { t: number; id: string } => ({ t: m.addedAt, id: m.id });

function memberJson(m: Member): Record<string, unknown> {
  return { type: 'user', id: m.id, email: m.email, name: m.name, role: m.role, added_at: isoMicros(m.addedAt) };
}

export function listUsers(ctx: Ctx, p: AdminPrincipal): Reply {
  const email = ctx.query.get('email')?.toLowerCase();
  const roles = ctx.query.list('roles');
  // the user-management guide describes this list as newest first
  const page = idCursorList(ctx.query, sortAsc(members(ctx, p), memberKey), memberKey, 'desc', (m) => (email === undefined || m.email.toLowerCase() === email) && (roles.length === 0 || roles.includes(m.role)));
  return ok({ ...page, data: page.data.map(memberJson) });
}

export function getUser(ctx: Ctx, p: AdminPrincipal): Reply {
  const m = members(ctx, p).find((x) => x.id === ctx.params.user_id);
  if (!m) throw new NotFound('The requested resource could not be found.');
  return ok(memberJson(m));
}

function workspaceJson(w: Workspace): Record<string, unknown> {
  return {
    type: 'workspace',
    id: w.id,
    name: w.name,
    created_at: isoMicros(w.createdAt),
    archived_at: w.archivedAt === null ? null : isoMicros(w.archivedAt),
    display_color: w.displayColor,
    tags: {},
    data_residency: { workspace_geo: 'us', default_inference_geo: 'global', allowed_inference_geos: 'unrestricted' },
    compartment_id: null,
    external_key_id: null,
  };
}

const wsKey = (w: Workspace): { t: number; id: string } => ({ t: w.createdAt, id: w.id });

export function listWorkspaces(ctx: Ctx, p: AdminPrincipal): Reply {
  const includeArchived = boolParam(ctx.query, 'include_archived', false);
  // order [inferred]: oldest first. The Default Workspace has no id and never appears.
  const page = idCursorList(ctx.query, sortAsc(consoleOrg(ctx, p).workspaces, wsKey), wsKey, 'asc', (w) => includeArchived || w.archivedAt === null);
  return ok({ ...page, data: page.data.map(workspaceJson) });
}

export function getWorkspace(ctx: Ctx, p: AdminPrincipal): Reply {
  const w = consoleOrg(ctx, p).workspaces.find((x) => x.id === ctx.params.workspace_id);
  if (!w) throw new NotFound('The requested resource could not be found.');
  return ok(workspaceJson(w));
}

function keyJson(k: PlatformApiKey, now: number): Record<string, unknown> {
  const expired = k.status === 'expired' || (k.expiresAt !== null && k.expiresAt <= now);
  return {
    type: 'api_key',
    id: k.id,
    name: k.name,
    status: expired ? 'expired' : k.status,
    created_at: isoMicros(k.createdAt),
    expires_at: k.expiresAt === null ? null : isoMicros(k.expiresAt),
    created_by: { id: k.createdById, type: 'user' },
    principal: { id: k.createdById, type: 'user' },
    partial_key_hint: k.hint,
    workspace_id: k.workspaceId,
  };
}

const keyKey = (k: PlatformApiKey): { t: number; id: string } => ({ t: k.createdAt, id: k.id });

export function listApiKeys(ctx: Ctx, p: AdminPrincipal): Reply {
  const status = ctx.query.has('status') ? enumParam(ctx.query, 'status', ['active', 'inactive', 'archived', 'expired'] as const, 'active') : undefined;
  const ws = ctx.query.get('workspace_id');
  const creator = ctx.query.get('created_by_user_id');
  const now = ctx.world.now();
  // order [inferred]: newest first, like the users list
  const page = idCursorList(ctx.query, sortAsc(consoleOrg(ctx, p).apiKeys, keyKey), keyKey, 'desc', (k) => (status === undefined || keyJson(k, now).status === status) && (ws === undefined || k.workspaceId === ws) && (creator === undefined || k.createdById === creator));
  return ok({ ...page, data: page.data.map((k) => keyJson(k, now)) });
}

export function getApiKey(ctx: Ctx, p: AdminPrincipal): Reply {
  const k = consoleOrg(ctx, p).apiKeys.find((x) => x.id === ctx.params.api_key_id);
  if (!k) throw new NotFound('The requested resource could not be found.');
  return ok(keyJson(k, ctx.world.now()));
}

export function getComplianceSettings(ctx: Ctx, p: AdminPrincipal): Reply {
  consoleOrg(ctx, p);
  return ok({ type: 'compliance_settings', state: { type: 'enabled' } });
}

