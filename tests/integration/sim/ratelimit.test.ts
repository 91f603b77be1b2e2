import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, control, startSim, type Sim } from './helpers';

let sim: Sim;
beforeEach(async () => {
  sim = await startSim({ sizes: { orgs: 1, users: 2, chats: 1, messages: 2 } });
});
afterEach(async () => {
  await sim.close();
});

const ORGS = '/v1/compliance/organizations';

async function burst(n: number, key: string): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i += 50) {
    const batch = await Promise.all(Array.from({ length: Math.min(50, n - i) }, () => call(sim, ORGS, { key })));
    out.push(...batch.map((r) => r.status));
  }
  return out;
}

describe('600 requests per minute per parent org', () => {
  it('two keys of the same parent share the budget: the 601st request in a minute is a 429 with retry-after and the documented body', async () => {
    const second = await control(sim, 'POST', '/keys', { scopes: ['read:compliance_org_data'] });
    const a = await burst(300, sim.keys.complianceFull);
    const b = await burst(300, second.key);
    expect([...a, ...b].every((s) => s === 200)).toBe(true);
    const r = await call(sim, ORGS, { key: sim.keys.complianceFull });
    expect(r.status).toBe(429);
    expect(r.json.error).toEqual({
      type: 'rate_limit_error',
      message: 'Compliance API rate limit of 600 requests per minute per parent organization has been exceeded. Retry after the time indicated by the retry-after header. Quote the request-id response header when contacting Anthropic support.',
    });
    const retryAfter = Number(r.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(60); // the window is full at one instant: 60 s + margin
    expect(r.headers.get('anthropic-ratelimit-requests-remaining')).toBe('0');
    expect(r.headers.get('anthropic-ratelimit-requests-limit')).toBe('600');
    expect(r.headers.get('anthropic-ratelimit-requests-reset')).toBe('2026-10-01T00:01:00Z');
    expect((await call(sim, ORGS, { key: second.key })).status).toBe(429);
  });

  it('another parent org has its own budget', async () => {
    await burst(600, sim.keys.complianceFull);
    expect((await call(sim, ORGS, { key: sim.keys.complianceFull })).status).toBe(429);
    // the non-Enterprise tenant is another parent: its request is judged on its own (403 here, not 429)
    expect((await call(sim, ORGS, { key: sim.keys.nonEnterpriseCompliance })).status).toBe(403);
  });

  it('401s do not count; 403s do', async () => {
    const unauth = await burst(700, 'sk-ant-api01-nope');
    expect(unauth.every((s) => s === 401)).toBe(true);
    expect((await call(sim, ORGS, { key: sim.keys.complianceFull })).headers.get('anthropic-ratelimit-requests-remaining')).toBe('599');
    const denied = await burst(599, sim.keys.complianceUserOnly); // user-only key on an org-data endpoint
    expect(denied.every((s) => s === 403)).toBe(true);
    expect((await call(sim, ORGS, { key: sim.keys.complianceFull })).status).toBe(429);
  });

  it('the budget frees up as the sim clock moves past the window', async () => {
    await burst(600, sim.keys.complianceFull);
    expect((await call(sim, ORGS, { key: sim.keys.complianceFull })).status).toBe(429);
    sim.clock.advance(59_000);
    expect((await call(sim, ORGS, { key: sim.keys.complianceFull })).status).toBe(429);
    sim.clock.advance(1_000);
    const r = await call(sim, ORGS, { key: sim.keys.complianceFull });
    expect(r.status).toBe(200);
    expect(r.headers.get('anthropic-ratelimit-requests-remaining')).toBe('599');
  });

  it('the limit can be lifted and restored through the control route', async () => {
    await control(sim, 'POST', '/rate-limit', { enabled: false });
    expect((await burst(650, sim.keys.complianceFull)).every((s) => s === 200)).toBe(true);
    await control(sim, 'POST', '/rate-limit', { enabled: true, reset: true });
    expect((await burst(600, sim.keys.complianceFull)).every((s) => s === 200)).toBe(true);
    expect((await call(sim, ORGS, { key: sim.keys.complianceFull })).status).toBe(429);
  });

  it('startSimulator({rateLimit: false}) starts lifted', async () => {
    await sim.close();
    sim = await startSim({ sizes: { orgs: 1, users: 1, chats: 1, messages: 1 }, rateLimit: false });
    expect((await burst(650, sim.keys.complianceFull)).every((s) => s === 200)).toBe(true);
  });
});
