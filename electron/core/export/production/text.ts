import type { ExportDocument } from '../types';

/**
 * TEXT/: the extracted text of a document, as a review platform indexes it. It is a pure
 * function of the native document, so the validator can regenerate it from NATIVES/ and
 * insist on byte equality: TEXT and NATIVES can never silently disagree.
 * UTF-8 with BOM (Relativity detects extracted-text encoding from the BOM) and CRLF.
 */

export function documentText(doc: ExportDocument): string {
  // Header values stay on their line; only message text keeps its own line breaks.
  const one = (s: string) => s.replace(/\r\n|\r|\n/g, ' ');
  const out: string[] = [
    `Chat: ${one(doc.title ?? '(untitled)')}`,
    `Chat ID: ${one(doc.chatId)}`,
    `Organisation: ${one(doc.orgName ? `${doc.orgName} (${doc.orgId})` : doc.orgId)}`,
    `Custodian: ${one(doc.custodian)}`,
    `Created: ${doc.createdAt}`,
    `Deleted at source: ${doc.deletedAtSource ? 'yes' : 'no'}`,
    `Messages: ${doc.messages.length}`,
    '',
  ];
  for (const m of doc.messages) {
    const model = m.model ? ` (${m.model})` : '';
    const masked = m.masked ? ` [masked: ${m.maskedKinds.join(', ') || 'PII'}]` : '';
    out.push(one(`--- ${m.createdAt} ${m.role}${model} message ${m.id}${masked}`));
    out.push(m.text);
    out.push('');
  }
  return out.join('\n').replace(/\r\n|\r|\n/g, '\r\n');
}

export function textFileBytes(doc: ExportDocument): Uint8Array {
  const body = new TextEncoder().encode(documentText(doc));
  const out = new Uint8Array(3 + body.length);
  out.set([0xef, 0xbb, 0xbf], 0);
  out.set(body, 3);
  return out;
}
