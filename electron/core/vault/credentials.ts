import { OgmaError } from '../../../shared/api/errors';
import { wipe } from './crypto';
import { stamp, type VaultContext } from './context';
import type { ChainStore } from './chainstore';
import type { TenantStore } from './tenants';
import { sql } from './db';

/**
 * Vendor credentials (API keys), sealed with AES-256-GCM under the tenant key with
 * associated data = tenant + kind. There is deliberately no call that returns a secret:
 * `use` lends it to a callback as a Buffer and wipes it when the callback settles.
 * Records (key_connected, key_rotated, key_forgotten) name only the kind: no fingerprint,
 * no prefix, nothing derived from the secret.
 */

const PURPOSE = 'ogma/credential/v1';
const KIND_RE = /^[a-z0-9][a-z0-9_.:-]{0,63}$/;

export interface CredentialInfo {
  tenantId: string;
  kind: string;
  sealedAt: string;
  rotatedAt: string | null;
}

export class CredentialStore {
  constructor(
    private readonly ctx: VaultContext,
    private readonly tenants: TenantStore,
    private readonly chain: ChainStore,
  ) {}

  /** Seals a new credential (inside a transaction). The caller's Buffer is wiped. */
  seal(tenantId: string, kind: string, secret: Buffer, actor: string): CredentialInfo {
    try {
      checkKind(kind);
      this.tenants.requireLive(tenantId);
      if (this.find(tenantId, kind)) throw new OgmaError('ALREADY_EXISTS', `Tenant "${tenantId}" already has a "${kind}" credential; rotate it instead.`, { field: 'kind' });
      checkSecret(secret);
      const sealed = this.ctx.keys.sealForTenant(tenantId, PURPOSE, secret, kind);
      sql(this.ctx.db, 'INSERT INTO credentials (tenant_id, kind, sealed, sealed_at) VALUES (?, ?, ?, ?)').run(tenantId, kind, sealed, stamp(this.ctx.clock));
      this.chain.append(tenantId, 'key_connected', { kind }, actor);
      return this.describe(tenantId, kind);
    } finally {
      wipe(secret);
    }
  }

  /** Replaces the sealed secret in place and records the rotation. The caller's Buffer is wiped. */
  rotate(tenantId: string, kind: string, secret: Buffer, actor: string): CredentialInfo {
    try {
      this.require(tenantId, kind);
      checkSecret(secret);
      const sealed = this.ctx.keys.sealForTenant(tenantId, PURPOSE, secret, kind);
      sql(this.ctx.db, 'UPDATE credentials SET sealed = ?, rotated_at = ? WHERE tenant_id = ? AND kind = ?').run(sealed, stamp(this.ctx.clock), tenantId, kind);
      this.chain.append(tenantId, 'key_rotated', { kind }, actor);
      return this.describe(tenantId, kind);
    } finally {
      wipe(secret);
    }
  }

  forget(tenantId: string, kind: string, actor: string): void {
    this.require(tenantId, kind);
    sql(this.ctx.db, 'DELETE FROM credentials WHERE tenant_id = ? AND kind = ?').run(tenantId, kind);
    this.chain.append(tenantId, 'key_forgotten', { kind }, actor);
  }

  /**
   * Lends the secret to `fn`. The plaintext exists only for the callback's duration and
   * is overwritten afterwards, whether it resolved or threw; fn must not keep it.
   */
  async use<T>(tenantId: string, kind: string, fn: (secret: Buffer) => Promise<T> | T): Promise<T> {
    const row = this.require(tenantId, kind);
    const secret = this.ctx.keys.openForTenant(tenantId, PURPOSE, row.sealed, `The "${kind}" credential of tenant "${tenantId}"`, kind);
    try {
      return await fn(secret);
    } finally {
      wipe(secret);
    }
  }

  describe(tenantId: string, kind: string): CredentialInfo {
    const row = this.require(tenantId, kind);
    return { tenantId, kind, sealedAt: row.sealed_at, rotatedAt: row.rotated_at };
  }

  list(tenantId?: string): CredentialInfo[] {
    const rows = (
      tenantId === undefined
        ? sql(this.ctx.db, 'SELECT tenant_id, kind, sealed_at, rotated_at FROM credentials ORDER BY tenant_id, kind').all()
        : sql(this.ctx.db, 'SELECT tenant_id, kind, sealed_at, rotated_at FROM credentials WHERE tenant_id = ? ORDER BY kind').all(tenantId)
    ) as { tenant_id: string; kind: string; sealed_at: string; rotated_at: string | null }[];
    return rows.map((r) => ({ tenantId: r.tenant_id, kind: r.kind, sealedAt: r.sealed_at, rotatedAt: r.rotated_at }));
  }

  private find(tenantId: string, kind: string) {
    return sql(this.ctx.db, 'SELECT sealed, sealed_at, rotated_at FROM credentials WHERE tenant_id = ? AND kind = ?').get(tenantId, kind) as
      | { sealed: Buffer; sealed_at: string; rotated_at: string | null }
      | undefined;
  }

  private require(tenantId: string, kind: string) {
    checkKind(kind);
    const row = this.find(tenantId, kind);
    if (!row) throw new OgmaError('NOT_FOUND', `Tenant "${tenantId}" has no "${kind}" credential. Connect one first.`, { field: 'kind' });
    return row;
  }
}

function checkKind(kind: string): void {
  if (typeof kind !== 'string' || !KIND_RE.test(kind)) {
    throw new OgmaError('VALIDATION_FAILED', `"${String(kind)}" is not a credential kind (lowercase letters, digits and _ . : -, e.g. "anthropic_compliance").`, { field: 'kind' });
  }
}

function checkSecret(secret: Buffer): void {
  if (!Buffer.isBuffer(secret) || secret.length === 0) throw new OgmaError('VALIDATION_FAILED', 'The credential is empty.', { field: 'secret' });
}
