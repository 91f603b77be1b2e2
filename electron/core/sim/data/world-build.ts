import { Rng } from '../random/prng';
import { stableId, stableUuid } from '../random/ids';
import { DATA_END_MS, DATA_START_MS, DAY_MS, type Plan, type SimSizes } from '../types';
import type { ActivityRecord } from '../model/activity-log';
import type { Group, Org, OrgRole, Project, Role, User } from '../model/entities';
import { EMAIL_DOMAINS, GROUP_NAMES, LANG_WEIGHTS, ORG_NAMES, PEOPLE, PROJECT_NAMES, ROLE_NAMES, type Lang } from './names';
import { documentText } from './text';
import { fileBody } from './file-content';
import type { ActivityFactory } from './activity-factory';

/** Directory data of one tenant: orgs, users, roles, projects, groups. Chats are built in chat-build.ts. */

export interface TenantSpec {
  key: string;
  name: string;
  plan: Plan;
  domain: string;
  orgNames: readonly string[];
  sizes: SimSizes;
}

export interface Directory {
  parentUuid: string;
  orgs: Org[];
  groups: Group[];
  activities: ActivityRecord[];
}

const ROLE_MIX: ReadonlyArray<readonly [OrgRole, number]> = [['user', 70], ['admin', 6], ['developer', 8], ['membership_admin', 3], ['managed', 8], ['billing', 2], ['claude_code_user', 3]];

function between(r: Rng, lo: number, hi: number): number {
  return Math.floor((lo + r.next() * (hi - lo)) / 1000) * 1000;
}

export function buildDirectory(seed: string, spec: TenantSpec, acts: ActivityFactory): Directory {
  const parentUuid = stableUuid(seed, `parent:${spec.key}`);
  const usedEmails = new Set<string>();
  const activities: ActivityRecord[] = [];
  const orgs: Org[] = [];

  for (let o = 0; o < spec.sizes.orgs; o++) {
    const r = new Rng(`${seed}|org|${spec.key}|${o}`);
    const org: Org = {
      uuid: o === 0 ? parentUuid : stableUuid(seed, `org:${spec.key}:${o}`),
      id: stableId(seed, 'org_', `${spec.key}:${o}`),
      name: spec.orgNames[o % spec.orgNames.length] + (o >= spec.orgNames.length ? ` ${Math.floor(o / spec.orgNames.length) + 1}` : ''),
      createdAt: DATA_START_MS - DAY_MS * (400 - o * 3) - r.int(DAY_MS),
      tenantKey: spec.key,
      users: [],
      roles: [],
      projects: [],
    };
    for (let u = 0; u < spec.sizes.users; u++) org.users.push(buildUser(seed, spec, org, o, u, usedEmails));
    org.users.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
    org.roles = buildRoles(seed, spec.key, o, org.createdAt);
    org.projects = buildProjects(seed, spec.key, o, org);
    orgs.push(org);
  }

  const groups = buildGroups(seed, spec.key, orgs);
  activities.push(...directoryActivities(seed, spec, orgs, acts));
  return { parentUuid, orgs, groups, activities };
}

function buildUser(seed: string, spec: TenantSpec, org: Org, o: number, u: number, used: Set<string>): User {
  const r = new Rng(`${seed}|user|${spec.key}|${o}|${u}`);
  const lang: Lang = r.weighted(LANG_WEIGHTS);
  const [fullName, local] = r.pick(PEOPLE[lang]);
  let email = `${local}@${spec.domain}`;
  for (let k = 2; used.has(email); k++) email = `${local}${k}@${spec.domain}`;
  used.add(email);
  const first = o === 0 && u === 0;
  const role: OrgRole = first ? 'primary_owner' : u === 0 ? 'owner' : r.weighted(ROLE_MIX);
  // most users predate enablement; some joined inside the data window (their join is in the feed)
  const joinedLate = !first && u !== 0 && r.chance(0.15);
  const createdAt = joinedLate ? between(r, DATA_START_MS, DATA_START_MS + 30 * DAY_MS) : org.createdAt + DAY_MS * r.range(1, 300);
  const leftAt = !first && u !== 0 && r.chance(0.06) ? between(r, DATA_END_MS + DAY_MS, DATA_END_MS + 4 * DAY_MS) : null;
  return { id: stableId(seed, 'user_', `${spec.key}:${o}:${u}`), fullName, email, role, createdAt, orgUuid: org.uuid, lang, leftAt, scim: r.chance(0.4) };
}

