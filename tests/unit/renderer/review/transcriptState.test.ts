import { describe, expect, it } from 'vitest';
import type { TranscriptMessageDto } from '../../../../shared/api/review-schemas';
import { findMatches, INITIAL_UI, isTypingTarget, nextMatch, step, transcriptReducer, type TranscriptUi } from '../../../../renderer/review/transcript/transcriptState';
import { prettyRecord } from '../../../../renderer/review/transcript/RecordDialog';

const revealed = { messageId: 'm2', text: 'mail bob@example.com', spans: [{ start: 5, end: 20, kind: 'email' as const, label: '[EMAIL]' }], recordSeq: 77 };

function revealedOn(messageId: string, index: number): TranscriptUi {
  let s = transcriptReducer(INITIAL_UI, { type: 'openDialog', dialog: { kind: 'reveal', messageId }, index });
  s = transcriptReducer(s, { type: 'revealed', revealed: { ...revealed, messageId } });
  return s;
}

describe('a revealed text belongs to one message', () => {
  it('given the reveal dialog of m2, the answer for m2 is shown and the dialog closes', () => {
    const s = revealedOn('m2', 1);
    expect(s.revealed?.messageId).toBe('m2');
    expect(s.dialog).toBeNull();
    expect(s.active).toBe(1);
  });

  it('is masked again as soon as focus moves to another message', () => {
    const s = transcriptReducer(revealedOn('m2', 1), { type: 'focus', index: 2, messageId: 'm3' });
    expect(s.revealed).toBeNull();
  });

  it('stays while focus stays on the same message (its record opened, focus returning)', () => {
    let s = transcriptReducer(revealedOn('m2', 1), { type: 'openDialog', dialog: { kind: 'record', messageId: 'm2' }, index: 1 });
    expect(s.revealed?.messageId).toBe('m2');
    s = transcriptReducer(s, { type: 'closeDialog' });
    s = transcriptReducer(s, { type: 'focus', index: 1, messageId: 'm2' });
    expect(s.revealed?.messageId).toBe('m2');
  });

  it('opening the record of another message masks it again', () => {
    const s = transcriptReducer(revealedOn('m2', 1), { type: 'openDialog', dialog: { kind: 'record', messageId: 'm5' }, index: 4 });
    expect(s.revealed).toBeNull();
  });

  it('an answer for a message other than the dialog’s is ignored', () => {
    const open = transcriptReducer(INITIAL_UI, { type: 'openDialog', dialog: { kind: 'reveal', messageId: 'm2' }, index: 1 });
    expect(transcriptReducer(open, { type: 'revealed', revealed: { ...revealed, messageId: 'm9' } }).revealed).toBeNull();
    expect(transcriptReducer(INITIAL_UI, { type: 'revealed', revealed }).revealed).toBeNull();
  });

  it('"Mask again" drops it', () => {
    expect(transcriptReducer(revealedOn('m2', 1), { type: 'maskAgain' }).revealed).toBeNull();
  });
});

describe('j/k and find', () => {
  it('j and k move within bounds; the first press lands on an end', () => {
    expect(step(-1, 1, 5)).toBe(0);
    expect(step(-1, -1, 5)).toBe(4);
    expect(step(4, 1, 5)).toBe(4);
    expect(step(0, -1, 5)).toBe(0);
    expect(step(2, 1, 5)).toBe(3);
    expect(step(-1, 1, 0)).toBe(-1);
  });

  const msg = (id: string, text: string | null): TranscriptMessageDto => ({
    messageId: id, version: 1, role: 'user', createdAt: null, capturedAt: '2026-01-01T00:00:00Z', model: null,
    status: text === null ? 'deleted' : 'ok', text: text === null ? null : { text, spans: [], kinds: [] },
    deleted: null, superseded: null, problem: null, recordSeq: 1, commitment: null,
  });

  it('finds messages by their readable text and steps through matches, wrapping', () => {
    const ms = [msg('a', 'Invoice due'), msg('b', null), msg('c', 'nothing'), msg('d', 'the INVOICE again')];
    const m = findMatches(ms, 'invoice');
    expect(m).toEqual([0, 3]);
    expect(nextMatch(m, -1, 1)).toBe(0);
    expect(nextMatch(m, 0, 1)).toBe(3);
    expect(nextMatch(m, 3, 1)).toBe(0);
    expect(nextMatch(m, 0, -1)).toBe(3);
    expect(nextMatch([], 0, 1)).toBe(-1);
  });

  it('keys typed into a field are not shortcuts', () => {
    expect(isTypingTarget({ tagName: 'INPUT' } as unknown as EventTarget)).toBe(true);
    expect(isTypingTarget({ tagName: 'TEXTAREA' } as unknown as EventTarget)).toBe(true);
    expect(isTypingTarget({ tagName: 'ARTICLE' } as unknown as EventTarget)).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});

describe('the record panel', () => {
  it('indents the canonical JSON for reading, and shows unreadable bytes as they are', () => {
    expect(prettyRecord('{"a":1,"b":{"c":2}}')).toBe('{\n  "a": 1,\n  "b": {\n    "c": 2\n  }\n}');
    expect(prettyRecord('{broken')).toBe('{broken');
  });
});
