import { z } from 'zod';

/** The shapes of key connection and capture as the contract shows them (never a key). */

export const Slot = z.enum(['anthropic-compliance', 'anthropic-admin', 'openai']);
export type Slot = z.infer<typeof Slot>;

export const BaseUrl = z.string().url('Give the vendor address as a full URL, e.g. https://api.anthropic.com').max(500);

export const CheckedKeyDto = z.object({
  scopesFound: z.array(z.string()).default([]),
  scopesMissing: z.array(z.string()).default([]),
  orgs: z.array(z.object({ uuid: z.string(), name: z.string().nullable() })).default([]),
});

export const SlotStatus = z.object({
  slot: Slot,
  baseUrl: z.string(),
  connectedAt: z.string(),
  sealedAt: z.string(),
  rotatedAt: z.string().nullable(),
  checked: CheckedKeyDto,
});

export const PullState = z.enum(['complete', 'partial', 'failed', 'cancelled', 'running', 'interrupted']);

export const TenantIntegrationsDto = z.object({
  tenantId: z.string(),
  name: z.string(),
  slots: z.array(SlotStatus),
  lastPull: z.object({ runId: z.string(), status: PullState, startedAt: z.string(), finishedAt: z.string().nullable() }).nullable(),
  pullEveryMinutes: z.number().int().positive().nullable(),
});

export const ConnectResultDto = z.object({
  tenantId: z.string(),
  tenantName: z.string(),
  tenantCreated: z.boolean(),
  slot: Slot,
  action: z.enum(['connected', 'rotated']),
  /** e.g. `sk-ant-api01-…Wx9z`: enough to recognise the key, never enough to use it. */
  keyHint: z.string(),
  /** What was tidied from the pasted text (whitespace, quotes), so the user knows. */
  cleanup: z.array(z.string()),
  recordSeq: z.number().int().nonnegative(),
  checked: CheckedKeyDto,
});

export const ContentCountsDto = z.object({
  orgs: z.number().int(),
  users: z.number().int(),
  chatsSeen: z.number().int(),
  chatsNew: z.number().int(),
  chatsSoftDeleted: z.number().int(),
  chatsGone: z.number().int(),
  messagesSeen: z.number().int(),
  messagesCaptured: z.number().int(),
  messagesSuperseded: z.number().int(),
  messagesUnchanged: z.number().int(),
  messagesSkipped: z.record(z.string(), z.number().int()),
  activities: z.number().int(),
  usageBuckets: z.number().int(),
  costBuckets: z.number().int(),
  auditEvents: z.number().int(),
});

export const EndpointReportDto = z.object({
  endpoint: z.string(),
  slot: Slot,
  status: z.enum(['complete', 'failed', 'cancelled', 'skipped']),
  startCursor: z.string().nullable(),
  terminalCursor: z.string().nullable(),
  terminalId: z.string().nullable(),
  pages: z.number().int(),
  items: z.number().int(),
  records: z.number().int(),
  requestIds: z.array(z.string()),
  window: z.object({ from: z.string().nullable(), to: z.string().nullable() }).nullable(),
  failure: z.object({ code: z.string(), reason: z.string().nullable(), message: z.string() }).nullable(),
});

export const PullSummaryDto = z.object({
  runId: z.string(),
  tenantId: z.string(),
  status: z.enum(['complete', 'partial', 'failed', 'cancelled']),
  startedAt: z.string(),
  finishedAt: z.string(),
  recordSeq: z.number().int(),
  counts: ContentCountsDto,
  endpoints: z.array(EndpointReportDto),
  errors: z.array(z.object({ endpoint: z.string(), code: z.string(), reason: z.string().nullable(), message: z.string() })),
  requests: z.object({ sent: z.number().int(), retried: z.number().int() }),
  durationMs: z.number(),
});

export const RunningPull = z.object({ taskId: z.string(), tenantId: z.string(), title: z.string(), startedAt: z.string() });
