import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { UNATTRIBUTED, writeChat, type FetchedChat } from '../../../electron/core/capture/content/chat-writer';
import { needsFetch } from '../../../electron/core/capture/walks/chats';
import type { PullContext } from '../../../electron/core/capture/context';
import type { Chat, ChatMessage } from '../../../electron/core/sources';
import type { Vault } from '../../../electron/core/vault';
import { cleanupDirs, contextFor, records, vaultWithTenant } from './fixtures';

/**
 * Storing a fetched chat: text captured once, editing recognised by the salted commitment
 * and captured as a new version that supersedes the old, messages without text counted
 * once by reason, content deleted on purpose in the vault never captured again, and the
 * chat's standing upstream (soft-deleted, gone, back) flagged once per change.
 */

let vault: Vault;
let tenantId: string;
let ctx: PullContext;

beforeEach(async () => {
  ({ vault, tenantId } = await vaultWithTenant());
  ctx = contextFor(vault, tenantId);
});
afterAll(cleanupDirs);

const chat = (over: Partial<Chat> = {}): Chat => ({
  id: 'claude_chat_1',
  name: 'Q3 plan',
  created_at: '2026-09-01T10:00:00Z',
  updated_at: '2026-09-01T10:05:00Z',
  deleted_at: null,
  model: 'claude-opus-4-7',
  organization_uuid: 'org-uuid-1',
  user: { id: 'user_ann', email_address: 'ann@acme.test' },
  ...over,
});
const text = (id: string, t: string, role = 'user'): ChatMessage => ({ id, role, created_at: '2026-09-01T10:01:00Z', content: [{ type: 'text', text: t }] });
const fileOnly = (id: string): ChatMessage => ({ id, role: 'user', created_at: '2026-09-01T10:02:00Z', content: [], files: [{ id: 'claude_file_1', filename: 'a.pdf' }] });
const toolOnly = (id: string): ChatMessage => ({ id, role: 'assistant', created_at: '2026-09-01T10:03:00Z', content: [{ type: 'tool_use', name: 'search', input: '{}' }] });
const fetched = (c: Chat, messages: ChatMessage[]): FetchedChat => ({ kind: 'chat', chat: c, messages, requestId: 'req_1' });
const write = (f: FetchedChat) => vault.transaction(() => writeChat(ctx, f));

