import { useState, type FormEvent } from 'react';
import type { TranscriptMessageDto } from '../../../shared/api/review-schemas';
import { useApi } from '../../api-context';
import { toFailure, type Failure } from '../../errors/failure';
import { FormAlert } from '../../forms/FormAlert';
import { Dialog } from '../common/Dialog';
import { piiKindsSummary } from '../common/piiNames';
import type { Revealed } from './transcriptState';

/**
 * Asks an admin why the unmasked text is needed, then asks the main process for it. The
 * service records a pii_revealed entry (member, message, kinds, reason) before it answers;
 * this dialog only says so plainly, so nobody reveals without knowing it is logged.
 */
export function RevealDialog({
  tenantId,
  message,
  onRevealed,
  onClose,
}: {
  tenantId: string;
  message: TranscriptMessageDto;
  onRevealed(r: Revealed): void;
  onClose(): void;
}) {
  const api = useApi();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const empty = reason.trim() === '';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (empty || busy) return;
    setBusy(true);
    setFailure(null);
    try {
      const res = await api.content.reveal({ tenantId, messageId: message.messageId, reason: reason.trim() });
      if (res.status === 'deleted') {
        setFailure({ code: 'NOT_FOUND', message: `This message's content is gone: ${res.deleted.label}.` });
        return;
      }
      onRevealed({ messageId: res.messageId, text: res.text, spans: res.spans, recordSeq: res.recordSeq });
    } catch (error) {
      setFailure(toFailure(error));
    } finally {
      setBusy(false);
    }
  };

  const showError = touched && empty;
  return (
    <Dialog title="Reveal this message" onClose={onClose} describedBy="reveal-explain">
      <form className="form reveal-form" onSubmit={(e) => void submit(e)} noValidate>
        <p id="reveal-explain" className="form__intro">
          The unmasked text of this one message is shown to you until you move to another message or leave the chat. Before it is shown, the audit
          log records your name, the message, what it contains ({piiKindsSummary(message.text?.kinds ?? []).toLowerCase()}) and your reason.
        </p>
        {failure && <FormAlert failure={failure} />}
        <div className={`field${showError ? ' field--invalid' : ''}`}>
          <label className="field__label" htmlFor="reveal-reason">
            Reason for revealing
          </label>
          <textarea
            id="reveal-reason"
            className="field__input field__textarea"
            value={reason}
            rows={3}
            maxLength={1000}
            required
            autoFocus
            aria-invalid={showError ? true : undefined}
            aria-describedby="reveal-reason-message"
            placeholder="e.g. Case 2026-114: confirm which card number was shared with the assistant"
            onChange={(e) => setReason(e.target.value)}
          />
          <p id="reveal-reason-message" className={showError ? 'field__error' : 'field__hint'}>
            {showError ? 'Say why the unmasked text is needed; the reason is recorded.' : 'Recorded with your name in the audit log.'}
          </p>
        </div>
        <div className="form__actions">
          <button type="button" className="button button--secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Recording…' : 'Record and reveal'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
