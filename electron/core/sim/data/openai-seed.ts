import { Rng } from '../random/prng';
import { ALNUM, HEX, stableChars } from '../random/ids';
import { DATA_END_MS, DATA_START_MS } from '../types';
import type { OpenAiAuditEvent, OpenAiOrg, OpenAiProject, OpenAiUser } from '../model/entities';
import { PEOPLE, USER_AGENTS } from './names';
import { ipv4 } from './pii';

/** The OpenAI organisation of a tenant: users, projects, audit-log events (no content anywhere). */

const oid = (seed: string, prefix: string, path: string, n = 24): string => prefix + stableChars(seed, `openai:${path}`, ALNUM, n);

function ymd(unix: number): string {
  return new Date(unix * 1000).toISOString().slice(0, 10).replace(/-/g, '');
}

export function buildOpenAiOrg(seed: string, tenantKey: string, name: string, domain: string): OpenAiOrg {
  const r = new Rng(`${seed}|openai|${tenantKey}`);
  const startS = Math.floor(DATA_START_MS / 1000);
  const endS = Math.floor(DATA_END_MS / 1000);
  const people = [...PEOPLE.en.slice(0, 4), ...PEOPLE.de.slice(0, 2), ...PEOPLE.ja.slice(0, 1), ...PEOPLE.fr.slice(0, 1)];
  const users: OpenAiUser[] = people.map(([fullName, local], i) => ({
    id: oid(seed, 'user-', `${tenantKey}:user:${i}`),
    name: fullName,
    email: `${local}@${domain}`,
    role: i < 2 ? 'owner' : 'reader',
    addedAt: startS - 86400 * r.range(10, 300),
  }));
  const projects: OpenAiProject[] = ['Default project', 'Support Bot', 'Research', 'Legacy (archived)'].map((pname, i) => ({
    id: oid(seed, 'proj_', `${tenantKey}:proj:${i}`),
    name: pname,
    createdAt: startS - 86400 * (200 - i * 30),
    archivedAt: i === 3 ? endS - 86400 * 40 : null,
    apiKeyIds: Array.from({ length: i === 0 ? 2 : 1 + (i % 2) }, (_, k) => oid(seed, 'key_', `${tenantKey}:key:${i}:${k}`, 16)),
  }));
  const events: OpenAiAuditEvent[] = [];
  let n = 0;
  const push = (t: number, type: string, actorUser: OpenAiUser | null, project: OpenAiProject | null, payload: Record<string, unknown>, viaKey = false): void => {
    const ua = r.pick(USER_AGENTS);
    const actor = actorUser === null
      ? null
      : viaKey
        ? { type: 'api_key', api_key: { id: oid(seed, 'key_', `${tenantKey}:admin-tracking`, 16), type: 'user', user: { id: actorUser.id, email: actorUser.email } } }
        : { type: 'session', session: { user: { id: actorUser.id, email: actorUser.email }, ip_address: ipv4(r), user_agent: ua, ja3: stableChars(seed, `ja3:${n}`, HEX, 32), ja4: `t13d1516h2_${stableChars(seed, `ja4:${n}`, HEX, 12)}`, ip_address_details: { country: 'US', city: 'San Francisco', region: 'California', region_code: 'CA', asn: '13335', latitude: '37.77490', longitude: '-122.41940' } } };
    // admin-key actions are tied to the default project (reference §5.3)
    const proj = viaKey ? projects[0] ?? null : project;
    const id = `audit_log-${stableChars(seed, `audit:${tenantKey}:${n++}`, HEX, 24)}_${ymd(t)}`;
    events.push({ id, type, effectiveAt: t, project: proj ? { id: proj.id, name: proj.name } : null, actor, payload, actorId: actorUser?.id ?? null, actorEmail: actorUser?.email ?? null, resourceId: typeof payload.id === 'string' ? payload.id : null });
  };
  const at = (): number => startS + r.int(endS - startS);
  for (let i = 0; i < 40; i++) {
    const u = r.pick(users);
    const ok = r.chance(0.85);
    push(at(), ok ? 'login.succeeded' : 'login.failed', u, null, ok ? {} : { error_code: 'invalid_credentials', error_message: 'Invalid username or password' });
  }
  for (const p of projects) {
    const owner = users[0] ?? null;
    push(p.createdAt, 'project.created', owner, p, { id: p.id, data: { name: p.name, title: p.name } });
    for (const k of p.apiKeyIds) push(p.createdAt + 3600 * r.range(1, 500), 'api_key.created', r.pick(users), p, { id: k, data: { scopes: ['api.model.request'] } });
    if (p.archivedAt !== null) push(p.archivedAt, 'project.archived', owner, p, { id: p.id });
  }
  for (let i = 0; i < 12; i++) {
    const u = r.pick(users);
    const p = r.pick(projects);
    const k = r.pick(p.apiKeyIds);
    push(at(), r.pick(['api_key.updated', 'api_key.deleted'] as const), u, p, r.chance(0.5) ? { id: k, changes_requested: { scopes: ['api.model.read'] } } : { id: k });
  }
  for (let i = 0; i < 6; i++) {
    const u = r.pick(users);
    push(at(), 'invite.sent', users[0] ?? null, null, { id: oid(seed, 'invite-', `${tenantKey}:inv:${i}`), data: { email: `new.hire${i}@${domain}`, role: 'reader' } });
    push(at(), 'user.updated', u, null, { id: u.id, changes_requested: { role: r.pick(['owner', 'reader']) } });
  }
  push(at(), 'organization.updated', users[0] ?? null, null, { id: oid(seed, 'org-', `${tenantKey}:org`), changes_requested: { api_call_logging: 'enabled' } }, true);
  push(at(), 'tenant.user.added', null, null, { id: users[2]?.id ?? '' });
  push(at(), 'tenant.sso_connection.updated', users[0] ?? null, null, { id: 'sso_conn_main' });
  events.sort((a, b) => b.effectiveAt - a.effectiveAt || (a.id < b.id ? 1 : -1));
  return { id: oid(seed, 'org-', `${tenantKey}:org`), name, users, projects, auditEvents: events };
}
