import { z } from 'zod';
import type { ExportDocument } from '../types';

/**
 * NATIVES/: one JSON file per document (chat), the document exactly as exported, so a
 * receiving party has the structured messages (ids, roles, models, times, commitments)
 * next to the rendered images and the extracted text.
 */

export const NATIVE_FORMAT = 'ogma-production-native';
export const NATIVE_VERSION = 1;

const MessageSchema = z.object({
  id: z.string(),
  chatId: z.string(),
  role: z.string(),
  model: z.string().nullable(),
  createdAt: z.string(),
  text: z.string(),
  masked: z.boolean(),
  maskedKinds: z.array(z.string()),
  recordSeq: z.number().int().nonnegative(),
  commitment: z.string(),
});

const DocumentSchema = z.object({
  tenantId: z.string(),
  orgId: z.string(),
  orgName: z.string().nullable(),
  chatId: z.string(),
  title: z.string().nullable(),
  custodian: z.string(),
  userId: z.string(),
  createdAt: z.string(),
  deletedAtSource: z.boolean(),
  messages: z.array(MessageSchema),
});

export const NativeFileSchema = z.object({
  format: z.literal(NATIVE_FORMAT),
  version: z.literal(NATIVE_VERSION),
  begBates: z.string(),
  document: DocumentSchema,
});
export type NativeFile = z.infer<typeof NativeFileSchema>;

export function nativeFileBytes(doc: ExportDocument, begBates: string): Uint8Array {
  const file: NativeFile = { format: NATIVE_FORMAT, version: NATIVE_VERSION, begBates, document: pickDocument(doc) };
  return new TextEncoder().encode(JSON.stringify(file, null, 2) + '\n');
}

/** Parses a native file; a string says what is wrong. */
export function readNativeFile(bytes: Uint8Array): NativeFile | string {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return 'is not valid UTF-8 JSON';
  }
  const parsed = NativeFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return `does not match the native document format (${issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid'})`;
  }
  return parsed.data;
}

// Copy only the declared fields, in a fixed order, so the bytes do not depend on whatever
// else a caller's object happens to carry.
function pickDocument(d: ExportDocument): NativeFile['document'] {
  return {
    tenantId: d.tenantId,
    orgId: d.orgId,
    orgName: d.orgName,
    chatId: d.chatId,
    title: d.title,
    custodian: d.custodian,
    userId: d.userId,
    createdAt: d.createdAt,
    deletedAtSource: d.deletedAtSource,
    messages: d.messages.map((m) => ({
      id: m.id,
      chatId: m.chatId,
      role: m.role,
      model: m.model,
      createdAt: m.createdAt,
      text: m.text,
      masked: m.masked,
      maskedKinds: [...m.maskedKinds],
      recordSeq: m.recordSeq,
      commitment: m.commitment,
    })),
  };
}
