import type { SimClock } from '../clock';
import { floorSecond } from '../clock';
import { stableId } from '../random/ids';
import { COMPLIANCE_SCOPES as S, DATA_START_MS, DAY_MS, type ErrorEnvelope, type SimKeys, type SimSizes, type SoftDeleteMode } from '../types';
import { ORG_NAMES } from '../data/names';
import { ActivityFactory } from '../data/activity-factory';
import { buildDirectory, type TenantSpec } from '../data/world-build';
import { buildChats } from '../data/chat-build';
import { buildConsoleOrg } from '../data/admin-seed';
import { buildOpenAiOrg } from '../data/openai-seed';
import { ActivityLog } from './activity-log';
import { ChatStore } from './chat-store';
import type { ChatRecord, Org, Project, Tenant, User } from './entities';
import { KeyRegistry } from './keys';

/** Switches that change how the simulated vendors behave; control routes flip them. */
export interface SimConfig {
  rateLimitEnabled: boolean;
  rateLimitPerMinute: number;
  activityLagMs: number; // Activity Feed ingestion lag (~1 min)
  usageLagMs: number; // usage/cost freshness (~5 min)
  claudeCodeLagMs: number; // Claude Code analytics freshness (~1 h)
  softDeleteMode: SoftDeleteMode; // 'empty' = newest docs; 'legacy' = content still readable
  errorEnvelope: ErrorEnvelope;
  chatsRequireUserIds: boolean; // the pre-July 2026 contract
}

export const DEFAULT_CONFIG: SimConfig = {
  rateLimitEnabled: true,
  rateLimitPerMinute: 600,
  activityLagMs: 60_000,
  usageLagMs: 5 * 60_000,
  claudeCodeLagMs: 60 * 60_000,
  softDeleteMode: 'empty',
  errorEnvelope: 'platform',
  chatsRequireUserIds: false,
};

export class World {
  readonly tenants: Tenant[];
  readonly keys: KeyRegistry;
  readonly builtIn: SimKeys;
  private readonly orgIndex = new Map<string, Org>();
  private readonly userIndex = new Map<string, User>();
  private readonly dynFactories = new Map<string, ActivityFactory>();
  private dynCounter = 0;

  constructor(
    readonly seed: string,
    readonly sizes: SimSizes,
    readonly clock: SimClock,
    readonly config: SimConfig,
  ) {
    this.keys = new KeyRegistry(seed);
    const t1Sizes = sizes;
    const t2Sizes: SimSizes = { orgs: 1, users: Math.max(1, Math.min(3, sizes.users)), chats: Math.min(2, sizes.chats), messages: Math.min(4, sizes.messages) };
    this.tenants = [
      this.buildTenant({ key: 't1', name: 'Acme Corp', plan: 'enterprise', domain: 'acme-corp.com', orgNames: ORG_NAMES, sizes: t1Sizes }, true),
      this.buildTenant({ key: 't2', name: 'Initech', plan: 'team', domain: 'initech.example', orgNames: ['Initech'], sizes: t2Sizes }, false),
    ];
    const created = DATA_START_MS + DAY_MS;
    const owner = (t: Tenant): string | null => t.orgs[0]?.users[0]?.id ?? null;
    const [t1, t2] = this.tenants as [Tenant, Tenant];
    const full = [S.activities, S.userData, S.deleteUserData, S.orgData];
    this.builtIn = {
      complianceFull: this.keys.create({ kind: 'compliance', tenantKey: 't1', name: 'eDiscovery export', scopes: full, createdAt: created, createdById: owner(t1) }).secret,
      complianceOrgOnly: this.keys.create({ kind: 'compliance', tenantKey: 't1', name: 'Directory sync', scopes: [S.orgData], createdAt: created, createdById: owner(t1) }).secret,
      complianceUserOnly: this.keys.create({ kind: 'compliance', tenantKey: 't1', name: 'Content reader', scopes: [S.userData], createdAt: created, createdById: owner(t1) }).secret,
      anthropicAdmin: this.keys.create({ kind: 'admin', tenantKey: 't1', name: 'Ogma admin key', createdAfterEnablement: true, createdAt: created, createdById: owner(t1) }).secret,
      claudeApi: this.keys.create({ kind: 'claude_api', tenantKey: 't1', name: 'Prod backend', createdAt: created }).secret,
      openaiAdmin: this.keys.create({ kind: 'openai_admin', tenantKey: 't1', name: 'Ogma audit', createdAt: created }).secret,
      nonEnterpriseCompliance: this.keys.create({ kind: 'compliance', tenantKey: 't2', name: 'Initech export', scopes: full, createdAt: created, createdById: owner(t2) }).secret,
    };
  }

