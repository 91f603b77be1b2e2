import { Rng } from '../random/prng';
import { stableId, stableUuid } from '../random/ids';
import { DATA_END_MS, DATA_START_MS, DAY_MS } from '../types';
import type { ActivityRecord } from '../model/activity-log';
import type { ChatRecord, Org } from '../model/entities';
import type { ChatStore } from '../model/chat-store';
import { generateMessageMetas } from './chat-gen';
import { LANGS, MODELS_CLAUDE_AI } from './names';
import { chatTitle } from './text';
import type { ActivityFactory } from './activity-factory';

/**
 * Creates every generated chat of a tenant (metadata only), indexes its files, and emits
 * the chat side of the Activity Feed. Message text is not generated here.
 */
export function buildChats(seed: string, tenantKey: string, orgs: Org[], chatsPerUser: number, messagesPerChat: number, store: ChatStore, acts: ActivityFactory): ActivityRecord[] {
  const out: ActivityRecord[] = [];
  orgs.forEach((org, o) => {
    const liveProjects = org.projects.filter((p) => p.deletedAt === null);
    org.users.forEach((user, u) => {
      for (let c = 0; c < chatsPerUser; c++) {
        const path = `${tenantKey}:${o}:${u}:${c}`;
        const r = new Rng(`${seed}|chat|${path}`);
        const lang = r.chance(0.85) ? user.lang : r.pick(LANGS);
        const createdAt = Math.floor((DATA_START_MS + r.next() * (DATA_END_MS - DATA_START_MS - 14 * DAY_MS)) / 1000) * 1000;
        const project = liveProjects.length > 0 && r.chance(0.3) ? r.pick(liveProjects) : null;
        const chat: ChatRecord = {
          id: stableId(seed, 'claude_chat_', path),
          uuid: stableUuid(seed, `chat:${path}`),
          tenantKey,
          orgUuid: org.uuid,
          userId: user.id,
          projectId: project ? project.id : null,
          name: chatTitle(r, lang),
          lang,
          model: createdAt < DATA_START_MS + 20 * DAY_MS && r.chance(0.3) ? null : r.pick(MODELS_CLAUDE_AI),
          createdAt,
          updatedAt: createdAt,
          deletedAt: null,
          seed: { path, lang, createdAt, count: messagesPerChat },
          added: [],
          edits: new Map(),
        };
        const softDeleted = r.chance(0.04);
        const metas = generateMessageMetas(seed, chat.seed, { ids: false });
        const last = metas[metas.length - 1];
        if (last) chat.updatedAt = last.createdAt;
        if (softDeleted) {
          chat.deletedAt = chat.updatedAt + 1000 * r.range(600, 5 * 86400);
          chat.updatedAt = chat.deletedAt;
        }
        store.add(chat);
        out.push(acts.byUser(createdAt, 'claude_chat_created', org, user, { claude_chat_id: chat.id, claude_project_id: chat.projectId }));
        if (r.chance(0.3)) out.push(acts.byUser(chat.updatedAt + 60_000 * r.range(1, 600), 'claude_chat_viewed', org, user, { claude_chat_id: chat.id, claude_project_id: chat.projectId }));
        if (chat.deletedAt !== null) out.push(acts.byUser(chat.deletedAt, 'claude_chat_deleted', org, user, { claude_chat_id: chat.id, claude_project_id: chat.projectId }));
        for (const m of metas) {
          for (const f of m.files) {
            store.indexFile(f.id, { chatId: chat.id, messageIndex: m.index, kind: 'file' });
            out.push(acts.byUser(f.createdAt, 'claude_file_uploaded', org, user, { claude_file_id: f.id, filename: f.filename, claude_chat_id: chat.id, claude_project_id: chat.projectId }));
          }
          for (const g of m.generatedFiles) store.indexFile(g.id, { chatId: chat.id, messageIndex: m.index, kind: 'generated' });
          for (const a of m.artifacts) {
            store.indexFile(a.versionId, { chatId: chat.id, messageIndex: m.index, kind: 'artifact' });
            out.push(acts.byUser(a.createdAt, 'claude_artifact_created', org, user, { claude_artifact_id: a.id, claude_chat_id: chat.id }));
          }
        }
      }
    });
  });
  return out;
}
