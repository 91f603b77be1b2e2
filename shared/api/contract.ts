import { z } from 'zod';
import type { ErrorCode } from './errors';
import {
  FolderPath,
  Member,
  MemberName,
  Passphrase,
  RecentWorkspace,
  Role,
  VerifyReport,
  WorkspaceSummary,
} from './schemas';
import { BaseUrl, ConnectResultDto, PullSummaryDto, RunningPull, Slot, TenantIntegrationsDto } from './capture-schemas';
import {
  ActivityRequest,
  ActivityResponse,
  AuditRecordsRequest,
  AuditRecordsResponse,
  ChatsRequest,
  ChatsResponse,
  FacetsRequest,
  FacetsResponse,
  KeyUsageRequest,
  KeyUsageResponse,
  RecordEvidence,
  RecordRequest,
  RevealRequest,
  RevealResponse,
  SearchRequest,
  SearchResponse,
  TranscriptRequest,
  TranscriptResponse,
  UsageRequest,
  UsageResponse,
} from './review-schemas';
import { ExportRequest, ExportResult, VerifyFileRequest, VerifyReport as ExportVerifyReport } from './export-schemas';

/**
 * The one API between the UI (or any client) and the services. Each host serves exactly
 * this: Electron IPC, the browser host's JSON-RPC over WebSocket, and the CLI. A request
 * that does not match its schema is refused with VALIDATION_FAILED naming the field, and
 * never reaches a service. Responses are parsed through their schema on the way out too,
 * so a field that is not declared here (a secret, say) cannot leak by accident.
 */

interface CallDef<Req extends z.ZodType, Res extends z.ZodType> {
  summary: string;
  request: Req;
  response: Res;
  /** The failures a caller should be ready for, besides VALIDATION_FAILED and INTERNAL. */
  errors: readonly ErrorCode[];
}

function call<Req extends z.ZodType, Res extends z.ZodType>(def: CallDef<Req, Res>): CallDef<Req, Res> {
  return def;
}

const Empty = z.strictObject({});