  private buildTenant(spec: TenantSpec, withVendors: boolean): Tenant {
    const acts = new ActivityFactory(this.seed, `build:${spec.key}`);
    const dir = buildDirectory(this.seed, spec, acts);
    const chats = new ChatStore(this.seed);
    const activities = new ActivityLog();
    const rows = [...dir.activities, ...buildChats(this.seed, spec.key, dir.orgs, spec.sizes.chats, spec.sizes.messages, chats, acts)];
    const firstOrg = dir.orgs[0];
    let consoleOrg = null;
    if (withVendors && firstOrg) {
      const built = buildConsoleOrg(this.seed, spec.key, spec.name, firstOrg, acts);
      consoleOrg = built.org;
      rows.push(...built.activities);
    }
    activities.load(rows);
    const tenant: Tenant = {
      key: spec.key,
      name: spec.name,
      plan: spec.plan,
      parentUuid: dir.parentUuid,
      orgs: dir.orgs,
      groups: dir.groups,
      settingsEnabled: true,
      console: consoleOrg,
      openai: withVendors ? buildOpenAiOrg(this.seed, spec.key, spec.name, spec.domain) : null,
      chats,
      activities,
    };
    for (const org of dir.orgs) {
      this.orgIndex.set(org.uuid, org);
      this.orgIndex.set(org.id, org);
      for (const u of org.users) this.userIndex.set(u.id, u);
    }
    return tenant;
  }

  /** Sim time rounded down to the second (vendor timestamps have second precision). */
  now(): number {
    return floorSecond(this.clock.now());
  }

  tenant(key: string): Tenant {
    const t = this.tenants.find((x) => x.key === key);
    if (!t) throw new RangeError(`unknown tenant ${key}`);
    return t;
  }

  findTenant(ref: string): Tenant | undefined {
    return this.tenants.find((t) => t.key === ref || t.parentUuid === ref);
  }

  /** Org by UUID or `org_…` id. */
  org(ref: string): Org | undefined {
    return this.orgIndex.get(ref);
  }

  user(id: string): User | undefined {
    return this.userIndex.get(id);
  }

  registerUser(user: User): void {
    this.userIndex.set(user.id, user);
  }

  project(tenant: Tenant, id: string): Project | undefined {
    for (const org of tenant.orgs) {
      const p = org.projects.find((x) => x.id === id);
      if (p) return p;
    }
    return undefined;
  }

  chat(tenant: Tenant, id: string): ChatRecord | undefined {
    return tenant.chats.get(id);
  }

  findChatAnywhere(id: string): { tenant: Tenant; chat: ChatRecord } | undefined {
    for (const tenant of this.tenants) {
      const chat = tenant.chats.get(id);
      if (chat) return { tenant, chat };
    }
    return undefined;
  }

  /** Ids for things created after startup (control routes, API calls). */
  dynamicId(prefix: string): string {
    return stableId(this.seed, prefix, `dyn:${this.dynCounter++}`);
  }

  activityFactory(tenant: Tenant): ActivityFactory {
    let f = this.dynFactories.get(tenant.key);
    if (!f) {
      f = new ActivityFactory(this.seed, `dyn:${tenant.key}`);
      this.dynFactories.set(tenant.key, f);
    }
    return f;
  }
}
