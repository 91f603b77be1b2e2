import type { Chat, ChatMessage, ContentBlock } from './anthropic-compliance-schemas';

/**
 * Text-only capture of a chat message. Text blocks are joined; a message without any
 * text (attachment-only, tool-only, emptied by a user delete) is classified so it is
 * recorded as what it is, never captured as an empty text.
 */

/** Between two text blocks of one message (they are separated by tool turns or files). */
export const TEXT_BLOCK_SEPARATOR = '\n\n';

export type NoTextReason =
  /** The chat has `deleted_at`: its user deleted it in claude.ai and the content is gone. */
  | 'deleted-chat'
  /** Files, generated files or artifacts but no text (e.g. an upload-only user turn). */
  | 'attachments-only'
  /** Only tool_use / tool_result blocks. */
  | 'tool-only'
  /** Text blocks present but every one is empty or whitespace. */
  | 'blank-text'
  /** Only block types this version does not know. */
  | 'unknown-blocks'
  /** `content: []` and nothing attached. */
  | 'empty';

export interface MessageAttachments {
  files: number;
  generatedFiles: number;
  artifacts: number;
}

export type MessageText =
  | {
      kind: 'text';
      text: string;
      textBlocks: number;
      /** A text block said it was cut (the API bounds text at 1 MiB). */
      truncated: boolean;
      /** Reasoning-tag content was removed from assistant text by the vendor. */
      thinkingRedacted: boolean;
      toolBlocks: number;
      attachments: MessageAttachments;
    }
  | { kind: 'no-text'; reason: NoTextReason; toolBlocks: number; attachments: MessageAttachments };

type TextBlockT = Extract<ContentBlock, { type: 'text'; text: string }>;

function isText(b: ContentBlock): b is TextBlockT {
  return b.type === 'text' && typeof (b as { text?: unknown }).text === 'string';
}

function isTool(b: ContentBlock): boolean {
  return b.type === 'tool_use' || b.type === 'tool_result';
}

export function messageAttachments(msg: ChatMessage): MessageAttachments {
  return { files: msg.files?.length ?? 0, generatedFiles: msg.generated_files?.length ?? 0, artifacts: msg.artifacts?.length ?? 0 };
}

/** The message's text, or why it has none. Pass the chat so a user-deleted chat is named as such. */
export function messageText(msg: ChatMessage, chat?: Pick<Chat, 'deleted_at'>): MessageText {
  const attachments = messageAttachments(msg);
  const blocks = msg.content;
  const texts = blocks.filter(isText);
  const toolBlocks = blocks.filter(isTool).length;
  const nonBlank = texts.filter((b) => b.text.trim().length > 0);
  if (nonBlank.length > 0) {
    return {
      kind: 'text',
      text: nonBlank.map((b) => b.text).join(TEXT_BLOCK_SEPARATOR),
      textBlocks: nonBlank.length,
      truncated: nonBlank.some((b) => b.truncated === true),
      thinkingRedacted: nonBlank.some((b) => b.thinking_redacted === true),
      toolBlocks,
      attachments,
    };
  }
  const attached = attachments.files + attachments.generatedFiles + attachments.artifacts > 0;
  let reason: NoTextReason;
  if (chat?.deleted_at && blocks.length === 0 && !attached) reason = 'deleted-chat';
  else if (texts.length > 0) reason = 'blank-text';
  else if (attached) reason = 'attachments-only';
  else if (toolBlocks > 0) reason = 'tool-only';
  else if (blocks.length > 0) reason = 'unknown-blocks';
  else reason = 'empty';
  return { kind: 'no-text', reason, toolBlocks, attachments };
}
