import type { Db } from '../../vault/db';
import type { CaptureSlot } from '../types';

/**
 * Where each connected vendor of a tenant is reached (its base URL: the real vendor, or the
 * simulator) and what its key's live check proved when it was connected. Never the key.
 */

export interface CheckedKey {
  /** Scopes a successful call proved (Compliance keys). */
  scopesFound?: string[];
  scopesMissing?: string[];
  /** Organisations the Compliance key sees. */
  orgs?: Array<{ uuid: string; name: string | null }>;
  /** The Console organisation of an Admin key. */
  org?: { id: string; name: string | null };
  auditLogsReadable?: boolean;
  [k: string]: unknown;
}

export interface SourceRow {
  tenantId: string;
  slot: CaptureSlot;
  baseUrl: string;
  connectedAt: string;
  checked: CheckedKey;
}

interface Row {
  tenant_id: string;
  slot: CaptureSlot;
  base_url: string;
  connected_at: string;
  checked: string;
}

function toSource(r: Row): SourceRow {
  return { tenantId: r.tenant_id, slot: r.slot, baseUrl: r.base_url, connectedAt: r.connected_at, checked: JSON.parse(r.checked) as CheckedKey };
}

export class SourceTable {
  constructor(private readonly db: Db) {}

  upsert(s: SourceRow): void {
    this.db
      .prepare(
        `INSERT INTO capture_sources (tenant_id, slot, base_url, connected_at, checked) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (tenant_id, slot) DO UPDATE SET base_url = excluded.base_url, connected_at = excluded.connected_at, checked = excluded.checked`,
      )
      .run(s.tenantId, s.slot, s.baseUrl, s.connectedAt, JSON.stringify(s.checked));
  }

  get(tenantId: string, slot: CaptureSlot): SourceRow | null {
    const r = this.db.prepare('SELECT * FROM capture_sources WHERE tenant_id = ? AND slot = ?').get(tenantId, slot) as Row | undefined;
    return r ? toSource(r) : null;
  }

  list(tenantId?: string): SourceRow[] {
    const rows = (tenantId === undefined
      ? this.db.prepare('SELECT * FROM capture_sources ORDER BY tenant_id, slot').all()
      : this.db.prepare('SELECT * FROM capture_sources WHERE tenant_id = ? ORDER BY slot').all(tenantId)) as Row[];
    return rows.map(toSource);
  }

  remove(tenantId: string, slot: CaptureSlot): void {
    this.db.prepare('DELETE FROM capture_sources WHERE tenant_id = ? AND slot = ?').run(tenantId, slot);
  }

  /** Tenants whose Compliance key sees one of these organisations. */
  tenantsSeeingOrgs(orgUuids: readonly string[]): string[] {
    const want = new Set(orgUuids);
    const found = new Set<string>();
    for (const s of this.list()) {
      if (s.checked.orgs?.some((o) => want.has(o.uuid))) found.add(s.tenantId);
    }
    const seen = this.db.prepare('SELECT DISTINCT tenant_id FROM capture_orgs WHERE uuid = ?');
    for (const u of want) for (const t of seen.pluck().all(u) as string[]) found.add(t);
    return [...found];
  }

  pullEveryMinutes(tenantId: string): number | null {
    const v = this.db.prepare('SELECT pull_every_minutes FROM capture_settings WHERE tenant_id = ?').pluck().get(tenantId) as number | null | undefined;
    return v ?? null;
  }

  setPullEveryMinutes(tenantId: string, minutes: number | null, now: string): void {
    this.db
      .prepare(
        `INSERT INTO capture_settings (tenant_id, pull_every_minutes, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (tenant_id) DO UPDATE SET pull_every_minutes = excluded.pull_every_minutes, updated_at = excluded.updated_at`,
      )
      .run(tenantId, minutes, now);
  }

  schedules(): Array<{ tenantId: string; everyMinutes: number }> {
    return (this.db.prepare('SELECT tenant_id AS tenantId, pull_every_minutes AS everyMinutes FROM capture_settings WHERE pull_every_minutes IS NOT NULL ORDER BY tenant_id').all() as Array<{
      tenantId: string;
      everyMinutes: number;
    }>);
  }
}
