import type { Db } from '../../vault/db';

/**
 * Resume points, one row per endpoint (and per parent object, e.g. the users of one org).
 * `cursor` is the walk's position after the last stored page while a walk is under way
 * (null when none is); `state` carries what survives between walks: the high-water mark
 * and the window of the walk in progress. Always written in the same transaction as the
 * page it follows, so it never runs ahead of what is stored.
 */

export interface CursorRow<S> {
  cursor: string | null;
  state: S;
}

export class CursorTable {
  constructor(
    private readonly db: Db,
    private readonly tenantId: string,
  ) {}

  load<S>(endpoint: string, initial: S): CursorRow<S> {
    const r = this.db.prepare('SELECT cursor, state FROM capture_cursors WHERE tenant_id = ? AND endpoint = ?').get(this.tenantId, endpoint) as
      | { cursor: string | null; state: string }
      | undefined;
    if (!r) return { cursor: null, state: initial };
    return { cursor: r.cursor, state: { ...initial, ...(JSON.parse(r.state) as S) } };
  }

  /** Inside the page's transaction. */
  save<S>(endpoint: string, row: CursorRow<S>, now: string): void {
    this.db
      .prepare(
        `INSERT INTO capture_cursors (tenant_id, endpoint, cursor, state, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (tenant_id, endpoint) DO UPDATE SET cursor = excluded.cursor, state = excluded.state, updated_at = excluded.updated_at`,
      )
      .run(this.tenantId, endpoint, row.cursor, JSON.stringify(row.state), now);
  }
}
