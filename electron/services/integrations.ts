import { OgmaError } from '../../shared/api/errors';
import { makeClient, RunTable, SourceTable, type CaptureSlot, type CheckedKey, type ClientFor, type PullStatus } from '../core/capture';
import {
  ANTHROPIC_BASE_URL,
  checkAnthropicAdminKey,
  checkAnthropicComplianceKey,
  checkKeyPlacement,
  checkOpenAIAdminKey,
  classifyKey,
  OPENAI_BASE_URL,
  systemClock,
  type ClassifiedKey,
  type Clock,
  type FetchLike,
  type KeyCleanup,
  type RetryPolicy,
  type SourceClientOptions,
} from '../core/sources';
import { WORKSPACE_TENANT, type Vault } from '../core/vault';
import type { WorkspaceService } from './workspace';

/**
 * Connecting, rotating and forgetting vendor keys. A key is classified by its shape first
 * (a key in the wrong slot is explained without any call), then proven by a live check
 * (the Compliance key must be Enterprise and hold both read scopes), and only then sealed
 * in the vault with a key_connected (or key_rotated) record; a failure at any step leaves
 * the workspace untouched. The key is never returned, logged or stored unsealed: the
 * result carries only its hint (prefix and last four characters).
 */

/** What the vendor clients need from the host: HTTP, time, and how hard to try. */
export interface SourceDeps {
  fetch?: FetchLike;
  /** Time for the HTTP layer (timeouts, backoff, rate pacing); tests pass a fast clock. */
  sourceClock?: Clock;
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
}

export interface ConnectKeyInput {
  slot: CaptureSlot;
  /** The key as pasted; whitespace, quotes and a Bearer prefix are tidied away. */
  key: string;
  /** Attach to this tenant; by default the tenant is found from what the key sees, or created. */
  tenantId?: string;
  /** Where the vendor is reached (default: the real vendor; the simulator's URL in tests and demos). */
  baseUrl?: string;
  signal?: AbortSignal;
}

export interface ConnectKeyResult {
  tenantId: string;
  tenantName: string;
  tenantCreated: boolean;
  slot: CaptureSlot;
  action: 'connected' | 'rotated';
  keyHint: string;
  cleanup: KeyCleanup[];
  baseUrl: string;
  /** Seq of the key_connected / key_rotated record. */
  recordSeq: number;
  /** What the live check proved (scopes, organisations), never the key. */
  checked: CheckedKey;
}

export interface SlotInfo {
  slot: CaptureSlot;
  baseUrl: string;
  connectedAt: string;
  sealedAt: string;
  rotatedAt: string | null;
  checked: CheckedKey;
}

export interface TenantIntegrations {
  tenantId: string;
  name: string;
  slots: SlotInfo[];
  lastPull: { runId: string; status: PullStatus | 'running' | 'interrupted'; startedAt: string; finishedAt: string | null } | null;
  pullEveryMinutes: number | null;
}

export const DEFAULT_BASE_URL: Record<CaptureSlot, string> = {
  'anthropic-compliance': ANTHROPIC_BASE_URL,
  'anthropic-admin': ANTHROPIC_BASE_URL,
  openai: OPENAI_BASE_URL,
};

const SLOT_VENDOR: Record<CaptureSlot, string> = { 'anthropic-compliance': 'anthropic', 'anthropic-admin': 'anthropic', openai: 'openai' };

interface LiveResult {
  checked: CheckedKey;
  tenantName: string;
  orgId: string | null;
  /** Organisation ids that identify the tenant (for finding it again). */
  orgIds: string[];
}

export function checkBaseUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new OgmaError('VALIDATION_FAILED', `"${url}" is not a URL; give the vendor's base URL, e.g. ${ANTHROPIC_BASE_URL}.`, { field: 'baseUrl' });
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new OgmaError('VALIDATION_FAILED', `The base URL must be http(s), not ${u.protocol}.`, { field: 'baseUrl' });
  if (u.username || u.password) throw new OgmaError('VALIDATION_FAILED', 'The base URL must not carry credentials.', { field: 'baseUrl' });
  return url.replace(/\/+$/, '');
}

export class IntegrationsService {
  constructor(
    private readonly workspace: WorkspaceService,
    private readonly deps: SourceDeps = {},
  ) {}

  private get vault(): Vault {
    return this.workspace.vault;
  }

