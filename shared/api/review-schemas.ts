import { z } from 'zod';
import { RECORD_TYPES } from '../chain/record-types';
import { Id, IsoTime } from './schemas';

/**
 * The shapes of offline review as the contract shows them: the chat table, transcripts
 * with masked text, the logged reveal, a record's evidence, full-text search, the audit
 * log, the captured activity and the usage/cost summary.
 *
 * Every request object is strict (an unknown field is VALIDATION_FAILED naming it). Text
 * that came from a conversation only ever appears here masked (MaskedTextDto), except in
 * the answer to `content.reveal`, which an admin gets after the reveal was recorded.
 */

// --- building blocks -------------------------------------------------------------------

/** What the PII engine finds (electron/core/pii PII_KINDS; a unit test keeps the two equal). */
export const PII_KIND_NAMES = ['email', 'phone', 'ssn', 'card', 'api_key', 'secret', 'private_key', 'ipv4', 'ipv6'] as const;
export const PiiKindDto = z.enum(PII_KIND_NAMES);

/** The chain's record types: the same list the chain validates. */
export const RECORD_TYPE_NAMES = RECORD_TYPES;
export const RecordTypeDto = z.enum(RECORD_TYPE_NAMES);

export const MAX_PAGE = 500;

export const Offset = z.number().int().min(0).max(100_000_000).default(0);
export const Limit = (byDefault: number, max = MAX_PAGE) => z.number().int().min(1).max(max, `At most ${max} rows per page; page with offset.`).default(byDefault);

/** A day (2026-03-01, the whole UTC day) or an instant (RFC 3339). */
export const DayOrTime = z.union([
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Give a date as YYYY-MM-DD or a time as RFC 3339.')
    .refine((d) => !Number.isNaN(Date.parse(d)) && new Date(d).toISOString().slice(0, 10) === d, 'That date does not exist.'),
  IsoTime,
]);

/**
 * Both ends inclusive, to the second (UTC). A date alone means the whole day, so
 * {from: '2026-03-01', to: '2026-03-31'} is all of March.
 */
export const TimeRange = z
  .strictObject({ from: DayOrTime.optional(), to: DayOrTime.optional() })
  .refine((r) => r.from === undefined || r.to === undefined || Date.parse(r.from) <= Date.parse(r.to), { message: '"from" must not be after "to".', path: ['from'] });
export type TimeRange = z.infer<typeof TimeRange>;

export const SortDir = z.enum(['asc', 'desc']);

const IdList = (what: string) => z.array(Id).min(1, `Give at least one ${what}, or leave the filter out.`).max(100, `At most 100 ${what}s at once.`);

/** A mask in masked text: where it is (offsets in that text, UTF-16, end exclusive), what kind, and its label. */
export const MaskChip = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  kind: PiiKindDto,
  label: z.string(),
});

/** Text as a reader may see it: PII replaced by labels ([EMAIL], [CARD ••••4242]) with a chip per label. */
export const MaskedTextDto = z.object({
  text: z.string(),
  spans: z.array(MaskChip),
  kinds: z.array(PiiKindDto),
});
export type MaskedTextDto = z.infer<typeof MaskedTextDto>;

export const DeletionDto = z.object({
  reason: z.enum(['chat_deleted', 'subject_erased', 'tenant_shredded']),
  at: z.string(),
  by: z.string(),
  recordSeq: z.number().int(),
  /** "deleted on 2026-11-23 by alice, record #42" */
  label: z.string(),
});

export const OrgRef = z.object({ id: z.string().nullable(), name: z.string().nullable() });
/** A vendor user as the table shows them: the display name, and the email masked like any PII. */
export const UserRef = z.object({ id: z.string().nullable(), name: z.string().nullable(), email: z.string().nullable() });

// --- content.chats / content.facets ----------------------------------------------------

export const CHAT_SORT_KEYS = ['createdAt', 'updatedAt', 'title', 'org', 'user', 'project', 'model', 'messages'] as const;

export const ChatFlagsFilter = z.strictObject({
  softDeleted: z.boolean().optional(),
  goneAtSource: z.boolean().optional(),
  hasSuperseded: z.boolean().optional(),
  /** Deleted in the vault (chat deletion, subject erasure, tenant shredding). */
  deleted: z.boolean().optional(),
});

