import type { TranscriptMessageDto } from '../../../shared/api/review-schemas';
import { plainTextMatches, type SpanRef } from '../common/segments';

/**
 * What the transcript screen shows besides the messages: which message has focus, which
 * dialog is open, what find-in-transcript looks for, and the one revealed text. Pure, so
 * the rule that matters is unit-tested: a revealed text belongs to one message and is
 * dropped as soon as focus moves to any other message (and the view is remounted for
 * another chat, and unmounted for another surface), so it is masked again on navigation.
 */

export interface Revealed {
  messageId: string;
  text: string;
  spans: SpanRef[];
  recordSeq: number;
}

export type TranscriptDialog = { kind: 'reveal'; messageId: string } | { kind: 'record'; messageId: string } | null;

export interface TranscriptUi {
  /** Index of the focused message, or -1 before the reader moved. */
  active: number;
  revealed: Revealed | null;
  dialog: TranscriptDialog;
  find: string;
}

export const INITIAL_UI: TranscriptUi = { active: -1, revealed: null, dialog: null, find: '' };

export type TranscriptAction =
  | { type: 'focus'; index: number; messageId: string | null }
  | { type: 'openDialog'; dialog: NonNullable<TranscriptDialog>; index: number }
  | { type: 'closeDialog' }
  | { type: 'revealed'; revealed: Revealed }
  | { type: 'maskAgain' }
  | { type: 'find'; text: string };

function withFocus(s: TranscriptUi, index: number, messageId: string | null): TranscriptUi {
  const keep = s.revealed !== null && messageId !== null && s.revealed.messageId === messageId;
  return { ...s, active: index, revealed: keep ? s.revealed : null };
}

export function transcriptReducer(s: TranscriptUi, a: TranscriptAction): TranscriptUi {
  switch (a.type) {
    case 'focus':
      return withFocus(s, a.index, a.messageId);
    case 'openDialog':
      return { ...withFocus(s, a.index, a.dialog.messageId), dialog: a.dialog };
    case 'closeDialog':
      return { ...s, dialog: null };
    case 'revealed':
      // Only the message the dialog was opened for may receive text.
      if (s.dialog?.kind !== 'reveal' || s.dialog.messageId !== a.revealed.messageId) return s;
      return { ...s, revealed: a.revealed, dialog: null };
    case 'maskAgain':
      return { ...s, revealed: null };
    case 'find':
      return { ...s, find: a.text };
  }
}

/** j/k from `active` within `count` messages; the first press lands on the first message. */
export function step(active: number, delta: 1 | -1, count: number): number {
  if (count === 0) return -1;
  if (active < 0) return delta > 0 ? 0 : count - 1;
  return Math.max(0, Math.min(count - 1, active + delta));
}

/** Indexes of messages whose readable (masked) text contains `query`; masks never match. */
export function findMatches(messages: readonly TranscriptMessageDto[], query: string): number[] {
  if (query.trim() === '') return [];
  const out: number[] = [];
  messages.forEach((m, i) => {
    if (m.text && plainTextMatches(m.text.text, m.text.spans, query)) out.push(i);
  });
  return out;
}

/** The next match after (or before) `from`, wrapping around; -1 when nothing matches. */
export function nextMatch(matches: readonly number[], from: number, delta: 1 | -1): number {
  if (matches.length === 0) return -1;
  if (delta > 0) return matches.find((i) => i > from) ?? matches[0]!;
  return [...matches].reverse().find((i) => i < from) ?? matches[matches.length - 1]!;
}

/** Keys the transcript handles itself; never while the reader types into a field. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as { tagName?: unknown }).tagName !== 'string') return false;
  const el = target as unknown as { tagName: string; isContentEditable?: boolean };
  return el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable === true;
}