function buildRoles(seed: string, tk: string, o: number, orgCreated: number): Role[] {
  const r = new Rng(`${seed}|roles|${tk}|${o}`);
  const n = r.range(2, ROLE_NAMES.length);
  const out: Role[] = [];
  for (let i = 0; i < n; i++) {
    const [name, description] = ROLE_NAMES[i] ?? ['Role', ''];
    const createdAt = orgCreated + DAY_MS * r.range(1, 200);
    const actions = ['chat:read', 'project:create', 'file:upload', 'connector:use', 'code_execution:use', 'web_search:use'];
    const permissions = Array.from({ length: r.range(2, 4) }, (_, j) => ({ action: actions[(i + j) % actions.length] ?? 'chat:read', resource_type: j % 2 === 0 ? 'organization' : 'project', resource_id: j % 2 === 0 ? '*' : stableId(seed, 'claude_proj_', `${tk}:${o}:perm:${i}:${j}`) }));
    out.push({ id: stableId(seed, 'rbac_role_', `${tk}:${o}:${i}`), name, description, createdAt, updatedAt: createdAt + DAY_MS * r.range(0, 30), permissions });
  }
  return out;
}

function buildProjects(seed: string, tk: string, o: number, org: Org): Project[] {
  const r = new Rng(`${seed}|projects|${tk}|${o}`);
  const n = Math.max(1, Math.ceil(org.users.length / 3));
  const out: Project[] = [];
  for (let i = 0; i < n; i++) {
    const creator = org.users[r.int(org.users.length)];
    if (!creator) break;
    const id = stableId(seed, 'claude_proj_', `${tk}:${o}:${i}`);
    const createdAt = between(r, DATA_START_MS, DATA_START_MS + 20 * DAY_MS);
    const lang = creator.lang;
    const attachments: Project['attachments'] = [];
    const attachmentCount = r.range(0, 3);
    for (let a = 0; a < attachmentCount; a++) {
      const at = createdAt + DAY_MS * r.range(0, 10);
      if (r.chance(0.5)) {
        const content = documentText(r, lang, r.range(3, 6)).text;
        attachments.push({ type: 'project_doc', id: stableId(seed, 'claude_proj_doc_', `${tk}:${o}:${i}:${a}`), createdAt: at, filename: `${r.pick(['Guidelines', 'Glossar', 'FAQ', 'Style guide'])}.md`, content, userId: creator.id });
      } else {
        const fileId = stableId(seed, 'claude_file_', `${tk}:${o}:${i}:p${a}`);
        const filename = r.pick(['policy_2026.pdf', 'Preisliste.xlsx', 'architecture.png', 'контракт.docx']);
        const mimeType = r.chance(0.1) ? 'application/octet-stream' : filename.endsWith('.png') ? 'image/png' : 'application/pdf';
        const body = fileBody(seed, { id: fileId, filename, mimeType, createdAt: at, lang });
        attachments.push({ type: 'project_file', id: fileId, createdAt: at, filename, mimeType, sizeBytes: body.metaSize, md5: body.metaMd5 });
      }
    }
    out.push({
      id,
      orgUuid: org.uuid,
      name: PROJECT_NAMES[(o * 3 + i) % PROJECT_NAMES.length] ?? 'Project',
      creatorId: creator.id,
      createdAt,
      updatedAt: createdAt + DAY_MS * r.range(0, 40),
      deletedAt: r.chance(0.1) ? between(r, DATA_END_MS - 20 * DAY_MS, DATA_END_MS) : null,
      isPrivate: r.chance(0.3),
      description: documentText(r, lang, 1).text.slice(0, 140),
      instructions: documentText(r, lang, 2).text,
      attachments,
      collaborators: [
        { type: 'user', user_id: creator.id, role: 'owner', granted_at: createdAt },
        ...(r.chance(0.5) ? [{ type: 'organization' as const, organization_uuid: org.uuid, role: 'viewer' as const, granted_at: createdAt + DAY_MS }] : []),
        ...(r.chance(0.3) ? [{ type: 'organization_role' as const, organization_role: 'admin', role: 'editor' as const, granted_at: createdAt + DAY_MS }] : []),
      ],
    });
  }
  return out;
}

