import { canonicalize, type JsonValue } from '../../chain';
import type { SubjectDataEraser, SubjectErasure, TenantShredding } from '../../vault';
import type { Db } from '../../vault/db';

/**
 * What the capture tables hold about a data subject, and how erasure removes it (run by
 * the vault inside the erasing transaction; see core/vault/erasure.ts and docs/vault.md).
 *
 * - capture_users: the subject's rows (email, name, role, join date) are deleted; the
 *   directory walk does not store an erased subject again (DirectoryTable.upsertUser).
 * - capture_chats: the subject's chats keep their ids (which their records carry), flags
 *   and message count; their times are cleared and erased_seq names the erasure record.
 *   The chats walk never fetches them, nor new chats of an erased subject, again.
 * - capture_messages of those chats: ids only; marked withheld (as for content deleted on
 *   purpose) so whether a message had text is not kept either.
 * - Vendor evidence (capture_activities, capture_audit_events): a row that names the
 *   subject (their user id or email address anywhere, or their full name under a name key)
 *   keeps its id, type, time, digest and record; its body becomes `{}`. The identifiers
 *   found next to the naming value (the actor's email, IP address, the vendor's other id for
 *   the same person) are added to the search, so rows naming them only by email (a login
 *   attempt) or by the other vendor's id are found too. Then every IP address of theirs is
 *   replaced by "[erased]" in any other row (a shared office address, an unattributed
 *   login), with the `<key>_details` geolocation beside it; the rest of such a row stays.
 * - capture_buckets (usage and cost reports aggregate many people): matching values are
 *   replaced by "[erased]", the rest of the bucket stays.
 * A redacted evidence row no longer matches the digest in its record; erased_seq says why.
 *
 * After erasure only the subject's user id is left (subjects.external_id): a feed or audit
 * row captured later that names that id is stored with the redacted body too
 * (EvidenceTable, `erasedMention`), its record attesting the vendor object as usual. A later
 * row naming them only by an email address or IP is not recognised: the vault no longer
 * knows those.
 *
 * Shredding a tenant deletes its rows in every capture table that can hold personal data
 * or vendor objects; sources, schedule and run summaries (copies of the signed
 * pull_completed records) stay.
 */

/** What a redacted value becomes. */
export const ERASED_VALUE = '[erased]';
/** The body of an evidence row that named an erased subject. */
export const ERASED_BODY = '{}';

const EMAIL_KEY = /email/i;
const IP_KEY = /(^|_)ip(_address)?$/i;
const ID_KEY = /^(id|user_id)$/;
const NAME_KEY = /name/i;
/** Characters that continue an id or an email address: a match must not be part of a longer one. */
const WORD = /[A-Za-z0-9._%+@-]/;

const asciiLower = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

type Json = JsonValue;
type JsonObject = { [k: string]: Json };

/** The identifiers of one subject, growing as rows that name them reveal more. */
class Identifiers {
  readonly ids = new Set<string>();
  /** ASCII-lowercased (SQLite's lower() folds ASCII only; the prefilter must find what the match finds). */
  readonly emails = new Set<string>();
  readonly names = new Set<string>();
  readonly ips = new Set<string>();

  get size(): number {
    return this.ids.size + this.emails.size + this.names.size;
  }

  addId(v: unknown): void {
    if (typeof v === 'string' && v.length >= 4) this.ids.add(v);
  }
  addEmail(v: unknown): void {
    if (typeof v === 'string' && v.includes('@')) this.emails.add(asciiLower(v.trim()));
  }
  addName(v: unknown): void {
    if (typeof v === 'string' && v.trim().length >= 3) this.names.add(asciiLower(v.trim()));
  }
  addIp(v: unknown): void {
    if (typeof v === 'string' && v.length >= 3) this.ips.add(v);
  }

  /** How `value` (under `key`) names the subject, if it does. */
  match(key: string, value: string): 'id' | 'email' | 'mention' | null {
    if (this.ids.has(value)) return 'id';
    const lower = asciiLower(value);
    if (this.emails.has(lower.trim())) return 'email';
    if (NAME_KEY.test(key) && this.names.has(lower.trim())) return 'mention';
    for (const n of this.ids) if (mentions(value, n)) return 'mention';
    for (const n of this.emails) if (mentions(lower, n)) return 'mention';
    return null;
  }

