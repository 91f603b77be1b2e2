import { sql, type Db } from './db';

/**
 * Full-text search over message text, inside the encrypted database. The FTS5 table is
 * contentless (content='') so it never stores the text itself, only the index; with
 * contentless_delete=1 a row can be deleted by rowid alone, and 'secure-delete' (set in
 * migration 001) makes that delete remove the row's terms from the index b-tree rather
 * than leave tombstones. Erasure then runs 'optimize' and a WAL checkpoint(TRUNCATE), and
 * SQLite's secure_delete zeroes the freed pages (see docs/vault.md, Erasure).
 */
export class SearchIndex {
  constructor(private readonly db: Db) {}

  add(rowid: number, text: string): void {
    sql(this.db, 'INSERT INTO message_fts (rowid, body) VALUES (?, ?)').run(rowid, text);
  }

  remove(rowids: readonly number[]): void {
    const del = sql(this.db, 'DELETE FROM message_fts WHERE rowid = ?');
    for (const r of rowids) del.run(r);
  }

  /** Merges all index segments into one, dropping what deletes left behind. */
  optimize(): void {
    sql(this.db, `INSERT INTO message_fts (message_fts) VALUES ('optimize')`).run();
  }

  /** Row ids of messages whose text has every word of `query` (words are matched as tokens, prefix with a trailing *). */
  match(query: string, limit: number): number[] {
    const expr = toMatchExpression(query);
    if (!expr) return [];
    return sql(this.db, 'SELECT rowid FROM message_fts WHERE message_fts MATCH ? ORDER BY rank LIMIT ?', { pluck: true }).all(expr, limit) as number[];
  }
}

/** User text to an FTS5 expression: each word a quoted string (so operators in it are inert), ANDed. */
export function toMatchExpression(query: string): string {
  const words = query.split(/\s+/u).filter((w) => w.length > 0);
  return words
    .map((w) => {
      const prefix = w.endsWith('*') && w.length > 1;
      const core = prefix ? w.slice(0, -1) : w;
      return `"${core.replace(/"/g, '""')}"${prefix ? '*' : ''}`;
    })
    .join(' ');
}
