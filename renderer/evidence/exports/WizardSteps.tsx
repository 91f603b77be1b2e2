import { Icon } from '../../ui/Icon';

export interface WizardStepItem<S extends string> {
  id: S;
  title: string;
  /** Visited and still has a problem to fix. */
  invalid: boolean;
}

/**
 * The wizard's steps as an ordered list of buttons: where you are (aria-current), which
 * steps still need attention, and a way back to any earlier one.
 */
export function WizardSteps<S extends string>({
  label,
  steps,
  current,
  canGo,
  onGo,
}: {
  label: string;
  steps: WizardStepItem<S>[];
  current: S;
  canGo(step: S): boolean;
  onGo(step: S): void;
}) {
  const currentIndex = steps.findIndex((s) => s.id === current);
  return (
    <nav aria-label={label}>
      <ol className="wsteps">
        {steps.map((s, i) => {
          const state = s.id === current ? 'current' : s.invalid ? 'invalid' : i < currentIndex ? 'done' : 'todo';
          return (
            <li key={s.id} className={`wsteps__item wsteps__item--${state}`}>
              <button
                type="button"
                className="wsteps__button"
                aria-current={s.id === current ? 'step' : undefined}
                disabled={s.id !== current && !canGo(s.id)}
                onClick={() => onGo(s.id)}
              >
                <span className="wsteps__marker" aria-hidden="true">
                  {state === 'done' ? <Icon name="check" size={14} /> : state === 'invalid' ? '!' : i + 1}
                </span>
                <span className="wsteps__title">{s.title}</span>
                {state === 'invalid' && <span className="visually-hidden"> (needs attention)</span>}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
