import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startSim, type Sim } from './helpers';

let sim: Sim;
beforeAll(async () => {
  sim = await startSim();
});
afterAll(async () => {
  await sim.close();
});

const admin = (path: string): ReturnType<typeof call> => call(sim, path, { key: sim.keys.anthropicAdmin });
const openai = (path: string): ReturnType<typeof call> => call(sim, path, { bearer: sim.keys.openaiAdmin });
const unix = (iso: string): number => Date.parse(iso) / 1000;
type Bucket = { starting_at: string; ending_at: string; results: Array<Record<string, unknown>> };
const tokens = (b: Bucket[]): number => b.flatMap((x) => x.results).reduce((n, r) => n + Number(r.output_tokens ?? 0), 0);

describe('Anthropic Admin API reports', () => {
  it('usage buckets: starting_at snapped to the bucket, empty intervals included with results [], oldest first', async () => {
    const r = await admin('/v1/organizations/usage_report/messages?starting_at=2026-01-10T13:45:10Z&ending_at=2026-01-11T00:00:00Z&bucket_width=1h&limit=168');
    expect(r.status).toBe(200);
    expect(r.json.data[0]).toEqual({ starting_at: '2026-01-10T13:00:00Z', ending_at: '2026-01-10T14:00:00Z', results: [] }); // before any usage
    expect(r.json.data).toHaveLength(11);
    expect(r.json).toMatchObject({ has_more: false, next_page: null });
  });

  it('dimension fields are null unless grouped; grouping splits rows', async () => {
    const plain = await admin('/v1/organizations/usage_report/messages?starting_at=2026-09-01T00:00:00Z&ending_at=2026-09-08T00:00:00Z');
    const rows = plain.json.data.flatMap((b: Bucket) => b.results);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toMatchObject({ model: null, api_key_id: null, workspace_id: null, service_tier: null, cache_creation: expect.any(Object), server_tool_use: expect.any(Object) });
    const grouped = await admin('/v1/organizations/usage_report/messages?starting_at=2026-09-01T00:00:00Z&ending_at=2026-09-08T00:00:00Z&group_by[]=model&group_by[]=workspace_id');
    const g = grouped.json.data.flatMap((b: Bucket) => b.results);
    expect(new Set(g.map((x: { model: string }) => x.model)).size).toBeGreaterThan(1);
    expect(g.some((x: { workspace_id: string | null }) => x.workspace_id === null)).toBe(true); // the default workspace
    expect(g.every((x: { api_key_id: unknown }) => x.api_key_id === null)).toBe(true);
    expect(tokens(grouped.json.data)).toBe(tokens(plain.json.data));
  });

  it('recent buckets fill in as the clock moves (data lands over ~5 minutes)', async () => {
    sim.clock.set(Date.UTC(2026, 9, 1, 10, 0, 0));
    const q = '/v1/organizations/usage_report/messages?starting_at=2026-10-01T00:00:00Z&bucket_width=1d&limit=1';
    const first = tokens((await admin(q)).json.data);
    sim.clock.advance(3 * 3600_000);
    const later = tokens((await admin(q)).json.data);
    expect(later).toBeGreaterThan(first);
  });

  it('costs are decimal strings in cents, USD; grouping by description parses model and token type; code execution is cost-only', async () => {
    const r = await admin('/v1/organizations/cost_report?starting_at=2026-09-01T00:00:00Z&ending_at=2026-09-08T00:00:00Z&group_by[]=description&group_by[]=workspace_id');
    const rows = r.json.data.flatMap((b: Bucket) => b.results);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.amount).toMatch(/^\d+\.\d{2,6}$/);
      expect(row.currency).toBe('USD');
    }
    const tok = rows.find((x: { cost_type: string }) => x.cost_type === 'tokens');
    expect(tok).toMatchObject({ description: expect.stringMatching(/^Claude .* Usage - /), model: expect.any(String), token_type: expect.any(String) });
    expect(rows.some((x: { cost_type: string }) => x.cost_type === 'code_execution')).toBe(true);
    const plain = await admin('/v1/organizations/cost_report?starting_at=2026-09-01T00:00:00Z&ending_at=2026-09-02T00:00:00Z');
    expect(plain.json.data[0].results[0]).toMatchObject({ description: null, model: null, token_type: null, cost_type: null, workspace_id: null });
    expect((await admin('/v1/organizations/cost_report?starting_at=2026-09-01T00:00:00Z&bucket_width=1h')).status).toBe(400);
  });

  it('Claude Code analytics: one UTC day per call, a date not a timestamp, local and remote rows apart', async () => {
    const bad = await admin('/v1/organizations/usage_report/claude_code?starting_at=2026-09-10T00:00:00Z');
    expect(bad.status).toBe(400);
    const r = await admin('/v1/organizations/usage_report/claude_code?starting_at=2026-09-10&limit=1000');
    expect(r.status).toBe(200);
    expect(r.json.data.length).toBeGreaterThan(0);
    expect(r.json.data[0]).toMatchObject({ date: '2026-09-10T00:00:00Z', customer_type: expect.any(String), core_metrics: { num_sessions: expect.any(Number) }, model_breakdown: [{ estimated_cost: { currency: 'USD', amount: expect.any(Number) } }] });
    expect(new Set(r.json.data.map((x: { is_remote: boolean }) => x.is_remote))).toEqual(new Set([true, false]));
    expect(new Set(r.json.data.map((x: { actor: { type: string } }) => x.actor.type))).toEqual(new Set(['user_actor', 'api_actor']));
  });

  it('workspaces hide archived ones unless asked; api_keys filter by status', async () => {
    const ws = await admin('/v1/organizations/workspaces');
    const all = await admin('/v1/organizations/workspaces?include_archived=true');
    expect(all.json.data.length).toBe(ws.json.data.length + 1);
    const inactive = await admin('/v1/organizations/api_keys?status=inactive');
    expect(inactive.json.data.every((k: { status: string }) => k.status === 'inactive')).toBe(true);
    expect((await admin('/v1/organizations/me')).json).toMatchObject({ type: 'organization', id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  });
});

