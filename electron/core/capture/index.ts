/**
 * The capture engine: page walks of the vendor APIs (Anthropic Compliance content and
 * Activity Feed, Anthropic Admin usage and cost, OpenAI costs and audit logs) turned into
 * vault transactions, each page with its records and its resume cursor, each pull ending
 * with a signed completeness record. Core only: no host, no UI. See docs/capture.md.
 */
export { runPull, type PullRequest } from './engine';
export { SourceAccess, makeClient, type AccessOptions, type ClientFor } from './clients';
export { DEFAULT_TUNING, type PullTuning } from './context';
export { SourceTable, type SourceRow, type CheckedKey } from './state/sources';
export { RunTable, type RunRow } from './state/runs';
export { captureErasure, ERASED_BODY, ERASED_VALUE } from './state/erasure';
export { UNATTRIBUTED } from './content/chat-writer';
export {
  CAPTURE_SLOTS,
  emptyCounts,
  type CaptureSlot,
  type ContentCounts,
  type EndpointFailure,
  type EndpointName,
  type EndpointReport,
  type EndpointStatus,
  type PullProgress,
  type PullStatus,
  type PullSummary,
  type SkipReason,
} from './types';
