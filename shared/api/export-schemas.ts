import { z } from 'zod';

/**
 * The shapes of exports and of the verifier as the contract shows them.
 * The bundle format itself is specified in docs/export-format.md; its zod schema lives
 * with the pure verifier (electron/core/verify/schema.ts).
 */

// --- the verifier's report --------------------------------------------------------------

export const VerifyVerdict = z.enum(['verified', 'not_verified', 'unreadable']);
export type VerifyVerdict = z.infer<typeof VerifyVerdict>;

export const VerifyFormat = z.enum(['json', 'pdf', 'production', 'unknown']);
export type VerifyFormat = z.infer<typeof VerifyFormat>;

/** Where a failure is: as many of these as are known. */
export const FailureWhere = z.object({
  messageId: z.string().optional(),
  chatId: z.string().optional(),
  bates: z.string().optional(),
  page: z.number().int().optional(),
  seq: z.number().int().optional(),
  field: z.string().optional(),
  file: z.string().optional(),
});
export type FailureWhere = z.infer<typeof FailureWhere>;

export const VerifyFailure = z.object({
  /** Stable machine code, e.g. 'commitment_mismatch', 'inclusion_proof_invalid'. */
  code: z.string(),
  message: z.string(),
  where: FailureWhere,
});
export type VerifyFailure = z.infer<typeof VerifyFailure>;

export const VerifyCheck = z.object({ name: z.string(), ok: z.boolean(), detail: z.string().optional() });
export type VerifyCheck = z.infer<typeof VerifyCheck>;

export const VerifyReport = z.object({
  verdict: VerifyVerdict,
  format: VerifyFormat,
  summary: z.string(),
  /** Tenant signing-key fingerprints, to compare out of band with the producing party. */
  fingerprints: z.array(z.object({ tenantId: z.string(), fingerprint: z.string() })),
  counts: z.object({
    messages: z.number().int().nonnegative(),
    /** Record and text verified. */
    verified: z.number().int().nonnegative(),
    /** Record verified; text was masked in the export so it cannot be checked against the commitment. */
    verifiedTextMasked: z.number().int().nonnegative(),
    failed: z.number().int().nonnegative(),
  }),
  checks: z.array(VerifyCheck),
  failures: z.array(VerifyFailure),
});
export type VerifyReport = z.infer<typeof VerifyReport>;

// --- exports ------------------------------------------------------------------------------

const ChatRef = z.strictObject({ tenantId: z.string().min(1).max(64).optional(), chatId: z.string().min(1).max(256) });

/** A day (whole UTC day) or an RFC 3339 instant. */
const DayOrInstant = z
  .string()
  .min(10)
  .max(40)
  .refine((s) => !Number.isNaN(Date.parse(s)) && (/^\d{4}-\d{2}-\d{2}$/.test(s) ? new Date(s).toISOString().slice(0, 10) === s : /^\d{4}-\d{2}-\d{2}T/.test(s)), 'Give a date as YYYY-MM-DD or a time as RFC 3339.');

/**
 * What to export. Filters intersect; with none, everything captured. `selection` is a saved
 * selection: a name and the list of chats it holds (the UI keeps it; the export records its name).
 * `query` selects the chats that have at least one message matching it (the whole chat is exported).
 * `from`/`to` keep the messages created in that range (dates mean whole UTC days, both ends inclusive).
 */
export const ExportScope = z
  .strictObject({
    tenantId: z.string().min(1).max(64).optional(),
    chats: z.array(ChatRef).min(1).max(100_000).optional(),
    userId: z.string().min(1).max(256).optional(),
    orgId: z.string().min(1).max(256).optional(),
    from: DayOrInstant.optional(),
    to: DayOrInstant.optional(),
    query: z.string().trim().min(1).max(1024).optional(),
    selection: z.strictObject({ name: z.string().trim().min(1).max(256), chats: z.array(ChatRef).min(1).max(100_000) }).optional(),
  })
  .refine((s) => s.from === undefined || s.to === undefined || Date.parse(s.from) <= Date.parse(s.to), { message: '"from" must not be after "to".', path: ['from'] });
export type ExportScope = z.infer<typeof ExportScope>;

export const ExportFormat = z.enum(['json', 'pdf', 'production']);

export const BatesRequest = z.strictObject({
  prefix: z
    .string()
    .min(1)
    .max(32)
    .regex(/^[\x20-\x7e]*[\x20-\x2f\x3a-\x7e]$/, 'A Bates prefix is ASCII and ends in a non-digit, e.g. "ACME-".'),
  start: z.number().int().min(1).max(999_999_999).default(1),
  digits: z.number().int().min(4).max(12).default(8),
});

export const ExportRequest = z.strictObject({
  format: ExportFormat,
  /** Where to write the export on this machine (a file; for production, the .zip). */
  outPath: z.string().min(1).max(4096),
  scope: ExportScope.default({}),
  bates: BatesRequest.optional(),
  /** Admin only: export the unmasked text. The reason is recorded in a pii_revealed record. */
  revealPii: z.strictObject({ reason: z.string().trim().min(3, 'Say why the unmasked text is needed; the reason is recorded.').max(2048) }).optional(),
  /** Chosen by the caller so it can cancel and match progress events before the call returns. */
  taskId: z.string().min(1).max(128).optional(),
});
export type ExportRequest = z.infer<typeof ExportRequest>;

export const ExportResult = z.object({
  taskId: z.string(),
  path: z.string(),
  format: ExportFormat,
  counts: z.object({
    documents: z.number().int(),
    messages: z.number().int(),
    masked: z.number().int(),
    /** Messages in scope whose content was deleted (chat deletion, erasure): not exportable. */
    skippedDeleted: z.number().int(),
  }),
  bates: z.object({ first: z.string(), last: z.string() }).nullable(),
  /** Hex SHA-256 of the exported file (for JSON, the bundle bytes). */
  fileSha256: z.string(),
  /** Hex SHA-256 of the bundle bytes (the JSON bundle, or the one embedded in the PDF / production). */
  bundleSha256: z.string(),
  bytes: z.number().int(),
  /** The export_created records, one per tenant exported. */
  records: z.array(z.object({ tenantId: z.string(), seq: z.number().int() })),
  /** Seq of the export_created record of the first tenant (there is one per tenant). */
  recordSeq: z.number().int(),
  fingerprints: z.array(z.object({ tenantId: z.string(), fingerprint: z.string() })),
});
export type ExportResult = z.infer<typeof ExportResult>;

/**
 * A file to verify: a path on the machine running the service (Electron, CLI), or its bytes
 * as base64 (the browser host, whose page reads the file the user picked). The browser host's
 * JSON-RPC messages are limited to 1 MiB (web/rpc.ts MAX_MESSAGE_BYTES), so over it `bytesBase64`
 * only carries files up to about 750 KB; larger files need a path (or a future upload route).
 */
export const VerifyFileRequest = z.union([
  z.strictObject({ path: z.string().min(1).max(4096) }),
  z.strictObject({ name: z.string().max(1024).optional(), bytesBase64: z.string().min(1).max(200 * 1024 * 1024) }),
]);
export type VerifyFileRequest = z.infer<typeof VerifyFileRequest>;
