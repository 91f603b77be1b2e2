import { isoSeconds } from '../../clock';
import { md5Hex } from '../../data/file-content';
import type { Ctx } from '../../http/context';
import { tokenPage } from '../../http/pagination';
import { inRange, limitParam, timeRange } from '../../http/query';
import { NotFound, anthropicError, ok, type Reply } from '../../http/reply';
import type { Collaborator, Project, ProjectAttachment } from '../../model/entities';
import { orgFilter, visibleOrgs, type CompliancePrincipal } from './principal';
import { isActive, projectJson } from './serialize';

/** Projects, attachments, collaborators and project documents (reference §8). */

const PROJECT_404 = 'No project is found with the provided id.';
const DOC_404 = 'No project document found with provided id, or it has already been deleted.';

function allProjects(p: CompliancePrincipal): Project[] {
  return visibleOrgs(p).flatMap((o) => o.projects);
}

function findProject(p: CompliancePrincipal, id: string): Project {
  const proj = allProjects(p).find((x) => x.id === id);
  if (!proj) throw new NotFound(PROJECT_404);
  return proj;
}

function chatsCount(p: CompliancePrincipal, projectId: string): number {
  let n = 0;
  for (const c of p.tenant.chats.all()) if (c.projectId === projectId) n++;
  return n;
}

export function listProjects(ctx: Ctx, p: CompliancePrincipal): Reply {
  const q = ctx.query;
  const limit = limitParam(q, { max: 100, def: 20 });
  const created = timeRange(q, 'created_at');
  const updated = timeRange(q, 'updated_at');
  const orgs = orgFilter(p, q.list('organization_ids'));
  const users = q.list('user_ids');
  const page = tokenPage(allProjects(p), (x) => ({ t: x.createdAt, id: x.id }), {
    scope: 'projects',
    owner: p.tenant.parentUuid,
    limit,
    page: q.get('page'),
    filter: (x) => (!orgs || orgs.has(x.orgUuid)) && (users.length === 0 || users.includes(x.creatorId)) && inRange(x.createdAt, created) && inRange(x.updatedAt, updated),
  });
  return ok({ ...page, data: page.data.map((x) => projectJson(ctx.world, x, false)) });
}

export function getProject(ctx: Ctx, p: CompliancePrincipal): Reply {
  const proj = findProject(p, ctx.params.project_id ?? '');
  return ok(projectJson(ctx.world, proj, true, chatsCount(p, proj.id)));
}

export function deleteProject(ctx: Ctx, p: CompliancePrincipal): Reply {
  const proj = findProject(p, ctx.params.project_id ?? '');
  if (chatsCount(p, proj.id) > 0) {
    return anthropicError(409, 'conflict_error', `The "${proj.id}" project cannot be deleted as it has chats attached to it. Delete or detach all chats, and try deleting the project again.`, ctx.requestId, ctx.world.config.errorEnvelope);
  }
  const org = p.tenant.orgs.find((o) => o.uuid === proj.orgUuid);
  if (org) org.projects = org.projects.filter((x) => x.id !== proj.id);
  return ok({ id: proj.id, type: 'claude_project_deleted' });
}

function attachmentJson(a: ProjectAttachment): Record<string, unknown> {
  if (a.type === 'project_file') return { type: 'project_file', id: a.id, created_at: isoSeconds(a.createdAt), filename: a.filename, mime_type: a.mimeType, size_bytes: a.sizeBytes, md5: a.md5 };
  return { type: 'project_doc', id: a.id, created_at: isoSeconds(a.createdAt), filename: a.filename, mime_type: 'text/plain', updated_at: null };
}

export function listAttachments(ctx: Ctx, p: CompliancePrincipal): Reply {
  const proj = findProject(p, ctx.params.project_id ?? '');
  const limit = limitParam(ctx.query, { max: 100, def: 20 });
  const deleted = p.tenant.chats.deletedFiles;
  const page = tokenPage(proj.attachments, (a) => ({ t: a.createdAt, id: a.id }), { scope: `attachments:${proj.id}`, owner: p.tenant.parentUuid, limit, page: ctx.query.get('page'), filter: (a) => !deleted.has(a.id) });
  return ok({ ...page, data: page.data.map(attachmentJson) });
}

function collaboratorJson(c: Collaborator): Record<string, unknown> {
  const { granted_at, ...rest } = c;
  return { ...rest, granted_at: isoSeconds(granted_at) };
}

export function listCollaborators(ctx: Ctx, p: CompliancePrincipal): Reply {
  const proj = findProject(p, ctx.params.project_id ?? '');
  const limit = limitParam(ctx.query, { max: 100, def: 20 });
  const page = tokenPage(proj.collaborators, (c) => ({ t: c.granted_at, id: JSON.stringify(c) }), { scope: `collaborators:${proj.id}`, owner: p.tenant.parentUuid, limit, page: ctx.query.get('page') });
  return ok({ ...page, data: page.data.map(collaboratorJson) });
}

function findDoc(p: CompliancePrincipal, id: string): { proj: Project; doc: Extract<ProjectAttachment, { type: 'project_doc' }> } {
  for (const proj of allProjects(p)) {
    const doc = proj.attachments.find((a) => a.type === 'project_doc' && a.id === id);
    if (doc && doc.type === 'project_doc' && !p.tenant.chats.deletedFiles.has(doc.id)) return { proj, doc };
  }
  throw new NotFound(DOC_404);
}

function docUser(ctx: Ctx, userId: string | null): { id: string; email_address: string } | null {
  const u = userId ? ctx.world.user(userId) : undefined;
  return u && isActive(u, ctx.world.now()) ? { id: u.id, email_address: u.email } : null;
}

export function getDocument(ctx: Ctx, p: CompliancePrincipal): Reply {
  const { doc } = findDoc(p, ctx.params.document_id ?? '');
  return ok({ id: doc.id, content: doc.content, created_at: isoSeconds(doc.createdAt), filename: doc.filename, user: docUser(ctx, doc.userId) });
}

export function getDocumentMetadata(ctx: Ctx, p: CompliancePrincipal): Reply {
  const { proj, doc } = findDoc(p, ctx.params.document_id ?? '');
  const bytes = Buffer.from(doc.content, 'utf8');
  return ok({ id: doc.id, claude_project_id: proj.id, filename: doc.filename, mime_type: 'text/plain', md5: md5Hex(bytes), size_bytes: bytes.length, created_at: isoSeconds(doc.createdAt), user: docUser(ctx, doc.userId) });
}

export function deleteDocument(ctx: Ctx, p: CompliancePrincipal): Reply {
  const { doc } = findDoc(p, ctx.params.document_id ?? '');
  p.tenant.chats.deletedFiles.add(doc.id);
  return ok({ id: doc.id, type: 'claude_project_document_deleted' });
}
