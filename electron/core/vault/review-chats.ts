import type { DeletionKind } from './content';
import type { Db } from './db';
import { textBounds, Where, type RangeInput } from './review-query';

/**
 * The chat table's read model: every chat seen upstream (capture_chats), with its
 * organisation, user, project, model, message count and flags. Read-only.
 *
 * Paging is done in two steps so a page of a 100,000-chat table costs one ordered pass
 * over the sort column and then a handful of keyed lookups per row shown: SQLite computes
 * every result column before it sorts, so the expensive columns (counts, model, project)
 * are fetched for the page only, and tables are joined only when a filter or the sort
 * needs them (each join is a page read per row, and pages are decrypted on every miss).
 */

export type ChatSortKey = 'createdAt' | 'updatedAt' | 'title' | 'org' | 'user' | 'project' | 'model' | 'messages';

export interface ChatFilter {
  tenantId?: string | undefined;
  orgIds?: readonly string[] | undefined;
  userIds?: readonly string[] | undefined;
  projectIds?: readonly string[] | undefined;
  models?: readonly string[] | undefined;
  created?: RangeInput | undefined;
  updated?: RangeInput | undefined;
  flags?: { softDeleted?: boolean | undefined; goneAtSource?: boolean | undefined; hasSuperseded?: boolean | undefined; deleted?: boolean | undefined } | undefined;
}

export interface ChatKey {
  tenantId: string;
  chatId: string;
}

export interface ChatFacts {
  tenantId: string;
  chatId: string;
  orgId: string | null;
  orgName: string | null;
  userId: string | null;
  userName: string | null;
  userEmail: string | null;
  project: string | null;
  model: string | null;
  createdAt: string | null;
  updatedAt: string | null;
  messages: number;
  softDeleted: boolean;
  goneAtSource: boolean;
  hasSuperseded: boolean;
  deleted: { reason: DeletionKind; at: string; by: string; recordSeq: number } | null;
}

/** Vendor chats with no user are stored under this subject (core/capture UNATTRIBUTED). */
const UNATTRIBUTED = 'unattributed';

/**
 * A chat's facts by key: the capture's view of it, or the vault's when the capture never
 * saw it (content captured by other means). Both halves are narrowed to the one chat
 * inside the CTE: SQLite does not push a WHERE on a joined CTE into its UNION ALL.
 */
const ONE = `
WITH base AS (
  SELECT c.tenant_id, c.id AS chat_id, c.org_uuid AS org_id, c.user_id, c.created_at, c.updated_at, c.soft_deleted, c.gone_at_source
  FROM capture_chats c WHERE c.tenant_id = @tenantId AND c.id = @chatId
  UNION ALL
  SELECT v.tenant_id, v.id, v.org_id, s.external_id, v.created_at, v.updated_at, v.soft_deleted, v.gone_at_source
  FROM chats v JOIN subjects s ON s.id = v.subject_id
  WHERE v.tenant_id = @tenantId AND v.id = @chatId AND NOT EXISTS (SELECT 1 FROM capture_chats c2 WHERE c2.tenant_id = v.tenant_id AND c2.id = v.id)
)`;

/**
 * The table lists the chats the capture saw (every chat a pull stores is one; the capture
 * writes capture_chats in the same transaction as the vault's chat row).
 */
const LIST = `(SELECT tenant_id, id AS chat_id, org_uuid AS org_id, user_id, created_at, updated_at, soft_deleted, gone_at_source FROM capture_chats) b`;

type Join = 'deletion' | 'org' | 'user';
const JOIN_SQL: Record<Join, string> = {
  deletion: `LEFT JOIN chats v ON v.tenant_id = b.tenant_id AND v.id = b.chat_id
    LEFT JOIN subjects s ON s.tenant_id = b.tenant_id AND s.external_id = COALESCE(b.user_id, '${UNATTRIBUTED}')
    JOIN tenants t ON t.id = b.tenant_id`,
  org: 'LEFT JOIN capture_orgs o ON o.tenant_id = b.tenant_id AND o.uuid = b.org_id',
  user: 'LEFT JOIN capture_users u ON u.tenant_id = b.tenant_id AND u.org_uuid = b.org_id AND u.id = b.user_id',
};
const ALL_JOINS = (Object.keys(JOIN_SQL) as Join[]).map((j) => JOIN_SQL[j]).join('\n');

