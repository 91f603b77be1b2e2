import type { ReactNode } from 'react';
import { alertTitleFor, type Failure } from '../../errors/failure';
import { FormAlert } from '../../forms/FormAlert';
import { Icon } from '../../ui/Icon';

/** Nothing to show yet: what is missing, and the step that fills it in. */
export function EmptyNotice({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <div className="panel act-empty" role="status">
      <Icon name="info" size={20} className="act-empty__icon" />
      <div className="act-empty__body">
        <p className="empty__title">{title}</p>
        <div className="muted act-empty__text">{children}</div>
        {action && <div className="act-empty__action">{action}</div>}
      </div>
    </div>
  );
}

/** A failed read: the service's own message (which says what to do) and a way to try again. */
export function LoadFailure({ failure, what, onRetry }: { failure: Failure; what: string; onRetry: () => void }) {
  return (
    <div className="act-failure">
      <FormAlert failure={failure} title={failure.code === 'UNKNOWN' || failure.code === 'INTERNAL' ? `Could not read ${what}` : alertTitleFor(failure.code)} />
      <button type="button" className="button button--secondary button--small" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
