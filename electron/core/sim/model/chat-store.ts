import { generateMessageMetas, generateMessages, type ContentBlock, type MessageMeta, type MessageRecord } from '../data/chat-gen';
import type { ChatRecord } from './entities';

/** Kinds whose generated content always has non-empty text blocks. */
const TEXT_KINDS = new Set<string>(['user_text', 'user_text_files', 'assistant_text', 'assistant_text_tools', 'assistant_text_redacted']);

export type ChatSortKey = 'created_at' | 'updated_at';

/** Where a chat file, generated file or artifact lives. */
export interface FileRef {
  chatId: string;
  messageIndex: number; // position in the chat's messages (generated first, then added)
  kind: 'file' | 'generated' | 'artifact';
}

/**
 * One tenant's chats. Chat metadata is kept in memory (it is needed to sort and filter);
 * message bodies are generated on demand and kept in a small LRU, with control-route
 * edits and additions layered on top, never written into the cache.
 */
export class ChatStore {
  private readonly chats = new Map<string, ChatRecord>();
  private readonly sortedViews = new Map<ChatSortKey, ChatRecord[]>();
  private readonly cache = new Map<string, MessageRecord[]>();
  /** file id -> every place it is attached (one file can sit in several chats). */
  readonly fileIndex = new Map<string, FileRef[]>();
  /** Files removed by DELETE /apps/chats/files/{id}. */
  readonly deletedFiles = new Set<string>();

  constructor(
    private readonly seed: string,
    private readonly cacheSize = 256,
  ) {}

  get size(): number {
    return this.chats.size;
  }

  add(chat: ChatRecord): void {
    this.chats.set(chat.id, chat);
    this.sortedViews.clear();
  }

  get(id: string): ChatRecord | undefined {
    return this.chats.get(id);
  }

  all(): IterableIterator<ChatRecord> {
    return this.chats.values();
  }

  /** Hard delete: the chat leaves lists, its messages and files 404. */
  remove(id: string): boolean {
    const ok = this.chats.delete(id);
    this.cache.delete(id);
    this.sortedViews.clear();
    return ok;
  }

  indexFile(fileId: string, ref: FileRef): void {
    const refs = this.fileIndex.get(fileId);
    if (refs) refs.push(ref);
    else this.fileIndex.set(fileId, [ref]);
  }

  /** Call after changing a chat's updated_at (or created_at). */
  touched(): void {
    this.sortedViews.clear();
  }

  /** Chats ascending by the sort key, ties broken by id (the list order of the Compliance API). */
  sorted(key: ChatSortKey): ChatRecord[] {
    let view = this.sortedViews.get(key);
    if (!view) {
      const field = key === 'created_at' ? 'createdAt' : 'updatedAt';
      view = [...this.chats.values()].sort((a, b) => a[field] - b[field] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      this.sortedViews.set(key, view);
    }
    return view;
  }

  private generated(chat: ChatRecord, useCache: boolean): MessageRecord[] {
    if (chat.seed.count === 0) return [];
    if (!useCache) return this.cache.get(chat.id) ?? generateMessages(this.seed, chat.seed);
    const hit = this.cache.get(chat.id);
    if (hit) {
      this.cache.delete(chat.id);
      this.cache.set(chat.id, hit);
      return hit;
    }
    const msgs = generateMessages(this.seed, chat.seed);
    this.cache.set(chat.id, msgs);
    if (this.cache.size > this.cacheSize) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    return msgs;
  }

  /** The chat's current messages: generated + edits + additions, deleted files dropped. */
  messages(chat: ChatRecord, opts: { cache?: boolean } = {}): MessageRecord[] {
    return [...this.generated(chat, opts.cache ?? true), ...chat.added].map((m) => this.overlay(chat, m));
  }

  /** Without text: what the meta stream says, plus additions, edits and file deletions. */
  metas(chat: ChatRecord): Array<MessageMeta & { hasText: boolean }> {
    const gen: MessageMeta[] = chat.seed.count === 0 ? [] : (this.cache.get(chat.id) ?? generateMessageMetas(this.seed, chat.seed));
    const rows = [
      ...gen.map((m) => ({ m, hasText: TEXT_KINDS.has(m.kind) })),
      ...chat.added.map((m) => ({ m, hasText: m.blocks.some((b) => b.type === 'text' && b.text !== '') })),
    ];
    return rows.map(({ m, hasText }) => {
      const edit = chat.edits.get(m.id);
      const files = this.deletedFiles.size > 0 ? m.files.filter((f) => !this.deletedFiles.has(f.id)) : m.files;
      return { id: m.id, index: m.index, role: m.role, createdAt: m.createdAt, kind: m.kind, files, generatedFiles: m.generatedFiles, artifacts: m.artifacts, hasText: edit ? edit.text !== '' : hasText };
    });
  }

  private overlay(chat: ChatRecord, m: MessageRecord): MessageRecord {
    const edit = chat.edits.get(m.id);
    const dropFiles = this.deletedFiles.size > 0 && m.files.some((f) => this.deletedFiles.has(f.id));
    if (!edit && !dropFiles) return m;
    let blocks = m.blocks;
    if (edit) {
      // the edit replaces the message's text: first text block rewritten, other text blocks dropped
      const edited: ContentBlock = { type: 'text', text: edit.text, truncated: false, thinking_redacted: false };
      let placed = false;
      blocks = [];
      for (const b of m.blocks) {
        if (b.type !== 'text') blocks.push(b);
        else if (!placed) {
          blocks.push(edited);
          placed = true;
        }
      }
      if (!placed) blocks.unshift(edited);
    }
    return {
      ...m,
      blocks,
      files: dropFiles ? m.files.filter((f) => !this.deletedFiles.has(f.id)) : m.files,
      pii: edit ? [] : m.pii,
      negatives: edit ? [] : m.negatives,
      editedAt: edit ? edit.at : m.editedAt,
    };
  }
}
