import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, control, startSim, type Sim } from './helpers';

let sim: Sim;
let orgUuid = '';
let groupId = '';
beforeAll(async () => {
  sim = await startSim();
  const t1 = sim.truth('chats').tenants[0];
  orgUuid = t1?.orgs?.[0]?.uuid ?? '';
  groupId = sim.world.tenants[0]?.groups[0]?.id ?? '';
});
afterAll(async () => {
  await sim.close();
});

const USER = "['read:compliance_user_data']";
const ORG = "['read:compliance_org_data']";

describe('per-endpoint scope checks', () => {
  const cases: Array<[string, () => string, 'org' | 'user']> = [
    ['organizations', () => '/v1/compliance/organizations', 'org'],
    ['org users', () => `/v1/compliance/organizations/${orgUuid}/users`, 'user'],
    ['roles', () => `/v1/compliance/organizations/${orgUuid}/roles`, 'org'],
    ['settings', () => `/v1/compliance/organizations/${orgUuid}/settings`, 'org'],
    ['groups', () => '/v1/compliance/groups', 'org'],
    ['group members', () => `/v1/compliance/groups/${groupId}/members`, 'user'],
    ['chats', () => '/v1/compliance/apps/chats', 'user'],
    ['projects', () => '/v1/compliance/apps/projects', 'user'],
  ];

  it.each(cases)('%s: the key without the needed scope gets 403 naming held and needed; the key with it gets 200', async (_name, path, needs) => {
    const [wrongKey, wrongHeld, rightKey] = needs === 'org' ? [sim.keys.complianceUserOnly, USER, sim.keys.complianceOrgOnly] : [sim.keys.complianceOrgOnly, ORG, sim.keys.complianceUserOnly];
    const denied = await call(sim, path(), { key: wrongKey });
    expect(denied.status).toBe(403);
    expect(denied.json.error).toEqual({ type: 'permission_error', message: `Missing required scopes. Got: ${wrongHeld} Needed: ${needs === 'org' ? ORG : USER}` });
    expect((await call(sim, path(), { key: rightKey })).status).toBe(200);
  });

  it('the retired read:compliance_org_settings scope no longer opens /settings', async () => {
    const k = await control(sim, 'POST', '/keys', { scopes: ['read:compliance_org_settings'] });
    const r = await call(sim, `/v1/compliance/organizations/${orgUuid}/settings`, { key: k.key });
    expect(r.status).toBe(403);
    expect(r.json.error.message).toBe("Missing required scopes. Got: ['read:compliance_org_settings'] Needed: ['read:compliance_org_data']");
  });

  it('read:org_audit opens every read but no delete', async () => {
    const k = await control(sim, 'POST', '/keys', { scopes: ['read:org_audit'] });
    expect((await call(sim, '/v1/compliance/apps/chats', { key: k.key })).status).toBe(200);
    expect((await call(sim, '/v1/compliance/organizations', { key: k.key })).status).toBe(200);
    const chat = (await call(sim, '/v1/compliance/apps/chats?limit=1', { key: k.key })).json.data[0];
    const del = await call(sim, `/v1/compliance/apps/chats/${chat.id}`, { key: k.key, method: 'DELETE' });
    expect(del.status).toBe(403);
    expect(del.json.error.message).toBe("Missing required scopes. Got: ['read:org_audit'] Needed: ['delete:compliance_user_data']");
  });

  it('deletes need delete:compliance_user_data even with read scopes', async () => {
    const chat = (await call(sim, '/v1/compliance/apps/chats?limit=1', { key: sim.keys.complianceUserOnly })).json.data[0];
    const r = await call(sim, `/v1/compliance/apps/chats/${chat.id}`, { key: sim.keys.complianceUserOnly, method: 'DELETE' });
    expect(r.status).toBe(403);
    expect(r.json.error.message).toBe(`Missing required scopes. Got: ${USER} Needed: ['delete:compliance_user_data']`);
  });

  it('a one-org key sees only its org: other orgs 404 with the documented message', async () => {
    const t1 = sim.truth('chats').tenants[0];
    const [mine, other] = [t1?.orgs?.[0], t1?.orgs?.[1]];
    const k = await control(sim, 'POST', '/keys', { scopes: ['read:compliance_user_data', 'read:compliance_org_data'], org: mine?.uuid });
    const orgs = await call(sim, '/v1/compliance/organizations', { key: k.key });
    expect(orgs.json.data.map((o: { uuid: string }) => o.uuid)).toEqual([mine?.uuid]);
    const r = await call(sim, `/v1/compliance/organizations/${other?.uuid}/users`, { key: k.key });
    expect(r.status).toBe(404);
    expect(r.json.error.message).toBe(`The "${other?.uuid}" organization does not exist or the requester is not authorized to access it.`);
    const chats = await call(sim, '/v1/compliance/apps/chats?limit=1000', { key: k.key });
    expect(chats.json.data.every((c: { organization_uuid: string }) => c.organization_uuid === mine?.uuid)).toBe(true);
  });
});