function buildGroups(seed: string, tk: string, orgs: Org[]): Group[] {
  const r = new Rng(`${seed}|groups|${tk}`);
  const active = orgs.flatMap((o) => o.users.filter((u) => u.leftAt === null));
  const roleIds = orgs.flatMap((o) => o.roles.map((x) => x.id));
  return GROUP_NAMES.slice(0, Math.min(GROUP_NAMES.length, 1 + orgs.length)).map(([name, description, sourceType], i) => {
    const createdAt = DATA_START_MS - DAY_MS * r.range(10, 200);
    const members = active.filter(() => r.chance(0.35)).map((u) => ({ userId: u.id, email: u.email, createdAt: Math.max(createdAt, u.createdAt), updatedAt: Math.max(createdAt, u.createdAt) }));
    const roles = r.chance(0.3) ? null : roleIds.filter(() => r.chance(0.4));
    return { id: stableId(seed, 'rbac_group_', `${tk}:${i}`), name, description, sourceType, roleIds: roles, createdAt, updatedAt: createdAt + DAY_MS * r.range(0, 60), members };
  });
}

/** Logins, joins, departures, project creation: the directory side of the feed. */
function directoryActivities(seed: string, spec: TenantSpec, orgs: Org[], acts: ActivityFactory): ActivityRecord[] {
  const r = new Rng(`${seed}|diracts|${spec.key}`);
  const out: ActivityRecord[] = [];
  const owner = orgs[0]?.users.find((u) => u.role === 'primary_owner') ?? orgs[0]?.users[0];
  if (owner && orgs[0]) out.push(acts.byUser(DATA_START_MS, 'org_compliance_api_settings_updated', orgs[0], owner, { enabled: true }));
  for (const org of orgs) {
    for (const user of org.users) {
      if (user.createdAt >= DATA_START_MS) {
        out.push(user.scim ? acts.row(user.createdAt, 'scim_user_created', org, { type: 'scim_directory_sync_actor', workos_event_id: `event_${stableId(seed, '', user.id).slice(2)}`, directory_id: `directory_${spec.key}`, idp_connection_type: r.pick(['OktaSCIMV2', 'AzureSCIMV2', null]) }, { user_id: user.id }) : acts.byUser(user.createdAt, 'org_user_invite_accepted', org, user, { user_id: user.id }));
      }
      for (let k = r.range(1, 3); k > 0; k--) {
        const t = between(r, DATA_START_MS, DATA_END_MS);
        out.push(acts.row(t - 4000, 'sso_login_initiated', null, { type: 'unauthenticated_user_actor', unauthenticated_email_address: r.chance(0.8) ? user.email : null, ip_address: (acts.userActor(user).ip_address as string), user_agent: acts.userActor(user).user_agent }, {}, null));
        out.push(acts.byUser(t, 'sso_login_succeeded', null, user, { auth_method: 'sso', mfa_method: r.chance(0.5) ? 'totp' : null }));
        if (r.chance(0.3)) out.push(acts.byUser(t + 3600_000 * r.range(1, 8), 'user_logged_out', null, user));
      }
      if (user.leftAt !== null) out.push(acts.byUser(user.leftAt, r.chance(0.5) ? 'org_user_left' : 'org_user_deleted', org, user, { user_id: user.id }));
    }
    for (const p of org.projects) {
      const creator = org.users.find((u) => u.id === p.creatorId);
      if (creator) out.push(acts.byUser(p.createdAt, 'claude_project_created', org, creator, { claude_project_id: p.id }));
      if (creator && p.deletedAt !== null) out.push(acts.byUser(p.deletedAt, 'claude_project_deleted', org, creator, { claude_project_id: p.id }));
    }
  }
  // every tenant sees at least one directory sync from its IdP
  const synced = orgs[0]?.users[1] ?? orgs[0]?.users[0];
  if (synced && orgs[0]) {
    synced.scim = true;
    out.push(acts.row(DATA_START_MS + 3 * DAY_MS, 'scim_user_updated', orgs[0], { type: 'scim_directory_sync_actor', workos_event_id: `event_${stableId(seed, '', `${synced.id}:upd`).slice(2)}`, directory_id: `directory_${spec.key}`, idp_connection_type: 'OktaSCIMV2' }, { user_id: synced.id }));
  }
  // automated and unfamiliar actors, and a type newer than any client (open string)
  out.push(acts.row(DATA_START_MS + 5 * DAY_MS, 'org_data_retention_policy_enforced', orgs[0] ?? null, { type: 'system_actor', service: null }));
  out.push(acts.row(DATA_START_MS + 9 * DAY_MS, 'org_plan_updated', orgs[0] ?? null, { type: 'anthropic_actor', email_address: null }));
  out.push(acts.row(DATA_START_MS + 11 * DAY_MS, 'claude_cowork_handoff_completed', orgs[0] ?? null, { type: 'delegated_agent_actor', agent_id: stableId(seed, 'cagt_', spec.key), ip_address: '192.0.2.10', user_agent: 'cowork-agent/0.9' }, { cowork_session_id: stableId(seed, 'cse_', spec.key) }));
  return out;
}
