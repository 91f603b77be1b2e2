import { useId, type InputHTMLAttributes, type Ref } from 'react';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  label: string;
  value: string;
  onChange(value: string): void;
  /** Shown under the field in the danger colour, replacing the hint; marks the input invalid. */
  error?: string | undefined;
  hint?: string | undefined;
  /** For paths and ids: a monospace face makes look-alike characters distinguishable. */
  monospace?: boolean;
  optional?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}

/**
 * A labelled input with one line reserved under it for a hint or an error, so showing an
 * error never moves the rest of the form.
 */
export function TextField({ label, value, onChange, error, hint, monospace, optional, inputRef, className, ...input }: TextFieldProps) {
  const id = useId();
  const messageId = `${id}-message`;
  const message = error ?? hint;
  return (
    <div className={`field${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
        {optional && <span className="field__optional"> (optional)</span>}
      </label>
      <input
        {...input}
        id={id}
        ref={inputRef}
        className={`field__input${monospace ? ' field__input--mono' : ''}`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={message ? messageId : undefined}
        spellCheck={monospace ? false : input.spellCheck}
      />
      <p id={messageId} className={error ? 'field__error' : 'field__hint'}>
        {message}
      </p>
    </div>
  );
}
