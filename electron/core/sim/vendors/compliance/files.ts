import { createHash } from 'node:crypto';
import { isoSeconds } from '../../clock';
import type { ArtifactSpec, FileSpec } from '../../data/chat-gen';
import { artifactBody, fileBody, md5Hex } from '../../data/file-content';
import type { Ctx } from '../../http/context';
import { NotFound, ok, type Reply } from '../../http/reply';
import type { FileRef } from '../../model/chat-store';
import { deleteFile } from '../../model/mutations';
import { orgVisible, type CompliancePrincipal } from './principal';
import { softDeletedHidden } from './serialize';

/** Chat files, generated files and artifact versions (reference §7). */

const FILE_404 = 'No file found with provided id, or it has already been deleted.';

interface Located<T> {
  spec: T;
  refs: Array<FileRef & { messageId: string }>;
}

/** Where a file id is attached, among chats this key can still read. Soft-deleted chats lost their files (newest docs). */
function locate(ctx: Ctx, p: CompliancePrincipal, id: string, kind: FileRef['kind']): Located<FileSpec | ArtifactSpec> | null {
  const store = p.tenant.chats;
  if (kind === 'file' && store.deletedFiles.has(id)) return null;
  let spec: FileSpec | ArtifactSpec | null = null;
  const live: Located<unknown>['refs'] = [];
  for (const ref of store.fileIndex.get(id) ?? []) {
    if (ref.kind !== kind) continue;
    const chat = store.get(ref.chatId);
    if (!chat || !orgVisible(p, chat.orgUuid) || softDeletedHidden(ctx.world, chat)) continue;
    const msg = store.messages(chat)[ref.messageIndex];
    if (!msg) continue;
    const found = kind === 'file' ? msg.files.find((f) => f.id === id) : kind === 'generated' ? msg.generatedFiles.find((f) => f.id === id) : msg.artifacts.find((a) => a.versionId === id);
    if (!found) continue;
    spec = found;
    live.push({ ...ref, messageId: msg.id });
  }
  return spec ? { spec, refs: live } : null;
}

/** Project files are chat files too (the file endpoints serve both). */
function projectFile(p: CompliancePrincipal, id: string): FileSpec | null {
  if (p.tenant.chats.deletedFiles.has(id)) return null;
  for (const org of p.tenant.orgs) {
    if (!orgVisible(p, org.uuid)) continue;
    for (const proj of org.projects) {
      const a = proj.attachments.find((x) => x.type === 'project_file' && x.id === id);
      if (a && a.type === 'project_file') return { id: a.id, filename: a.filename, mimeType: a.mimeType, createdAt: a.createdAt, lang: 'en' };
    }
  }
  return null;
}

function rfc5987(filename: string): string {
  return encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Binary body: chunked, RFC 5987 Content-Disposition, base64 Content-MD5 of the bytes served. */
export function binaryReply(bytes: Buffer, filename: string, mime: string): Reply {
  const mid = Math.max(1, Math.floor(bytes.length / 2));
  return {
    status: 200,
    headers: {
      'content-disposition': `attachment; filename*=utf-8''${rfc5987(filename)}`,
      'content-md5': createHash('md5').update(bytes).digest('base64'),
    },
    raw: { contentType: mime, chunks: bytes.length > 1 ? [bytes.subarray(0, mid), bytes.subarray(mid)] : [bytes] },
  };
}

export function fileMetadata(ctx: Ctx, p: CompliancePrincipal): Reply {
  const id = ctx.params.claude_file_id ?? '';
  const found = locate(ctx, p, id, 'file');
  const spec = (found?.spec as FileSpec | undefined) ?? projectFile(p, id);
  if (!spec) throw new NotFound(FILE_404);
  const body = fileBody(ctx.world.seed, spec);
  return ok({
    id: spec.id,
    filename: spec.filename,
    mime_type: spec.mimeType,
    size_bytes: body.metaSize,
    md5: body.metaMd5,
    created_at: isoSeconds(spec.createdAt),
    message_ids: [...new Set(found?.refs.map((r) => r.messageId) ?? [])],
    claude_chat_ids: [...new Set(found?.refs.map((r) => r.chatId) ?? [])],
  });
}

export function fileContent(ctx: Ctx, p: CompliancePrincipal): Reply {
  const id = ctx.params.claude_file_id ?? '';
  const spec = (locate(ctx, p, id, 'file')?.spec as FileSpec | undefined) ?? projectFile(p, id);
  if (!spec) throw new NotFound(FILE_404);
  // Office/PDF come back as extracted text under the original name and MIME type (newest docs)
  return binaryReply(fileBody(ctx.world.seed, spec).bytes, spec.filename, spec.mimeType);
}

export function deleteFileRoute(ctx: Ctx, p: CompliancePrincipal): Reply {
  const id = ctx.params.claude_file_id ?? '';
  if (!locate(ctx, p, id, 'file') && !projectFile(p, id)) throw new NotFound(FILE_404);
  deleteFile(p.tenant, id);
  return ok({ id, type: 'claude_file_deleted' });
}

export function generatedFileMetadata(ctx: Ctx, p: CompliancePrincipal): Reply {
  const id = ctx.params.claude_gen_file_id ?? '';
  const found = locate(ctx, p, id, 'generated');
  if (!found) throw new NotFound(FILE_404);
  const spec = found.spec as FileSpec;
  const body = fileBody(ctx.world.seed, spec);
  return ok({ id, claude_chat_id: found.refs[0]?.chatId ?? null, filename: spec.filename, mime_type: spec.mimeType, size_bytes: body.metaSize, md5: body.metaMd5, created_at: isoSeconds(spec.createdAt) });
}

export function generatedFileContent(ctx: Ctx, p: CompliancePrincipal): Reply {
  const found = locate(ctx, p, ctx.params.claude_gen_file_id ?? '', 'generated');
  if (!found) throw new NotFound(FILE_404);
  const spec = found.spec as FileSpec;
  return binaryReply(fileBody(ctx.world.seed, spec).bytes, spec.filename, spec.mimeType);
}

export function artifactMetadata(ctx: Ctx, p: CompliancePrincipal): Reply {
  const found = locate(ctx, p, ctx.params.artifact_version_id ?? '', 'artifact');
  if (!found) throw new NotFound('No artifact found with provided id.');
  const a = found.spec as ArtifactSpec;
  const bytes = artifactBody(ctx.world.seed, a);
  return ok({ id: a.id, version_id: a.versionId, claude_chat_id: found.refs[0]?.chatId ?? null, title: a.title, artifact_type: a.artifactType, created_at: isoSeconds(a.createdAt), md5: md5Hex(bytes), size_bytes: bytes.length });
}

export function artifactContent(ctx: Ctx, p: CompliancePrincipal): Reply {
  const found = locate(ctx, p, ctx.params.artifact_version_id ?? '', 'artifact');
  if (!found) throw new NotFound('No artifact found with provided id.');
  const a = found.spec as ArtifactSpec;
  const reply = binaryReply(artifactBody(ctx.world.seed, a), `${a.title}.txt`, 'text/plain; charset=utf-8');
  return reply;
}
