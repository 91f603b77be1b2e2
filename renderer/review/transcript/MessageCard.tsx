import { memo } from 'react';
import type { TranscriptMessageDto } from '../../../shared/api/review-schemas';
import { Icon } from '../../ui/Icon';
import { formatDateTime } from '../common/format';
import { MaskedText } from '../common/MaskedText';
import { piiKindsSummary } from '../common/piiNames';
import type { Revealed } from './transcriptState';

const ROLE_LABEL: Record<string, string> = { user: 'User', human: 'User', assistant: 'Assistant', system: 'System' };

export function roleLabel(role: string): string {
  return ROLE_LABEL[role] ?? role.charAt(0).toUpperCase() + role.slice(1);
}

interface Props {
  index: number;
  message: TranscriptMessageDto;
  active: boolean;
  /** The one message Tab reaches (roving focus): the active one, or the first before any moved. */
  tabbable: boolean;
  revealed: Revealed | null;
  canReveal: boolean;
  find: string;
  onFocus(index: number, messageId: string): void;
  onReveal(index: number, messageId: string): void;
  onRecord(index: number, messageId: string): void;
  onMaskAgain(): void;
}

/** One message: who, when, which model, its state, its (masked or revealed) text, and its actions. */
export const MessageCard = memo(function MessageCard({ index, message: m, active, tabbable, revealed, canReveal, find, onFocus, onReveal, onRecord, onMaskAgain }: Props) {
  const hasPii = (m.text?.spans.length ?? 0) > 0;
  const headingId = `msg-${index}-head`;
  return (
    <article
      id={`msg-${index}`}
      className={`message message--${m.role} message--${m.status}${active ? ' message--active' : ''}${revealed ? ' message--revealed' : ''}`}
      tabIndex={tabbable ? 0 : -1}
      aria-labelledby={headingId}
      data-message-id={m.messageId}
      onFocus={(e) => {
        if (!active) onFocus(index, m.messageId);
      }}
    >
      <header className="message__head">
        <h3 id={headingId} className="message__role">
          {roleLabel(m.role)}
          <span className="visually-hidden"> message {index + 1}</span>
        </h3>
        <time className="message__time num" dateTime={m.createdAt ?? m.capturedAt} title={`Captured ${formatDateTime(m.capturedAt)}`}>
          {formatDateTime(m.createdAt ?? m.capturedAt)}
        </time>
        {m.model && <span className="message__model mono-sm">{m.model}</span>}
        {m.version > 1 && <span className="badge badge--accent badge--tiny">Version {m.version}</span>}
        {m.status === 'superseded' && m.superseded && (
          <span className="badge badge--notice badge--tiny" title="An edit replaced this text upstream; both versions are kept.">
            Superseded: {m.superseded.label.replace(/^superseded /, '')}
          </span>
        )}
        {m.status === 'deleted' && <span className="badge badge--danger badge--tiny">Deleted</span>}
        {m.status === 'unreadable' && <span className="badge badge--danger badge--tiny">Failed its integrity check</span>}
        {revealed && (
          <span className="badge badge--danger badge--tiny" role="status">
            Revealed · recorded as #{revealed.recordSeq}
          </span>
        )}
        <span className="message__actions">
          <button type="button" className="button button--quiet button--small" onClick={() => onRecord(index, m.messageId)} disabled={m.recordSeq === null}>
            <Icon name="verify" size={14} />
            Record
          </button>
          {canReveal &&
            hasPii &&
            (revealed ? (
              <button type="button" className="button button--secondary button--small" onClick={onMaskAgain}>
                Mask again
              </button>
            ) : (
              <button type="button" className="button button--secondary button--small" onClick={() => onReveal(index, m.messageId)} aria-label={`Reveal ${roleLabel(m.role).toLowerCase()} message ${index + 1}`}>
                Reveal
              </button>
            ))}
        </span>
      </header>
      <div className="message__body">
        {revealed ? (
          <MaskedText className="message__text" text={revealed.text} spans={revealed.spans} revealed highlight={find} />
        ) : m.text ? (
          <MaskedText className="message__text" text={m.text.text} spans={m.text.spans} highlight={find} />
        ) : m.status === 'deleted' ? (
          <p className="message__gone">{m.deleted?.label ? `Content deleted: ${m.deleted.label}.` : 'Content deleted.'}</p>
        ) : (
          <p className="message__gone message__gone--danger">{m.problem?.message ?? 'This message could not be read.'} Run Verify to locate the damage.</p>
        )}
      </div>
      {hasPii && !revealed && <p className="message__pii muted">Masked: {piiKindsSummary(m.text!.kinds).toLowerCase()}</p>}
    </article>
  );
});