// Correlated columns, each an indexed lookup per row: worth it for a page, costly for a sort over everything.
const MESSAGES = `(SELECT count(*) FROM messages m WHERE m.tenant_id = b.tenant_id AND m.chat_id = b.chat_id)`;
const MODEL = `(SELECT m.model FROM messages m WHERE m.tenant_id = b.tenant_id AND m.chat_id = b.chat_id AND m.model IS NOT NULL ORDER BY m.rowid DESC LIMIT 1)`;
const HAS_SUPERSEDED = `EXISTS (SELECT 1 FROM messages m WHERE m.tenant_id = b.tenant_id AND m.chat_id = b.chat_id AND m.superseded_by IS NOT NULL)`;
// The Activity Feed names a chat's project (claude_chat_created/viewed/..., claude_file_uploaded); the newest mention wins.
const PROJECT = `(SELECT json_extract(a.body, '$.claude_project_id') FROM capture_activities a INDEXED BY capture_activities_by_chat
  WHERE a.tenant_id = b.tenant_id AND json_extract(a.body, '$.claude_chat_id') = +b.chat_id AND json_extract(a.body, '$.claude_project_id') IS NOT NULL
  ORDER BY a.created_at DESC LIMIT 1)`;
const DELETED = `(v.deleted_at IS NOT NULL OR s.erased_at IS NOT NULL OR t.shredded_at IS NOT NULL)`;

const SORT_SQL: Record<Exclude<ChatSortKey, 'title'>, { expr: string; join?: Join }> = {
  createdAt: { expr: 'b.created_at' },
  updatedAt: { expr: 'b.updated_at' },
  org: { expr: 'COALESCE(o.name, b.org_id)', join: 'org' },
  user: { expr: 'COALESCE(u.full_name, b.user_id)', join: 'user' },
  project: { expr: PROJECT },
  model: { expr: MODEL },
  messages: { expr: MESSAGES },
};

function where(f: ChatFilter, joins: Set<Join>): Where {
  const w = new Where();
  if (f.tenantId !== undefined) w.add('b.tenant_id = ?', f.tenantId);
  if (f.orgIds) w.in('b.org_id', f.orgIds);
  if (f.userIds) w.in('b.user_id', f.userIds);
  if (f.projectIds) w.in(PROJECT, f.projectIds);
  if (f.models) w.in(MODEL, f.models);
  if (f.created) w.range('b.created_at', textBounds(f.created));
  if (f.updated) w.range('b.updated_at', textBounds(f.updated));
  const flags = f.flags ?? {};
  if (flags.softDeleted !== undefined) w.add(`b.soft_deleted = ${flags.softDeleted ? 1 : 0}`);
  if (flags.goneAtSource !== undefined) w.add(`b.gone_at_source = ${flags.goneAtSource ? 1 : 0}`);
  if (flags.hasSuperseded !== undefined) w.add(flags.hasSuperseded ? HAS_SUPERSEDED : `NOT ${HAS_SUPERSEDED}`);
  if (flags.deleted !== undefined) {
    joins.add('deletion');
    w.add(flags.deleted ? DELETED : `NOT ${DELETED}`);
  }
  return w;
}

function from(joins: Set<Join>): string {
  return `FROM ${LIST} ${[...joins].map((j) => JOIN_SQL[j]).join(' ')}`;
}

export class ChatReadModel {
  constructor(private readonly db: Db) {}

  count(f: ChatFilter): number {
    const joins = new Set<Join>();
    const w = where(f, joins);
    return this.db.prepare(`SELECT count(*) ${from(joins)} ${w.sql}`).pluck().get(...w.params) as number;
  }

