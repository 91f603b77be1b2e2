import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { centsToDollarsText } from '../../../electron/services/review-activity';
import { allPages, closeWorld, control, enterprise, expectNoneOf, failed, ok, pull, pulledWorld, type World } from './helpers';

/**
 * activity.query, activity.keyUsage and usage.summary return what the capture stored:
 * checked against the capture tables' own JSON, read independently here. Money is exact
 * decimal text (checked with integer arithmetic), and emails never leave unmasked.
 */

let w: World;
type Ev = { source: 'anthropic' | 'openai'; id: string; type: string; at: string; body: Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
let stored: Ev[];
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let feed: any[];
let complianceKeyId: string;

beforeAll(async () => {
  w = await pulledWorld();
  // The feed lags a minute: move on, pull again, and the first pull's own compliance_api_accessed rows arrive.
  w.sim.clock.advance(2 * 60_000);
  expect((await pull(w.app.services.workspace, w.tenantId)).status).toBe('complete');
  const db = w.app.services.workspace.vault.db;
  stored = [
    ...(db.prepare('SELECT id, type, created_at AS at, body FROM capture_activities').all() as Array<{ id: string; type: string; at: string; body: string }>).map((r) => ({ source: 'anthropic' as const, ...r, body: JSON.parse(r.body) })),
    ...(db.prepare('SELECT id, type, effective_at, body FROM capture_audit_events').all() as Array<{ id: string; type: string; effective_at: number; body: string }>).map((r) => ({
      source: 'openai' as const,
      id: r.id,
      type: r.type,
      at: new Date(r.effective_at * 1000).toISOString().replace('.000Z', 'Z'),
      body: JSON.parse(r.body),
    })),
  ];
  const keys = (await control(w.sim, 'GET', '/keys')) as { all: Array<{ id: string; key: string }> };
  complianceKeyId = keys.all.find((k) => k.key === w.sim.keys.complianceFull)!.id;
  feed = (await allPages(w.app.call, 'activity.query', {}, (v) => v.rows, 500)).rows;
});
afterAll(() => closeWorld(w));

const idsOf = (xs: Array<{ id: string }>) => xs.map((x) => x.id).sort();
const emails = () => (enterprise(w.truth).orgs ?? []).flatMap((o) => o.users.map((u) => u.email));

describe('captured activity', () => {
  it('lists every Activity Feed row and OpenAI audit event, newest first, emails masked everywhere', () => {
    expect(idsOf(feed)).toEqual(idsOf(stored));
    for (let i = 1; i < feed.length; i++) expect(feed[i - 1].at >= feed[i].at).toBe(true);
    expect(feed.some((r) => r.type === 'compliance_api_accessed')).toBe(true);
    const login = feed.find((r) => r.type === 'sso_login_succeeded');
    expect(login.actor).toMatchObject({ type: 'user_actor', email: '[EMAIL]' });
    expect(login.actor.id).toMatch(/^user_/);
    expect(login.body.actor.email_address).toBe('[EMAIL]');
    const session = feed.find((r) => r.source === 'openai' && r.body.actor?.type === 'session');
    expect(session.actor).toMatchObject({ type: 'session', email: '[EMAIL]' });
    expectNoneOf(feed, emails(), 'the activity feed');
    const db = w.app.services.workspace.vault.db;
    for (const r of feed.slice(0, 20)) {
      const table = r.source === 'anthropic' ? 'capture_activities' : 'capture_audit_events';
      expect(r.recordSeq).toBe(db.prepare(`SELECT record_seq FROM ${table} WHERE id = ?`).pluck().get(r.id));
    }
  });

  it('filters by source, type, actor id and email, API key, organisation and time', async () => {
    const user = stored.find((e) => e.source === 'anthropic' && e.body.actor?.type === 'user_actor')!.body.actor;
    const oaUser = stored.find((e) => e.source === 'openai' && e.body.actor?.session?.user)!.body.actor.session.user;
    const org = stored.find((e) => e.body.organization_uuid)!.body.organization_uuid;
    const times = stored.map((e) => e.at).sort();
    const mid = times[Math.floor(times.length / 2)]!;
    const cases: Array<[Record<string, unknown>, (e: Ev) => boolean]> = [
      [{ sources: ['openai'] }, (e) => e.source === 'openai'],
      [{ sources: ['anthropic'] }, (e) => e.source === 'anthropic'],
      [{ types: ['claude_chat_created', 'login.failed'] }, (e) => e.type === 'claude_chat_created' || e.type === 'login.failed'],
      [{ actorId: user.user_id }, (e) => e.body.actor?.user_id === user.user_id],
      // Sign-in attempts name the address before it is authenticated; they count as that actor's too.
      [{ actorEmail: user.email_address.toUpperCase() }, (e) => e.body.actor?.email_address === user.email_address || e.body.actor?.unauthenticated_email_address === user.email_address],
      [{ actorEmail: oaUser.email }, (e) => e.body.actor?.session?.user?.email === oaUser.email || e.body.actor?.api_key?.user?.email === oaUser.email],
      [{ apiKeyId: complianceKeyId }, (e) => e.body.actor?.api_key_id === complianceKeyId || e.body.api_key_id === complianceKeyId],
      [{ orgId: org }, (e) => e.body.organization_uuid === org || e.body.organization_id === org],
      [{ range: { from: mid } }, (e) => e.at >= mid],
      [{ range: { to: mid }, sources: ['anthropic'] }, (e) => e.source === 'anthropic' && e.at <= mid],
    ];
    for (const [filter, keep] of cases) {
      const got = await allPages(w.app.call, 'activity.query', filter, (v) => v.rows, 50);
      const want = stored.filter(keep);
      expect(want.length, JSON.stringify(filter)).toBeGreaterThan(0);
      expect(idsOf(got.rows), JSON.stringify(filter)).toEqual(idsOf(want));
    }
    expect(failed(await w.app.call('activity.query', { sources: ['slack'] }))).toMatchObject({ code: 'VALIDATION_FAILED', where: { field: 'sources[0]' } });
    expect(failed(await w.app.call('activity.query', { actorEmial: 'x@y.z' })).message).toMatch(/actorEmial/);
  });

  it('says what one API key did: its events by type and by day, acted or acted upon, and its tokens', async () => {
    const u = ok(await w.app.call('activity.keyUsage', { apiKeyId: complianceKeyId }));
    const mine = stored.filter((e) => e.body.actor?.api_key_id === complianceKeyId || e.body.api_key_id === complianceKeyId);
    expect(u.total).toBe(mine.length);
    expect(u.byType.find((t: { type: string }) => t.type === 'compliance_api_accessed')).toMatchObject({ source: 'anthropic', relation: 'actor', count: mine.filter((e) => e.type === 'compliance_api_accessed').length });
    expect(u.byDay.reduce((n: number, d: { count: number }) => n + d.count, 0)).toBe(mine.length);
    expect(u.first <= u.last).toBe(true);

    // An OpenAI key is acted upon (created, updated, deleted) in the audit log.
    const created = stored.find((e) => e.type === 'api_key.created')!;
    const oaKey = created.body['api_key.created'].id as string;
    const k = ok(await w.app.call('activity.keyUsage', { apiKeyId: oaKey }));
    expect(k.byType).toContainEqual({ source: 'openai', type: 'api_key.created', relation: 'subject', count: 1 });

    // An Anthropic API key's tokens, per day, from the usage report.
    const db = w.app.services.workspace.vault.db;
    const usage = (db.prepare("SELECT bucket, body FROM capture_buckets WHERE report = 'anthropic.usage'").all() as Array<{ bucket: string; body: string }>).map((b) => ({ day: b.bucket.slice(0, 10), results: JSON.parse(b.body).results as Array<Record<string, any>> })); // eslint-disable-line @typescript-eslint/no-explicit-any
    const apiKey = usage.flatMap((b) => b.results).find((r) => r.api_key_id)!.api_key_id as string;
    const t = ok(await w.app.call('activity.keyUsage', { apiKeyId: apiKey }));
    const output = usage.flatMap((b) => b.results.filter((r) => r.api_key_id === apiKey)).reduce((n, r) => n + (r.output_tokens ?? 0), 0);
    expect(output).toBeGreaterThan(0);
    expect(t.tokensByDay.reduce((n: number, d: { output: number }) => n + d.output, 0)).toBe(output);
  });
});

describe('usage and cost', () => {
  // Exact sums in integer micro-units, independent of the service's decimal text.
  const micros = (s: string, places: number) => {
    const [i = '0', f = ''] = s.replace('-', '').split('.');
    const v = BigInt(i + f.padEnd(places, '0').slice(0, places));
    return s.startsWith('-') ? -v : v;
  };

  it('sums tokens and costs per day, model, workspace, key and project, money as exact decimal text', async () => {
    const s = ok(await w.app.call('usage.summary', {}));
    const db = w.app.services.workspace.vault.db;
    const rows = (report: string) => (db.prepare('SELECT bucket, body FROM capture_buckets WHERE report = ?').all(report) as Array<{ bucket: string; body: string }>).flatMap((b) => (JSON.parse(b.body).results as Array<Record<string, any>>).map((r) => ({ day: b.bucket.slice(0, 10), r }))); // eslint-disable-line @typescript-eslint/no-explicit-any
    const usage = rows('anthropic.usage');
    const cost = rows('anthropic.cost');
    const oai = rows('openai.costs');
    expect(usage.length * cost.length * oai.length).toBeGreaterThan(0);

    expect(s.anthropic.tokens.total.output).toBe(usage.reduce((n, x) => n + (x.r.output_tokens ?? 0), 0));
    expect(s.anthropic.tokens.total.uncachedInput).toBe(usage.reduce((n, x) => n + (x.r.uncached_input_tokens ?? 0), 0));
    for (const group of ['byDay', 'byModel', 'byWorkspace', 'byApiKey', 'byAccount'] as const) {
      expect(s.anthropic.tokens[group].reduce((n: number, g: { output: number }) => n + g.output, 0), group).toBe(s.anthropic.tokens.total.output);
    }
    const model = usage[0]!.r.model as string;
    expect(s.anthropic.tokens.byModel.find((g: { key: string }) => g.key === model).output).toBe(usage.filter((x) => x.r.model === model).reduce((n, x) => n + (x.r.output_tokens ?? 0), 0));

    // Anthropic: cents in, dollars out, to the last digit.
    const cents = cost.reduce((n, x) => n + micros(x.r.amount, 8), 0n);
    expect(micros(s.anthropic.cost.total, 10)).toBe(cents);
    for (const group of ['byDay', 'byModel', 'byWorkspace', 'byDescription'] as const) {
      expect(s.anthropic.cost[group].reduce((n: bigint, g: { amount: string }) => n + micros(g.amount, 10), 0n), group).toBe(cents);
    }
    // OpenAI: per project.
    const dollars = oai.reduce((n, x) => n + micros(x.r.amount.value_text, 10), 0n);
    expect(micros(s.openai.cost.total, 10)).toBe(dollars);
    const projects = [...new Set(oai.map((x) => x.r.project_id ?? null))].sort();
    expect(s.openai.cost.byProject.map((g: { key: string | null }) => g.key).sort()).toEqual(projects);
    for (const g of s.openai.cost.byProject) {
      expect(micros(g.amount, 10)).toBe(oai.filter((x) => (x.r.project_id ?? null) === g.key).reduce((n, x) => n + micros(x.r.amount.value_text, 10), 0n));
    }
    for (const m of [s.anthropic.cost.total, s.openai.cost.total, ...s.openai.cost.byDay.map((g: { amount: string }) => g.amount)]) expect(m).toMatch(/^-?\d+(\.\d+)?$/);
    expect(s.currency).toBe('USD');
  });

  it('narrows to a date range', async () => {
    const all = ok(await w.app.call('usage.summary', {}));
    const day = all.anthropic.tokens.byDay.at(-2).key as string;
    const one = ok(await w.app.call('usage.summary', { range: { from: day, to: day } }));
    expect(one.anthropic.tokens.byDay.map((g: { key: string }) => g.key)).toEqual([day]);
    const { key: _key, ...dayTotals } = all.anthropic.tokens.byDay.at(-2);
    expect(one.anthropic.tokens.total).toEqual(dayTotals);
    expect(one.from.slice(0, 10)).toBe(day);
    expect(failed(await w.app.call('usage.summary', { range: { from: '2026-13-45' } }))).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('moves the decimal point of cents as text', () => {
    expect(centsToDollarsText('173.2895')).toBe('1.732895');
    expect(centsToDollarsText('5')).toBe('0.05');
    expect(centsToDollarsText('0.5')).toBe('0.005');
    expect(centsToDollarsText('-1200')).toBe('-12');
    expect(centsToDollarsText('100.00')).toBe('1');
    expect(centsToDollarsText('0')).toBe('0');
  });
});
