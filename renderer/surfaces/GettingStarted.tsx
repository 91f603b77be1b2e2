import type { WorkspaceSummary } from '../../shared/api/schemas';
import { hrefFor, surfaceLabel, type SurfaceId } from '../routing/routes';
import { useCapture } from '../integrations/captureStore';
import { Icon } from '../ui/Icon';
import { reviewStepText } from './captureSteps';

interface Step {
  title: string;
  text: string;
  surface: SurfaceId;
  done: boolean;
}

function stepsFor(workspace: WorkspaceSummary, review: string | null): Step[] {
  const connected = workspace.tenants > 0;
  const admin = workspace.member.role === 'admin';
  return [
    {
      title: 'Connect a vendor',
      text: connected
        ? `${workspace.tenants} organisation${workspace.tenants === 1 ? '' : 's'} connected.`
        : admin
          ? 'Add a Compliance Access Key or an Admin key. It is checked, then sealed in the vault.'
          : 'An admin of this workspace adds the vendor keys.',
      surface: 'integrations',
      done: connected,
    },
    {
      title: 'Review what was captured',
      text: review ?? 'Read conversations with personal data masked; reveals are logged.',
      surface: 'content',
      done: false,
    },
    { title: 'Export evidence', text: 'Produce a Bates-numbered bundle that proves itself offline.', surface: 'exports', done: false },
    { title: 'Verify the record', text: 'Check the tamper-evident chain of this case or of a received bundle.', surface: 'verify', done: false },
  ];
}

/** The order of work in a case, with the first step marked once it is done. */
export function GettingStarted({ workspace }: { workspace: WorkspaceSummary }) {
  const last = useCapture((s) => s.status?.last ?? null);
  const running = useCapture((s) => s.status?.running.length ?? 0);
  const review = reviewStepText(last, running);
  return (
    <section className="panel workspace__steps" aria-labelledby="steps-title">
      <h2 id="steps-title" className="panel__title">
        Working a case
      </h2>
      <ol className="steps">
        {stepsFor(workspace, review).map((step, index) => (
          <li key={step.surface} className={`steps__item${step.done ? ' steps__item--done' : ''}`}>
            <span className="steps__marker" aria-hidden="true">
              {step.done ? <Icon name="check" size={14} /> : index + 1}
            </span>
            <span className="steps__text">
              <span className="steps__title">
                {step.title}
                {step.done && <span className="visually-hidden"> (done)</span>}
              </span>
              <span className="steps__detail">{step.text}</span>
            </span>
            <a className="button button--quiet steps__link" href={hrefFor(step.surface)}>
              {surfaceLabel(step.surface)}
              <Icon name="arrowRight" size={14} />
            </a>
          </li>
        ))}
      </ol>
    </section>
  );
}
