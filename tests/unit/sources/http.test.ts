import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HttpClient, type Exchange, type HttpClientOptions } from '../../../electron/core/sources/http';
import { RateGovernor } from '../../../electron/core/sources/rate';
import { isSourceError, type SourceError } from '../../../electron/core/sources/source-error';
import { anthropicError, fakeFetch, MISSING_SCOPES, scriptedFetch, type Step } from './helpers/fake-fetch';
import { COMPLIANCE_KEY, secretOf } from './helpers/keys';
import { fixedRandom, VirtualClock } from './helpers/virtual-clock';

const Ok = z.object({ ok: z.boolean() });
const OK: Step = { status: 200, body: { ok: true }, headers: { 'request-id': 'req_ok' } };

function client(steps: Step[], extra: Partial<HttpClientOptions> = {}, clock = new VirtualClock()) {
  const fake = scriptedFetch(steps, clock);
  const exchanges: Exchange[] = [];
  const http = new HttpClient({
    baseUrl: 'https://api.anthropic.com',
    fetch: fake.fetch,
    key: secretOf(COMPLIANCE_KEY),
    authHeaders: (raw) => ({ 'x-api-key': raw }),
    defaultHeaders: { 'anthropic-version': '2023-06-01' },
    wording: { vendor: 'the Anthropic Compliance API', reconnect: 'Reconnect the key in Integrations.', unauthorizedMayMeanPermission: false },
    clock,
    random: fixedRandom(0.5),
    timeoutMs: 10_000,
    onExchange: (e) => exchanges.push(e),
    ...extra,
  });
  const get = () => http.request({ method: 'GET', path: '/v1/compliance/organizations', query: { limit: 5 }, schema: Ok });
  return { http, clock, fake, exchanges, get, t0: clock.now() };
}

async function failure(p: Promise<unknown>): Promise<SourceError> {
  try {
    await p;
  } catch (e) {
    if (isSourceError(e)) return e;
    throw e;
  }
  throw new Error('expected the request to fail');
}

describe('HttpClient: a successful call', () => {
  it('sends x-api-key and anthropic-version, and returns the data with its request id', async () => {
    const c = client([OK]);
    const r = await c.get();
    expect(r.data).toEqual({ ok: true });
    expect(r.requestId).toBe('req_ok');
    expect(r.attempts).toBe(1);
    const sent = c.fake.calls[0]!;
    expect(sent.headers['x-api-key']).toBe(COMPLIANCE_KEY);
    expect(sent.headers['anthropic-version']).toBe('2023-06-01');
    expect(sent.url.toString()).toBe('https://api.anthropic.com/v1/compliance/organizations?limit=5');
  });

  it('captures x-request-id when request-id is absent', async () => {
    const c = client([{ status: 200, body: { ok: true }, headers: { 'x-request-id': 'oa_req_1' } }]);
    expect((await c.get()).requestId).toBe('oa_req_1');
  });

  it('reports every attempt to the exchange observer, without the key', async () => {
    const c = client([anthropicError(503, 'overloaded_error', 'Overloaded', 'req_a'), OK]);
    await c.get();
    expect(c.exchanges.map((e) => [e.outcome, e.status, e.requestId, e.attempt])).toEqual([
      ['retry', 503, 'req_a', 1],
      ['ok', 200, 'req_ok', 2],
    ]);
    expect(JSON.stringify(c.exchanges)).not.toContain(COMPLIANCE_KEY);
  });
});

