import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startSim, type Sim } from './helpers';

let sim: Sim;
let orgUuid = '';
beforeAll(async () => {
  sim = await startSim();
  orgUuid = sim.truth('chats').tenants[0]?.orgs?.[0]?.uuid ?? '';
});
afterAll(async () => {
  await sim.close();
});

async function bad(path: string, key = sim.keys.complianceFull): Promise<string> {
  const r = await call(sim, path, { key });
  expect(r.status, `${path}: ${r.text}`).toBe(400);
  expect(r.json.error.type).toBe('invalid_request_error');
  return r.json.error.message as string;
}

describe('limit bounds per endpoint: 400 with the bound in the message', () => {
  it.each([
    ['/v1/compliance/activities', 5000],
    ['/v1/compliance/apps/chats', 1000],
    ['/v1/compliance/apps/projects', 100],
    ['/v1/compliance/organizations', 1000],
    ['/v1/compliance/groups', 1000],
  ])('%s refuses limit above %i and accepts exactly it', async (path, max) => {
    expect(await bad(`${path}?limit=${max + 1}`)).toBe(`The limit parameter must be between 1 and ${max}, inclusive. Got ${max + 1}.`);
    expect(await bad(`${path}?limit=0`)).toBe(`The limit parameter must be between 1 and ${max}, inclusive. Got 0.`);
    expect((await call(sim, `${path}?limit=${max}`, { key: sim.keys.complianceFull })).status).toBe(200);
  });

  it('org users, chat messages and admin usage have their own bounds', async () => {
    expect(await bad(`/v1/compliance/organizations/${orgUuid}/users?limit=1001`)).toContain('between 1 and 1000');
    const chat = (await call(sim, '/v1/compliance/apps/chats?limit=1', { key: sim.keys.complianceFull })).json.data[0];
    expect(await bad(`/v1/compliance/apps/chats/${chat.id}/messages?limit=1001`)).toContain('between 1 and 1000');
    const usage = await call(sim, '/v1/organizations/usage_report/messages?starting_at=2026-09-01T00:00:00Z&bucket_width=1h&limit=169', { key: sim.keys.anthropicAdmin });
    expect(usage.status).toBe(400);
    expect(usage.json.error.message).toContain('between 1 and 168');
    const costs = await call(sim, `/v1/organization/costs?start_time=${Date.UTC(2026, 8, 1) / 1000}&limit=181`, { bearer: sim.keys.openaiAdmin });
    expect(costs.status).toBe(400);
    expect(costs.json.error).toMatchObject({ type: 'invalid_request_error', param: 'limit' });
    expect(costs.json.error.message).toContain('between 1 and 180');
    expect((await call(sim, '/v1/organization/audit_logs?limit=101', { bearer: sim.keys.openaiAdmin })).status).toBe(400);
  });
});

describe('RFC 3339 timestamps', () => {
  it.each(['created_at.gte', 'created_at.gt', 'created_at.lt', 'created_at.lte'])('activities %s: 400 naming the param and echoing the value', async (param) => {
    expect(await bad(`/v1/compliance/activities?${param}=2024-01-01`)).toBe(`The \`${param}\` parameter contains an invalid timestamp format. Timestamps must be provided in RFC 3339 format e.g., "2024-03-01T00:00:00Z". Got "2024-01-01".`);
  });

  it('chats updated_at filters are checked too, and a good value filters', async () => {
    expect(await bad('/v1/compliance/apps/chats?order_by=updated_at&updated_at.gte=2026-13-01T00:00:00Z')).toContain('`updated_at.gte`');
    const r = await call(sim, '/v1/compliance/apps/chats?created_at.gte=2026-06-01T00:00:00Z&limit=1000', { key: sim.keys.complianceFull });
    expect(r.status).toBe(200);
    expect(r.json.data.every((c: { created_at: string }) => c.created_at >= '2026-06-01T00:00:00Z')).toBe(true);
  });

  it('Admin usage needs starting_at; OpenAI needs start_time', async () => {
    expect((await call(sim, '/v1/organizations/usage_report/messages', { key: sim.keys.anthropicAdmin })).status).toBe(400);
    const o = await call(sim, '/v1/organization/costs', { bearer: sim.keys.openaiAdmin });
    expect(o.status).toBe(400);
    expect(o.json.error.param).toBe('start_time');
  });
});