  /** SQL prefilter: rows whose body may name the subject (a superset of what match() finds). */
  prefilter(): { sql: string; params: string[] } {
    const exact = [...this.ids];
    const folded = [...this.emails, ...this.names];
    return {
      sql: [...exact.map(() => 'instr(body, ?) > 0'), ...folded.map(() => 'instr(lower(body), ?) > 0')].join(' OR '),
      params: [...exact, ...folded],
    };
  }
}

/** `needle` inside `hay`, not as part of a longer id or address. */
function mentions(hay: string, needle: string): boolean {
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) {
    const before = at === 0 ? '' : hay[at - 1]!;
    const after = hay[at + needle.length] ?? '';
    // A full stop ends a sentence ("write to erin@acme.example.") unless a longer name goes on.
    const ends = !WORD.test(after) || (after === '.' && !/[A-Za-z0-9]/.test(hay[at + needle.length + 1] ?? ''));
    if (!WORD.test(before) && ends) return true;
  }
  return false;
}

/**
 * Walks a vendor object. Each string value that names the subject is reported with the
 * object holding it; what sits beside it is harvested: email addresses and IP addresses of
 * that object and of the objects enclosing it (the actor of a session, say), and, when the
 * value was an email address, the ids of that same object (the person's id at that vendor).
 */
function visit(node: Json, idf: Identifiers, onMatch: (obj: JsonObject, key: string) => void, key = '', path: JsonObject[] = []): void {
  if (Array.isArray(node)) {
    for (const x of node) {
      if (typeof x === 'string') {
        const how = idf.match(key, x);
        if (how && path.length > 0) onMatch(path[path.length - 1]!, key);
      } else visit(x, idf, onMatch, key, path);
    }
    return;
  }
  if (node === null || typeof node !== 'object') return;
  path.push(node);
  for (const [k, v] of Object.entries(node)) {
    if (typeof v === 'string') {
      const how = idf.match(k, v);
      if (how) {
        onMatch(node, k);
        if (how !== 'mention') harvest(path, how, idf);
      }
    } else visit(v, idf, onMatch, k, path);
  }
  path.pop();
}

function harvest(path: JsonObject[], how: 'id' | 'email', idf: Identifiers): void {
  const own = path[path.length - 1]!;
  for (const obj of path) {
    for (const [k, v] of Object.entries(obj)) {
      if (EMAIL_KEY.test(k)) idf.addEmail(v);
      else if (IP_KEY.test(k)) idf.addIp(v);
      else if (how === 'email' && obj === own && ID_KEY.test(k)) idf.addId(v);
    }
  }
}

/** Replaces every string equal to one of `ips` by ERASED_VALUE (and clears `<key>_details` beside it); true when something changed. */
function redactIps(node: Json, ips: ReadonlySet<string>): boolean {
  let changed = false;
  if (Array.isArray(node)) {
    node.forEach((x, i) => {
      if (typeof x === 'string' && ips.has(x)) {
        node[i] = ERASED_VALUE;
        changed = true;
      } else if (x !== null && typeof x === 'object') changed = redactIps(x, ips) || changed;
    });
    return changed;
  }
  if (node === null || typeof node !== 'object') return false;
  for (const [k, v] of Object.entries(node)) {
    if (typeof v === 'string' && ips.has(v)) {
      node[k] = ERASED_VALUE;
      if (`${k}_details` in node) node[`${k}_details`] = null;
      changed = true;
    } else if (v !== null && typeof v === 'object') changed = redactIps(v, ips) || changed;
  }
  return changed;
}

/** Replaces every string value that names the subject by ERASED_VALUE; true when something changed. */
function redactValues(node: Json, idf: Identifiers): boolean {
  let changed = false;
  visit(node, idf, (obj, key) => {
    const v = obj[key];
    if (typeof v === 'string') obj[key] = ERASED_VALUE;
    else if (Array.isArray(v)) obj[key] = v.map((x) => (typeof x === 'string' && idf.match(key, x) ? ERASED_VALUE : x));
    changed = true;
  });
  return changed;
}

/** The erasure record of the first erased subject (user id -> erased_seq) that `body` names, or null. */
export function erasedMention(body: string, erased: ReadonlyMap<string, number>): number | null {
  for (const [id, seq] of erased) if (mentions(body, id)) return seq;
  return null;
}

/** Evidence tables: what a naming row loses. */
const EVIDENCE: readonly { table: string; naming: 'row' | 'values' }[] = [
  { table: 'capture_activities', naming: 'row' },
  { table: 'capture_audit_events', naming: 'row' },
  { table: 'capture_buckets', naming: 'values' },
];

function parse(body: string): Json | undefined {
  try {
    return JSON.parse(body) as Json;
  } catch {
    return undefined; // not ours to judge; a body that is not JSON names nobody we can find
  }
}

