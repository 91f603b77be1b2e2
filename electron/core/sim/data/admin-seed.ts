import { Rng } from '../random/prng';
import { ALNUM, BASE64URL, stableChars, stableId, stableUuid } from '../random/ids';
import { DATA_END_MS, DATA_START_MS, DAY_MS } from '../types';
import type { ActivityRecord } from '../model/activity-log';
import type { ConsoleMember, ConsoleOrg, Org, PlatformApiKey, Workspace } from '../model/entities';
import type { ActivityFactory } from './activity-factory';

/** The Console org linked to an Enterprise parent: members, workspaces, API keys (Admin API data). */
export function buildConsoleOrg(seed: string, tenantKey: string, tenantName: string, firstOrg: Org, acts: ActivityFactory): { org: ConsoleOrg; activities: ActivityRecord[] } {
  const r = new Rng(`${seed}|console|${tenantKey}`);
  const roles: ConsoleMember['role'][] = ['admin', 'developer', 'developer', 'user', 'billing', 'claude_code_user', 'user', 'developer'];
  const members: ConsoleMember[] = firstOrg.users
    .filter((u) => u.leftAt === null)
    .slice(0, 8)
    .map((u, i) => ({ id: u.id, email: u.email, name: u.fullName, role: roles[i % roles.length] ?? 'user', addedAt: u.createdAt + r.int(DAY_MS) + r.int(1000) }));
  const ws = (i: number, name: string, archived: boolean): Workspace => ({
    id: stableId(seed, 'wrkspc_', `${tenantKey}:${i}`),
    name,
    createdAt: DATA_START_MS - DAY_MS * (100 - i * 10) + r.int(DAY_MS),
    archivedAt: archived ? DATA_END_MS - DAY_MS * 30 : null,
    displayColor: r.pick(['#6C5BB9', '#E0A000', '#2E86AB', '#A23B72']),
  });
  const workspaces = [ws(0, 'Production', false), ws(1, 'Staging', false), ws(2, 'Research — ML', false), ws(3, 'Legacy pilot', true)];
  const statuses: PlatformApiKey['status'][] = ['active', 'active', 'active', 'inactive', 'archived', 'expired', 'active'];
  const wsIds: Array<string | null> = [workspaces[0]?.id ?? null, workspaces[1]?.id ?? null, null, workspaces[2]?.id ?? null, workspaces[3]?.id ?? null, workspaces[0]?.id ?? null, null];
  const apiKeys: PlatformApiKey[] = statuses.map((status, i) => {
    const creator = members[i % Math.max(1, members.length)];
    const createdAt = DATA_START_MS + DAY_MS * (i * 7) + r.int(DAY_MS);
    return {
      id: stableId(seed, 'apikey_', `platform:${tenantKey}:${i}`),
      name: ['Prod backend', 'Staging backend', 'Playground script', 'Data pipeline', 'Old pilot', 'Contractor key', 'Claude Code team'][i] ?? `Key ${i}`,
      createdAt,
      createdById: creator ? creator.id : '',
      expiresAt: status === 'expired' ? createdAt + 30 * DAY_MS : i === 1 ? DATA_END_MS + 365 * DAY_MS : null,
      hint: `sk-ant-api03-${stableChars(seed, `hint:${tenantKey}:${i}`, BASE64URL, 3)}...${stableChars(seed, `hint2:${tenantKey}:${i}`, ALNUM, 2)}AA`,
      status,
      workspaceId: wsIds[i] ?? null,
    };
  });
  const org: ConsoleOrg = { uuid: stableUuid(seed, `console:${tenantKey}`), name: `${tenantName} API`, members, workspaces, apiKeys };
  const consoleAsOrg: Org = { uuid: org.uuid, id: stableId(seed, 'org_', `console:${tenantKey}`), name: org.name, createdAt: DATA_START_MS, tenantKey, users: [], roles: [], projects: [] };
  const activities: ActivityRecord[] = apiKeys.map((k) => acts.row(k.createdAt, 'platform_api_key_created', consoleAsOrg, { type: 'admin_api_key_actor', admin_api_key_id: stableId(seed, 'apikey_', `admin-actor:${tenantKey}`), ip_address: '198.51.100.7', user_agent: 'anthropic-admin-cli/1.2' }, { api_key_id: k.id, workspace_id: k.workspaceId }));
  return { org, activities };
}
