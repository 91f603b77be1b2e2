import { OgmaError } from '../../../shared/api/errors';
import { signingKeyFromPkcs8, type SigningKey } from '../chain';
import { aad, deriveKey, open, randomKey, seal, wipe, type RandomSource } from './crypto';
import { sql, type Db } from './db';

/**
 * The key hierarchy below the master key, unwrapped on demand and cached while the
 * workspace is open (wiped on close, on erasure and on shredding):
 *
 *   master -> HKDF 'ogma/wrap/tenant/v1' -> wraps each tenant key
 *   tenant key -> wraps subject keys, seals credentials and the tenant's Ed25519 key
 *
 * Every wrap's associated data names workspace, tenant (and subject), so a wrapped key
 * copied to another row does not open.
 */
export class KeyRing {
  private readonly tenantWrapKey: Buffer;
  private readonly tenants = new Map<string, Buffer>();
  private readonly subjects = new Map<string, Buffer>();
  private readonly signers = new Map<string, SigningKey>();

  constructor(
    masterKey: Buffer,
    readonly workspaceId: string,
    private readonly db: Db,
    private readonly random: RandomSource,
  ) {
    this.tenantWrapKey = deriveKey(masterKey, 'ogma/wrap/tenant/v1');
  }

  // --- tenant keys -------------------------------------------------------------------
  private tenantAad(tenantId: string): Buffer {
    return aad('ogma/tenant-key/v1', this.workspaceId, tenantId);
  }

  /** A fresh tenant key and its wrapped form (for the tenants row). The key is cached. */
  newTenantKey(tenantId: string): { key: Buffer; wrapped: Buffer } {
    const key = randomKey(this.random);
    this.tenants.set(tenantId, key);
    return { key, wrapped: seal(this.tenantWrapKey, key, this.tenantAad(tenantId), this.random) };
  }

  tenantKey(tenantId: string): Buffer {
    const cached = this.tenants.get(tenantId);
    if (cached) return cached;
    const row = sql(this.db, 'SELECT wrapped_key, shredded_at FROM tenants WHERE id = ?').get(tenantId) as { wrapped_key: Buffer | null; shredded_at: string | null } | undefined;
    if (!row) throw new OgmaError('NOT_FOUND', `No tenant "${tenantId}" in this workspace.`, { field: 'tenant' });
    if (!row.wrapped_key) {
      throw new OgmaError('DELETED', `Tenant "${tenantId}" was shredded${row.shredded_at ? ` on ${row.shredded_at}` : ''}; its keys no longer exist.`, { field: 'tenant' });
    }
    const key = open(this.tenantWrapKey, row.wrapped_key, this.tenantAad(tenantId), `The key of tenant "${tenantId}"`, { path: 'vault.db' });
    this.tenants.set(tenantId, key);
    return key;
  }

  // --- subject keys ------------------------------------------------------------------
  private subjectAad(tenantId: string, subjectId: string): Buffer {
    return aad('ogma/subject-key/v1', this.workspaceId, tenantId, subjectId);
  }

  newSubjectKey(tenantId: string, subjectId: string): { key: Buffer; wrapped: Buffer } {
    const key = randomKey(this.random);
    const wrapped = seal(this.tenantKey(tenantId), key, this.subjectAad(tenantId, subjectId), this.random);
    this.subjects.set(subjectId, key);
    return { key, wrapped };
  }

  /** The subject's key, or null once the subject was erased (its key destroyed). */
  subjectKey(tenantId: string, subjectId: string): Buffer | null {
    const cached = this.subjects.get(subjectId);
    if (cached) return cached;
    const row = sql(this.db, 'SELECT tenant_id, wrapped_key FROM subjects WHERE id = ?').get(subjectId) as { tenant_id: string; wrapped_key: Buffer | null } | undefined;
    if (!row) throw new OgmaError('NOT_FOUND', `No data subject "${subjectId}" in this workspace.`, { field: 'subject' });
    if (row.tenant_id !== tenantId) throw new OgmaError('TAMPERED', `Data subject "${subjectId}" belongs to another tenant than the record says.`, { path: 'vault.db' });
    if (!row.wrapped_key) return null;
    const key = open(this.tenantKey(tenantId), row.wrapped_key, this.subjectAad(tenantId, subjectId), `The key of data subject "${subjectId}"`, { path: 'vault.db' });
    this.subjects.set(subjectId, key);
    return key;
  }

  // --- sealing under the tenant key (credentials, signing key) ---------------------------
  sealForTenant(tenantId: string, purpose: string, plaintext: Buffer, ...context: string[]): Buffer {
    return seal(this.tenantKey(tenantId), plaintext, aad(purpose, this.workspaceId, tenantId, ...context), this.random);
  }

  openForTenant(tenantId: string, purpose: string, sealed: Buffer, what: string, ...context: string[]): Buffer {
    return open(this.tenantKey(tenantId), sealed, aad(purpose, this.workspaceId, tenantId, ...context), what, { path: 'vault.db' });
  }

  /** The tenant's checkpoint signing key (its private half is sealed under the tenant key). */
  signer(tenantId: string): SigningKey {
    const cached = this.signers.get(tenantId);
    if (cached) return cached;
    const row = sql(this.db, 'SELECT signing_key_name, sealed_signing_key FROM tenants WHERE id = ?').get(tenantId) as
      | { signing_key_name: string; sealed_signing_key: Buffer | null }
      | undefined;
    if (!row) throw new OgmaError('NOT_FOUND', `No tenant "${tenantId}" in this workspace.`, { field: 'tenant' });
    if (!row.sealed_signing_key) throw new OgmaError('DELETED', `Tenant "${tenantId}" was shredded; its log is closed and can no longer be signed.`, { field: 'tenant' });
    const pkcs8 = this.openForTenant(tenantId, 'ogma/signing-key/v1', row.sealed_signing_key, `The signing key of tenant "${tenantId}"`);
    try {
      const key = signingKeyFromPkcs8(row.signing_key_name, pkcs8);
      this.signers.set(tenantId, key);
      return key;
    } finally {
      wipe(pkcs8);
    }
  }

  // --- forgetting ------------------------------------------------------------------------
  forgetSubject(subjectId: string): void {
    wipe(this.subjects.get(subjectId));
    this.subjects.delete(subjectId);
  }

  /** Drops cached keys of a tenant and of its subjects (called when shredding, and on rollback). */
  forgetTenant(tenantId: string, subjectIds: readonly string[] = []): void {
    wipe(this.tenants.get(tenantId));
    this.tenants.delete(tenantId);
    this.signers.delete(tenantId);
    for (const s of subjectIds) this.forgetSubject(s);
  }

  /** After a rolled-back transaction a cached key may belong to a row that no longer exists. */
  forgetUncommitted(): void {
    for (const k of this.tenants.values()) wipe(k);
    for (const k of this.subjects.values()) wipe(k);
    this.tenants.clear();
    this.subjects.clear();
    this.signers.clear();
  }

  close(): void {
    this.forgetUncommitted();
    wipe(this.tenantWrapKey);
  }
}