describe('writeChat', () => {
  it('captures each text message under the chat user, and counts the ones without text by reason, once', () => {
    const f = fetched(chat(), [text('m1', 'hello'), fileOnly('m2'), toolOnly('m3'), text('m4', 'reply', 'assistant')]);
    const o = write(f);
    expect(o).toMatchObject({ captured: 2, seen: 4, isNew: true, skipped: { 'attachments-only': 1, 'tool-only': 1 } });
    expect(records(vault, tenantId, 'message_captured').map((r) => [r.body.messageId, r.body.userId, r.body.orgId, r.body.model])).toEqual([
      ['m1', 'user_ann', 'org-uuid-1', 'claude-opus-4-7'],
      ['m4', 'user_ann', 'org-uuid-1', 'claude-opus-4-7'],
    ]);
    expect(vault.getMessageText(tenantId, 'm4')).toEqual({ status: 'ok', text: 'reply' });
    const again = write(f);
    expect(again).toMatchObject({ captured: 0, unchanged: 2, skipped: {}, records: 0, isNew: false });
    expect(records(vault, tenantId, 'message_captured').length).toBe(2);
  });

  it('captures an edit as version 2 superseding version 1, and a second edit as version 3 superseding version 2', () => {
    write(fetched(chat(), [text('m1', 'first')]));
    const o = write(fetched(chat({ updated_at: '2026-09-02T00:00:00Z' }), [text('m1', 'second')]));
    expect(o).toMatchObject({ superseded: 1, records: 2 });
    write(fetched(chat({ updated_at: '2026-09-03T00:00:00Z' }), [text('m1', 'third')]));
    const sup = records(vault, tenantId, 'message_superseded').map((r) => r.body);
    expect(sup).toEqual([
      expect.objectContaining({ messageId: 'm1', supersededId: 'm1', newId: 'm1~v2', version: 2 }),
      expect.objectContaining({ messageId: 'm1', supersededId: 'm1~v2', newId: 'm1~v3', version: 3 }),
    ]);
    const captured = records(vault, tenantId, 'message_captured');
    expect(sup[1]!.supersededRecord).toBe(captured.find((r) => r.body.messageId === 'm1~v2')!.seq);
    expect(sup[1]!.newRecord).toBe(captured.find((r) => r.body.messageId === 'm1~v3')!.seq);
    expect(vault.db.prepare('SELECT superseded_by FROM messages WHERE tenant_id = ? AND id = ?').pluck().get(tenantId, 'm1')).toBe('m1~v2');
    expect(vault.db.prepare('SELECT superseded_by FROM messages WHERE tenant_id = ? AND id = ?').pluck().get(tenantId, 'm1~v2')).toBe('m1~v3');
    expect(vault.getMessageText(tenantId, 'm1~v3')).toEqual({ status: 'ok', text: 'third' });
    expect(vault.verify({ mode: 'full' }).ok).toBe(true);
  });

  it('captures a message that had no text once it gains some', () => {
    write(fetched(chat(), [fileOnly('m2')]));
    const o = write(fetched(chat({ updated_at: '2026-09-02T00:00:00Z' }), [{ ...fileOnly('m2'), content: [{ type: 'text', text: 'now with words' }] }]));
    expect(o).toMatchObject({ captured: 1, superseded: 0 });
  });

  it('keeps captured text when the user soft-deletes the chat, and flags it once', () => {
    write(fetched(chat(), [text('m1', 'kept')]));
    const soft = chat({ deleted_at: '2026-09-05T00:00:00Z', updated_at: '2026-09-05T00:00:00Z', name: '' });
    const o = write(fetched(soft, [{ ...text('m1', ''), content: [] }]));
    expect(o).toMatchObject({ softDeleted: true, captured: 0, skipped: {} });
    write(fetched(soft, [{ ...text('m1', ''), content: [] }]));
    expect(records(vault, tenantId, 'chat_flagged').map((r) => r.body.flag)).toEqual(['soft_deleted']);
    expect(vault.getMessageText(tenantId, 'm1')).toEqual({ status: 'ok', text: 'kept' });
    expect(vault.db.prepare('SELECT soft_deleted FROM chats WHERE tenant_id = ? AND id = ?').pluck().get(tenantId, 'claude_chat_1')).toBe(1);
  });

  it('flags a chat gone at the source once, and back when it reappears', () => {
    write(fetched(chat(), [text('m1', 'x')]));
    const gone: FetchedChat = { kind: 'gone', chat: chat({ updated_at: '2026-09-09T00:00:00Z' }), requestId: null };
    expect(write(gone)).toMatchObject({ gone: true, records: 1 });
    expect(write(gone)).toMatchObject({ gone: false, records: 0 });
    expect(needsFetch(ctx.chats.chat('claude_chat_1'), chat())).toBe(true);
    write(fetched(chat(), [text('m1', 'x')]));
    expect(records(vault, tenantId, 'chat_flagged').map((r) => [r.body.flag, r.body.detectedBy])).toEqual([
      ['gone_at_source', 'not_found'],
      ['back_at_source', 'listing'],
    ]);
  });

  it('never captures again what was deleted on purpose in the vault, even when it changes upstream', () => {
    write(fetched(chat(), [text('m1', 'secret')]));
    vault.deleteChat(tenantId, 'claude_chat_1');
    const o = write(fetched(chat({ updated_at: '2026-09-02T00:00:00Z' }), [text('m1', 'secret, edited'), text('m9', 'new')]));
    expect(o).toMatchObject({ captured: 0, superseded: 0, skipped: { withheld: 2 } });
    expect(records(vault, tenantId, 'message_captured').length).toBe(1);
    expect(vault.verify({ mode: 'full' }).ok).toBe(true);
  });

  it('files a chat without a user under one unattributed subject', () => {
    write(fetched(chat({ user: null }), [text('m1', 'who said this')]));
    expect(records(vault, tenantId, 'message_captured')[0]!.body.userId).toBe(UNATTRIBUTED);
  });
});

describe('needsFetch', () => {
  it('fetches unknown chats and chats whose updated_at or deleted_at moved, and skips the rest', () => {
    write(fetched(chat(), [text('m1', 'x')]));
    const stored = ctx.chats.chat('claude_chat_1');
    expect(needsFetch(null, chat())).toBe(true);
    expect(needsFetch(stored, chat())).toBe(false);
    expect(needsFetch(stored, chat({ updated_at: '2026-09-01T10:06:00Z' }))).toBe(true);
    expect(needsFetch(stored, chat({ deleted_at: '2026-09-01T10:05:00Z' }))).toBe(true);
  });
});