describe('HttpClient: retries', () => {
  it('a 429 with retry-after: 25 waits exactly 25 s before the retry', async () => {
    const c = client([{ ...anthropicError(429, 'rate_limit_error', 'Compliance API rate limit of 600 requests per minute per parent organization has been exceeded.'), headers: { 'retry-after': '25', 'request-id': 'req_429' } }, OK]);
    const r = await c.get();
    expect(r.data.ok).toBe(true);
    expect(c.fake.calls).toHaveLength(2);
    expect(c.fake.calls[1]!.at - c.fake.calls[0]!.at).toBe(25_000);
  });

  it('a 429 with retry-after as an HTTP date waits until that date', async () => {
    const clockStart = Date.parse('2026-11-23T10:00:00Z');
    const c = client([{ status: 429, body: {}, headers: { 'retry-after': new Date(clockStart + 40_000).toUTCString() } }, OK]);
    await c.get();
    expect(c.fake.calls[1]!.at - c.fake.calls[0]!.at).toBe(40_000);
  });

  it('a 429 pauses the rate governor until retry-after', async () => {
    const clock = new VirtualClock();
    const governor = new RateGovernor({ clock });
    const c = client([{ status: 429, body: {}, headers: { 'retry-after': '30' } }, OK], { governor }, clock);
    const seen: Array<number | null> = [];
    const p = c.get();
    // While the retry waits, the governor holds every other request of the org too.
    setImmediate(() => seen.push(governor.status().pausedUntil));
    await p;
    expect(seen[0]).toBe(c.t0 + 30_000);
    expect(c.fake.calls[1]!.at - c.fake.calls[0]!.at).toBe(30_000);
    expect(governor.status().usedInWindow).toBe(2);
  });

  it('a 500 with x-should-retry: false is not retried', async () => {
    const c = client([{ ...anthropicError(500, 'api_error', 'Internal error'), headers: { 'x-should-retry': 'false', 'request-id': 'req_500' } }, OK]);
    const e = await failure(c.get());
    expect(c.fake.calls).toHaveLength(1);
    expect(e.code).toBe('UPSTREAM');
    expect(e.details.status).toBe(500);
    expect(e.message).toContain('req_500');
  });

  it.each<[string, Step]>([
    ['500 without x-should-retry', anthropicError(500, 'api_error', 'Internal error')],
    ['502', { status: 502, raw: '<html>Bad gateway</html>' }],
    ['503', anthropicError(503, 'overloaded_error', 'Overloaded')],
    ['504', anthropicError(504, 'timeout_error', 'Timeout')],
    ['529', anthropicError(529, 'overloaded_error', 'Overloaded')],
    ['a connection reset', 'reset'],
    ['a stalled request (timeout)', 'stall'],
    ['truncated JSON', { status: 200, raw: '{"ok": tr' }],
    ['malformed JSON', { status: 200, raw: '<html>oops</html>' }],
    ['a body cut mid-stream', 'cut'],
  ])('%s is retried, then the call succeeds', async (_name, step) => {
    const c = client([step, step, OK]);
    const r = await c.get();
    expect(r.data.ok).toBe(true);
    expect(r.attempts).toBe(3);
    expect(c.fake.calls).toHaveLength(3);
  });

  it('a stalled request is abandoned after the timeout, then retried with backoff', async () => {
    const c = client(['stall', OK]);
    await c.get();
    // 10 s timeout, then backoff 0.5 * 1 s.
    expect(c.fake.calls[1]!.at - c.fake.calls[0]!.at).toBe(10_000 + 500);
    expect(c.exchanges[0]).toMatchObject({ outcome: 'retry', reason: 'timeout', status: null });
  });

  it('backs off exponentially with full jitter: 1 s doubling, capped at 60 s', async () => {
    const steps: Step[] = Array.from({ length: 9 }, () => anthropicError(503, 'overloaded_error', 'Overloaded'));
    const c = client([...steps, OK], { retry: { maxAttempts: 10 } });
    await c.get();
    const gaps = c.fake.calls.slice(1).map((call, i) => call.at - c.fake.calls[i]!.at);
    expect(gaps).toEqual([500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });

  it('full jitter draws from [0, ceiling): random 0 retries at once, random 0.999 near the ceiling', async () => {
    const low = client([anthropicError(503, 'overloaded_error', 'x'), OK], { random: fixedRandom(0) });
    await low.get();
    expect(low.fake.calls[1]!.at - low.fake.calls[0]!.at).toBe(0);
    const high = client([anthropicError(503, 'overloaded_error', 'x'), anthropicError(503, 'overloaded_error', 'x'), OK], { random: fixedRandom(0.999) });
    await high.get();
    expect(high.fake.calls[2]!.at - high.fake.calls[1]!.at).toBe(1998);
  });

  it('a persistent 503 surfaces UPSTREAM after exactly N attempts, not an endless loop', async () => {
    const steps: Step[] = Array.from({ length: 10 }, () => anthropicError(503, 'overloaded_error', 'Overloaded', 'req_last'));
    const c = client(steps, { retry: { maxAttempts: 4 } });
    const e = await failure(c.get());
    expect(c.fake.calls).toHaveLength(4);
    expect(e.code).toBe('UPSTREAM');
    expect(e.details).toMatchObject({ reason: 'server-error', status: 503, attempts: 4, requestId: 'req_last' });
    expect(e.message).toContain('after 4 attempts');
    expect(c.exchanges.at(-1)?.outcome).toBe('failed');
  });

  it('persistent connection failures surface UPSTREAM naming the cause, not the URL secrets', async () => {
    const c = client(['reset', 'reset', 'reset'], { retry: { maxAttempts: 3 } });
    const e = await failure(c.get());
    expect(e.code).toBe('UPSTREAM');
    expect(e.details.reason).toBe('network');
    expect(e.message).toContain('ECONNRESET');
    expect(e.message).toContain('3 times in a row');
  });

  it('persistent timeouts surface UPSTREAM with reason timeout', async () => {
    const c = client(['stall', 'stall'], { retry: { maxAttempts: 2 } });
    const e = await failure(c.get());
    expect(e.details.reason).toBe('timeout');
    expect(e.message).toContain('within 10 s');
  });

  it('a persistent 429 surfaces a rate-limit status after N attempts', async () => {
    const r429: Step = { status: 429, body: {}, headers: { 'retry-after': '1' } };
    const c = client([r429, r429, r429], { retry: { maxAttempts: 3 } });
    const e = await failure(c.get());
    expect(c.fake.calls).toHaveLength(3);
    expect(e.details.reason).toBe('rate-limited');
    expect(e.message).toContain('still rate-limiting');
  });

  it('a retry-after longer than the policy allows is reported at once, not slept through', async () => {
    const c = client([{ status: 429, body: {}, headers: { 'retry-after': '3600' } }, OK]);
    const e = await failure(c.get());
    expect(c.fake.calls).toHaveLength(1);
    expect(e.code).toBe('UPSTREAM');
    expect(e.message).toContain('asked to wait 3600 s');
  });
});

describe('HttpClient: refusals are never retried and become typed errors', () => {
  it('400 is VALIDATION_FAILED with the vendor message', async () => {
    const c = client([anthropicError(400, 'invalid_request_error', 'The limit parameter must be between 1 and 1000, inclusive. Got 1500.'), OK]);
    const e = await failure(c.get());
    expect(c.fake.calls).toHaveLength(1);
    expect(e.code).toBe('VALIDATION_FAILED');
    expect(e.message).toContain('The limit parameter must be between 1 and 1000, inclusive. Got 1500');
    expect(e.details.vendorType).toBe('invalid_request_error');
  });

  it('401 is KEY_REJECTED: revoked or invalid, reconnect; the key shows only as its hint', async () => {
    const c = client([anthropicError(401, 'authentication_error', 'The API key provided is invalid or has been revoked.', 'req_401'), OK]);
    const e = await failure(c.get());
    expect(c.fake.calls).toHaveLength(1);
    expect(e.code).toBe('KEY_REJECTED');
    expect(e.message).toContain('revoked or is invalid');
    expect(e.message).toContain('Reconnect');
    expect(e.message).toContain('sk-ant-api01-…Wx9z');
    expect(e.message).not.toContain(COMPLIANCE_KEY);
    expect(e.details.requestId).toBe('req_401');
  });

  it('403 is FORBIDDEN with the scopes parsed and the missing one named', async () => {
    const c = client([anthropicError(403, 'permission_error', MISSING_SCOPES(['read:compliance_activities'], ['read:compliance_user_data'])), OK]);
    const e = await failure(c.get());
    expect(c.fake.calls).toHaveLength(1);
    expect(e.code).toBe('FORBIDDEN');
    expect(e.details.scopes).toEqual({ got: ['read:compliance_activities'], needed: ['read:compliance_user_data'], missing: ['read:compliance_user_data'] });
    expect(e.message).toContain('lacks the scope read:compliance_user_data');
    expect(e.message).toContain('it holds read:compliance_activities');
  });

  it('404 is NOT_FOUND with the vendor message, not retried', async () => {
    const c = client([anthropicError(404, 'not_found_error', 'Chat claude_chat_x not found.'), OK]);
    const e = await failure(c.get());
    expect(c.fake.calls).toHaveLength(1);
    expect(e.code).toBe('NOT_FOUND');
    expect(e.message).toContain('Chat claude_chat_x not found');
  });

  it('a key echoed in a vendor message is scrubbed to its hint', async () => {
    const c = client([anthropicError(400, 'invalid_request_error', `Bad header ${COMPLIANCE_KEY}`)]);
    const e = await failure(c.get());
    expect(e.message).not.toContain(COMPLIANCE_KEY);
    expect(e.message).toContain('sk-ant-api01-…Wx9z');
  });

  it('a 200 of an unexpected shape is UPSTREAM and not retried', async () => {
    const c = client([{ status: 200, body: { ok: 'yes' } }, OK]);
    const e = await failure(c.get());
    expect(c.fake.calls).toHaveLength(1);
    expect(e.code).toBe('UPSTREAM');
    expect(e.details.reason).toBe('unexpected-shape');
    expect(e.where?.field).toBe('ok');
  });

  it('an aborted caller gets CANCELLED and no further attempts', async () => {
    const clock = new VirtualClock();
    const controller = new AbortController();
    // The caller gives up while the first request hangs.
    const fake = fakeFetch((_req, n) => {
      if (n === 0) queueMicrotask(() => controller.abort());
      return n === 0 ? 'stall' : OK;
    }, clock);
    const http = new HttpClient({
      baseUrl: 'https://x',
      fetch: fake.fetch,
      key: secretOf(COMPLIANCE_KEY),
      authHeaders: () => ({}),
      wording: { vendor: 'v', reconnect: 'r', unauthorizedMayMeanPermission: false },
      clock,
      timeoutMs: 60_000,
    });
    const p = http.request({ method: 'GET', path: '/x', schema: Ok, signal: controller.signal });
    await expect(p).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(fake.calls).toHaveLength(1);
  });
});
