import { isoSeconds } from '../../clock';
import type { ContentBlock, FileSpec, MessageRecord } from '../../data/chat-gen';
import { fileBody } from '../../data/file-content';
import type { ActivityRecord } from '../../model/activity-log';
import type { ChatRecord, Org, Project, User } from '../../model/entities';
import type { World } from '../../model/world';

/** JSON shapes of the Compliance API (reference §5.2, §6.2, §6.4, §8, §9). */

export function userRef(world: World, userId: string | null): { id: string; email_address: string } | null {
  if (!userId) return null;
  const u = world.user(userId);
  return u ? { id: u.id, email_address: u.email } : null;
}

/** Users who left are dropped from directory lists but still appear on their chats. */
export function isActive(user: User, now: number): boolean {
  return user.leftAt === null || user.leftAt > now;
}

export function softDeletedHidden(world: World, chat: ChatRecord): boolean {
  return chat.deletedAt !== null && world.config.softDeleteMode === 'empty';
}

export function chatJson(world: World, chat: ChatRecord): Record<string, unknown> {
  const org = world.org(chat.orgUuid);
  return {
    id: chat.id,
    name: softDeletedHidden(world, chat) ? '' : chat.name,
    created_at: isoSeconds(chat.createdAt),
    updated_at: isoSeconds(chat.updatedAt),
    deleted_at: chat.deletedAt === null ? null : isoSeconds(chat.deletedAt),
    href: `https://claude.ai/chat/${chat.uuid}`,
    model: chat.model,
    organization_uuid: chat.orgUuid,
    organization_id: org ? org.id : null,
    project_id: chat.projectId,
    user: userRef(world, chat.userId),
  };
}

export interface ToolCaps {
  toolUseInput: number; // max chars of tool_use.input
  toolResult: number; // max chars of tool_result text
}

function capBlock(b: ContentBlock, caps: ToolCaps): ContentBlock {
  if (b.type === 'tool_use' && b.input.length > caps.toolUseInput) return { ...b, input: b.input.slice(0, caps.toolUseInput), truncated: true };
  if (b.type === 'tool_result') {
    let budget = caps.toolResult;
    let cut = false;
    const content = b.content.map((c) => {
      const text = c.text.length > budget ? ((cut = true), c.text.slice(0, Math.max(0, budget))) : c.text;
      budget -= text.length;
      return { type: 'text' as const, text };
    });
    return cut ? { ...b, content, truncated: true } : b;
  }
  return b;
}

export function fileJson(world: World, f: FileSpec): Record<string, unknown> {
  const body = fileBody(world.seed, f);
  return { id: f.id, filename: f.filename, mime_type: f.mimeType, size_bytes: body.metaSize, md5: body.metaMd5, created_at: isoSeconds(f.createdAt) };
}

export function messageJson(world: World, chat: ChatRecord, m: MessageRecord, caps: ToolCaps): Record<string, unknown> {
  const base = { id: m.id, role: m.role, created_at: isoSeconds(m.createdAt) };
  if (softDeletedHidden(world, chat)) return { ...base, content: [], files: null, generated_files: null, artifacts: null };
  return {
    ...base,
    content: m.blocks.map((b) => capBlock(b, caps)),
    files: m.files.map((f) => fileJson(world, f)),
    generated_files: m.generatedFiles.map((g) => {
      const { created_at: _omit, ...rest } = fileJson(world, g);
      return rest;
    }),
    artifacts: m.artifacts.map((a) => ({ id: a.id, version_id: a.versionId, title: a.title, artifact_type: a.artifactType })),
  };
}

export function activityJson(row: ActivityRecord): Record<string, unknown> {
  return {
    id: row.id,
    created_at: isoSeconds(row.t),
    organization_id: row.orgId,
    organization_uuid: row.orgUuid,
    actor: row.actor,
    type: row.type,
    ...row.fields,
  };
}

export function orgJson(org: Org): Record<string, unknown> {
  return { uuid: org.uuid, name: org.name, created_at: isoSeconds(org.createdAt) };
}

export function projectJson(world: World, p: Project, detail: boolean, chatsCount = 0): Record<string, unknown> {
  const org = world.org(p.orgUuid);
  const creator = world.user(p.creatorId);
  const base: Record<string, unknown> = {
    id: p.id,
    name: p.name,
    created_at: isoSeconds(p.createdAt),
    updated_at: isoSeconds(p.updatedAt),
    deleted_at: p.deletedAt === null ? null : isoSeconds(p.deletedAt),
    is_private: p.isPrivate,
    organization_uuid: p.orgUuid,
    organization_id: org ? org.id : null,
    // null when the creator was deleted or left (reference behaviour 16)
    user: creator && isActive(creator, world.now()) ? { id: creator.id, email_address: creator.email } : null,
  };
  if (!detail) return base;
  return { ...base, description: p.description, instructions: p.instructions, chats_count: chatsCount, attachments_count: p.attachments.length };
}

/** Role timestamps "may lack a zone" (reference §9): printed as naive ISO with microseconds. */
export function naiveIso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000');
}