export const ChatsRequest = z.strictObject({
  tenantId: Id.optional(),
  orgIds: IdList('organisation id').optional(),
  userIds: IdList('user id').optional(),
  projectIds: IdList('project id').optional(),
  models: z.array(z.string().min(1).max(200)).min(1).max(50).optional(),
  created: TimeRange.optional(),
  updated: TimeRange.optional(),
  flags: ChatFlagsFilter.optional(),
  /** Matched (case-insensitively) against the masked title, never the raw one. */
  title: z.string().trim().min(1).max(200).optional(),
  sort: z.strictObject({ by: z.enum(CHAT_SORT_KEYS), dir: SortDir.default('desc') }).default({ by: 'updatedAt', dir: 'desc' }),
  offset: Offset,
  limit: Limit(100),
});

export const ChatFlagsDto = z.object({
  softDeleted: z.boolean(),
  goneAtSource: z.boolean(),
  hasSuperseded: z.boolean(),
  deleted: DeletionDto.nullable(),
});

export const ChatRowDto = z.object({
  tenantId: z.string(),
  chatId: z.string(),
  org: OrgRef,
  user: UserRef,
  /** Masked; null where no title was captured. */
  title: MaskedTextDto.nullable(),
  /** Project id as the Activity Feed named it for this chat, when it did. */
  project: z.string().nullable(),
  model: z.string().nullable(),
  createdAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
  /** Captured message versions (an edited message counts once per version). */
  messages: z.number().int().nonnegative(),
  flags: ChatFlagsDto,
});
export type ChatRowDto = z.infer<typeof ChatRowDto>;

export const ChatsResponse = z.object({
  total: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  rows: z.array(ChatRowDto),
});

export const FacetsRequest = z.strictObject({ tenantId: Id.optional() });
export const FacetsResponse = z.object({
  tenants: z.array(z.object({ id: z.string(), name: z.string(), shredded: z.boolean() })),
  orgs: z.array(z.object({ tenantId: z.string(), id: z.string(), name: z.string().nullable(), chats: z.number().int() })),
  users: z.array(z.object({ tenantId: z.string(), id: z.string(), name: z.string().nullable(), email: z.string().nullable(), chats: z.number().int() })),
  projects: z.array(z.object({ tenantId: z.string(), id: z.string(), chats: z.number().int() })),
  models: z.array(z.object({ model: z.string(), chats: z.number().int() })),
  roles: z.array(z.string()),
});

// --- content.transcript ----------------------------------------------------------------

export const TranscriptRequest = z.strictObject({
  tenantId: Id,
  chatId: Id,
  offset: Offset,
  limit: Limit(500),
});

export const TranscriptMessageDto = z.object({
  messageId: z.string(),
  /** 1 for the first capture; an upstream edit is captured as `<id>~vN`, version N. */
  version: z.number().int().positive(),
  role: z.string(),
  createdAt: z.string().nullable(),
  capturedAt: z.string(),
  model: z.string().nullable(),
  /**
   * ok: text readable (masked); superseded: readable, an edit replaced it upstream;
   * deleted: content gone on purpose (see `deleted`); unreadable: the content failed its
   * integrity check (see `problem`; run verify-chain).
   */
  status: z.enum(['ok', 'superseded', 'deleted', 'unreadable']),
  text: MaskedTextDto.nullable(),
  deleted: DeletionDto.nullable(),
  superseded: z.object({ byMessageId: z.string(), version: z.number().int().positive(), label: z.string() }).nullable(),
  problem: z.object({ code: z.string(), message: z.string() }).nullable(),
  recordSeq: z.number().int().nullable(),
  commitment: z.string().nullable(),
});
export type TranscriptMessageDto = z.infer<typeof TranscriptMessageDto>;

export const TranscriptResponse = z.object({
  chat: ChatRowDto,
  total: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  messages: z.array(TranscriptMessageDto),
});

// --- content.reveal --------------------------------------------------------------------

export const RevealRequest = z.strictObject({
  tenantId: Id,
  messageId: Id,
  reason: z.string().trim().min(1, 'Say why the unmasked text is needed; the reason is recorded.').max(1000),
});