  /** One page of keys in the requested order (every sort key but the title, which only the service can read). */
  page(f: ChatFilter, sort: { by: Exclude<ChatSortKey, 'title'>; dir: 'asc' | 'desc' }, offset: number, limit: number): ChatKey[] {
    const joins = new Set<Join>();
    const w = where(f, joins);
    const { expr, join } = SORT_SQL[sort.by];
    if (join) joins.add(join);
    const dir = sort.dir === 'asc' ? 'ASC' : 'DESC';
    // NULLs last either way: a chat without the value is not "the oldest" or "the newest".
    const sql = `SELECT b.tenant_id AS tenantId, b.chat_id AS chatId FROM (SELECT b.tenant_id, b.chat_id, ${expr} AS k ${from(joins)} ${w.sql}) b
      ORDER BY b.k IS NULL, b.k ${dir}, b.tenant_id ${dir}, b.chat_id ${dir} LIMIT ? OFFSET ?`;
    return this.db.prepare(sql).all(...w.params, limit, offset) as ChatKey[];
  }

  /** Every key that passes the filter (for a sort or filter on the title, done by the service). */
  keys(f: ChatFilter): ChatKey[] {
    const joins = new Set<Join>();
    const w = where(f, joins);
    return this.db.prepare(`SELECT b.tenant_id AS tenantId, b.chat_id AS chatId ${from(joins)} ${w.sql}`).all(...w.params) as ChatKey[];
  }

  facts(key: ChatKey): ChatFacts | null {
    const r = this.db
      .prepare(
        `${ONE} SELECT b.tenant_id, b.chat_id, b.org_id, o.name AS org_name, b.user_id,
           COALESCE(u.full_name, (SELECT x.full_name FROM capture_users x WHERE x.tenant_id = b.tenant_id AND x.id = b.user_id AND x.full_name IS NOT NULL LIMIT 1)) AS user_name,
           COALESCE(u.email, (SELECT x.email FROM capture_users x WHERE x.tenant_id = b.tenant_id AND x.id = b.user_id AND x.email IS NOT NULL LIMIT 1)) AS user_email,
           ${PROJECT} AS project, ${MODEL} AS model, b.created_at, b.updated_at, ${MESSAGES} AS messages, b.soft_deleted, b.gone_at_source,
           ${HAS_SUPERSEDED} AS has_superseded, v.deleted_at, v.deleted_by, v.deleted_seq, s.erased_at, s.erased_by, s.erased_seq,
           t.shredded_at, t.shredded_by, t.shred_seq
         FROM base b ${ALL_JOINS}`,
      )
      .get({ tenantId: key.tenantId, chatId: key.chatId }) as FactsRow | undefined;
    return r ? toFacts(r) : null;
  }
}

interface FactsRow {
  tenant_id: string;
  chat_id: string;
  org_id: string | null;
  org_name: string | null;
  user_id: string | null;
  user_name: string | null;
  user_email: string | null;
  project: string | null;
  model: string | null;
  created_at: string | null;
  updated_at: string | null;
  messages: number;
  soft_deleted: number;
  gone_at_source: number;
  has_superseded: number;
  deleted_at: string | null;
  deleted_by: string | null;
  deleted_seq: number | null;
  erased_at: string | null;
  erased_by: string | null;
  erased_seq: number | null;
  shredded_at: string | null;
  shredded_by: string | null;
  shred_seq: number | null;
}

function toFacts(r: FactsRow): ChatFacts {
  let deleted: ChatFacts['deleted'] = null;
  if (r.deleted_at) deleted = { reason: 'chat_deleted', at: r.deleted_at, by: r.deleted_by ?? 'unknown', recordSeq: r.deleted_seq ?? -1 };
  else if (r.erased_at) deleted = { reason: 'subject_erased', at: r.erased_at, by: r.erased_by ?? 'unknown', recordSeq: r.erased_seq ?? -1 };
  else if (r.shredded_at) deleted = { reason: 'tenant_shredded', at: r.shredded_at, by: r.shredded_by ?? 'unknown', recordSeq: r.shred_seq ?? -1 };
  return {
    tenantId: r.tenant_id,
    chatId: r.chat_id,
    orgId: r.org_id,
    orgName: r.org_name,
    userId: r.user_id,
    userName: r.user_name,
    userEmail: r.user_email,
    project: r.project,
    model: r.model,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    messages: r.messages,
    softDeleted: r.soft_deleted === 1,
    goneAtSource: r.gone_at_source === 1,
    hasSuperseded: r.has_superseded === 1,
    deleted,
  };
}

// --- facets ------------------------------------------------------------------------------

