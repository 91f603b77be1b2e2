import { OgmaError } from '../../../shared/api/errors';
import { sql, type Db } from './db';

/**
 * Data about a data subject that lives outside the vault's own tables (the capture
 * engine's directory, chat state and vendor evidence) is erased by the module that owns
 * those tables, through a SubjectDataEraser handed to the vault when it is opened
 * (VaultDeps.erasers; WorkspaceService passes core/capture's). So core/vault never imports
 * the code of its clients, and their erasure runs in the same transaction as the vault's
 * own (a failure rolls all of it back).
 *
 * A forgotten eraser must not mean personal data silently kept: before erasing, the vault
 * lists every table with a tenant_id column; each must be one of the vault's own (below)
 * or claimed by an eraser, or hold no row of that tenant. Otherwise the erasure is refused
 * (INTERNAL, naming the table), and nothing is erased.
 */

export interface SubjectErasure {
  tenantId: string;
  /** The vendor user id (subjects.external_id). */
  userId: string;
  /** The vault's subject id (subjects.id). */
  subjectId: string;
  /** The subject_erased record. */
  recordSeq: number;
  at: string;
}

export interface TenantShredding {
  tenantId: string;
  /** The tenant_shredded record of the tenant's log. */
  recordSeq: number;
  at: string;
}

export interface SubjectDataEraser {
  /** The tables it answers for (a table without a subject's data is claimed too, saying so). */
  readonly tables: readonly string[];
  /** Inside the erasing transaction, after the subject_erased record: remove or irreversibly redact everything about the subject. */
  eraseSubject(db: Db, s: SubjectErasure): void;
  /** Inside the shredding transaction: remove everything of the tenant that identifies or describes a person. */
  shredTenant(db: Db, t: TenantShredding): void;
}

/**
 * Tables with a tenant_id that the vault erases itself (messages, chats, subjects,
 * credentials) or that hold nothing about a subject beyond ids its records carry: the log
 * and its heads and checkpoints, the verification resume point, the deletions register
 * (ids, member names) and review_records (record type, time and acting member, derived
 * from the log).
 */
const VAULT_TABLES: ReadonlySet<string> = new Set([
  'credentials',
  'subjects',
  'chats',
  'messages',
  'chain_records',
  'chain_heads',
  'checkpoints',
  'verify_state',
  'deletions',
  'review_records',
]);

/** Refuses (INTERNAL) when a table holds rows of the tenant that neither the vault nor an eraser erases. */
export function requireErasersCover(db: Db, erasers: readonly SubjectDataEraser[], tenantId: string): void {
  const claimed = new Set([...VAULT_TABLES, ...erasers.flatMap((e) => e.tables)]);
  const tables = sql(
    db,
    `SELECT m.name FROM sqlite_schema m WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) c WHERE c.name = 'tenant_id') ORDER BY m.name`,
    { pluck: true },
  ).all() as string[];
  const uncovered = tables.filter((t) => !claimed.has(t) && db.prepare(`SELECT 1 FROM "${t.replace(/"/g, '""')}" WHERE tenant_id = ? LIMIT 1`).get(tenantId) !== undefined);
  if (uncovered.length > 0) {
    throw new OgmaError(
      'INTERNAL',
      `Erasure refused: ${uncovered.join(', ')} hold${uncovered.length === 1 ? 's' : ''} data of tenant "${tenantId}" that no eraser removes (the workspace was opened without the capture module's eraser). Nothing was erased.`,
    );
  }
}
