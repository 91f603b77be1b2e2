import { useApi } from '../../api-context';
import { alertToneFor } from '../../errors/failure';
import { Icon } from '../../ui/Icon';
import { BATES_DIGITS, batesPreview, usesBates, type ExportDraft, type WizardStep } from './exportDraft';
import { adviceFor } from './exportFailure';
import { progressPercent, progressText } from './exportProgress';
import { cancelExport, runExport, startOver, useExportWizard } from './exportStore';
import { ExportResultView } from './ExportResultView';
import { describeDraftScope, type Facets } from './scopeSummary';

const FORMAT_NAMES = { json: 'JSON bundle', pdf: 'Bates-numbered PDF', production: 'Production volume (ZIP)' } as const;
const STEP_NAMES: Record<WizardStep, string> = { scope: 'Scope', format: 'Format', pii: 'Personal data', run: 'Review' };

function Summary({ draft, facets }: { draft: ExportDraft; facets: Facets | null }) {
  const goTo = useExportWizard((s) => s.goTo);
  const running = useExportWizard((s) => s.run.status === 'running');
  const change = (step: WizardStep, what: string) =>
    running ? null : (
      <button type="button" className="link-button summary__change" onClick={() => goTo(step)} aria-label={`Change the ${what}`}>
        Change
      </button>
    );
  return (
    <dl className="summary">
      <dt>Scope</dt>
      <dd>
        {describeDraftScope(draft, facets)} {change('scope', 'scope')}
      </dd>
      <dt>Format</dt>
      <dd>
        {FORMAT_NAMES[draft.format]}
        {usesBates(draft.format) && (
          <>
            , Bates from <span className="mono">{batesPreview(draft.batesPrefix, draft.batesStart) ?? '?'}</span> ({BATES_DIGITS} digits)
          </>
        )}{' '}
        {change('format', 'format')}
      </dd>
      <dt>Personal data</dt>
      <dd>
        {draft.reveal ? (
          <>
            <strong className="summary__reveal">Revealed</strong> for the reason “{draft.reason.trim()}” (recorded)
          </>
        ) : (
          'Masked'
        )}{' '}
        {change('pii', 'personal data choice')}
      </dd>
      <dt>Save as</dt>
      <dd>
        <span className="mono summary__path">{draft.outPath}</span> {change('format', 'file to write')}
      </dd>
    </dl>
  );
}

/** Step 4: what will happen, the run with its progress and cancel, then the result or what went wrong. */
export function RunStep({ draft, facets, blockedAt }: { draft: ExportDraft; facets: Facets | null; blockedAt: WizardStep | null }) {
  const api = useApi();
  const run = useExportWizard((s) => s.run);
  const goTo = useExportWizard((s) => s.goTo);

  if (run.status === 'done') return <ExportResultView result={run.result} />;

  const progress = run.status === 'running' || run.status === 'failed' ? run.progress : null;
  const percent = progressPercent(progress);
  const advice = run.status === 'failed' ? adviceFor(run.failure) : null;

  return (
    <div className="run-step">
      <Summary draft={draft} facets={facets} />

      {blockedAt && run.status === 'idle' && (
        <div className="alert alert--error" role="alert">
          <Icon name="alert" size={18} className="alert__icon" />
          <div>
            <p className="alert__title">Something needs fixing first</p>
            <p className="alert__message">
              The {STEP_NAMES[blockedAt]} step has a problem.{' '}
              <button type="button" className="link-button" onClick={() => goTo(blockedAt)}>
                Go to {STEP_NAMES[blockedAt]}
              </button>
            </p>
          </div>
        </div>
      )}

      {run.status === 'running' && (
        <div className="export-progress" aria-live="polite">
          <div className="export-progress__head">
            <span className="export-progress__text">{progressText(progress)}</span>
            {percent !== null && <span className="num export-progress__percent">{percent}%</span>}
          </div>
          <div
            className={`progress${percent === null ? ' progress--indeterminate' : ''}`}
            role="progressbar"
            aria-label="Export progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent ?? undefined}
            aria-valuetext={progressText(progress)}
          >
            <span className="progress__fill" style={percent !== null ? { width: `${percent}%` } : undefined} />
          </div>
        </div>
      )}

      {run.status === 'failed' && advice && (
        <div className={`alert alert--${alertToneFor(run.failure.code)}`} role="alert">
          <Icon name={alertToneFor(run.failure.code) === 'notice' ? 'info' : 'alert'} size={18} className="alert__icon" />
          <div>
            <p className="alert__title">{advice.title}</p>
            <p className="alert__message">{run.failure.message}</p>
            <p className="alert__message">{advice.advice}</p>
          </div>
        </div>
      )}

      <div className="wizard__nav">
        {run.status === 'running' ? (
          <button type="button" className="button button--secondary" onClick={() => void cancelExport(api)} disabled={run.cancelling}>
            <Icon name="stop" size={15} />
            {run.cancelling ? 'Cancelling…' : 'Cancel export'}
          </button>
        ) : (
          <>
            <button type="button" className="button button--secondary" onClick={() => startOver(advice?.step ?? 'pii')}>
              {advice?.step ? `Back to ${STEP_NAMES[advice.step]}` : 'Back'}
            </button>
            <button type="button" className="button button--primary" disabled={blockedAt !== null} onClick={() => void runExport(api)}>
              <Icon name="exports" size={15} />
              {run.status === 'failed' ? 'Run the export again' : 'Run the export'}
            </button>
          </>
        )}
      </div>
    </div>
  );
}