export const RevealResponse = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('ok'),
    tenantId: z.string(),
    messageId: z.string(),
    /** The unmasked text of this one message. */
    text: z.string(),
    /** Where each finding is in `text` (for highlighting), and its mask label. */
    spans: z.array(MaskChip),
    kinds: z.array(PiiKindDto),
    /** The pii_revealed record appended before this answer was sent. */
    recordSeq: z.number().int().nonnegative(),
  }),
  z.object({ status: z.literal('deleted'), tenantId: z.string(), messageId: z.string(), deleted: DeletionDto }),
]);

// --- content.record --------------------------------------------------------------------

export const RecordRequest = z
  .strictObject({ tenantId: Id, messageId: Id.optional(), seq: z.number().int().nonnegative().optional() })
  .refine((r) => (r.messageId === undefined) !== (r.seq === undefined), { message: 'Give either messageId or seq.', path: ['messageId'] });

export const RecordEvidence = z.object({
  tenantId: z.string(),
  seq: z.number().int().nonnegative(),
  type: z.string(),
  at: z.string(),
  actor: z.string(),
  /** The record's canonical JSON (RFC 8785): exactly the bytes that were hashed. */
  record: z.string(),
  /** SHA-256(0x00 || record), hex. */
  leafHash: z.string(),
  proof: z.object({
    algorithm: z.literal('RFC 9162 SHA-256'),
    leafIndex: z.number().int().nonnegative(),
    treeSize: z.number().int().positive(),
    /** Audit path, bottom-up, hex. */
    hashes: z.array(z.string()),
  }),
  checkpoint: z.object({
    origin: z.string(),
    size: z.number().int().positive(),
    root: z.string(),
    time: z.string(),
    /** The C2SP signed note, verbatim. */
    note: z.string(),
    keyName: z.string(),
    publicKey: z.string(),
    keyFingerprint: z.string(),
  }),
  /** Checked by the service before answering: the note's signature, the leaf against the record, the path against the root. */
  verified: z.literal(true),
});

// --- search.query ----------------------------------------------------------------------

export const SearchRequest = z.strictObject({
  /** Words (all must match), "exact phrases" and prefixes (term*). */
  query: z.string().min(1, 'Type something to search for.').max(500, 'A search is at most 500 characters.'),
  tenantId: Id.optional(),
  orgIds: IdList('organisation id').optional(),
  userIds: IdList('user id').optional(),
  roles: z.array(z.string().min(1).max(50)).min(1).max(10).optional(),
  created: TimeRange.optional(),
  sort: z.enum(['relevance', 'newest', 'oldest']).default('relevance'),
  offset: Offset,
  limit: Limit(50, 200),
});

export const SearchHitDto = z.object({
  tenantId: z.string(),
  chatId: z.string(),
  messageId: z.string(),
  role: z.string(),
  createdAt: z.string().nullable(),
  org: OrgRef,
  user: UserRef,
  superseded: z.boolean(),
  recordSeq: z.number().int().nullable(),
  /** A window of the masked text around the first match. */
  snippet: z.object({
    text: z.string(),
    /** Matches, as offsets in snippet.text; never inside a mask. */
    highlights: z.array(z.object({ start: z.number().int(), end: z.number().int() })),
    spans: z.array(MaskChip),
  }),
});

export const SearchResponse = z.object({
  total: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  /** How the query was read, so the UI can say what was searched for. */
  terms: z.array(z.object({ kind: z.enum(['word', 'prefix', 'phrase']), text: z.string() })),
  hits: z.array(SearchHitDto),
});

// --- audit.records ---------------------------------------------------------------------

export const AuditRecordsRequest = z.strictObject({
  tenantId: Id.optional(),
  types: z.array(RecordTypeDto).min(1).max(RECORD_TYPE_NAMES.length).optional(),
  /** Member name (or capture actor) exactly as recorded. */
  actor: z.string().min(1).max(200).optional(),
  range: TimeRange.optional(),
  offset: Offset,
  limit: Limit(100),
});

export const AuditRecordDto = z.object({
  tenantId: z.string(),
  seq: z.number().int().nonnegative(),
  type: z.string(),
  at: z.string(),
  actor: z.string(),
  /** One line for people; never message text. */
  summary: z.string(),
  body: z.record(z.string(), z.unknown()),
});

export const AuditRecordsResponse = z.object({
  total: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  rows: z.array(AuditRecordDto),
});

