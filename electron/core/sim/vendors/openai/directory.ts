import type { Ctx } from '../../http/context';
import { boolParam } from '../../http/query';
import { NotFound, ok, type Reply } from '../../http/reply';
import type { OpenAiProject, OpenAiUser } from '../../model/entities';
import { openaiList } from './lists';
import type { OpenAiPrincipal } from './principal';

/** Organization users and projects (reference §6). */

function userJson(u: OpenAiUser): Record<string, unknown> {
  return { object: 'organization.user', id: u.id, name: u.name, email: u.email, role: u.role, added_at: u.addedAt };
}

export function listUsers(ctx: Ctx, p: OpenAiPrincipal): Reply {
  const emails = ctx.query.listLoose('emails').map((e) => e.toLowerCase());
  const users = [...p.org.users].sort((a, b) => a.addedAt - b.addedAt || (a.id < b.id ? -1 : 1));
  const page = openaiList(ctx.query, users, (u) => u.id, (u) => emails.length === 0 || emails.includes(u.email.toLowerCase()));
  return ok({ ...page, data: page.data.map(userJson) });
}

export function getUser(ctx: Ctx, p: OpenAiPrincipal): Reply {
  const u = p.org.users.find((x) => x.id === ctx.params.user_id);
  if (!u) throw new NotFound(`No user found with id '${ctx.params.user_id ?? ''}'.`);
  return ok(userJson(u));
}

function projectJson(pr: OpenAiProject): Record<string, unknown> {
  return { object: 'organization.project', id: pr.id, name: pr.name, created_at: pr.createdAt, archived_at: pr.archivedAt, status: pr.archivedAt === null ? 'active' : 'archived', external_key_id: null, residency: null };
}

export function listProjects(ctx: Ctx, p: OpenAiPrincipal): Reply {
  const includeArchived = boolParam(ctx.query, 'include_archived', false);
  const projects = [...p.org.projects].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  const page = openaiList(ctx.query, projects, (x) => x.id, (x) => includeArchived || x.archivedAt === null);
  return ok({ ...page, data: page.data.map(projectJson) });
}

export function getProject(ctx: Ctx, p: OpenAiPrincipal): Reply {
  const pr = p.org.projects.find((x) => x.id === ctx.params.project_id);
  if (!pr) throw new NotFound(`No project found with id '${ctx.params.project_id ?? ''}'.`);
  return ok(projectJson(pr));
}