export const calls = {
  'app.info': call({
    summary: 'Version, host kind and what this build can do.',
    request: Empty,
    response: z.object({
      name: z.string(),
      version: z.string(),
      host: z.enum(['electron', 'web', 'cli']),
      platform: z.string(),
      keychainAvailable: z.boolean(),
    }),
    errors: [],
  }),
  'workspace.recent': call({
    summary: 'Workspaces opened on this machine, newest first.',
    request: Empty,
    response: z.array(RecentWorkspace),
    errors: [],
  }),
  'workspace.current': call({
    summary: 'The workspace open in this session, if any.',
    request: Empty,
    response: WorkspaceSummary.nullable(),
    errors: [],
  }),
  'workspace.create': call({
    summary: 'Create a new case workspace folder with its first admin.',
    request: z.strictObject({ path: FolderPath, name: z.string().trim().min(1).max(200), memberName: MemberName, passphrase: Passphrase }),
    response: WorkspaceSummary,
    errors: ['ALREADY_EXISTS', 'UNREADABLE'],
  }),
  'workspace.open': call({
    summary: "Open a workspace folder with a member's passphrase.",
    request: z.strictObject({ path: FolderPath, passphrase: z.string().min(1, 'Enter your passphrase.').max(1024), memberName: MemberName.optional() }),
    response: WorkspaceSummary,
    errors: ['WRONG_PASSPHRASE', 'NOT_FOUND', 'UNREADABLE', 'TAMPERED'],
  }),
  'workspace.openDemo': call({
    summary: 'Open the embedded demo: a workspace connected to the built-in simulator.',
    request: Empty,
    response: WorkspaceSummary,
    errors: ['UNAVAILABLE'],
  }),
  'workspace.close': call({
    summary: 'Close the open workspace and forget its keys.',
    request: Empty,
    response: z.object({ closed: z.boolean() }),
    errors: [],
  }),
  'members.list': call({
    summary: 'Members of the open workspace.',
    request: Empty,
    response: z.array(Member),
    errors: ['NOT_OPEN'],
  }),
  'members.add': call({
    summary: 'Add a member with their own passphrase (admin only).',
    request: z.strictObject({ name: MemberName, role: Role, passphrase: Passphrase }),
    response: Member,
    errors: ['NOT_OPEN', 'FORBIDDEN', 'ALREADY_EXISTS'],
  }),
  'chain.verify': call({
    summary: 'Verify the tamper-evident chain of every tenant (or one), fully or from the last verified checkpoint.',
    request: z.strictObject({ tenantId: z.string().min(1).optional(), mode: z.enum(['full', 'incremental']).default('full') }),
    response: VerifyReport,
    errors: ['NOT_OPEN', 'TAMPERED'],
  }),
  'integrations.list': call({
    summary: 'Connected organisations and their keys: kind, scopes found, sealed date, last pull. Never a key.',
    request: Empty,
    response: z.array(TenantIntegrationsDto),
    errors: ['NOT_OPEN'],
  }),
  'integrations.connect': call({
    summary: 'Check a vendor key live, then seal it (admin only). Connecting a slot again rotates the key in place.',
    request: z.strictObject({
      slot: Slot,
      key: z.string().min(1, 'Paste the key.').max(4096),
      tenantId: z.string().min(1).optional(),
      baseUrl: BaseUrl.optional(),
    }),
    response: ConnectResultDto,
    errors: ['NOT_OPEN', 'FORBIDDEN', 'KEY_REJECTED', 'UPSTREAM'],
  }),
  'integrations.forget': call({
    summary: 'Forget a sealed key (admin only); what it captured stays.',
    request: z.strictObject({ tenantId: z.string().min(1), slot: Slot }),
    response: z.object({ tenantId: z.string(), slot: Slot, recordSeq: z.number().int() }),
    errors: ['NOT_OPEN', 'FORBIDDEN', 'NOT_FOUND'],
  }),
  'capture.pullNow': call({
    summary: 'Start a pull for one organisation, or all of them; progress arrives as events.',
    request: z.strictObject({ tenantId: z.string().min(1).optional() }),
    response: z.object({ tasks: z.array(RunningPull) }),
    errors: ['NOT_OPEN', 'FORBIDDEN', 'NOT_FOUND'],
  }),
  'capture.cancel': call({
    summary: 'Cancel a running pull; what was stored stays, and the next pull resumes there.',
    request: z.strictObject({ taskId: z.string().min(1) }),
    response: z.object({ cancelled: z.boolean() }),
    errors: ['NOT_OPEN'],
  }),
  'capture.schedule': call({
    summary: 'Pull an organisation every N minutes while the app runs (null: only on demand).',
    request: z.strictObject({ tenantId: z.string().min(1), everyMinutes: z.number().int().min(5).max(7 * 24 * 60).nullable() }),
    response: z.object({ tenantId: z.string(), everyMinutes: z.number().int().nullable() }),
    errors: ['NOT_OPEN', 'FORBIDDEN', 'NOT_FOUND'],
  }),
  'capture.status': call({
    summary: 'Pulls running now, and the last finished pull of each organisation with its completeness record.',
    request: Empty,
    response: z.object({
      running: z.array(RunningPull),
      last: z.array(PullSummaryDto),
    }),
    errors: ['NOT_OPEN'],
  }),
  'content.chats': call({
    summary: 'Captured chats for the review table: filtered, sorted and paged in the main process (titles and emails masked).',
    request: ChatsRequest,
    response: ChatsResponse,
    errors: ['NOT_OPEN', 'NOT_FOUND'],
  }),
  'content.facets': call({
    summary: 'The values the chat and search filters offer: organisations, users (emails masked), projects, models, roles.',
    request: FacetsRequest,
    response: FacetsResponse,
    errors: ['NOT_OPEN', 'NOT_FOUND'],
  }),
  'content.transcript': call({
    summary: "One chat's messages in order, masked, each with its status, record and commitment.",
    request: TranscriptRequest,
    response: TranscriptResponse,
    errors: ['NOT_OPEN', 'NOT_FOUND'],
  }),
  'content.reveal': call({
    summary: "One message's unmasked text, for an admin, after a pii_revealed record naming the member, the PII kinds and the reason.",
    request: RevealRequest,
    response: RevealResponse,
    errors: ['NOT_OPEN', 'FORBIDDEN', 'NOT_FOUND', 'TAMPERED'],
  }),
  'content.record': call({
    summary: "A message's (or any) chain record with its inclusion proof to the newest signed checkpoint, verified before it is returned.",
    request: RecordRequest,
    response: RecordEvidence,
    errors: ['NOT_OPEN', 'NOT_FOUND', 'TAMPERED', 'UNAVAILABLE'],
  }),
  'search.query': call({
    summary: 'Full-text search over captured messages (words, "phrases", prefix*), with masked snippets.',
    request: SearchRequest,
    response: SearchResponse,
    errors: ['NOT_OPEN', 'NOT_FOUND'],
  }),
  'audit.records': call({
    summary: 'Chain records, newest first, filtered by tenant, type, actor and time; a summary line each, never message text.',
    request: AuditRecordsRequest,
    response: AuditRecordsResponse,
    errors: ['NOT_OPEN', 'NOT_FOUND'],
  }),
  'activity.query': call({
    summary: 'Captured Activity Feed rows and OpenAI audit events, newest first, filtered by type, actor, API key, organisation and time.',
    request: ActivityRequest,
    response: ActivityResponse,
    errors: ['NOT_OPEN', 'NOT_FOUND'],
  }),
  'activity.keyUsage': call({
    summary: 'What one API key did: its captured events by type and by day, and the tokens the usage report attributes to it.',
    request: KeyUsageRequest,
    response: KeyUsageResponse,
    errors: ['NOT_OPEN', 'NOT_FOUND'],
  }),
  'export.create': call({
    summary: 'Export chats as a signed JSON bundle, Bates PDF or production ZIP (PII masked unless an admin reveals it, with a reason); progress arrives as events under the taskId.',
    request: ExportRequest,
    response: ExportResult,
    errors: ['NOT_OPEN', 'FORBIDDEN', 'NOT_FOUND', 'ALREADY_EXISTS', 'CANCELLED', 'TAMPERED', 'UNAVAILABLE'],
  }),
  'export.cancel': call({
    summary: 'Cancel a running export; nothing is written and nothing is recorded.',
    request: z.strictObject({ taskId: z.string().min(1) }),
    response: z.object({ cancelled: z.boolean() }),
    errors: [],
  }),
  'verify.file': call({
    summary: 'Verify an export (JSON bundle, PDF or production ZIP) offline: by path on this machine, or its bytes (base64) from the browser.',
    request: VerifyFileRequest,
    response: ExportVerifyReport,
    errors: ['NOT_FOUND', 'UNREADABLE'],
  }),
  'usage.summary': call({
    summary: 'Captured token usage and cost per day, model, workspace, key and project; money as exact decimal text.',
    request: UsageRequest,
    response: UsageResponse,
    errors: ['NOT_OPEN', 'NOT_FOUND'],
  }),
} as const;

/** Server-pushed events, on the same channel as the calls. */
export const events = {
  progress: z.object({
    taskId: z.string(),
    /** The organisation a pull or verification is working on, so a screen can show the bar on its card. */
    tenantId: z.string().optional(),
    title: z.string(),
    phase: z.string(),
    done: z.number().nonnegative(),
    /** Null when the work has no known end: vendors' list endpoints give no totals, so a pull counts up. */
    total: z.number().nonnegative().nullable(),
    /** items per second, when it makes sense */
    rate: z.number().nonnegative().nullable(),
    state: z.enum(['running', 'done', 'failed', 'cancelled']),
    message: z.string().optional(),
  }),
  'workspace.changed': z.object({ workspace: WorkspaceSummary.nullable() }),
} as const;

export type Calls = typeof calls;
export type Method = keyof Calls;
export type Req<M extends Method> = z.input<Calls[M]['request']>;
export type ParsedReq<M extends Method> = z.output<Calls[M]['request']>;
export type Res<M extends Method> = z.output<Calls[M]['response']>;
/** What a handler may return: the response before its schema fills defaults and strips extras. */
export type ResIn<M extends Method> = z.input<Calls[M]['response']>;
export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export const METHODS = Object.keys(calls) as Method[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(calls, name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);
}
