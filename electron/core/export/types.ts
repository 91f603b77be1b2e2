/**
 * The seams between the export formats (JSON bundle, Bates PDF, production ZIP).
 * Other modules build against these; extend them, never break them.
 * The bundle format that carries these is specified in docs/export-format.md.
 */

/** One message as it leaves the vault for an export. */
export interface ExportMessage {
  id: string;
  chatId: string;
  role: 'user' | 'assistant' | string;
  model: string | null;
  /** RFC 3339. */
  createdAt: string;
  /** As exported: masked unless a PII reveal was granted (and recorded). */
  text: string;
  /** True when `text` differs from the committed text (PII masked). */
  masked: boolean;
  /** PII kinds masked, e.g. ['email','card']; empty when not masked. */
  maskedKinds: string[];
  /** Seq of the message_captured record in the tenant's chain. */
  recordSeq: number;
  /** Hex text commitment (see electron/core/chain/commitment.ts). */
  commitment: string;
}

/** One chat = one document, in export order. */
export interface ExportDocument {
  tenantId: string;
  orgId: string;
  orgName: string | null;
  chatId: string;
  title: string | null;
  /** The user: email masked unless revealed, else name or id. */
  custodian: string;
  userId: string;
  createdAt: string;
  deletedAtSource: boolean;
  messages: ExportMessage[];
}

/** Page-level Bates map the PDF renderer produces; goes into the bundle's `bates` section. */
export interface BatesPage {
  /** 1-based page number in that PDF. */
  page: number;
  bates: string;
  /** null: cover or certification page. */
  chatId: string | null;
}

export interface BatesOptions {
  /** ASCII, ends in a non-digit. */
  prefix: string;
  start: number;
  /** Zero pad width, default 8. */
  digits: number;
}

/** Export formats a recipient can receive. */
export type ExportFormat = 'json' | 'pdf' | 'production';

/** One entry of the optional `files` manifest (filled by the production volume). */
export interface BundleFileEntry {
  /** Volume-relative path with forward slashes, e.g. 'IMAGES/ABC00000001.pdf'. */
  path: string;
  bytes: number;
  md5: string;
  sha256: string;
}

/** The optional `bates` section of a bundle. */
export interface BundleBates {
  prefix: string;
  digits: number;
  first: string;
  last: string;
  pages: BatesPage[];
}
