import type { ExportDocument } from '../types';
import type { DocumentPaths } from './layout';

/**
 * The DAT's fields, in order. One chat is one document and its own family (chats carry no
 * attachments), so BEGATTACH/ENDATTACH equal BEGBATES/ENDBATES; they are kept because
 * many review protocols require the family fields to be present.
 * Every file a record points at has its MD5 and SHA-256 in the record: MD5HASH/SHA256HASH
 * for the native (the usual meaning of those fields), TEXTMD5HASH etc. for the others.
 */
export const DAT_FIELDS = [
  'BEGBATES',
  'ENDBATES',
  'BEGATTACH',
  'ENDATTACH',
  'PAGECOUNT',
  'CUSTODIAN',
  'ORG',
  'ORGID',
  'TENANTID',
  'CHATID',
  'TITLE',
  'DATECREATED',
  'DATESENT',
  'DATELASTMSG',
  'FROM',
  'ROLE',
  'MODELS',
  'MESSAGECOUNT',
  'MASKEDCOUNT',
  'DELETEDATSOURCE',
  'CONFIDENTIALITY',
  'NATIVEPATH',
  'MD5HASH',
  'SHA256HASH',
  'TEXTPATH',
  'TEXTMD5HASH',
  'TEXTSHA256HASH',
  'IMAGEPATH',
  'IMAGEMD5HASH',
  'IMAGESHA256HASH',
] as const;
export type DatField = (typeof DAT_FIELDS)[number];

/** Which path field each hash field belongs to: the validator checks them pairwise. */
export const HASHED_PATHS: readonly { path: DatField; md5: DatField; sha256: DatField }[] = [
  { path: 'NATIVEPATH', md5: 'MD5HASH', sha256: 'SHA256HASH' },
  { path: 'TEXTPATH', md5: 'TEXTMD5HASH', sha256: 'TEXTSHA256HASH' },
  { path: 'IMAGEPATH', md5: 'IMAGEMD5HASH', sha256: 'IMAGESHA256HASH' },
];

/** Relativity's default multi-value delimiter. */
const MULTI = '; ';

export interface DatRowInput {
  doc: ExportDocument;
  begBates: string;
  endBates: string;
  pageCount: number;
  confidentiality: string;
  /** Load-file (backslash) paths. */
  paths: DocumentPaths;
  hashes: Record<keyof DocumentPaths, { md5: string; sha256: string }>;
}

export function datRow(r: DatRowInput): Record<DatField, string> {
  const { doc } = r;
  const times = doc.messages.map((m) => m.createdAt).sort();
  const roles = [...new Set(doc.messages.map((m) => m.role))];
  const roleCounts = roles.map((role) => `${role} (${doc.messages.filter((m) => m.role === role).length})`);
  const models = [...new Set(doc.messages.map((m) => m.model).filter((m): m is string => !!m))];
  return {
    BEGBATES: r.begBates,
    ENDBATES: r.endBates,
    BEGATTACH: r.begBates,
    ENDATTACH: r.endBates,
    PAGECOUNT: String(r.pageCount),
    CUSTODIAN: doc.custodian,
    ORG: doc.orgName ?? doc.orgId,
    ORGID: doc.orgId,
    TENANTID: doc.tenantId,
    CHATID: doc.chatId,
    TITLE: doc.title ?? '',
    DATECREATED: doc.createdAt,
    DATESENT: times[0] ?? '',
    DATELASTMSG: times[times.length - 1] ?? '',
    // A chat has no sender in the e-mail sense: FROM names the custodian, ROLE summarises who spoke.
    FROM: doc.custodian,
    ROLE: roleCounts.join(MULTI),
    MODELS: models.join(MULTI),
    MESSAGECOUNT: String(doc.messages.length),
    MASKEDCOUNT: String(doc.messages.filter((m) => m.masked).length),
    DELETEDATSOURCE: doc.deletedAtSource ? 'Y' : 'N',
    CONFIDENTIALITY: r.confidentiality,
    NATIVEPATH: r.paths.native,
    MD5HASH: r.hashes.native.md5,
    SHA256HASH: r.hashes.native.sha256,
    TEXTPATH: r.paths.text,
    TEXTMD5HASH: r.hashes.text.md5,
    TEXTSHA256HASH: r.hashes.text.sha256,
    IMAGEPATH: r.paths.image,
    IMAGEMD5HASH: r.hashes.image.md5,
    IMAGESHA256HASH: r.hashes.image.sha256,
  };
}
