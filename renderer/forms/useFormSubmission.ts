import { useCallback, useEffect, useRef, useState } from 'react';
import type { ErrorCode } from '../../shared/api/errors';
import { placeFailure, type FieldErrors } from '../errors/fieldErrors';
import { toFailure, type Failure } from '../errors/failure';

export interface FormSubmission<F extends string> {
  formRef: React.RefObject<HTMLFormElement | null>;
  submitting: boolean;
  fieldErrors: FieldErrors<F>;
  formFailure: Failure | null;
  /** Runs the call; a failure is placed next to its field or shown as a form alert. */
  submit(action: () => Promise<void>): Promise<void>;
  /** Errors found before calling (a passphrase confirmation that does not match, say). */
  showFieldErrors(errors: FieldErrors<F>): void;
  /** The user is fixing this field: its old error no longer applies. */
  clearFieldError(field: F): void;
}

/**
 * The state every form that calls the API shares. After a failure, focus moves to the first
 * field that needs attention so keyboard and screen-reader users land where the fix is.
 */
export function useFormSubmission<F extends string>(
  fields: readonly F[],
  fieldForCode: Partial<Record<ErrorCode, F>> = {},
): FormSubmission<F> {
  const formRef = useRef<HTMLFormElement>(null);
  const [submitting, setSubmitting] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors<F>>({});
  const [formFailure, setFormFailure] = useState<Failure | null>(null);
  const [focusToken, setFocusToken] = useState(0);
  const fieldsRef = useRef(fields);
  const codesRef = useRef(fieldForCode);

  useEffect(() => {
    if (focusToken === 0) return;
    formRef.current?.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus();
  }, [focusToken]);

  const showFieldErrors = useCallback((errors: FieldErrors<F>) => {
    setFieldErrors(errors);
    setFormFailure(null);
    setFocusToken((t) => t + 1);
  }, []);

  const clearFieldError = useCallback((field: F) => {
    setFieldErrors((errors) => {
      if (!(field in errors)) return errors;
      const next = { ...errors };
      delete next[field];
      return next;
    });
  }, []);

  const submit = useCallback(async (action: () => Promise<void>) => {
    setSubmitting(true);
    setFormFailure(null);
    setFieldErrors({});
    try {
      await action();
    } catch (error) {
      const placed = placeFailure(toFailure(error), fieldsRef.current, codesRef.current);
      setFieldErrors(placed.fieldErrors);
      setFormFailure(placed.formFailure);
      setFocusToken((t) => t + 1);
    } finally {
      setSubmitting(false);
    }
  }, []);

  return { formRef, submitting, fieldErrors, formFailure, submit, showFieldErrors, clearFieldError };
}