export interface Facets {
  orgs: { tenantId: string; id: string; name: string | null; chats: number }[];
  users: { tenantId: string; id: string; name: string | null; email: string | null; chats: number }[];
  projects: { tenantId: string; id: string; chats: number }[];
  models: { model: string; chats: number }[];
  roles: string[];
}

export function chatFacets(db: Db, tenantId?: string): Facets {
  const t = tenantId !== undefined ? 'AND x.tenant_id = ?' : '';
  const p = tenantId !== undefined ? [tenantId] : [];
  const orgs = db
    .prepare(
      `WITH ids AS (
         SELECT tenant_id, org_uuid AS id FROM capture_chats WHERE org_uuid IS NOT NULL
         UNION SELECT tenant_id, uuid FROM capture_orgs)
       SELECT x.tenant_id AS tenantId, x.id, (SELECT o.name FROM capture_orgs o WHERE o.tenant_id = x.tenant_id AND o.uuid = x.id) AS name,
         (SELECT count(*) FROM capture_chats b WHERE b.tenant_id = x.tenant_id AND b.org_uuid = x.id) AS chats
       FROM ids x WHERE 1 ${t} ORDER BY name IS NULL, name, x.id`,
    )
    .all(...p) as Facets['orgs'];
  const users = db
    .prepare(
      `WITH ids AS (
         SELECT tenant_id, user_id AS id FROM capture_chats WHERE user_id IS NOT NULL
         UNION SELECT tenant_id, id FROM capture_users)
       SELECT x.tenant_id AS tenantId, x.id,
         (SELECT u.full_name FROM capture_users u WHERE u.tenant_id = x.tenant_id AND u.id = x.id AND u.full_name IS NOT NULL LIMIT 1) AS name,
         (SELECT u.email FROM capture_users u WHERE u.tenant_id = x.tenant_id AND u.id = x.id AND u.email IS NOT NULL LIMIT 1) AS email,
         (SELECT count(*) FROM capture_chats b WHERE b.tenant_id = x.tenant_id AND b.user_id = x.id) AS chats
       FROM ids x WHERE 1 ${t} ORDER BY name IS NULL, name, x.id`,
    )
    .all(...p) as Facets['users'];
  // The same "newest mention in the Activity Feed" as the table's project column, so the counts agree.
  const projects = db
    .prepare(
      `WITH p AS (SELECT b.tenant_id, ${PROJECT} AS project FROM ${LIST})
       SELECT x.tenant_id AS tenantId, x.project AS id, count(*) AS chats FROM p x WHERE x.project IS NOT NULL ${t}
       GROUP BY x.tenant_id, x.project ORDER BY x.project`,
    )
    .all(...p) as Facets['projects'];
  const models = db
    .prepare(`SELECT x.model, count(DISTINCT x.chat_id) AS chats FROM messages x WHERE x.model IS NOT NULL ${t} GROUP BY x.model ORDER BY x.model`)
    .all(...p) as Facets['models'];
  const roles = db.prepare(`SELECT DISTINCT x.role FROM messages x WHERE 1 ${t} ORDER BY x.role`).pluck().all(...p) as string[];
  return { orgs, users, projects, models, roles };
}

// --- transcript --------------------------------------------------------------------------

export interface TranscriptRow {
  rowid: number;
  id: string;
  role: string;
  model: string | null;
  created_at: string | null;
  captured_at: string;
  record_seq: number | null;
  commitment: string | null;
  superseded_by: string | null;
  deleted_at: string | null;
}

export function transcriptCount(db: Db, tenantId: string, chatId: string): number {
  return db.prepare('SELECT count(*) FROM messages WHERE tenant_id = ? AND chat_id = ?').pluck().get(tenantId, chatId) as number;
}

/** A chat's messages in conversation order; an edit's versions follow the version they replace. */
export function transcriptRows(db: Db, tenantId: string, chatId: string, offset: number, limit: number): TranscriptRow[] {
  return db
    .prepare(
      `SELECT rowid, id, role, model, created_at, captured_at, record_seq, commitment, superseded_by, deleted_at
       FROM messages WHERE tenant_id = ? AND chat_id = ? ORDER BY COALESCE(created_at, captured_at), rowid LIMIT ? OFFSET ?`,
    )
    .all(tenantId, chatId, limit, offset) as TranscriptRow[];
}
