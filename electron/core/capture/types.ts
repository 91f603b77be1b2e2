import type { ErrorCode } from '../../../shared/api/errors';
import type { KeySlot } from '../sources';

/** The shapes the capture engine shares with its callers (the capture service, the CLI). */

export type CaptureSlot = KeySlot;
export const CAPTURE_SLOTS: readonly CaptureSlot[] = ['anthropic-compliance', 'anthropic-admin', 'openai'];

/** Every walk the engine runs, by the name it carries in cursors and completeness records. */
export type EndpointName =
  | 'compliance.organizations'
  | 'compliance.users'
  | 'compliance.chats'
  | 'compliance.chat_messages'
  | 'compliance.chats_reconcile'
  | 'compliance.activities'
  | 'admin.usage_report'
  | 'admin.cost_report'
  | 'openai.costs'
  | 'openai.audit_logs';

export type EndpointStatus = 'complete' | 'failed' | 'cancelled' | 'skipped';

export interface EndpointFailure {
  code: ErrorCode;
  /** The vendor-level reason (key-rejected, missing-scope, server-error ...) when known. */
  reason: string | null;
  message: string;
}

/** What one endpoint's walk did in one pull: the per-endpoint part of the completeness record. */
export interface EndpointReport {
  endpoint: EndpointName;
  slot: CaptureSlot;
  status: EndpointStatus;
  /** Resume point the walk started from (null: from the beginning or a fresh window). */
  startCursor: string | null;
  /** Resume point after the last stored page. */
  terminalCursor: string | null;
  /** Id (or bucket key) of the last item stored. */
  terminalId: string | null;
  pages: number;
  /** Items the vendor returned. */
  items: number;
  /** Chain records appended for them. */
  records: number;
  /** Request ids of the last pages, newest last. */
  requestIds: string[];
  /** The time window the walk covered (vendor timestamps), when it is a windowed walk. */
  window: { from: string | null; to: string | null } | null;
  failure: EndpointFailure | null;
}

/** Why a message got no content record. */
export type SkipReason = 'deleted-chat' | 'attachments-only' | 'tool-only' | 'blank-text' | 'unknown-blocks' | 'empty' | 'withheld';

export interface ContentCounts {
  orgs: number;
  users: number;
  chatsSeen: number;
  chatsFetched: number;
  chatsNew: number;
  chatsSoftDeleted: number;
  chatsGone: number;
  messagesSeen: number;
  messagesCaptured: number;
  messagesSuperseded: number;
  messagesUnchanged: number;
  /** Messages without text (or withheld by a deletion in the vault), by reason; each counted once, when first seen. */
  messagesSkipped: Partial<Record<SkipReason, number>>;
  activities: number;
  usageBuckets: number;
  costBuckets: number;
  auditEvents: number;
}

export type PullStatus = 'complete' | 'partial' | 'failed' | 'cancelled';

export interface PullSummary {
  runId: string;
  tenantId: string;
  status: PullStatus;
  startedAt: string;
  finishedAt: string;
  /** Seq of the pull_completed record. */
  recordSeq: number;
  counts: ContentCounts;
  endpoints: EndpointReport[];
  /** One line per failed endpoint, for a status line. */
  errors: Array<EndpointFailure & { endpoint: EndpointName | 'pull' }>;
  /** Requests sent (every attempt) and how many were retried. */
  requests: { sent: number; retried: number };
  durationMs: number;
}

/** A progress snapshot, emitted after every stored page. */
export interface PullProgress {
  runId: string;
  tenantId: string;
  phase: string;
  /** The organisation or user the walk is at, when it is at one. */
  org: string | null;
  user: string | null;
  counts: ContentCounts;
  /** Messages captured per second since the pull started. */
  rate: number;
  errors: number;
  state: 'running' | 'done' | 'failed' | 'cancelled';
}

export function emptyCounts(): ContentCounts {
  return {
    orgs: 0,
    users: 0,
    chatsSeen: 0,
    chatsFetched: 0,
    chatsNew: 0,
    chatsSoftDeleted: 0,
    chatsGone: 0,
    messagesSeen: 0,
    messagesCaptured: 0,
    messagesSuperseded: 0,
    messagesUnchanged: 0,
    messagesSkipped: {},
    activities: 0,
    usageBuckets: 0,
    costBuckets: 0,
    auditEvents: 0,
  };
}
