import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import type { WorkspaceSummary } from '../../../shared/api/schemas';
import { FormAlert } from '../../forms/FormAlert';
import { hrefFor } from '../../routing/routes';
import { exportChatsHref } from '../../evidence/exports/selectionRoute';
import { Icon } from '../../ui/Icon';
import { chatFlagBadges } from '../common/chatFlags';
import { formatDateTime } from '../common/format';
import { MaskedText } from '../common/MaskedText';
import { MessageCard } from './MessageCard';
import { RecordDialog } from './RecordDialog';
import { RevealDialog } from './RevealDialog';
import { findMatches, INITIAL_UI, isTypingTarget, nextMatch, step, transcriptReducer } from './transcriptState';
import { useTranscript } from './useTranscript';

/**
 * One chat's transcript. Keyboard: j/k move between messages, / jumps to find-in-transcript
 * (Enter and Shift+Enter step through matches, Esc returns to the messages), Esc closes a
 * dialog. A revealed text lives only in this view's state, for one message: it is gone when
 * focus moves to another message, another chat is opened, or the surface changes.
 */
export function TranscriptView({
  tenantId,
  chatId,
  workspace,
  initialMessageId,
}: {
  tenantId: string;
  chatId: string;
  workspace: WorkspaceSummary;
  /** The message a search hit pointed at: focused and scrolled into view once it has loaded. */
  initialMessageId?: string | undefined;
}) {
  const load = useTranscript(tenantId, chatId);
  const [ui, dispatch] = useReducer(transcriptReducer, INITIAL_UI);
  const findRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const canReveal = workspace.member.role === 'admin';
  const messages = load.state === 'failed' ? [] : load.messages;
  const chat = load.state === 'failed' ? null : load.chat;
  const matches = useMemo(() => findMatches(messages, ui.find), [messages, ui.find]);

  const focusMessage = useCallback((index: number) => {
    const el = listRef.current?.querySelector<HTMLElement>(`#msg-${index}`);
    el?.focus({ preventScroll: true });
    el?.scrollIntoView({ block: 'nearest' });
  }, []);

  const goTo = useCallback(
    (index: number) => {
      const m = messages[index];
      if (!m) return;
      dispatch({ type: 'focus', index, messageId: m.messageId });
      // After React gives the article tabIndex 0.
      requestAnimationFrame(() => focusMessage(index));
    },
    [messages, focusMessage],
  );

  const arrived = useRef(false);
  useEffect(() => {
    if (arrived.current || !initialMessageId || messages.length === 0) return;
    const index = messages.findIndex((m) => m.messageId === initialMessageId);
    arrived.current = true;
    if (index >= 0) goTo(index);
  }, [initialMessageId, messages, goTo]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (ui.dialog || e.altKey || e.ctrlKey || e.metaKey) return;
      if (isTypingTarget(e.target)) return;
      if (e.key === 'j' || e.key === 'k') {
        e.preventDefault();
        goTo(step(ui.active, e.key === 'j' ? 1 : -1, messages.length));
      } else if (e.key === '/') {
        e.preventDefault();
        findRef.current?.focus();
        findRef.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [ui.dialog, ui.active, messages.length, goTo]);

  const onFocus = useCallback((index: number, messageId: string) => dispatch({ type: 'focus', index, messageId }), []);
  const onReveal = useCallback((index: number, messageId: string) => dispatch({ type: 'openDialog', dialog: { kind: 'reveal', messageId }, index }), []);
  const onRecord = useCallback((index: number, messageId: string) => dispatch({ type: 'openDialog', dialog: { kind: 'record', messageId }, index }), []);
  const onMaskAgain = useCallback(() => dispatch({ type: 'maskAgain' }), []);

  const dialogMessage = ui.dialog ? messages.find((m) => m.messageId === ui.dialog!.messageId) : undefined;
  const currentMatch = matches.indexOf(ui.active);

  if (load.state === 'failed') {
    return (
      <div className="transcript">
        <a className="back-link" href={hrefFor('content')}>
          ← All chats
        </a>
        <FormAlert failure={load.failure} title="Could not open this chat" />
      </div>
    );
  }

  const flags = chat ? chatFlagBadges(chat.flags) : [];
  return (
    <div className="transcript">
      <a className="back-link" href={hrefFor('content')}>
        ← All chats
      </a>
      <section className="panel transcript__chat" aria-labelledby="chat-title">
        <h2 id="chat-title" className="transcript__title">
          {chat?.title ? <MaskedText text={chat.title.text} spans={chat.title.spans} /> : <span>Chat {chatId}</span>}
        </h2>
        {chat && (
          <dl className="transcript__meta">
            <div>
              <dt>Organisation</dt>
              <dd>{chat.org.name ?? chat.org.id ?? '—'}</dd>
            </div>
            <div>
              <dt>User</dt>
              <dd title={chat.user.id ?? undefined}>{chat.user.name ?? chat.user.id ?? 'Unattributed'}</dd>
            </div>
            <div>
              <dt>Model</dt>
              <dd className="mono-sm">{chat.model ?? '—'}</dd>
            </div>
            <div>
              <dt>Created</dt>
              <dd className="num">{formatDateTime(chat.createdAt)}</dd>
            </div>
            <div>
              <dt>Updated</dt>
              <dd className="num">{formatDateTime(chat.updatedAt)}</dd>
            </div>
            <div>
              <dt>Messages</dt>
              <dd className="num">{load.total ?? chat.messages}</dd>
            </div>
          </dl>
        )}
        {flags.length > 0 && (
          <ul className="transcript__flags" aria-label="Flags">
            {flags.map((f) => (
              <li key={f.key} className={`flag-note flag-note--${f.tone}`}>
                <Icon name={f.tone === 'accent' ? 'info' : 'alert'} size={16} />
                {f.full}
              </li>
            ))}
          </ul>
        )}
      </section>

      <div className="transcript__toolbar" role="search" aria-label="Find in this chat">
        <label className="find">
          <Icon name="search" size={15} className="find__icon" />
          <span className="visually-hidden">Find in this chat</span>
          <input
            ref={findRef}
            type="search"
            className="find__input"
            placeholder="Find in this chat"
            value={ui.find}
            aria-describedby="find-status"
            onChange={(e) => dispatch({ type: 'find', text: e.target.value })}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                const to = nextMatch(matches, ui.active, e.shiftKey ? -1 : 1);
                if (to >= 0) {
                  dispatch({ type: 'focus', index: to, messageId: messages[to]!.messageId });
                  document.getElementById(`msg-${to}`)?.scrollIntoView({ block: 'center' });
                }
              } else if (e.key === 'Escape') {
                e.preventDefault();
                goTo(ui.active >= 0 ? ui.active : 0);
              }
            }}
          />
          <kbd className="find__kbd" aria-hidden="true">
            /
          </kbd>
        </label>
        <span id="find-status" className="find__status muted" aria-live="polite">
          {ui.find.trim() === '' ? '' : matches.length === 0 ? 'No match in readable text' : `${currentMatch >= 0 ? `${currentMatch + 1} of ` : ''}${matches.length} message${matches.length === 1 ? '' : 's'}`}
        </span>
        <a className="button button--quiet button--small transcript__search-all" href={hrefFor('search')}>
          Search all chats
          <Icon name="arrowRight" size={14} />
        </a>
        <a className="button button--quiet button--small" href={exportChatsHref([{ tenantId, chatId }])}>
          Export this chat
        </a>
        <p className="transcript__keys muted">
          <kbd>j</kbd> <kbd>k</kbd> next / previous message · <kbd>/</kbd> find · <kbd>Esc</kbd> close
        </p>
      </div>

      {load.state === 'loading' && messages.length === 0 ? (
        <p className="panel muted" aria-busy="true">
          Opening the transcript…
        </p>
      ) : messages.length === 0 ? (
        <p className="panel muted">No message of this chat had text to capture.</p>
      ) : (
        <ol ref={listRef} className="transcript__messages" aria-label="Messages">
          {messages.map((m, i) => (
            <li key={m.messageId}>
              <MessageCard
                index={i}
                message={m}
                active={i === ui.active}
                tabbable={i === ui.active || (ui.active < 0 && i === 0)}
                revealed={ui.revealed?.messageId === m.messageId ? ui.revealed : null}
                canReveal={canReveal}
                find={ui.find}
                onFocus={onFocus}
                onReveal={onReveal}
                onRecord={onRecord}
                onMaskAgain={onMaskAgain}
              />
            </li>
          ))}
        </ol>
      )}
      {load.state === 'loading' && messages.length > 0 && (
        <p className="muted" aria-busy="true">
          Reading messages {messages.length + 1}–{load.total ?? '…'}…
        </p>
      )}

      {ui.dialog?.kind === 'reveal' && dialogMessage && (
        <RevealDialog tenantId={tenantId} message={dialogMessage} onClose={() => dispatch({ type: 'closeDialog' })} onRevealed={(revealed) => dispatch({ type: 'revealed', revealed })} />
      )}
      {ui.dialog?.kind === 'record' && dialogMessage && <RecordDialog tenantId={tenantId} message={dialogMessage} onClose={() => dispatch({ type: 'closeDialog' })} />}
    </div>
  );
}
