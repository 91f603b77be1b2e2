import { z } from 'zod';

/**
 * The JSON eDiscovery bundle, format "ogma-export-bundle" version 1, as zod schemas.
 * docs/export-format.md is the prose form of this file; keep the two in step.
 * Every object is strict: a field the format does not define is a schema failure, so
 * nothing can ride along in a bundle without being noticed.
 */

export const BUNDLE_FORMAT = 'ogma-export-bundle';
export const BUNDLE_VERSION = 1;

const Hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex characters');
const Hex32 = z.string().regex(/^[0-9a-f]{32}$/, 'must be 32 lowercase hex characters');
const Base64Hash = z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'must be the base64 of a 32-byte hash');
const Time = z.string().min(1).max(64);
const Id = z.string().min(1).max(256);
const Seq = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

export const BundleMessageSchema = z.strictObject({
  id: Id,
  chatId: Id,
  role: z.string().max(64),
  model: z.string().max(256).nullable(),
  createdAt: Time,
  text: z.string(),
  masked: z.boolean(),
  maskedKinds: z.array(z.string().min(1).max(32)).max(32),
  /** Hex of the 32-byte commitment salt; null when the text is masked (a salt next to masked text would let anyone test guesses of what the mask hides). */
  salt: Hex64.nullable(),
  commitment: Hex64,
  recordSeq: Seq,
  /** The message_captured record, exactly its canonical (RFC 8785) JSON text. */
  record: z.string().min(2).max(64 * 1024),
  /** RFC 9162 audit path (base64 hashes) from the record's leaf to the tenant's head checkpoint. */
  proof: z.array(Base64Hash).max(64),
});
export type BundleMessage = z.infer<typeof BundleMessageSchema>;

export const BundleDocumentSchema = z.strictObject({
  tenantId: Id,
  orgId: z.string().max(256),
  orgName: z.string().max(1024).nullable(),
  chatId: Id,
  title: z.string().max(4096).nullable(),
  custodian: z.string().max(1024),
  userId: z.string().max(256),
  createdAt: Time,
  deletedAtSource: z.boolean(),
  messages: z.array(BundleMessageSchema),
});
export type BundleDocument = z.infer<typeof BundleDocumentSchema>;

export const ConsistencySchema = z.strictObject({
  fromSize: Seq,
  toSize: Seq,
  hashes: z.array(Base64Hash).max(128),
});

export const BundleTenantSchema = z.strictObject({
  tenantId: Id,
  name: z.string().max(1024),
  vendor: z.string().max(64),
  /** The signed-note key name, which is also the log's origin line. */
  keyName: z.string().min(1).max(512),
  /** Raw 32-byte Ed25519 public key, base64. */
  publicKey: z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'must be the base64 of a 32-byte Ed25519 public key'),
  /** 'SHA256:' + unpadded base64 of SHA-256(publicKey): compare it out of band. */
  fingerprint: z.string().max(128),
  /** C2SP signed notes, ascending size; every proof of this tenant leads to the last one (the head). */
  checkpoints: z.array(z.string().max(16 * 1024)).min(1).max(64),
  /** One RFC 9162 consistency proof per consecutive pair of checkpoints. */
  consistency: z.array(ConsistencySchema).max(63),
});
export type BundleTenant = z.infer<typeof BundleTenantSchema>;

/** A record that is evidence about the export itself (the pii_revealed record of a reveal). */
export const BundleEvidenceSchema = z.strictObject({
  tenantId: Id,
  seq: Seq,
  record: z.string().min(2).max(64 * 1024),
  proof: z.array(Base64Hash).max(64),
});

export const ScopeSchema = z.strictObject({
  chats: z.array(z.strictObject({ tenantId: Id.optional(), chatId: Id })).max(100_000).optional(),
  userId: Id.optional(),
  orgId: Id.optional(),
  tenantId: Id.optional(),
  from: Time.optional(),
  to: Time.optional(),
  query: z.string().max(1024).optional(),
  selection: z.string().max(256).optional(),
  /** One line for people, e.g. "chats of user u_1 from 2026-03-01 to 2026-03-31". */
  description: z.string().max(4096),
});
export type ExportScopeDescription = z.infer<typeof ScopeSchema>;

export const MaskingSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('masked') }),
  z.strictObject({
    mode: z.literal('revealed'),
    reason: z.string().min(1).max(2048),
    member: z.string().min(1).max(256),
    /** The pii_revealed records appended for this reveal, one per tenant (their records are in `evidence`). */
    records: z.array(z.strictObject({ tenantId: Id, seq: Seq })).max(1024),
  }),
]);

export const IndexEntrySchema = z.strictObject({
  tenantId: Id,
  chatId: Id,
  /** [message id, first 32 hex of SHA-256 of the message entry's canonical JSON], in document order. */
  messages: z.array(z.tuple([Id, Hex32])),
});

export const ExportSectionSchema = z.strictObject({
  id: Id,
  createdAt: Time,
  createdBy: z.strictObject({ member: z.string().min(1).max(256), memberId: z.string().max(256), role: z.enum(['admin', 'viewer']) }),
  workspaceId: Id,
  workspaceName: z.string().max(1024),
  format: z.enum(['json', 'pdf', 'production']),
  scope: ScopeSchema,
  masking: MaskingSchema,
  counts: z.strictObject({ documents: Seq, messages: Seq }),
  index: z.array(IndexEntrySchema),
});

export const BatesPageSchema = z.strictObject({ page: z.number().int().min(1), bates: z.string().min(1).max(64), chatId: Id.nullable() });
export const BatesSectionSchema = z.strictObject({
  prefix: z.string().min(1).max(32),
  digits: z.number().int().min(1).max(16),
  first: z.string().min(1).max(64),
  last: z.string().min(1).max(64),
  pages: z.array(BatesPageSchema).min(1),
});

export const FileEntrySchema = z.strictObject({
  path: z.string().min(1).max(1024),
  bytes: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  md5: Hex32,
  sha256: Hex64,
});

export const SignatureSchema = z.strictObject({
  tenantId: Id,
  keyName: z.string().min(1).max(512),
  /** Ed25519 over the export signing message (signature.ts), base64 (64 bytes). */
  signature: z.string().regex(/^[A-Za-z0-9+/]{86}==$/, 'must be the base64 of a 64-byte Ed25519 signature'),
});

export const BundleSchema = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  version: z.literal(BUNDLE_VERSION),
  export: ExportSectionSchema,
  tenants: z.array(BundleTenantSchema).max(1024),
  documents: z.array(BundleDocumentSchema),
  evidence: z.array(BundleEvidenceSchema).max(1024),
  bates: BatesSectionSchema.nullable(),
  files: z.array(FileEntrySchema).nullable(),
  signatures: z.array(SignatureSchema).max(1024),
});
export type Bundle = z.infer<typeof BundleSchema>;
/** A bundle before it is signed. */
export type UnsignedBundle = Omit<Bundle, 'signatures'>;
export type BundleExportSection = z.infer<typeof ExportSectionSchema>;
export type BundleBatesSection = z.infer<typeof BatesSectionSchema>;
export type BundleFile = z.infer<typeof FileEntrySchema>;
