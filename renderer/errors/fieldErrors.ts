import type { ErrorCode } from '../../shared/api/errors';
import type { Failure } from './failure';

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

export interface PlacedFailure<F extends string> {
  /** Messages to show next to the named fields. */
  fieldErrors: FieldErrors<F>;
  /** What cannot be pinned to a field: shown as one alert for the whole form. */
  formFailure: Failure | null;
}

/** `passphrase`, `members[0].name` -> the top-level field a form shows (`passphrase`, `members`). */
export function topLevelField(path: string): string {
  return path.split(/[.[]/)[0] ?? path;
}

/**
 * The dispatcher words validation failures for logs and programs
 * (`Invalid request to workspace.create: field "path": Choose a folder...`); next to the
 * field itself only the part after the field name is useful.
 */
export function messageForField(failure: Failure): string {
  const match = /^Invalid request to [^:]+: field "[^"]*": (.+)$/s.exec(failure.message);
  return match ? match[1]! : failure.message;
}

/**
 * Decides where a failure is shown: next to the field named by `where.field` when the form
 * has that field, next to the field a code implies when the service gave none (a wrong
 * passphrase belongs to the passphrase field), otherwise as a form-level alert.
 */
export function placeFailure<F extends string>(
  failure: Failure,
  fields: readonly F[],
  fieldForCode: Partial<Record<ErrorCode, F>> = {},
): PlacedFailure<F> {
  const named = failure.field !== undefined ? topLevelField(failure.field) : undefined;
  const byName = named !== undefined && (fields as readonly string[]).includes(named) ? (named as F) : undefined;
  const byCode = failure.code !== 'UNKNOWN' && failure.field === undefined ? fieldForCode[failure.code] : undefined;
  const field = byName ?? byCode;
  if (field === undefined) return { fieldErrors: {}, formFailure: failure };
  return { fieldErrors: { [field]: messageForField(failure) } as FieldErrors<F>, formFailure: null };
}

/** A zod-like issue list, reduced to the first message per top-level field the form shows. */
export function fieldErrorsFromIssues<F extends string>(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  fields: readonly F[],
): FieldErrors<F> {
  const out: FieldErrors<F> = {};
  for (const issue of issues) {
    const head = issue.path[0];
    if (typeof head !== 'string' || !(fields as readonly string[]).includes(head)) continue;
    const field = head as F;
    out[field] ??= issue.message;
  }
  return out;
}