function eraseEvidence(db: Db, tenantId: string, idf: Identifiers, seq: number): void {
  // Rows that name the subject, until no row reveals a new identifier of theirs.
  for (let round = 0; round < 8; round++) {
    const before = idf.size;
    for (const { table, naming } of EVIDENCE) {
      const f = idf.prefilter();
      if (!f.sql) continue;
      const rows = db.prepare(`SELECT rowid, body FROM ${table} WHERE tenant_id = ? AND (${f.sql})`).all(tenantId, ...f.params) as { rowid: number; body: string }[];
      const update = db.prepare(`UPDATE ${table} SET body = ?, erased_seq = coalesce(erased_seq, ?) WHERE rowid = ?`);
      for (const r of rows) {
        const value = parse(r.body);
        if (value === undefined) continue;
        if (naming === 'row') {
          let named = false;
          visit(value, idf, () => {
            named = true;
          });
          if (named) update.run(ERASED_BODY, seq, r.rowid);
        } else if (redactValues(value, idf)) {
          update.run(canonicalize(value), seq, r.rowid);
        }
      }
    }
    if (idf.size === before) break;
  }
  // Their IP addresses wherever else they appear.
  if (idf.ips.size === 0) return;
  const needles = [...idf.ips].map((ip) => JSON.stringify(ip));
  for (const { table } of EVIDENCE) {
    const rows = db.prepare(`SELECT rowid, body FROM ${table} WHERE tenant_id = ? AND (${needles.map(() => 'instr(body, ?) > 0').join(' OR ')})`).all(tenantId, ...needles) as {
      rowid: number;
      body: string;
    }[];
    const update = db.prepare(`UPDATE ${table} SET body = ?, erased_seq = coalesce(erased_seq, ?) WHERE rowid = ?`);
    for (const r of rows) {
      const value = parse(r.body);
      if (value !== undefined && redactIps(value, idf.ips)) update.run(canonicalize(value), seq, r.rowid);
    }
  }
}

/** Every capture table (claimed for the vault's check); the comments say what each holds. */
const CAPTURE_TABLES = [
  'capture_sources', // vendor base URLs and what the live key check proved (scopes, organisations)
  'capture_settings', // the pull schedule
  'capture_cursors', // resume points: vendor page tokens and times
  'capture_runs', // pull summaries: copies of the signed pull_completed records (ids, counts, cursors)
  'capture_orgs', // organisations
  'capture_users', // the directory: email, full name, role
  'capture_chats',
  'capture_messages',
  'capture_activities',
  'capture_buckets',
  'capture_audit_events',
] as const;

/** Tables shredding empties for the tenant (all but sources, settings and runs). */
const SHREDDED: readonly string[] = CAPTURE_TABLES.filter((t) => t !== 'capture_sources' && t !== 'capture_settings' && t !== 'capture_runs');

export const captureErasure: SubjectDataEraser = {
  tables: CAPTURE_TABLES,

  eraseSubject(db: Db, s: SubjectErasure): void {
    const idf = new Identifiers();
    idf.ids.add(s.userId); // whatever its length (harvested ids must look like ids)
    const users = db.prepare('SELECT email, full_name FROM capture_users WHERE tenant_id = ? AND id = ?').all(s.tenantId, s.userId) as { email: string | null; full_name: string | null }[];
    for (const u of users) {
      idf.addEmail(u.email);
      idf.addName(u.full_name);
    }
    db.prepare('DELETE FROM capture_users WHERE tenant_id = ? AND id = ?').run(s.tenantId, s.userId);
    db.prepare(
      `UPDATE capture_messages SET status = 'withheld', reason = 'withheld'
       WHERE tenant_id = ? AND chat_id IN (SELECT id FROM capture_chats WHERE tenant_id = ? AND user_id = ?)`,
    ).run(s.tenantId, s.tenantId, s.userId);
    db.prepare('UPDATE capture_chats SET created_at = NULL, updated_at = NULL, deleted_at = NULL, erased_seq = coalesce(erased_seq, ?) WHERE tenant_id = ? AND user_id = ?').run(
      s.recordSeq,
      s.tenantId,
      s.userId,
    );
    eraseEvidence(db, s.tenantId, idf, s.recordSeq);
  },

  shredTenant(db: Db, t: TenantShredding): void {
    for (const table of SHREDDED) db.prepare(`DELETE FROM ${table} WHERE tenant_id = ?`).run(t.tenantId);
  },
};