// --- activity.query / activity.keyUsage ------------------------------------------------

export const ActivitySource = z.enum(['anthropic', 'openai']);

export const ActivityRequest = z.strictObject({
  tenantId: Id.optional(),
  sources: z.array(ActivitySource).min(1).optional(),
  types: z.array(z.string().min(1).max(200)).min(1).max(50).optional(),
  /** A vendor user id or API key id of the actor. */
  actorId: z.string().min(1).max(200).optional(),
  /** Exact address, case-insensitive. */
  actorEmail: z.string().trim().min(3).max(320).optional(),
  apiKeyId: z.string().min(1).max(200).optional(),
  orgId: z.string().min(1).max(200).optional(),
  range: TimeRange.optional(),
  offset: Offset,
  limit: Limit(100),
});

export const ActivityActorDto = z.object({
  type: z.string().nullable(),
  id: z.string().nullable(),
  /** Masked like any PII. */
  email: z.string().nullable(),
  apiKeyId: z.string().nullable(),
});

export const ActivityRowDto = z.object({
  source: ActivitySource,
  tenantId: z.string(),
  id: z.string(),
  type: z.string(),
  at: z.string(),
  actor: ActivityActorDto,
  orgId: z.string().nullable(),
  projectId: z.string().nullable(),
  recordSeq: z.number().int(),
  /** The vendor's JSON as captured, with every string value passed through the PII mask. */
  body: z.record(z.string(), z.unknown()),
});

export const ActivityResponse = z.object({
  total: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  rows: z.array(ActivityRowDto),
});

export const KeyUsageRequest = z.strictObject({
  apiKeyId: z.string().min(1).max(200),
  tenantId: Id.optional(),
  range: TimeRange.optional(),
});

export const TokenCountsDto = z.object({
  uncachedInput: z.number().int().nonnegative(),
  cacheCreation: z.number().int().nonnegative(),
  cacheRead: z.number().int().nonnegative(),
  output: z.number().int().nonnegative(),
  webSearchRequests: z.number().int().nonnegative(),
});
export type TokenCountsDto = z.infer<typeof TokenCountsDto>;

export const KeyUsageResponse = z.object({
  apiKeyId: z.string(),
  total: z.number().int().nonnegative(),
  first: z.string().nullable(),
  last: z.string().nullable(),
  /** actor: the key did it; subject: it was done to the key (created, updated, deleted). */
  byType: z.array(z.object({ source: ActivitySource, type: z.string(), relation: z.enum(['actor', 'subject']), count: z.number().int() })),
  byDay: z.array(z.object({ day: z.string(), count: z.number().int(), types: z.record(z.string(), z.number().int()) })),
  /** Anthropic usage-report tokens attributed to this key, per day. */
  tokensByDay: z.array(TokenCountsDto.extend({ day: z.string() })),
});

// --- usage.summary ---------------------------------------------------------------------

export const UsageRequest = z.strictObject({
  tenantId: Id.optional(),
  range: TimeRange.optional(),
});

/** Money is decimal text in US dollars ("12.345678"), summed exactly, never a binary float. */
export const Money = z.string().regex(/^-?\d+(\.\d+)?$/);

const TokenGroup = TokenCountsDto.extend({ key: z.string().nullable() });
const MoneyGroup = z.object({ key: z.string().nullable(), amount: Money });

export const UsageResponse = z.object({
  from: z.string().nullable(),
  to: z.string().nullable(),
  currency: z.literal('USD'),
  anthropic: z.object({
    tokens: z.object({
      total: TokenCountsDto,
      byDay: z.array(TokenGroup),
      byModel: z.array(TokenGroup),
      byWorkspace: z.array(TokenGroup),
      byApiKey: z.array(TokenGroup),
      byAccount: z.array(TokenGroup),
    }),
    cost: z.object({
      total: Money,
      byDay: z.array(MoneyGroup),
      byModel: z.array(MoneyGroup),
      byWorkspace: z.array(MoneyGroup),
      byDescription: z.array(MoneyGroup),
    }),
  }),
  openai: z.object({
    cost: z.object({
      total: Money,
      byDay: z.array(MoneyGroup),
      byProject: z.array(MoneyGroup),
      byLineItem: z.array(MoneyGroup),
    }),
  }),
});
