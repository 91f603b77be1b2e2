import { z } from 'zod';

/**
 * Every failure that crosses a boundary (service -> host -> renderer or CLI) is one of
 * these codes. The code is for programs, the message is for people: it says what went
 * wrong and what to do about it. `where` locates the problem (a field path, a record seq,
 * a page, a Bates number) when there is one.
 */
export const ErrorCode = z.enum([
  'VALIDATION_FAILED', // a request payload did not match the contract
  'UNKNOWN_METHOD',
  'NOT_OPEN', // a workspace must be open first
  'FORBIDDEN', // the member's role does not allow this
  'WRONG_PASSPHRASE',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'UNREADABLE', // a file or folder could not be read or parsed
  'TAMPERED', // integrity check failed
  'KEY_REJECTED', // a vendor key failed its live check or is of the wrong kind
  'UPSTREAM', // the vendor API failed in a way retries did not fix
  'CANCELLED',
  'DELETED', // the content was deleted on purpose; message says when, by whom, which record
  'UNAVAILABLE', // not possible on this machine or build
  'INTERNAL',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorWhere = z
  .object({
    field: z.string().optional(),
    seq: z.number().int().optional(),
    page: z.number().int().optional(),
    bates: z.string().optional(),
    messageId: z.string().optional(),
    path: z.string().optional(),
  })
  .partial();
export type ErrorWhere = z.infer<typeof ErrorWhere>;

export const ErrorPayload = z.object({
  code: ErrorCode,
  message: z.string(),
  where: ErrorWhere.optional(),
});
export type ErrorPayload = z.infer<typeof ErrorPayload>;

export class OgmaError extends Error {
  readonly code: ErrorCode;
  readonly where: ErrorWhere | undefined;

  constructor(code: ErrorCode, message: string, where?: ErrorWhere) {
    super(message);
    this.name = 'OgmaError';
    this.code = code;
    this.where = where;
  }

  toPayload(): ErrorPayload {
    return this.where ? { code: this.code, message: this.message, where: this.where } : { code: this.code, message: this.message };
  }

  static from(payload: ErrorPayload): OgmaError {
    return new OgmaError(payload.code, payload.message, payload.where);
  }
}

export function isOgmaError(e: unknown): e is OgmaError {
  return e instanceof OgmaError;
}
