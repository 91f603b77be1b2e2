import { describe, expect, it } from 'vitest';
import { ChatMessage } from '../../../electron/core/sources/anthropic-compliance-schemas';
import { messageText, TEXT_BLOCK_SEPARATOR } from '../../../electron/core/sources/message-text';

const base = { id: 'claude_chat_msg_1', role: 'user', created_at: '2026-03-01T00:00:00Z' };
const msg = (extra: Record<string, unknown>) => ChatMessage.parse({ ...base, ...extra });
const file = { id: 'claude_file_1', filename: 'mockup.pdf', mime_type: 'application/pdf', size_bytes: 10, md5: 'ab', created_at: '2026-03-01T00:00:00Z' };

describe('messageText: text only, and a message without text is classified, never empty text', () => {
  it('joins every text block, skipping tool blocks', () => {
    const m = msg({
      role: 'assistant',
      content: [
        { type: 'text', text: 'First part.', truncated: false, thinking_redacted: false },
        { type: 'tool_use', id: 'toolu_1', name: 'web_search', input: '{"q":"x"}', truncated: false },
        { type: 'tool_result', tool_use_id: 'toolu_1', name: 'web_search', is_error: false, content: [{ type: 'text', text: 'RESULT TEXT' }] },
        { type: 'text', text: 'Second part.', truncated: false, thinking_redacted: true },
      ],
    });
    const t = messageText(m);
    expect(t.kind).toBe('text');
    if (t.kind !== 'text') return;
    expect(t.text).toBe(`First part.${TEXT_BLOCK_SEPARATOR}Second part.`);
    expect(t.text).not.toContain('RESULT TEXT');
    expect(t.textBlocks).toBe(2);
    expect(t.toolBlocks).toBe(2);
    expect(t.thinkingRedacted).toBe(true);
    expect(t.truncated).toBe(false);
  });

  it('a file-only user turn (content [] with files) is attachments-only', () => {
    const t = messageText(msg({ content: [], files: [file] }));
    expect(t).toMatchObject({ kind: 'no-text', reason: 'attachments-only', attachments: { files: 1, generatedFiles: 0, artifacts: 0 } });
  });

  it('a tool-only turn is tool-only', () => {
    const t = messageText(msg({ role: 'assistant', content: [{ type: 'tool_use', id: null, name: 'x', input: '{}', truncated: true }] }));
    expect(t).toMatchObject({ kind: 'no-text', reason: 'tool-only', toolBlocks: 1 });
  });

  it('an assistant turn with only generated files and artifacts is attachments-only', () => {
    const t = messageText(
      msg({
        role: 'assistant',
        content: [],
        generated_files: [{ id: 'claude_gen_file_1', filename: 'r.csv', mime_type: 'text/csv', size_bytes: 2, md5: 'x' }],
        artifacts: [{ id: 'claude_artifact_1', version_id: 'v1', title: 'Draft', artifact_type: 'text/markdown' }],
      }),
    );
    expect(t).toMatchObject({ kind: 'no-text', reason: 'attachments-only', attachments: { generatedFiles: 1, artifacts: 1 } });
  });

  it('a message of a user-deleted chat (content [], null file arrays) is deleted-chat', () => {
    const m = msg({ content: [], files: null, generated_files: null, artifacts: null });
    expect(messageText(m, { deleted_at: '2026-09-01T00:00:00Z' })).toMatchObject({ kind: 'no-text', reason: 'deleted-chat' });
    expect(messageText(m)).toMatchObject({ kind: 'no-text', reason: 'empty' });
  });

  it('whitespace-only text is blank-text, not captured', () => {
    expect(messageText(msg({ content: [{ type: 'text', text: '  \n' }] }))).toMatchObject({ kind: 'no-text', reason: 'blank-text' });
  });

  it('only unknown block types is unknown-blocks; an unknown block next to text is ignored', () => {
    expect(messageText(msg({ content: [{ type: 'hologram', data: 1 }] }))).toMatchObject({ kind: 'no-text', reason: 'unknown-blocks' });
    const t = messageText(msg({ content: [{ type: 'hologram' }, { type: 'text', text: 'hi' }] }));
    expect(t.kind === 'text' && t.text).toBe('hi');
  });

  it('a missing content field reads as content []', () => {
    expect(messageText(msg({ content: null }))).toMatchObject({ kind: 'no-text', reason: 'empty' });
  });

  it('reports a truncated text block', () => {
    const t = messageText(msg({ content: [{ type: 'text', text: 'long', truncated: true }] }));
    expect(t.kind === 'text' && t.truncated).toBe(true);
  });
});