describe('OpenAI Admin API', () => {
  it('costs: daily buckets with amount.value in dollars as a number and currency "usd"; group_by=line_item fills quantity', async () => {
    const r = await openai(`/v1/organization/costs?start_time=${unix('2026-09-01T00:00:00Z')}&end_time=${unix('2026-09-04T00:00:00Z')}&group_by=line_item`);
    expect(r.json.object).toBe('page');
    expect(r.json.data).toHaveLength(3);
    expect(r.json.data[0]).toMatchObject({ object: 'bucket', start_time: unix('2026-09-01T00:00:00Z'), end_time: unix('2026-09-02T00:00:00Z') });
    const row = r.json.data.flatMap((b: { results: unknown[] }) => b.results)[0];
    expect(row).toMatchObject({ object: 'organization.costs.result', amount: { value: expect.any(Number), currency: 'usd' }, line_item: expect.any(String), quantity: expect.any(Number), quantity_unit: 'tokens', project_id: null });
  });

  it('usage/completions: grouping fields null unless grouped', async () => {
    const r = await openai(`/v1/organization/usage/completions?start_time=${unix('2026-09-01T00:00:00Z')}&end_time=${unix('2026-09-02T00:00:00Z')}&group_by[]=model`);
    const rows = r.json.data.flatMap((b: { results: unknown[] }) => b.results);
    expect(rows.length).toBeGreaterThan(1);
    expect(rows[0]).toMatchObject({ object: 'organization.usage.completions.result', model: expect.any(String), project_id: null, api_key_id: null, input_tokens: expect.any(Number) });
  });

  it('audit logs: payload under a key named after the type; project missing for org-level events; tenant_only rules', async () => {
    const r = await openai('/v1/organization/audit_logs?limit=100');
    for (const e of r.json.data) expect(e[e.type]).toBeDefined();
    const login = r.json.data.find((e: { type: string }) => e.type === 'login.succeeded');
    expect(login).not.toHaveProperty('project');
    expect(login.actor.type).toBe('session');
    expect((await openai('/v1/organization/audit_logs?tenant_only=true&event_types[]=login.succeeded')).status).toBe(400);
    const tenant = await openai('/v1/organization/audit_logs?tenant_only=true');
    expect(tenant.json.data.length).toBeGreaterThan(0);
    expect(tenant.json.data.every((e: { type: string }) => e.type.startsWith('tenant.'))).toBe(true);
    const window = await openai(`/v1/organization/audit_logs?effective_at[gte]=${unix('2026-06-01T00:00:00Z')}&effective_at[lt]=${unix('2026-07-01T00:00:00Z')}&limit=100`);
    expect(window.json.data.every((e: { effective_at: number }) => e.effective_at >= unix('2026-06-01T00:00:00Z') && e.effective_at < unix('2026-07-01T00:00:00Z'))).toBe(true);
  });

  it('users and projects list with the OpenAI list envelope; archived projects only on request', async () => {
    const users = await openai('/v1/organization/users');
    expect(users.json).toMatchObject({ object: 'list', has_more: false, first_id: expect.stringMatching(/^user-/) });
    const p = await openai('/v1/organization/projects');
    const all = await openai('/v1/organization/projects?include_archived=true');
    expect(all.json.data.length).toBe(p.json.data.length + 1);
    expect(all.json.data.find((x: { status: string }) => x.status === 'archived')).toMatchObject({ object: 'organization.project' });
  });
});
