/**
 * Vendor source clients: key classification, the HTTP layer (timeouts, retries,
 * request ids, typed refusals), the per-parent-org rate governor, typed clients for the
 * Anthropic Compliance and Admin APIs and the OpenAI Admin API, and live key checks.
 * No storage and no Electron: services hand in fetch, clock and governor.
 */
export { systemClock, systemRandom, type Clock, type Random } from './clock';
export { SecretKey, keyHint, scrubSecrets } from './secret';
export {
  classifyKey,
  checkKeyPlacement,
  describeKeyKind,
  type ClassifiedKey,
  type KeyCleanup,
  type KeyKind,
  type KeySlot,
  type UnknownReason,
} from './keys';
export { parseScopeMessage, type ScopeReport } from './scopes';
export { SourceError, isSourceError, type FailureReason, type SourceErrorDetails } from './source-error';
export { DEFAULT_RETRY_POLICY, backoffDelay, parseRetryAfter, type RetryPolicy } from './backoff';
export type { FetchLike, HeaderView, ResponseLike, RequestInitLike } from './transport';
export { HttpClient, DEFAULT_TIMEOUT_MS, type Exchange, type HttpClientOptions, type HttpRequest, type HttpResult } from './http';
export { RateGovernor, RateGovernors, ANTHROPIC_COMPLIANCE_BUDGET_PER_MIN, type GovernorStatus, type RateGovernorOptions } from './rate';
export { walkIds, walkPageTokens, type Page } from './pagination';
export { ANTHROPIC_BASE_URL, ANTHROPIC_VERSION, type SourceClientOptions } from './anthropic-http';
export {
  AnthropicComplianceClient,
  type ActivitiesFilter,
  type ActivitiesWalk,
  type ActivityPage,
  type ChatMessagesPage,
  type ChatPage,
  type ChatsFilter,
  type MessagesWalk,
  type TimeRange,
  type WalkOptions,
} from './anthropic-compliance';
export type { Activity, ActivityActor, Chat, ChatMessage, ChatWithMessages, ContentBlock, EffectiveSettings, Organization, OrgUser } from './anthropic-compliance-schemas';
export { messageText, messageAttachments, TEXT_BLOCK_SEPARATOR, type MessageText, type NoTextReason, type MessageAttachments } from './message-text';
export {
  ActivityDeduper,
  nextPollingWindow,
  walkActivityWindow,
  walkActivityCatchUp,
  newestActivityId,
  FEED_PAGE_LIMIT,
  type PollingWindow,
  type WindowOptions,
} from './activity-polling';
export { AnthropicAdminClient, type CostQuery, type UsageQuery } from './anthropic-admin';
export type { AdminUser, CostBucket, CostResult, OrgMe, UsageBucket, UsageResult } from './anthropic-admin-schemas';
export { OpenAIAdminClient, OPENAI_BASE_URL, type AuditLogQuery, type BucketQuery, type CompletionsUsageQuery, type UnixRange } from './openai-admin';
export type { OpenAIAuditLog, OpenAICostBucket, OpenAICostResult, OpenAIProject, OpenAIUsageBucket, OpenAIUser } from './openai-admin-schemas';
export { centsToMicroUsd, decimalToScaled, dollarsToMicros, isDecimalString, numberToDecimalText, sumDecimalStrings, type DollarAmount } from './money';
export {
  checkAnthropicAdminKey,
  checkAnthropicComplianceKey,
  checkOpenAIAdminKey,
  NOT_ENTERPRISE,
  SCOPE_ACTIVITIES,
  SCOPE_ORG_DATA,
  SCOPE_USER_DATA,
  type AdminKeyReport,
  type ComplianceKeyReport,
  type LiveCheckOptions,
  type OpenAIKeyReport,
} from './live-check';
