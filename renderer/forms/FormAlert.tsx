import { alertTitleFor, alertToneFor, type Failure } from '../errors/failure';
import { Icon } from '../ui/Icon';

/** A failure that belongs to the whole form (or screen): a titled, announced alert, never a stack. */
export function FormAlert({ failure, title }: { failure: Failure; title?: string }) {
  const tone = alertToneFor(failure.code);
  return (
    <div className={`alert alert--${tone}`} role="alert">
      <Icon name={tone === 'notice' ? 'info' : 'alert'} size={18} className="alert__icon" />
      <div>
        <p className="alert__title">{title ?? alertTitleFor(failure.code)}</p>
        <p className="alert__message">{failure.message}</p>
      </div>
    </div>
  );
}
