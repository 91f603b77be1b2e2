import { OgmaError } from '../../../shared/api/errors';
import { generateSigningKey } from '../chain';
import { wipe } from './crypto';
import { checkId, newId, stamp, WORKSPACE_TENANT, type VaultContext } from './context';
import type { ChainStore } from './chainstore';
import { sql } from './db';

/**
 * Tenants (one per connected organisation, plus the 'workspace' pseudo-tenant) and the
 * data subjects under them. Creating a tenant makes its key, its Ed25519 checkpoint key
 * (private half sealed under the tenant key, public half in clear) and the first record
 * of its log; creating a subject makes the subject key that will seal its content.
 */

export interface TenantInfo {
  id: string;
  vendor: string;
  name: string;
  orgId: string | null;
  createdAt: string;
  /** Key name and log origin used in its signed checkpoints. */
  origin: string;
  signingPublicKey: Buffer;
  shredded: { at: string; by: string; recordSeq: number } | null;
}

export interface SubjectInfo {
  id: string;
  tenantId: string;
  externalId: string;
  createdAt: string;
  erased: { at: string; by: string; recordSeq: number } | null;
}

interface TenantRow {
  id: string;
  vendor: string;
  name: string;
  org_id: string | null;
  created_at: string;
  signing_key_name: string;
  signing_public_key: Buffer;
  shredded_at: string | null;
  shredded_by: string | null;
  shred_seq: number | null;
}
interface SubjectRow {
  id: string;
  tenant_id: string;
  external_id: string;
  created_at: string;
  erased_at: string | null;
  erased_by: string | null;
  erased_seq: number | null;
}

export function logOrigin(workspaceId: string, tenantId: string): string {
  return `ogma.local/${workspaceId}/${tenantId}`;
}

export class TenantStore {
  constructor(
    private readonly ctx: VaultContext,
    private readonly chain: ChainStore,
  ) {}

