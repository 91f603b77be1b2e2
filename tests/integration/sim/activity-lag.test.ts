import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, control, startSim, type Sim } from './helpers';

let sim: Sim;
beforeAll(async () => {
  sim = await startSim();
});
afterAll(async () => {
  await sim.close();
});

const accessed = async (): Promise<Array<Record<string, any>>> => { // eslint-disable-line @typescript-eslint/no-explicit-any
  const r = await call(sim, '/v1/compliance/activities?activity_types[]=compliance_api_accessed&limit=5000', { key: sim.keys.complianceFull });
  return r.json.data;
};

describe('Activity Feed ingestion lag and self-audit', () => {
  it('each Compliance API request writes a compliance_api_accessed row that is hidden until created_at + ~1 min has passed on the sim clock', async () => {
    expect(await accessed()).toEqual([]);
    const probe = await call(sim, '/v1/compliance/organizations?limit=1', { key: sim.keys.complianceOrgOnly });
    sim.clock.advance(59_000);
    expect(await accessed()).toEqual([]);
    sim.clock.advance(1_000);
    const rows = await accessed();
    const row = rows.find((a) => a.request_id === probe.headers.get('request-id'));
    expect(row).toMatchObject({
      type: 'compliance_api_accessed',
      organization_id: null,
      organization_uuid: null,
      created_at: '2026-10-01T00:00:00Z',
      request_method: 'GET',
      status_code: 200,
      url: 'https://api.anthropic.com/v1/compliance/organizations?limit=1',
      request_body: null,
      actor: { type: 'api_actor', api_key_id: expect.stringMatching(/^apikey_01/), ip_address: '127.0.0.1' },
    });
    // the first (empty) feed read is logged too; the read at +59 s is still inside its own lag
    expect(rows).toHaveLength(2);
  });

  it('failed requests are logged with their status; 401s are not (no key to attribute)', async () => {
    const denied = await call(sim, '/v1/compliance/apps/chats', { key: sim.keys.complianceOrgOnly });
    await call(sim, '/v1/compliance/apps/chats', { key: 'sk-ant-api01-nope' });
    sim.clock.advance(61_000);
    const rows = await accessed();
    expect(rows.find((a) => a.request_id === denied.headers.get('request-id'))?.status_code).toBe(403);
    expect(rows.every((a) => a.status_code !== 401)).toBe(true);
  });

  it('events written by control routes (a new chat) also wait for the lag', async () => {
    const user = sim.truth('chats').tenants[0]?.orgs?.[0]?.users[0]?.id;
    const made = await control(sim, 'POST', '/chats', { userId: user });
    const q = `/v1/compliance/activities?activity_types[]=claude_chat_created&limit=5`;
    expect((await call(sim, q, { key: sim.keys.complianceFull })).json.data.map((a: { claude_chat_id: string }) => a.claude_chat_id)).not.toContain(made.id);
    sim.clock.advance(60_000);
    expect((await call(sim, q, { key: sim.keys.complianceFull })).json.data.map((a: { claude_chat_id: string }) => a.claude_chat_id)).toContain(made.id);
  });

  it('the feed is consistent with the content: a claude_chat_created row for every chat, actors of several kinds', async () => {
    const all: Array<Record<string, any>> = []; // eslint-disable-line @typescript-eslint/no-explicit-any
    let after: string | undefined;
    for (;;) {
      const r = await call(sim, `/v1/compliance/activities?limit=5000${after ? `&after_id=${after}` : ''}`, { key: sim.keys.complianceFull });
      all.push(...r.json.data);
      if (!r.json.has_more) break;
      after = r.json.last_id;
    }
    const created = new Set(all.filter((a) => a.type === 'claude_chat_created').map((a) => a.claude_chat_id));
    for (const c of sim.truth('chats').tenants[0]?.orgs?.flatMap((o) => o.chats) ?? []) expect(created).toContain(c.id);
    const actorTypes = new Set(all.map((a) => a.actor.type));
    for (const t of ['user_actor', 'api_actor', 'unauthenticated_user_actor', 'scim_directory_sync_actor', 'system_actor', 'anthropic_actor', 'admin_api_key_actor']) expect(actorTypes, t).toContain(t);
    expect(all.some((a) => a.type === 'sso_login_succeeded' && a.organization_id === null)).toBe(true);
  });
});
