import { request } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { call, control, startSim, type Sim } from './helpers';

let sim: Sim;
beforeAll(async () => {
  sim = await startSim();
});
afterAll(async () => {
  await sim.close();
});
beforeEach(async () => {
  await control(sim, 'DELETE', '/faults');
});

const ORGS = '/v1/compliance/organizations';
const inject = (kind: string): Promise<unknown> => control(sim, 'POST', '/faults', { queue: [kind], pathPrefix: '/v1/' });

/** Raw request that reports a socket error instead of throwing. */
function raw(path: string, headers: Record<string, string>): Promise<{ status?: number; body: string; error?: string }> {
  return new Promise((resolve) => {
    const url = new URL(sim.baseUrl + path);
    const req = request({ host: url.hostname, port: url.port, path: url.pathname + url.search, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode, body }));
      res.on('error', (e) => resolve({ status: res.statusCode, body, error: e.message }));
      res.on('aborted', () => resolve({ status: res.statusCode, body, error: 'aborted' }));
    });
    req.on('error', (e) => resolve({ body: '', error: e.message }));
    req.end();
  });
}

describe('each fault type can be produced', () => {
  it.each([
    ['500', 500, 'api_error', null],
    ['500_no_retry', 500, 'api_error', 'false'],
    ['503', 503, 'overloaded_error', null],
    ['504', 504, 'timeout_error', null],
    ['529', 529, 'overloaded_error', null],
  ])('%s: status %i, error type %s, x-should-retry %s, request-id present', async (kind, status, type, shouldRetry) => {
    await inject(kind);
    const r = await call(sim, ORGS, { key: sim.keys.complianceFull });
    expect(r.status).toBe(status);
    expect(r.json.error.type).toBe(type);
    expect(r.headers.get('x-should-retry')).toBe(shouldRetry);
    expect(r.headers.get('request-id')).toMatch(/^req_/);
    expect((await call(sim, ORGS, { key: sim.keys.complianceFull })).status).toBe(200); // one fault per queue entry
  });

  it('429: rate_limit_error with retry-after; the 429 without retry-after variant has none', async () => {
    await inject('429');
    const a = await call(sim, ORGS, { key: sim.keys.complianceFull });
    expect(a.status).toBe(429);
    expect(a.headers.get('retry-after')).toBe('2');
    await inject('429_no_retry_after');
    const b = await call(sim, `/v1/organization/costs?start_time=${Date.UTC(2026, 8, 1) / 1000}`, { bearer: sim.keys.openaiAdmin });
    expect(b.status).toBe(429);
    expect(b.headers.get('retry-after')).toBeNull();
    expect(b.json.error.code).toBe('insufficient_quota');
  });

  it('502: an HTML body from a proxy, not JSON', async () => {
    await inject('502');
    const r = await call(sim, ORGS, { key: sim.keys.complianceFull });
    expect(r.status).toBe(502);
    expect(r.headers.get('content-type')).toBe('text/html');
    expect(r.json).toBeNull();
    expect(r.text).toContain('502 Bad Gateway');
  });

  it('reset: the connection is destroyed without a response', async () => {
    await inject('reset');
    const r = await raw(ORGS, { 'x-api-key': sim.keys.complianceFull });
    expect(r.status).toBeUndefined();
    expect(r.error).toBeDefined();
  });

  it('truncated: the body stops short of its content-length and the connection closes', async () => {
    await inject('truncated');
    const r = await raw(ORGS, { 'x-api-key': sim.keys.complianceFull });
    expect(r.status).toBe(200);
    expect(r.error).toBeDefined();
    expect(() => JSON.parse(r.body)).toThrow();
  });

  it('malformed: a complete 200 whose JSON does not parse', async () => {
    await inject('malformed');
    const r = await call(sim, ORGS, { key: sim.keys.complianceFull });
    expect(r.status).toBe(200);
    expect(r.json).toBeNull();
    expect(r.text.startsWith('{"data":')).toBe(true);
  });

  it('slow: the normal answer arrives after slowMs', async () => {
    await control(sim, 'POST', '/faults', { queue: ['slow'], slowMs: 300 });
    const t0 = Date.now();
    const r = await call(sim, ORGS, { key: sim.keys.complianceFull });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
    expect(r.status).toBe(200);
  });

  it('OpenAI faults use the OpenAI envelope and x-request-id', async () => {
    await inject('503');
    const r = await call(sim, `/v1/organization/costs?start_time=${Date.UTC(2026, 8, 1) / 1000}`, { bearer: sim.keys.openaiAdmin });
    expect(r.status).toBe(503);
    expect(r.json.error).toMatchObject({ type: 'service_unavailable_error', param: null });
    expect(r.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{32}$/);
  });

  it('fault rates with a seed give a reproducible schedule', async () => {
    const schedule = async (): Promise<number[]> => {
      await control(sim, 'POST', '/faults', { seed: 99, rates: { '503': 0.3 }, pathPrefix: '/v1/compliance/' });
      const out: number[] = [];
      for (let i = 0; i < 30; i++) out.push((await call(sim, ORGS, { key: sim.keys.complianceFull })).status);
      await control(sim, 'DELETE', '/faults');
      return out;
    };
    const a = await schedule();
    expect(a).toContain(503);
    expect(a).toContain(200);
    expect(await schedule()).toEqual(a);
  });
});