describe('cursors', () => {
  it.each(['garbage', 'eyJub3QiOiJhIGN1cnNvciJ9', 'activity_invalid123'])('activities refuse after_id %s with the documented wording', async (v) => {
    expect(await bad(`/v1/compliance/activities?after_id=${v}`)).toBe(`Invalid \`after_id\`. No activity found for \`after_id\` "${v}"`);
  });

  it('a chats cursor made under one order_by is refused under the other', async () => {
    const r = await call(sim, '/v1/compliance/apps/chats?limit=2', { key: sim.keys.complianceFull });
    expect(await bad(`/v1/compliance/apps/chats?order_by=updated_at&after_id=${r.json.last_id}`)).toContain('order_by=created_at');
  });

  it('a chats cursor of another parent org is refused', async () => {
    const foreign = Buffer.from(JSON.stringify({ k: 'created_at', t: 0, id: 'claude_chat_01x', p: 'another-parent' })).toString('base64url');
    expect(await bad(`/v1/compliance/apps/chats?after_id=${foreign}`)).toContain('No chat found');
  });

  it('a message cursor of another chat is refused', async () => {
    const chats = (await call(sim, '/v1/compliance/apps/chats?limit=2', { key: sim.keys.complianceFull })).json.data;
    const m = await call(sim, `/v1/compliance/apps/chats/${chats[0].id}/messages?limit=1`, { key: sim.keys.complianceFull });
    expect(await bad(`/v1/compliance/apps/chats/${chats[1].id}/messages?after_id=${m.json.last_id}`)).toContain('No message found');
  });

  it('after_id and before_id together are refused', async () => {
    expect(await bad('/v1/compliance/activities?after_id=a&before_id=b')).toBe('Only one of `after_id` or `before_id` may be provided.');
  });

  it('Admin API id cursors must name an object of the list', async () => {
    const r = await call(sim, '/v1/organizations/users?after_id=user_01nope', { key: sim.keys.anthropicAdmin });
    expect(r.status).toBe(400);
  });
});

describe('chats filter rules', () => {
  const user = (): string => sim.truth('chats').tenants[0]?.orgs?.[0]?.users[0]?.id ?? '';
  const project = (): string => sim.world.tenants[0]?.orgs[0]?.projects[0]?.id ?? '';

  it('order_by=updated_at with user_ids[] -> 400', async () => {
    expect(await bad(`/v1/compliance/apps/chats?order_by=updated_at&user_ids[]=${user()}`)).toContain('`order_by=updated_at` cannot be combined with `user_ids[]`');
  });
  it('before_id on an org-wide list -> 400', async () => {
    const r = await call(sim, '/v1/compliance/apps/chats?limit=2', { key: sim.keys.complianceFull });
    expect(await bad(`/v1/compliance/apps/chats?before_id=${r.json.first_id}`)).toContain('`before_id` is only supported on per-user queries');
  });
  it('project_ids[] without user_ids[] -> 400; with user_ids[] -> 200', async () => {
    expect(await bad(`/v1/compliance/apps/chats?project_ids[]=${project()}`)).toContain('`project_ids[]`');
    expect((await call(sim, `/v1/compliance/apps/chats?project_ids[]=${project()}&user_ids[]=${user()}`, { key: sim.keys.complianceFull })).status).toBe(200);
  });
  it('a time filter that does not match the sort key on an org-wide query -> 400', async () => {
    expect(await bad('/v1/compliance/apps/chats?updated_at.gte=2026-01-01T00:00:00Z')).toContain('order_by=updated_at');
    expect(await bad('/v1/compliance/apps/chats?order_by=updated_at&created_at.gte=2026-01-01T00:00:00Z')).toContain('order_by=created_at');
  });
  it('more than 10 user_ids[] -> 400', async () => {
    const q = Array.from({ length: 11 }, (_, i) => `user_ids[]=user_01x${i}`).join('&');
    expect(await bad(`/v1/compliance/apps/chats?${q}`)).toBe('`user_ids[]` accepts at most 10 values. Got 11.');
  });
  it('user_ids[] with updated_at.* is rejected after 2026-09-22 (the sim clock is past it)', async () => {
    expect(await bad(`/v1/compliance/apps/chats?user_ids[]=${user()}&updated_at.gte=2026-01-01T00:00:00Z`)).toContain('2026-09-22');
  });
  it('an unknown order_by -> 400', async () => {
    expect(await bad('/v1/compliance/apps/chats?order_by=name')).toContain('order_by');
  });
  it('activity_types[] with exclude_activity_types[] -> 400; actor ids must be user ids', async () => {
    expect(await bad('/v1/compliance/activities?activity_types[]=a&exclude_activity_types[]=b')).toContain('cannot be combined');
    expect(await bad('/v1/compliance/activities?actor_ids[]=apikey_01abc')).toContain('user_');
  });
});
