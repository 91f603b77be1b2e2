import { COMPLIANCE_SCOPES as S } from '../types';
import type { SimKey } from '../model/keys';
import type { Tenant } from '../model/entities';

/** Python list repr, as the Compliance API prints scopes: ['a', 'b'] / []. */
export function pyList(items: readonly string[]): string {
  return `[${items.map((s) => `'${s}'`).join(', ')}]`;
}

export function missingScopesMessage(held: readonly string[], needed: readonly string[]): string {
  return `Missing required scopes. Got: ${pyList(held)} Needed: ${pyList(needed)}`;
}

/**
 * The compliance scopes a key effectively holds right now.
 * - Compliance Access Key: its scopes, but only while the tenant is on Enterprise. A
 *   non-Enterprise org cannot hold compliance scopes, so it shows `Got: []` (reference §14,
 *   [inferred]; we choose the 403 form the reference recommends for a "plan error").
 * - Admin key: `read:compliance_activities` only, and only if it was made after the API
 *   was enabled, on an Enterprise parent or a standalone Console org.
 */
export function heldComplianceScopes(key: SimKey, tenant: Tenant): string[] {
  if (key.kind === 'compliance') return tenant.plan === 'enterprise' ? [...key.scopes] : [];
  if (key.kind === 'admin') return key.createdAfterEnablement && (tenant.plan === 'enterprise' || tenant.plan === 'console') ? [S.activities] : [];
  return [];
}

/** `read:org_audit` is the catch-all read scope; it never grants deletes. */
export function grants(held: readonly string[], needed: string): boolean {
  return held.includes(needed) || (needed.startsWith('read:') && held.includes(S.orgAudit));
}

export function bearerToken(authorization: string | undefined): string | null {
  if (!authorization) return null;
  const m = /^Bearer\s+(.*)$/i.exec(authorization.trim());
  return m ? (m[1] ?? '').trim() : null;
}
