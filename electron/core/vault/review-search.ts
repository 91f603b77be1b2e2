import { OgmaError } from '../../../shared/api/errors';
import type { Db } from './db';
import { textBounds, Where, type RangeInput } from './review-query';

/**
 * Full-text search for the review screens, over the contentless FTS5 index of message
 * text (migration 001). What a person types is never handed to FTS5 as syntax: it is read
 * here into words, prefixes (`term*`) and "exact phrases", and each becomes a quoted FTS5
 * string, so an operator (AND, OR, NOT, NEAR), a bracket, a colon or a stray quote is just
 * text. A quote left open runs to the end of the query, as people expect.
 */

export type SearchTermKind = 'word' | 'prefix' | 'phrase';

export interface SearchTerm {
  kind: SearchTermKind;
  /** As typed (for "you searched for"). */
  text: string;
  /** The tokens FTS5 will see, folded (lower case, no diacritics). */
  tokens: string[];
}

export const MAX_SEARCH_TERMS = 24;

/**
 * What FTS5's unicode61 tokenizer keeps as token characters (letters, numbers, private
 * use); everything else separates tokens. Used both to build the query and to find the
 * matches again in the masked text for highlighting.
 */
export const TOKEN_RE = /[\p{L}\p{N}\p{Co}]+/gu;

/** unicode61 with remove_diacritics 2: lower case, diacritics removed. */
export function foldToken(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function tokensOf(s: string): string[] {
  return [...s.matchAll(TOKEN_RE)].map((m) => foldToken(m[0])).filter((t) => t.length > 0);
}

/** Reads a query as typed. Throws VALIDATION_FAILED (field "query") when nothing searchable is left. */
export function parseSearchQuery(input: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  let i = 0;
  const n = input.length;
  while (i < n) {
    const ch = input[i]!;
    if (/\s/u.test(ch)) {
      i++;
      continue;
    }
    if (ch === '"') {
      const close = input.indexOf('"', i + 1);
      const end = close < 0 ? n : close;
      const text = input.slice(i + 1, end);
      const tokens = tokensOf(text);
      if (tokens.length > 0) terms.push({ kind: tokens.length === 1 ? 'word' : 'phrase', text, tokens });
      i = close < 0 ? n : close + 1;
      continue;
    }
    let end = i;
    while (end < n && !/\s/u.test(input[end]!) && input[end] !== '"') end++;
    const text = input.slice(i, end);
    i = end;
    const prefix = text.length > 1 && text.endsWith('*');
    const tokens = tokensOf(prefix ? text.slice(0, -1) : text);
    if (tokens.length === 0) continue; // punctuation or an operator sign on its own: nothing to look for
    terms.push({ kind: prefix ? 'prefix' : tokens.length === 1 ? 'word' : 'phrase', text, tokens });
  }
  if (terms.length === 0) {
    throw new OgmaError('VALIDATION_FAILED', 'Search for at least one word or number; quotes, brackets, operators and * on their own are ignored.', { field: 'query' });
  }
  if (terms.length > MAX_SEARCH_TERMS) {
    throw new OgmaError('VALIDATION_FAILED', `A search may have at most ${MAX_SEARCH_TERMS} words or phrases; narrow it with the filters instead.`, { field: 'query' });
  }
  return terms;
}

/** The FTS5 expression: every term a quoted string (tokens joined by spaces form a phrase), all required. */
export function ftsExpression(terms: readonly SearchTerm[]): string {
  return terms.map((t) => `"${t.tokens.join(' ').replace(/"/g, '""')}"${t.kind === 'prefix' ? '*' : ''}`).join(' AND ');
}

export interface SearchFilter {
  tenantId?: string | undefined;
  orgIds?: readonly string[] | undefined;
  userIds?: readonly string[] | undefined;
  roles?: readonly string[] | undefined;
  created?: RangeInput | undefined;
}

export interface SearchRow {
  rowid: number;
  tenantId: string;
  messageId: string;
  chatId: string;
  role: string;
  createdAt: string | null;
  orgId: string | null;
  userId: string;
  recordSeq: number | null;
  superseded: number;
}

function where(expr: string, f: SearchFilter): Where {
  const w = new Where().add('message_fts MATCH ?', expr).add('m.deleted_at IS NULL');
  if (f.tenantId !== undefined) w.add('m.tenant_id = ?', f.tenantId);
  if (f.orgIds) w.in('m.org_id', f.orgIds);
  if (f.userIds) w.in('s.external_id', f.userIds);
  if (f.roles) w.in('m.role', f.roles);
  if (f.created) w.range('m.created_at', textBounds(f.created));
  return w;
}

const FROM = 'FROM message_fts f JOIN messages m ON m.rowid = f.rowid JOIN subjects s ON s.id = m.subject_id';

/** An FTS5 failure on a query we built is our bug, but the user still gets a value, not a crash. */
function guardFts<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/fts5|syntax error|unterminated|no such column/i.test(msg)) {
      throw new OgmaError('VALIDATION_FAILED', 'That search could not be read; try plain words, "a phrase" or a prefix*.', { field: 'query' });
    }
    throw e;
  }
}

export class SearchReadModel {
  constructor(private readonly db: Db) {}

  count(terms: readonly SearchTerm[], f: SearchFilter): number {
    const w = where(ftsExpression(terms), f);
    return guardFts(() => this.db.prepare(`SELECT count(*) ${FROM} ${w.sql}`).pluck().get(...w.params) as number);
  }

  page(terms: readonly SearchTerm[], f: SearchFilter, sort: 'relevance' | 'newest' | 'oldest', offset: number, limit: number): SearchRow[] {
    const w = where(ftsExpression(terms), f);
    const order = sort === 'relevance' ? 'f.rank, m.rowid' : sort === 'newest' ? 'm.created_at DESC, m.rowid DESC' : 'm.created_at ASC, m.rowid ASC';
    return guardFts(
      () =>
        this.db
          .prepare(
            `SELECT m.rowid, m.tenant_id AS tenantId, m.id AS messageId, m.chat_id AS chatId, m.role, m.created_at AS createdAt, m.org_id AS orgId,
               s.external_id AS userId, m.record_seq AS recordSeq, (m.superseded_by IS NOT NULL) AS superseded
             ${FROM} ${w.sql} ORDER BY ${order} LIMIT ? OFFSET ?`,
          )
          .all(...w.params, limit, offset) as SearchRow[],
    );
  }

  /** Names to show with a hit: the organisation's and the user's (their email is masked by the service). */
  names(tenantId: string, orgId: string | null, userId: string): { orgName: string | null; userName: string | null; userEmail: string | null } {
    const org = orgId === null ? undefined : (this.db.prepare('SELECT name FROM capture_orgs WHERE tenant_id = ? AND uuid = ?').pluck().get(tenantId, orgId) as string | null | undefined);
    const user = this.db
      .prepare('SELECT full_name, email FROM capture_users WHERE tenant_id = ? AND id = ? ORDER BY org_uuid = ? DESC LIMIT 1')
      .get(tenantId, userId, orgId) as { full_name: string | null; email: string | null } | undefined;
    return { orgName: org ?? null, userName: user?.full_name ?? null, userEmail: user?.email ?? null };
  }
}