  async connectKey(input: ConnectKeyInput): Promise<ConnectKeyResult> {
    const vault = this.vault;
    this.requireAdmin(vault, 'connect_key', input.slot);
    const classified = classifyKey(input.key);
    const refused = checkKeyPlacement(input.slot, classified);
    if (refused) throw refused;
    const sources = new SourceTable(vault.db);
    const named = input.tenantId !== undefined ? this.requireTenant(vault, input.tenantId) : null;
    const baseUrl = checkBaseUrl(input.baseUrl ?? (named ? sources.get(named, input.slot)?.baseUrl : undefined) ?? DEFAULT_BASE_URL[input.slot]);

    const live = await this.liveCheck(input.slot, classified, baseUrl, input.signal);

    // Only a key that passed its live check is sealed; nothing was written before this point.
    const tenantId = named ?? this.findTenant(vault, input.slot, live);
    const now = new Date((this.deps.sourceClock ?? systemClock).now()).toISOString();
    const actor = vault.member.name;
    return vault.transaction(() => {
      let id = tenantId;
      let created = false;
      if (id === null) {
        id = vault.tenants.create({ vendor: SLOT_VENDOR[input.slot], name: live.tenantName, ...(live.orgId ? { orgId: live.orgId } : {}) }, actor).id;
        created = true;
      }
      const had = vault.credentials.list(id).some((c) => c.kind === input.slot);
      const secret = Buffer.from(classified.key.reveal(), 'utf8');
      if (had) vault.credentials.rotate(id, input.slot, secret, actor);
      else vault.credentials.seal(id, input.slot, secret, actor);
      sources.upsert({ tenantId: id, slot: input.slot, baseUrl, connectedAt: now, checked: live.checked });
      const tenant = vault.tenants.get(id);
      return {
        tenantId: id,
        tenantName: tenant.name,
        tenantCreated: created,
        slot: input.slot,
        action: had ? 'rotated' : 'connected',
        keyHint: classified.hint,
        cleanup: classified.cleanup,
        baseUrl,
        recordSeq: vault.chain.head(id).size - 1,
        checked: live.checked,
      } satisfies ConnectKeyResult;
    });
  }

  /** Removes the sealed key (key_forgotten); cursors and everything captured stay. */
  forgetKey(input: { tenantId: string; slot: CaptureSlot }): { tenantId: string; slot: CaptureSlot; recordSeq: number } {
    const vault = this.vault;
    this.requireAdmin(vault, 'forget_key', input.slot);
    this.requireTenant(vault, input.tenantId);
    return vault.transaction(() => {
      vault.credentials.forget(input.tenantId, input.slot, vault.member.name);
      new SourceTable(vault.db).remove(input.tenantId, input.slot);
      return { tenantId: input.tenantId, slot: input.slot, recordSeq: vault.chain.head(input.tenantId).size - 1 };
    });
  }

  /** Where a connected vendor is reached from now on (e.g. the simulator). */
  setBaseUrl(input: { tenantId: string; slot: CaptureSlot; baseUrl: string }): void {
    const vault = this.vault;
    this.requireAdmin(vault, 'set_base_url', input.slot);
    const sources = new SourceTable(vault.db);
    const row = sources.get(input.tenantId, input.slot);
    if (!row) throw new OgmaError('NOT_FOUND', `Tenant "${input.tenantId}" has no "${input.slot}" key connected.`, { field: 'slot' });
    vault.transaction(() => sources.upsert({ ...row, baseUrl: checkBaseUrl(input.baseUrl) }));
  }

  /** Every tenant with what is connected and how its last pull went. No secrets. */
  list(): TenantIntegrations[] {
    const vault = this.vault;
    const sources = new SourceTable(vault.db);
    const runs = new RunTable(vault.db);
    return vault.tenants
      .list()
      .filter((t) => t.id !== WORKSPACE_TENANT)
      .map((t) => {
        const creds = new Map(vault.credentials.list(t.id).map((c) => [c.kind, c]));
        const slots: SlotInfo[] = sources
          .list(t.id)
          .filter((s) => creds.has(s.slot))
          .map((s) => ({ slot: s.slot, baseUrl: s.baseUrl, connectedAt: s.connectedAt, sealedAt: creds.get(s.slot)!.sealedAt, rotatedAt: creds.get(s.slot)!.rotatedAt, checked: s.checked }));
        const last = runs.latest(t.id);
        return {
          tenantId: t.id,
          name: t.name,
          slots,
          lastPull: last ? { runId: last.id, status: last.status, startedAt: last.startedAt, finishedAt: last.finishedAt } : null,
          pullEveryMinutes: sources.pullEveryMinutes(t.id),
        };
      });
  }

  // --- the live check ---------------------------------------------------------------

