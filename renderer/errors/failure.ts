import { ErrorCode, isOgmaError } from '../../shared/api/errors';

/**
 * What the UI shows for a failed call. Calls reject with OgmaError (code, message, where),
 * but an error that crossed Electron's contextBridge arrives as a plain Error or object, so
 * everything is normalised here. A stack trace is never shown.
 */
export interface Failure {
  code: ErrorCode | 'UNKNOWN';
  message: string;
  /** The request field the failure is about (`where.field`), when there is one. */
  field?: string;
}

const FALLBACK_MESSAGE = 'Something went wrong. Try again; if it keeps happening, the details are in the log.';

function isErrorCode(value: unknown): value is ErrorCode {
  return ErrorCode.safeParse(value).success;
}

function cleanMessage(message: unknown): string {
  if (typeof message !== 'string') return FALLBACK_MESSAGE;
  // Only the first line: anything after it is a stack or a dump, which people cannot act on.
  const firstLine = message.split('\n')[0]!.trim();
  // Electron prefixes errors re-thrown across IPC; the prefix means nothing to an investigator.
  const stripped = firstLine.replace(/^Error invoking remote method '[^']*':\s*/, '').replace(/^(Ogma)?Error:\s*/, '');
  return stripped.length > 0 ? stripped : FALLBACK_MESSAGE;
}

export function toFailure(error: unknown): Failure {
  if (isOgmaError(error)) {
    const field = error.where?.field;
    return field ? { code: error.code, message: cleanMessage(error.message), field } : { code: error.code, message: cleanMessage(error.message) };
  }
  if (typeof error === 'object' && error !== null) {
    const candidate = error as { code?: unknown; message?: unknown; where?: { field?: unknown } };
    const code = isErrorCode(candidate.code) ? candidate.code : 'UNKNOWN';
    const field = typeof candidate.where?.field === 'string' ? candidate.where.field : undefined;
    const message = cleanMessage(candidate.message);
    return field ? { code, message, field } : { code, message };
  }
  if (typeof error === 'string') return { code: 'UNKNOWN', message: cleanMessage(error) };
  return { code: 'UNKNOWN', message: FALLBACK_MESSAGE };
}

/** The heading of an alert for a failure: says what kind of problem it is, the message says what to do. */
export function alertTitleFor(code: Failure['code']): string {
  switch (code) {
    case 'UNAVAILABLE':
      // Used both for features this build lacks and for a host that stopped answering: the message says which.
      return 'Not available';
    case 'VALIDATION_FAILED':
      return 'Check the highlighted details';
    case 'WRONG_PASSPHRASE':
      return 'Passphrase not accepted';
    case 'NOT_FOUND':
      return 'Not found';
    case 'ALREADY_EXISTS':
      return 'Already exists';
    case 'UNREADABLE':
      return 'Could not be read';
    case 'TAMPERED':
      return 'Integrity check failed';
    case 'FORBIDDEN':
      return 'Your role does not allow this';
    case 'NOT_OPEN':
      return 'No workspace is open';
    case 'CANCELLED':
      return 'Cancelled';
    default:
      return 'That did not work';
  }
}

/** Whether a failure is a limitation to explain calmly (notice) rather than something that went wrong. */
export function alertToneFor(code: Failure['code']): 'notice' | 'error' {
  return code === 'UNAVAILABLE' || code === 'CANCELLED' ? 'notice' : 'error';
}
