import type { Org, Tenant } from '../../model/entities';
import type { SimKey } from '../../model/keys';

/** Who is calling the Compliance API: the key, its parent org, and the scopes it holds now. */
export interface CompliancePrincipal {
  key: SimKey;
  tenant: Tenant;
  held: string[];
}

/** Orgs the key can see: the whole parent, or its one org for a one-org key. */
export function visibleOrgs(p: CompliancePrincipal): Org[] {
  return p.key.orgUuid ? p.tenant.orgs.filter((o) => o.uuid === p.key.orgUuid) : p.tenant.orgs;
}

export function orgVisible(p: CompliancePrincipal, orgUuid: string | null): boolean {
  return orgUuid === null || !p.key.orgUuid || p.key.orgUuid === orgUuid;
}

/** `organization_ids[]` accepts `org_…` ids and UUIDs alike; returns the UUID set or null (no filter). */
export function orgFilter(p: CompliancePrincipal, refs: string[]): Set<string> | null {
  if (refs.length === 0) return null;
  const out = new Set<string>();
  for (const ref of refs) {
    const org = p.tenant.orgs.find((o) => o.uuid === ref || o.id === ref);
    out.add(org ? org.uuid : `unknown:${ref}`);
  }
  return out;
}
