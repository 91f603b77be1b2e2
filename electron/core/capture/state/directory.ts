import type { Db } from '../../vault/db';
import type { Organization, OrgUser } from '../../sources';

/**
 * Organisations and members as last listed: the directory the content hangs off. Not chained
 * (no content). A member who was erased as a data subject is not stored again (erasure.ts).
 */
export class DirectoryTable {
  private readonly erased;

  constructor(
    private readonly db: Db,
    private readonly tenantId: string,
  ) {
    this.erased = db.prepare('SELECT 1 FROM subjects WHERE tenant_id = ? AND external_id = ? AND erased_seq IS NOT NULL');
  }

  upsertOrg(o: Organization, runId: string, now: string): boolean {
    const r = this.db
      .prepare(
        `INSERT INTO capture_orgs (tenant_id, uuid, name, created_at, first_seen_at, last_seen_run) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (tenant_id, uuid) DO UPDATE SET name = excluded.name, created_at = excluded.created_at, last_seen_run = excluded.last_seen_run`,
      )
      .run(this.tenantId, o.uuid, o.name ?? null, o.created_at ?? null, now, runId);
    return r.changes > 0;
  }

  upsertUser(orgUuid: string, u: OrgUser, runId: string, now: string): void {
    if (this.erased.get(this.tenantId, u.id) !== undefined) return;
    this.db
      .prepare(
        `INSERT INTO capture_users (tenant_id, org_uuid, id, email, full_name, role, created_at, first_seen_at, last_seen_run) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (tenant_id, org_uuid, id) DO UPDATE SET email = excluded.email, full_name = excluded.full_name, role = excluded.role,
           created_at = excluded.created_at, last_seen_run = excluded.last_seen_run`,
      )
      .run(this.tenantId, orgUuid, u.id, u.email ?? null, u.full_name ?? null, u.organization_role ?? null, u.created_at ?? null, now, runId);
  }

  orgUuids(): string[] {
    return this.db.prepare('SELECT uuid FROM capture_orgs WHERE tenant_id = ? ORDER BY created_at, uuid').pluck().all(this.tenantId) as string[];
  }

  count(): { orgs: number; users: number } {
    const orgs = this.db.prepare('SELECT count(*) FROM capture_orgs WHERE tenant_id = ?').pluck().get(this.tenantId) as number;
    const users = this.db.prepare('SELECT count(*) FROM capture_users WHERE tenant_id = ?').pluck().get(this.tenantId) as number;
    return { orgs, users };
  }
}
