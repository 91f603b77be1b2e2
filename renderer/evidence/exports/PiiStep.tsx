import type { Role } from '../../../shared/api/schemas';
import { Icon } from '../../ui/Icon';
import type { DraftErrors, ExportDraft } from './exportDraft';
import { useExportWizard } from './exportStore';

/**
 * Step 3: personal data. Masked by default. Revealing is for admins only, needs a reason,
 * and the page says plainly, before anything runs, that the reveal is recorded.
 */
export function PiiStep({ draft, role, errors }: { draft: ExportDraft; role: Role; errors: DraftErrors }) {
  const update = useExportWizard((s) => s.update);
  const admin = role === 'admin';
  const reasonError = errors.reason;

  return (
    <div className="form pii-step">
      <p className="form__intro">
        Personal data and secrets (email addresses, phone numbers, social security and card numbers, IP addresses, API keys and other secrets) are masked in the export. The recipient can still verify every
        masked message's record; its text is reported as masked rather than checked.
      </p>
      <fieldset className="choices">
        <legend className="visually-hidden">Personal data in this export</legend>
        <label className={`choice${!draft.reveal ? ' choice--on' : ''}`}>
          <input type="radio" name="export-pii" checked={!draft.reveal} onChange={() => update({ reveal: false })} aria-labelledby="pii-mask-title" aria-describedby="pii-mask-text" />
          <span className="choice__body">
            <span id="pii-mask-title" className="choice__title">
              Mask personal data
            </span>
            <span id="pii-mask-text" className="choice__text">Recommended. Nothing is recorded beyond the export itself.</span>
          </span>
        </label>
        <label className={`choice${draft.reveal ? ' choice--on choice--warn' : ''}${admin ? '' : ' choice--disabled'}`}>
          <input
            type="radio"
            name="export-pii"
            checked={draft.reveal}
            disabled={!admin}
            onChange={() => update({ reveal: true })}
            aria-labelledby="pii-reveal-title"
            aria-describedby="pii-reveal-text"
          />
          <span className="choice__body">
            <span id="pii-reveal-title" className="choice__title">
              Reveal personal data in this export
            </span>
            <span id="pii-reveal-text" className="choice__text">{admin ? 'Admins only. Requires a reason, which is recorded.' : 'Only an admin can export unmasked personal data.'}</span>
          </span>
        </label>
      </fieldset>
      {errors.reveal && (
        <p className="field__error" role="alert">
          {errors.reveal}
        </p>
      )}

      {draft.reveal && admin && (
        <>
          <div className="alert alert--notice reveal-warning" role="note">
            <Icon name="alert" size={18} className="alert__icon" />
            <div>
              <p className="alert__title">This reveal is recorded</p>
              <p className="alert__message">
                Before any unmasked text is written, the audit log records a reveal with your name, your reason, the kinds of personal data and how many
                messages. The export itself says it was revealed and why. Anyone who receives the file sees the unmasked text.
              </p>
            </div>
          </div>
          <div className={`field${reasonError ? ' field--invalid' : ''}`}>
            <label className="field__label" htmlFor="export-reveal-reason">
              Reason for revealing
            </label>
            <textarea
              id="export-reveal-reason"
              className="field__input field__textarea"
              rows={3}
              maxLength={2048}
              value={draft.reason}
              placeholder="e.g. Court order 2026-114 requires the unredacted production to opposing counsel"
              aria-invalid={reasonError ? true : undefined}
              aria-describedby="export-reveal-reason-message"
              onChange={(e) => update({ reason: e.target.value })}
            />
            <p id="export-reveal-reason-message" className={reasonError ? 'field__error' : 'field__hint'}>
              {reasonError ?? 'Recorded with your name in the audit log and in the export.'}
            </p>
          </div>
        </>
      )}
    </div>
  );
}