  /**
   * Call inside a transaction. The tenant's log starts with tenant_created and the
   * workspace log notes it too; the workspace's own log starts with workspace_created.
   */
  create(input: { id?: string; vendor: string; name: string; orgId?: string }, actor: string, extraBody: Record<string, string> = {}): TenantInfo {
    const { db, keys, workspaceId } = this.ctx;
    const id = input.id ?? newId('t', this.ctx.random, 8);
    checkId(id, 'Tenant id', 'tenant');
    if (id === WORKSPACE_TENANT && input.vendor !== 'ogma') throw new OgmaError('VALIDATION_FAILED', `"${WORKSPACE_TENANT}" is reserved for the workspace's own log.`, { field: 'tenant' });
    if (!input.name?.trim()) throw new OgmaError('VALIDATION_FAILED', 'A tenant needs a name people recognise (the organisation name).', { field: 'name' });
    if (sql(db, 'SELECT 1 FROM tenants WHERE id = ?').get(id)) throw new OgmaError('ALREADY_EXISTS', `Tenant "${id}" already exists in this workspace.`, { field: 'tenant' });
    const origin = logOrigin(workspaceId, id);
    const { wrapped } = keys.newTenantKey(id);
    const signing = generateSigningKey(origin);
    try {
      const sealedSigning = keys.sealForTenant(id, 'ogma/signing-key/v1', signing.privateKeyPkcs8);
      sql(db, 
        `INSERT INTO tenants (id, vendor, name, org_id, wrapped_key, signing_key_name, signing_public_key, sealed_signing_key, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(id, input.vendor, input.name, input.orgId ?? null, wrapped, origin, signing.publicKey, sealedSigning, stamp(this.ctx.clock));
    } finally {
      wipe(signing.privateKeyPkcs8);
    }
    const body = { ...extraBody, tenant: id, vendor: input.vendor, name: input.name, orgId: input.orgId ?? null, publicKey: signing.publicKey.toString('base64') };
    if (id === WORKSPACE_TENANT) {
      this.chain.append(id, 'workspace_created', body, actor);
    } else {
      this.chain.append(id, 'tenant_created', body, actor);
      this.chain.append(WORKSPACE_TENANT, 'tenant_created', body, actor);
    }
    return this.get(id);
  }

  get(id: string): TenantInfo {
    const row = sql(this.ctx.db, 'SELECT * FROM tenants WHERE id = ?').get(id) as TenantRow | undefined;
    if (!row) throw new OgmaError('NOT_FOUND', `No tenant "${id}" in this workspace.`, { field: 'tenant' });
    return toTenant(row);
  }

  list(): TenantInfo[] {
    return (sql(this.ctx.db, 'SELECT * FROM tenants ORDER BY created_at, id').all() as TenantRow[]).map(toTenant);
  }

  /** A live (not shredded) tenant, or a DELETED error saying when and by whom it was shredded. */
  requireLive(id: string): TenantInfo {
    const t = this.get(id);
    if (t.shredded) throw new OgmaError('DELETED', `Tenant "${id}" was shredded on ${t.shredded.at} by ${t.shredded.by}, record #${t.shredded.recordSeq}.`, { field: 'tenant', seq: t.shredded.recordSeq });
    return t;
  }

  findSubject(tenantId: string, externalId: string): SubjectInfo | null {
    const row = sql(this.ctx.db, 'SELECT * FROM subjects WHERE tenant_id = ? AND external_id = ?').get(tenantId, externalId) as SubjectRow | undefined;
    return row ? toSubject(row) : null;
  }

  subject(id: string): SubjectInfo {
    const row = sql(this.ctx.db, 'SELECT * FROM subjects WHERE id = ?').get(id) as SubjectRow | undefined;
    if (!row) throw new OgmaError('NOT_FOUND', `No data subject "${id}" in this workspace.`, { field: 'subject' });
    return toSubject(row);
  }

  /** The subject for a vendor user id, created (with a fresh key) on first sight. Inside a transaction. */
  ensureSubject(tenantId: string, externalId: string): SubjectInfo {
    if (typeof externalId !== 'string' || externalId.length === 0) throw new OgmaError('VALIDATION_FAILED', 'A data subject needs the vendor user id it stands for.', { field: 'userId' });
    const found = this.findSubject(tenantId, externalId);
    if (found) {
      if (found.erased) {
        throw new OgmaError(
          'DELETED',
          `Data subject "${externalId}" was erased on ${found.erased.at} by ${found.erased.by}, record #${found.erased.recordSeq}; new content for them is not captured.`,
          { field: 'userId', seq: found.erased.recordSeq },
        );
      }
      return found;
    }
    this.requireLive(tenantId);
    const id = newId('s', this.ctx.random);
    const { wrapped } = this.ctx.keys.newSubjectKey(tenantId, id);
    sql(this.ctx.db, 'INSERT INTO subjects (id, tenant_id, external_id, wrapped_key, created_at) VALUES (?, ?, ?, ?, ?)').run(id, tenantId, externalId, wrapped, stamp(this.ctx.clock));
    return this.subject(id);
  }

  subjectsOf(tenantId: string): SubjectInfo[] {
    return (sql(this.ctx.db, 'SELECT * FROM subjects WHERE tenant_id = ? ORDER BY created_at, id').all(tenantId) as SubjectRow[]).map(toSubject);
  }
}

function toTenant(r: TenantRow): TenantInfo {
  return {
    id: r.id,
    vendor: r.vendor,
    name: r.name,
    orgId: r.org_id,
    createdAt: r.created_at,
    origin: r.signing_key_name,
    signingPublicKey: r.signing_public_key,
    shredded: r.shredded_at ? { at: r.shredded_at, by: r.shredded_by ?? 'unknown', recordSeq: r.shred_seq ?? -1 } : null,
  };
}

function toSubject(r: SubjectRow): SubjectInfo {
  return {
    id: r.id,
    tenantId: r.tenant_id,
    externalId: r.external_id,
    createdAt: r.created_at,
    erased: r.erased_at ? { at: r.erased_at, by: r.erased_by ?? 'unknown', recordSeq: r.erased_seq ?? -1 } : null,
  };
}