  private async liveCheck(slot: CaptureSlot, classified: ClassifiedKey, baseUrl: string, signal?: AbortSignal): Promise<LiveResult> {
    const opts: SourceClientOptions = {
      key: classified.key,
      fetch: this.deps.fetch ?? ((url, init) => fetch(url, init as RequestInit)),
      baseUrl,
      ...(this.deps.sourceClock ? { clock: this.deps.sourceClock } : {}),
      ...(this.deps.timeoutMs !== undefined ? { timeoutMs: this.deps.timeoutMs } : {}),
      ...(this.deps.retry ? { retry: this.deps.retry } : {}),
    };
    const sig = signal ? { signal } : {};
    const nowMs = (this.deps.sourceClock ?? systemClock).now();
    switch (slot) {
      case 'anthropic-compliance': {
        const r = await checkAnthropicComplianceKey(makeClient(slot, opts) as ClientFor['anthropic-compliance'], { classified, ...sig });
        const orgs = r.orgs.map((o) => ({ uuid: o.uuid, name: o.name }));
        const lead = [...r.orgs].sort((a, b) => (a.createdAt ?? '').localeCompare(b.createdAt ?? ''))[0];
        return { checked: { scopesFound: r.scopesFound, scopesMissing: r.scopesMissing, orgs }, tenantName: r.parentOrgLabel, orgId: lead?.uuid ?? null, orgIds: orgs.map((o) => o.uuid) };
      }
      case 'anthropic-admin': {
        const r = await checkAnthropicAdminKey(makeClient(slot, opts) as ClientFor['anthropic-admin'], { classified, nowMs, ...sig });
        return { checked: { org: r.org }, tenantName: r.org.name ?? r.org.id, orgId: r.org.id, orgIds: [r.org.id] };
      }
      case 'openai': {
        const r = await checkOpenAIAdminKey(makeClient(slot, opts) as ClientFor['openai'], { classified, nowMs, ...sig });
        return { checked: { costsReadable: r.costsReadable, auditLogsReadable: r.auditLogsReadable, auditLogsNote: r.auditLogsNote }, tenantName: 'OpenAI organisation', orgId: null, orgIds: [] };
      }
    }
  }

  /**
   * The tenant a key belongs to: the one whose organisations the key sees; else, for a key
   * that names no organisation we know, the workspace's only tenant (one case, one
   * organisation); else a new tenant (null). Several candidates: the caller must choose.
   */
  private findTenant(vault: Vault, slot: CaptureSlot, live: LiveResult): string | null {
    const sources = new SourceTable(vault.db);
    const tenants = vault.tenants.list().filter((t) => t.id !== WORKSPACE_TENANT && !t.shredded);
    const byOrg = new Set(sources.tenantsSeeingOrgs(live.orgIds));
    for (const t of tenants) if (t.orgId && live.orgIds.includes(t.orgId)) byOrg.add(t.id);
    for (const s of sources.list()) if (s.checked.org && live.orgIds.includes(s.checked.org.id)) byOrg.add(s.tenantId);
    const matches = tenants.filter((t) => byOrg.has(t.id));
    if (matches.length === 1) return matches[0]!.id;
    if (matches.length > 1) {
      throw new OgmaError('VALIDATION_FAILED', `This key matches several tenants (${matches.map((t) => t.id).join(', ')}); choose the organisation it belongs to (--tenant on the command line).`, { field: 'tenantId' });
    }
    // A Compliance key seeing organisations no tenant has is a new organisation.
    if (slot === 'anthropic-compliance') return null;
    if (tenants.length === 1) return tenants[0]!.id;
    if (tenants.length > 1) {
      throw new OgmaError('VALIDATION_FAILED', `The workspace has ${tenants.length} tenants and nothing in the key says which it belongs to; choose the organisation it belongs to (--tenant on the command line).`, { field: 'tenantId' });
    }
    return null;
  }

  private requireTenant(vault: Vault, tenantId: string): string {
    if (tenantId === WORKSPACE_TENANT) throw new OgmaError('VALIDATION_FAILED', `"${WORKSPACE_TENANT}" is the workspace's own log, not a connected organisation.`, { field: 'tenantId' });
    return vault.tenants.requireLive(tenantId).id;
  }

  private requireAdmin(vault: Vault, action: string, target: string): void {
    if (vault.member.role === 'admin') return;
    vault.appendRecord(WORKSPACE_TENANT, 'reveal_refused', { action, target, member: vault.member.name, role: vault.member.role });
    throw new OgmaError('FORBIDDEN', `Member "${vault.member.name}" is a viewer; only an admin may connect or forget vendor keys. The attempt was recorded.`);
  }
}
