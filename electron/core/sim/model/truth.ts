import { createHash } from 'node:crypto';
import { isoSeconds } from '../clock';
import { messageText, type MessageKind } from '../data/chat-gen';
import type { TextMark } from '../data/text';
import type { SimSizes } from '../types';
import type { ChatRecord, Tenant } from './entities';
import type { World } from './world';

/**
 * Ground truth: what the simulated tenants contain right now, for tests that compare a
 * vault against the source. "Text" of a message means its text blocks joined by "\n\n"
 * (tool blocks are not text). A message "has text" when that string is non-empty.
 * Messages of a soft-deleted chat have `contentRemoved: true` in the default
 * (newest-docs) mode, because the API returns them with `content: []`.
 */
export type TruthDetail = 'counts' | 'chats' | 'hash' | 'text';

export interface TruthCounts {
  tenants: number;
  orgs: number;
  users: number;
  activeUsers: number;
  chats: number;
  softDeletedChats: number;
  messages: number;
  textMessages: number; // messages whose API content has non-empty text
  fileOnlyMessages: number; // user messages with files but no text
  noTextMessages: number; // messages with no text at all (file-only, tool-only, generated-only, removed)
  contentRemovedMessages: number; // messages of soft-deleted chats (content [] in the API)
  files: number;
  projects: number;
}

export interface MessageTruth {
  id: string;
  role: 'user' | 'assistant';
  createdAt: string;
  kind: MessageKind;
  hasText: boolean;
  fileOnly: boolean;
  contentRemoved: boolean;
  edited: boolean;
  fileIds: string[];
  textSha256: string | null; // SHA-256 (hex) of the UTF-8 text, null when no text is visible
  text?: string;
  pii?: TextMark[];
  negatives?: TextMark[];
}

export interface ChatTruth {
  id: string;
  orgUuid: string;
  userId: string;
  projectId: string | null;
  name: string;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  softDeleted: boolean;
  messageCount: number;
  messages?: MessageTruth[];
}

export interface UserTruth {
  id: string;
  email: string;
  fullName: string;
  role: string;
  active: boolean;
}

export interface OrgTruth {
  uuid: string;
  id: string;
  name: string;
  users: UserTruth[];
  projects: Array<{ id: string; name: string; deleted: boolean }>;
  chats: ChatTruth[];
}

export interface TenantTruth {
  key: string;
  name: string;
  plan: string;
  parentUuid: string;
  counts: TruthCounts;
  orgs?: OrgTruth[];
}

export interface GroundTruth {
  seed: string;
  sizes: SimSizes;
  now: string;
  counts: TruthCounts;
  tenants: TenantTruth[];
}

function zero(): TruthCounts {
  return { tenants: 0, orgs: 0, users: 0, activeUsers: 0, chats: 0, softDeletedChats: 0, messages: 0, textMessages: 0, fileOnlyMessages: 0, noTextMessages: 0, contentRemovedMessages: 0, files: 0, projects: 0 };
}

function add(a: TruthCounts, b: TruthCounts): void {
  for (const k of Object.keys(a) as Array<keyof TruthCounts>) a[k] += b[k];
}

function sha256(s: string): string {
  return createHash('sha256').update(s, 'utf8').digest('hex');
}

function chatMessagesTruth(world: World, tenant: Tenant, chat: ChatRecord, detail: TruthDetail, counts: TruthCounts): MessageTruth[] | undefined {
  const removed = chat.deletedAt !== null && world.config.softDeleteMode === 'empty';
  const out: MessageTruth[] = [];
  const tally = (hasText: boolean, fileOnly: boolean, files: number): void => {
    counts.messages++;
    if (removed) counts.contentRemovedMessages++;
    if (hasText) counts.textMessages++;
    else counts.noTextMessages++;
    if (fileOnly) counts.fileOnlyMessages++;
    counts.files += files;
  };
  if (detail === 'counts' || detail === 'chats') {
    for (const m of tenant.chats.metas(chat)) {
      const hasText = !removed && m.hasText;
      tally(hasText, !removed && m.role === 'user' && m.files.length > 0 && !hasText, removed ? 0 : m.files.length);
    }
    return undefined;
  }
  for (const m of tenant.chats.messages(chat, { cache: false })) {
    const text = messageText(m);
    const hasText = !removed && text !== '';
    const fileOnly = !removed && m.role === 'user' && m.files.length > 0 && !hasText;
    tally(hasText, fileOnly, removed ? 0 : m.files.length);
    const t: MessageTruth = {
      id: m.id,
      role: m.role,
      createdAt: isoSeconds(m.createdAt),
      kind: m.kind,
      hasText,
      fileOnly,
      contentRemoved: removed,
      edited: m.editedAt !== null,
      fileIds: removed ? [] : m.files.map((f) => f.id),
      textSha256: hasText ? sha256(text) : null,
    };
    if (detail === 'text') {
      t.text = text;
      t.pii = m.pii;
      t.negatives = m.negatives;
    }
    out.push(t);
  }
  return out;
}

export function groundTruth(world: World, detail: TruthDetail = 'hash'): GroundTruth {
  const now = world.clock.now();
  const total = zero();
  const tenants: TenantTruth[] = world.tenants.map((tenant) => {
    const counts = zero();
    counts.tenants = 1;
    const chatsByOrg = new Map<string, ChatTruth[]>();
    for (const chat of tenant.chats.sorted('created_at')) {
      counts.chats++;
      if (chat.deletedAt !== null) counts.softDeletedChats++;
      const before = counts.messages;
      const messages = chatMessagesTruth(world, tenant, chat, detail, counts);
      if (detail === 'counts') continue;
      const list = chatsByOrg.get(chat.orgUuid) ?? [];
      list.push({
        id: chat.id,
        orgUuid: chat.orgUuid,
        userId: chat.userId,
        projectId: chat.projectId,
        name: chat.name,
        createdAt: isoSeconds(chat.createdAt),
        updatedAt: isoSeconds(chat.updatedAt),
        deletedAt: chat.deletedAt === null ? null : isoSeconds(chat.deletedAt),
        softDeleted: chat.deletedAt !== null,
        messageCount: counts.messages - before,
        ...(messages ? { messages } : {}),
      });
      chatsByOrg.set(chat.orgUuid, list);
    }
    for (const org of tenant.orgs) {
      counts.orgs++;
      counts.users += org.users.length;
      counts.activeUsers += org.users.filter((u) => u.leftAt === null || u.leftAt > now).length;
      counts.projects += org.projects.length;
    }
    add(total, counts);
    const t: TenantTruth = { key: tenant.key, name: tenant.name, plan: tenant.plan, parentUuid: tenant.parentUuid, counts };
    if (detail !== 'counts') {
      t.orgs = tenant.orgs.map((org) => ({
        uuid: org.uuid,
        id: org.id,
        name: org.name,
        users: org.users.map((u) => ({ id: u.id, email: u.email, fullName: u.fullName, role: u.role, active: u.leftAt === null || u.leftAt > now })),
        projects: org.projects.map((p) => ({ id: p.id, name: p.name, deleted: p.deletedAt !== null })),
        chats: chatsByOrg.get(org.uuid) ?? [],
      }));
    }
    return t;
  });
  return { seed: world.seed, sizes: world.sizes, now: isoSeconds(now), counts: total, tenants };
}
