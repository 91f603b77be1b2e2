import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, control, startSim, type Sim } from './helpers';

let sim: Sim;
beforeAll(async () => {
  sim = await startSim();
});
afterAll(async () => {
  await sim.close();
});

const key = (): string => sim.keys.complianceFull;
const firstUser = (): { id: string } => sim.truth('chats').tenants[0]?.orgs?.[0]?.users[0] as { id: string };
const allChatIds = async (): Promise<string[]> => (await call(sim, '/v1/compliance/apps/chats?limit=1000', { key: key() })).json.data.map((c: { id: string }) => c.id);

describe('control routes change what the vendor API returns', () => {
  it('need the control token', async () => {
    const r = await fetch(`${sim.baseUrl}/_sim/truth`);
    expect(r.status).toBe(401);
    const wrong = await fetch(`${sim.baseUrl}/_sim/truth`, { headers: { 'x-sim-control-token': 'guess' } });
    expect(wrong.status).toBe(401);
  });

  it('an added chat and message appear in the list and the messages, and in the truth', async () => {
    const made = await control(sim, 'POST', '/chats', { userId: firstUser().id, name: 'Added', messages: [{ role: 'user', text: 'hello from the test' }] });
    expect(await allChatIds()).toContain(made.id);
    const msg = await control(sim, 'POST', `/chats/${made.id}/messages`, { role: 'assistant', text: 'hi back' });
    const r = await call(sim, `/v1/compliance/apps/chats/${made.id}/messages`, { key: key() });
    expect(r.json.chat_messages.map((m: { content: Array<{ text: string }> }) => m.content[0]?.text)).toEqual(['hello from the test', 'hi back']);
    expect(r.json.chat_messages[1].id).toBe(msg.id);
    const truthChat = sim.truth('text').tenants[0]?.orgs?.flatMap((o) => o.chats).find((c) => c.id === made.id);
    expect(truthChat?.messages?.map((m) => m.text)).toEqual(['hello from the test', 'hi back']);
  });

  it('a new message brings the chat back in an updated_at poll', async () => {
    const chats = (await call(sim, '/v1/compliance/apps/chats?limit=1', { key: key() })).json.data;
    sim.clock.advance(5_000);
    const since = new Date(sim.clock.now()).toISOString();
    await control(sim, 'POST', `/chats/${chats[0].id}/messages`, { role: 'user', text: 'one more thing' });
    const r = await call(sim, `/v1/compliance/apps/chats?order_by=updated_at&updated_at.gte=${since}`, { key: key() });
    expect(r.json.data.map((c: { id: string }) => c.id)).toContain(chats[0].id);
  });

  it('an edited message returns the new text', async () => {
    const chat = (await call(sim, '/v1/compliance/apps/chats?limit=1', { key: key() })).json.data[0];
    const before = await call(sim, `/v1/compliance/apps/chats/${chat.id}/messages`, { key: key() });
    const target = before.json.chat_messages[0];
    await control(sim, 'PATCH', `/chats/${chat.id}/messages/${target.id}`, { text: 'EDITED TEXT' });
    const after = await call(sim, `/v1/compliance/apps/chats/${chat.id}/messages`, { key: key() });
    const edited = after.json.chat_messages.find((m: { id: string }) => m.id === target.id);
    expect(edited.content.filter((b: { type: string }) => b.type === 'text').map((b: { text: string }) => b.text)).toEqual(['EDITED TEXT']);
  });

  it('a hard-deleted chat leaves the lists and its messages 404 (through the control route and through the API)', async () => {
    const [a, b] = await allChatIds();
    await control(sim, 'DELETE', `/chats/${a}`);
    const del = await call(sim, `/v1/compliance/apps/chats/${b}`, { key: key(), method: 'DELETE' });
    expect(del.json).toEqual({ id: b, type: 'claude_chat_deleted' });
    const ids = await allChatIds();
    expect(ids).not.toContain(a);
    expect(ids).not.toContain(b);
    for (const id of [a, b]) {
      const r = await call(sim, `/v1/compliance/apps/chats/${id}/messages`, { key: key() });
      expect(r.status).toBe(404);
      expect(r.json.error.message).toBe(`Chat ${id} not found.`);
    }
  });

  it('a soft delete keeps the chat listed with deleted_at and empties its content', async () => {
    const id = (await allChatIds())[0];
    await control(sim, 'POST', `/chats/${id}/soft-delete`);
    const r = await call(sim, `/v1/compliance/apps/chats/${id}/messages`, { key: key() });
    expect(r.json.deleted_at).not.toBeNull();
    expect(r.json.name).toBe('');
    expect(r.json.chat_messages.every((m: { content: unknown[]; files: unknown }) => m.content.length === 0 && m.files === null)).toBe(true);
  });

  it('a revoked key gets 401 on its next request', async () => {
    const k = await control(sim, 'POST', '/keys', { scopes: ['read:compliance_org_data'] });
    expect((await call(sim, '/v1/compliance/organizations', { key: k.key })).status).toBe(200);
    await control(sim, 'POST', '/keys/revoke', { key: k.id });
    expect((await call(sim, '/v1/compliance/organizations', { key: k.key })).status).toBe(401);
  });

  it('a key made with chosen scopes holds exactly those', async () => {
    const k = await control(sim, 'POST', '/keys', { scopes: ['read:compliance_activities'] });
    expect((await call(sim, '/v1/compliance/activities', { key: k.key })).status).toBe(200);
    expect((await call(sim, '/v1/compliance/apps/chats', { key: k.key })).json.error.message).toBe("Missing required scopes. Got: ['read:compliance_activities'] Needed: ['read:compliance_user_data']");
  });

  it('moving the org to a non-Enterprise plan makes content 403; moving it back restores it', async () => {
    await control(sim, 'POST', '/plan', { tenant: 't1', plan: 'team' });
    const r = await call(sim, '/v1/compliance/apps/chats', { key: key() });
    expect(r.status).toBe(403);
    expect(r.json.error.message).toBe("Missing required scopes. Got: [] Needed: ['read:compliance_user_data']");
    await control(sim, 'POST', '/plan', { tenant: 't1', plan: 'console' });
    expect((await call(sim, '/v1/compliance/activities', { key: sim.keys.anthropicAdmin })).status).toBe(200); // Console: feed via admin keys only
    expect((await call(sim, '/v1/compliance/activities', { key: key() })).status).toBe(403);
    await control(sim, 'POST', '/plan', { tenant: 't1', plan: 'enterprise' });
    expect((await call(sim, '/v1/compliance/apps/chats', { key: key() })).status).toBe(200);
  });

  it('an added user shows up in the org users list', async () => {
    const org = sim.truth('chats').tenants[0]?.orgs?.[0];
    const u = await control(sim, 'POST', '/users', { org: org?.uuid, fullName: 'Zoë Test', email: 'zoe.test@acme-corp.com' });
    const r = await call(sim, `/v1/compliance/organizations/${org?.uuid}/users`, { key: key() });
    expect(r.json.data.map((x: { id: string }) => x.id)).toContain(u.id);
  });

  it('the clock moves only forward, and only a manual clock moves', async () => {
    const before = sim.clock.now();
    const r = await control(sim, 'POST', '/clock', { advanceSeconds: 30 });
    expect(Date.parse(r.now)).toBe(before + 30_000);
    await expect(control(sim, 'POST', '/clock', { set: '2020-01-01T00:00:00Z' })).rejects.toThrow(/400/);
  });

  it('bad control input is a 400, an unknown chat a 404', async () => {
    await expect(control(sim, 'POST', '/plan', { plan: 'free' })).rejects.toThrow(/400/);
    await expect(control(sim, 'POST', '/chats/claude_chat_01nope/messages', { role: 'user', text: 'x' })).rejects.toThrow(/404/);
  });
});

describe('ground truth', () => {
  it('GET /_sim/truth returns per tenant orgs, users, chats with ids and flags, and messages with role, hash and kind', async () => {
    const t = await control(sim, 'GET', '/truth');
    const tenant = t.tenants[0];
    expect(tenant).toMatchObject({ key: 't1', plan: 'enterprise' });
    const msg = tenant.orgs[0].chats[0].messages[0];
    expect(msg).toMatchObject({ id: expect.stringMatching(/^claude_chat_msg_01/), role: expect.stringMatching(/user|assistant/), kind: expect.any(String), hasText: expect.any(Boolean), fileOnly: expect.any(Boolean) });
    expect(msg.text).toBeUndefined();
    expect((await control(sim, 'GET', '/truth?detail=text')).tenants[0].orgs[0].chats[0].messages[0].text).toEqual(expect.any(String));
    expect((await control(sim, 'GET', '/truth?detail=counts')).counts.messages).toBe(t.counts.messages);
  });
});
