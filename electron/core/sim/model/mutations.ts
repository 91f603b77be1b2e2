import { stableUuid } from '../random/ids';
import type { FileSpec, MessageKind, MessageRecord } from '../data/chat-gen';
import type { Lang } from '../data/names';
import type { ChatRecord, Org, OrgRole, Tenant, User } from './entities';
import type { World } from './world';

/**
 * Changes to the world made after startup, by control routes or by vendor DELETE calls.
 * Each one also writes the Activity Feed row the real service would write.
 */

export interface NewUser {
  fullName?: string;
  email?: string;
  role?: OrgRole;
}

export function addUser(world: World, tenant: Tenant, org: Org, spec: NewUser): User {
  const now = world.now();
  const id = world.dynamicId('user_');
  const user: User = {
    id,
    fullName: spec.fullName ?? 'New Hire',
    email: spec.email ?? `new.hire.${id.slice(-6).toLowerCase()}@${org.users[0]?.email.split('@')[1] ?? 'example.com'}`,
    role: spec.role ?? 'user',
    createdAt: now,
    orgUuid: org.uuid,
    lang: 'en',
    leftAt: null,
    scim: false,
  };
  org.users.push(user);
  world.registerUser(user);
  tenant.activities.add(world.activityFactory(tenant).byUser(now, 'org_user_invite_accepted', org, user, { user_id: user.id }));
  return user;
}

export interface NewMessage {
  role: 'user' | 'assistant';
  text?: string;
  files?: Array<{ filename: string; mimeType?: string }>;
}

export interface NewChat {
  name?: string;
  projectId?: string | null;
  model?: string | null;
  lang?: Lang;
  messages?: NewMessage[];
}

export function addChat(world: World, tenant: Tenant, org: Org, user: User, spec: NewChat): ChatRecord {
  const now = world.now();
  const id = world.dynamicId('claude_chat_');
  const chat: ChatRecord = {
    id,
    uuid: stableUuid(world.seed, `chat:${id}`),
    tenantKey: tenant.key,
    orgUuid: org.uuid,
    userId: user.id,
    projectId: spec.projectId ?? null,
    name: spec.name ?? 'New chat',
    lang: spec.lang ?? 'en',
    model: spec.model === undefined ? 'claude-opus-4-7' : spec.model,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
    seed: { path: `added:${id}`, lang: spec.lang ?? 'en', createdAt: now, count: 0 },
    added: [],
    edits: new Map(),
  };
  tenant.chats.add(chat);
  tenant.activities.add(world.activityFactory(tenant).byUser(now, 'claude_chat_created', org, user, { claude_chat_id: chat.id, claude_project_id: chat.projectId }));
  for (const m of spec.messages ?? []) addMessage(world, tenant, chat, m);
  return chat;
}

function lastMessageAt(world: World, tenant: Tenant, chat: ChatRecord): number {
  const msgs = tenant.chats.messages(chat);
  return msgs.length > 0 ? (msgs[msgs.length - 1]?.createdAt ?? chat.createdAt) : chat.createdAt - 1000;
}

export function addMessage(world: World, tenant: Tenant, chat: ChatRecord, spec: NewMessage): MessageRecord {
  const at = Math.max(world.now(), lastMessageAt(world, tenant, chat) + 1000);
  const index = chat.seed.count + chat.added.length;
  const id = world.dynamicId('claude_chat_msg_');
  const files: FileSpec[] = (spec.files ?? []).map((f) => ({ id: world.dynamicId('claude_file_'), filename: f.filename, mimeType: f.mimeType ?? 'application/octet-stream', createdAt: at, lang: chat.lang }));
  const text = spec.text ?? '';
  const kind: MessageKind = spec.role === 'assistant' ? 'assistant_text' : files.length === 0 ? 'user_text' : text === '' ? 'user_files_only' : 'user_text_files';
  const msg: MessageRecord = {
    id,
    index,
    role: spec.role,
    createdAt: at,
    kind,
    files,
    generatedFiles: [],
    artifacts: [],
    blocks: text === '' ? [] : [{ type: 'text', text, truncated: false, thinking_redacted: false }],
    pii: [],
    negatives: [],
    editedAt: null,
  };
  chat.added.push(msg);
  for (const f of files) tenant.chats.indexFile(f.id, { chatId: chat.id, messageIndex: index, kind: 'file' });
  chat.updatedAt = Math.max(chat.updatedAt, at);
  tenant.chats.touched();
  return msg;
}

export function editMessage(world: World, tenant: Tenant, chat: ChatRecord, messageId: string, text: string): MessageRecord | undefined {
  const found = tenant.chats.messages(chat).find((m) => m.id === messageId);
  if (!found) return undefined;
  const at = world.now();
  chat.edits.set(messageId, { text, at });
  chat.updatedAt = Math.max(chat.updatedAt, at);
  tenant.chats.touched();
  return tenant.chats.messages(chat).find((m) => m.id === messageId);
}

function actorFor(world: World, tenant: Tenant, chat: ChatRecord): { org: Org | undefined; user: User | undefined } {
  return { org: world.org(chat.orgUuid), user: world.user(chat.userId) };
}

/** A user delete in claude.ai: still listed, `deleted_at` set, content removed (newest docs). */
export function softDeleteChat(world: World, tenant: Tenant, chat: ChatRecord): void {
  const now = world.now();
  chat.deletedAt = now;
  chat.updatedAt = Math.max(chat.updatedAt, now);
  tenant.chats.touched();
  const { org, user } = actorFor(world, tenant, chat);
  if (org && user) tenant.activities.add(world.activityFactory(tenant).byUser(now, 'claude_chat_deleted', org, user, { claude_chat_id: chat.id, claude_project_id: chat.projectId }));
}

/** A Compliance API hard delete: gone from lists, messages and files 404. */
export function hardDeleteChat(tenant: Tenant, chat: ChatRecord): void {
  tenant.chats.remove(chat.id);
}

export function deleteFile(tenant: Tenant, fileId: string): void {
  tenant.chats.deletedFiles.add(fileId);
}
