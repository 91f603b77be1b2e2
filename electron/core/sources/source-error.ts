import { OgmaError, type ErrorCode, type ErrorWhere } from '../../../shared/api/errors';
import type { ScopeReport } from './scopes';

/** Why a vendor call ended badly, for programs (the UI status, the completeness record). */
export type FailureReason =
  | 'key-rejected'
  | 'missing-scope'
  | 'forbidden'
  | 'bad-request'
  | 'not-found'
  | 'conflict'
  | 'rate-limited'
  | 'server-error'
  | 'network'
  | 'timeout'
  | 'malformed-body'
  | 'unexpected-shape'
  | 'not-confirmed'
  | 'cancelled';

export interface SourceErrorDetails {
  reason: FailureReason;
  /** e.g. "the Anthropic Compliance API". */
  vendor: string;
  method?: string;
  /** Path and query of the failing request (never the host's credentials: those travel in headers). */
  target?: string;
  status?: number;
  requestId?: string | null;
  /** The vendor's `error.type` (Anthropic) or `error.code`/`type` (OpenAI). */
  vendorType?: string;
  /** The vendor's own message with anything key-like cut to its hint. */
  vendorMessage?: string;
  scopes?: ScopeReport;
  /** How many attempts were made before giving up. */
  attempts?: number;
}

/**
 * An OgmaError that also carries what the vendor said, so services can show a clear
 * status (and record request ids) without re-parsing the message.
 */
export class SourceError extends OgmaError {
  readonly details: SourceErrorDetails;

  constructor(code: ErrorCode, message: string, details: SourceErrorDetails, where?: ErrorWhere) {
    super(code, message, where);
    this.name = 'SourceError';
    this.details = details;
  }
}

export function isSourceError(e: unknown): e is SourceError {
  return e instanceof SourceError;
}
