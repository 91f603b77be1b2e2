import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anthropicBody, call, control, startSim, type Sim } from './helpers';

let sim: Sim;
beforeAll(async () => {
  sim = await startSim();
});
afterAll(async () => {
  await sim.close();
});

const COMPLIANCE_401 = { type: 'error', error: { type: 'authentication_error', message: 'The API key provided is invalid or has been revoked.' } };
const ADMIN_401 = { type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' } };
const CHATS = '/v1/compliance/apps/chats';
const USAGE = '/v1/organizations/usage_report/messages?starting_at=2026-09-20T00:00:00Z';
const COSTS = `/v1/organization/costs?start_time=${Date.UTC(2026, 8, 20) / 1000}`;

describe('Compliance API: each key kind gets the right status and body', () => {
  it('a Compliance Access Key with user-data scope reads chats (200, request-id, rate-limit headers)', async () => {
    const r = await call(sim, CHATS, { key: sim.keys.complianceFull });
    expect(r.status).toBe(200);
    expect(r.headers.get('request-id')).toMatch(/^req_011C[1-9A-HJ-NP-Za-km-z]{20}$/);
    expect(r.headers.get('anthropic-ratelimit-requests-limit')).toBe('600');
  });

  it('anthropic-version is accepted present and absent', async () => {
    expect((await call(sim, CHATS, { key: sim.keys.complianceFull, headers: { 'anthropic-version': '2023-06-01' } })).status).toBe(200);
    expect((await call(sim, CHATS, { key: sim.keys.complianceFull })).status).toBe(200);
  });

  it.each([
    ['a Claude API key (sk-ant-api03-)', (s: Sim) => s.keys.claudeApi],
    ['an OpenAI admin key', (s: Sim) => s.keys.openaiAdmin],
    ['an unknown key with a valid prefix', () => 'sk-ant-api01-doesnotexist'],
    ['an unknown admin-looking key', () => 'sk-ant-admin01-doesnotexist'],
    ['an empty key', () => ''],
  ])('%s gets 401 authentication_error with the documented body and no rate-limit headers', async (_label, key) => {
    const r = await call(sim, CHATS, { key: key(sim) });
    expect(r.status).toBe(401);
    expect(anthropicBody(r)).toEqual(COMPLIANCE_401);
    expect(r.json.request_id).toBe(r.headers.get('request-id'));
    expect(r.headers.get('anthropic-ratelimit-requests-remaining')).toBeNull();
  });

  it('a missing key gets the same 401 body, and so does Authorization: Bearer with a valid key (x-api-key only)', async () => {
    expect(anthropicBody(await call(sim, CHATS))).toEqual(COMPLIANCE_401);
    const bearer = await call(sim, CHATS, { bearer: sim.keys.complianceFull });
    expect(bearer.status).toBe(401);
    expect(anthropicBody(bearer)).toEqual(COMPLIANCE_401);
  });

  it('an Admin key reads the Activity Feed but gets 403 on content, naming what it holds', async () => {
    expect((await call(sim, '/v1/compliance/activities', { key: sim.keys.anthropicAdmin })).status).toBe(200);
    const r = await call(sim, CHATS, { key: sim.keys.anthropicAdmin });
    expect(r.status).toBe(403);
    expect(anthropicBody(r)).toEqual({ type: 'error', error: { type: 'permission_error', message: "Missing required scopes. Got: ['read:compliance_activities'] Needed: ['read:compliance_user_data']" } });
  });

  it('an Admin key made before the API was enabled holds nothing: 403 Got: [] even on the feed', async () => {
    const made = await control(sim, 'POST', '/keys', { kind: 'admin', createdAfterEnablement: false });
    const r = await call(sim, '/v1/compliance/activities', { key: made.key });
    expect(r.status).toBe(403);
    expect(r.json.error.message).toBe("Missing required scopes. Got: [] Needed: ['read:compliance_activities']");
  });

  it('a key of a non-Enterprise (team) org gets no content: 403 Got: []', async () => {
    const r = await call(sim, CHATS, { key: sim.keys.nonEnterpriseCompliance });
    expect(r.status).toBe(403);
    expect(anthropicBody(r)).toEqual({ type: 'error', error: { type: 'permission_error', message: "Missing required scopes. Got: [] Needed: ['read:compliance_user_data']" } });
  });

  it('an unknown Compliance path with a good key is a 404 not_found_error', async () => {
    const r = await call(sim, '/v1/compliance/nothing-here', { key: sim.keys.complianceFull });
    expect(r.status).toBe(404);
    expect(r.json.error.type).toBe('not_found_error');
  });
});

describe('Admin API: each key kind', () => {
  it('the Console admin key reads usage (200)', async () => {
    expect((await call(sim, USAGE, { key: sim.keys.anthropicAdmin })).status).toBe(200);
  });

  it('a missing anthropic-version header is a 400', async () => {
    const r = await call(sim, USAGE, { key: sim.keys.anthropicAdmin, version: false });
    expect(r.status).toBe(400);
    expect(anthropicBody(r)).toEqual({ type: 'error', error: { type: 'invalid_request_error', message: 'anthropic-version: header is required' } });
  });

  it.each([
    ['a Claude API key', (s: Sim) => s.keys.claudeApi],
    ['an OpenAI key', (s: Sim) => s.keys.openaiAdmin],
    ['no key', () => ''],
  ])('%s gets 401', async (_l, key) => {
    const r = await call(sim, USAGE, { key: key(sim) });
    expect(r.status).toBe(401);
    expect(anthropicBody(r)).toEqual(ADMIN_401);
  });

  it('an Enterprise scoped key gets 404 on Console-only endpoints and 403 naming read:members on users', async () => {
    const usage = await call(sim, USAGE, { key: sim.keys.complianceFull });
    expect(usage.status).toBe(404);
    expect(usage.json.error.type).toBe('not_found_error');
    const users = await call(sim, '/v1/organizations/users', { key: sim.keys.complianceFull });
    expect(users.status).toBe(403);
    expect(users.json.error.message).toBe("Missing required scopes. Got: ['read:compliance_activities', 'read:compliance_user_data', 'delete:compliance_user_data', 'read:compliance_org_data'] Needed: ['read:members']");
    const members = await control(sim, 'POST', '/keys', { kind: 'compliance', scopes: ['read:members'] });
    expect((await call(sim, '/v1/organizations/users', { key: members.key })).status).toBe(200);
  });
});

describe('OpenAI Admin API: each key kind', () => {
  it('the admin key as a Bearer token reads costs, with x-request-id', async () => {
    const r = await call(sim, COSTS, { bearer: sim.keys.openaiAdmin });
    expect(r.status).toBe(200);
    expect(r.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{32}$/);
  });

  it('no Authorization header: 401 with the OpenAI envelope', async () => {
    const r = await call(sim, COSTS, { key: sim.keys.openaiAdmin }); // x-api-key is not how OpenAI authenticates
    expect(r.status).toBe(401);
    expect(r.json.error).toMatchObject({ type: 'invalid_request_error', param: null, code: null });
    expect(r.json.error.message).toMatch(/^You didn't provide an API key/);
  });

  it.each([
    ['an Anthropic key', (s: Sim) => s.keys.complianceFull],
    ['an unknown sk-admin key', () => 'sk-admin-unknownunknownunknown'],
  ])('%s as Bearer: 401 invalid_api_key, the key redacted in the message', async (_l, key) => {
    const k = key(sim);
    const r = await call(sim, COSTS, { bearer: k });
    expect(r.status).toBe(401);
    expect(r.json.error).toMatchObject({ type: 'invalid_request_error', code: 'invalid_api_key', param: null });
    expect(r.json.error.message).not.toContain(k);
  });

  it('a project key cannot call admin endpoints (401), and an admin key cannot call inference routes', async () => {
    const proj = await control(sim, 'POST', '/keys', { kind: 'openai_project' });
    expect((await call(sim, COSTS, { bearer: proj.key })).status).toBe(401);
    const inf = await fetch(`${sim.baseUrl}/v1/chat/completions`, { method: 'POST', headers: { authorization: `Bearer ${sim.keys.openaiAdmin}` } });
    expect(inf.status).toBe(401);
    expect(((await inf.json()) as { error: { message: string } }).error.message).toContain('model.request');
  });

  it('OpenAI keys are not accepted on Anthropic routes (401)', async () => {
    expect((await call(sim, CHATS, { bearer: sim.keys.openaiAdmin })).status).toBe(401);
  });
});
