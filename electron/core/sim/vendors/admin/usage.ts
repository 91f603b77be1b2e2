import { isoSeconds } from '../../clock';
import { header, type Ctx } from '../../http/context';
import { decodeCursor, encodeCursor } from '../../http/pagination';
import { enumParam, limitParam, parseRfc3339, timestampParam, type Query } from '../../http/query';
import { InputError, ok, type Reply } from '../../http/reply';
import { hash32 } from '../../random/prng';
import { DAY_MS } from '../../types';
import { bucketStarts, centsString, groupRows, snap, unitsIn, type UsageCombo, type Width } from '../../data/usage';
import type { ConsoleOrg, Tenant } from '../../model/entities';
import { consoleOrg, type AdminPrincipal } from './principal';

/** Usage report, cost report, Claude Code analytics (reference §3–5). */

const MODELS: ReadonlyArray<readonly [string, string, number, number]> = [
  // id, display name, input and output price in micro-cents per token
  ['claude-opus-4-6', 'Claude Opus 4.6', 500, 2500],
  ['claude-sonnet-4-5', 'Claude Sonnet 4.5', 300, 1500],
  ['claude-haiku-4-5', 'Claude Haiku 4.5', 100, 500],
];
const USAGE_DIMS = ['model', 'api_key_id', 'workspace_id', 'account_id', 'service_account_id', 'service_tier', 'context_window', 'inference_geo', 'speed'] as const;
const LIMITS: Record<Width, { def: number; max: number }> = { '1d': { def: 7, max: 31 }, '1h': { def: 24, max: 168 }, '1m': { def: 60, max: 1440 } };

const combosCache = new WeakMap<ConsoleOrg, UsageCombo[]>();

/** Each API key (with its workspace) x model x tier, plus Console/Playground usage with no key. */
function combos(org: ConsoleOrg): UsageCombo[] {
  let out = combosCache.get(org);
  if (out) return out;
  out = [];
  const keys: Array<{ id: string | null; ws: string | null; account: string | null }> = [...org.apiKeys.map((k) => ({ id: k.id, ws: k.workspaceId, account: null })), { id: null, ws: null, account: org.members[0]?.id ?? null }];
  for (const k of keys) {
    for (const [model] of MODELS) {
      for (const tier of ['standard', 'batch']) {
        out.push({
          index: out.length,
          weight: tier === 'batch' ? 0.4 : model.includes('haiku') ? 1.5 : 1,
          dims: { model, api_key_id: k.id, workspace_id: k.ws, account_id: k.account, service_account_id: null, service_tier: tier, context_window: model.includes('sonnet') && out.length % 5 === 0 ? '200k-1M' : '0-200k', inference_geo: out.length % 3 === 0 ? 'us' : 'global', speed: 'standard' },
        });
      }
    }
  }
  combosCache.set(org, out);
  return out;
}

function queryHash(q: Query): number {
  return hash32(q.fingerprint(['page']));
}

interface Window {
  start: number;
  end: number;
  width: Width;
  limit: number;
  pageStart: number;
}

/** starting_at (required) snapped to the bucket, ending_at, bucket_width, limit, page; a token is tied to its query. */
function bucketWindow(ctx: Ctx, org: ConsoleOrg, scope: string, widths: readonly Width[]): Window {
  const q = ctx.query;
  if (!q.has('starting_at')) throw new InputError('starting_at: Field required', 'starting_at');
  const width = enumParam(q, 'bucket_width', widths, '1d');
  const rawStart = timestampParam(q, 'starting_at') as number;
  const rawEnd = timestampParam(q, 'ending_at');
  const limits = scope === 'cost' ? { def: 7, max: 31 } : LIMITS[width]; // cost limits [inferred]: same as 1d usage
  const limit = limitParam(q, limits);
  const start = snap(rawStart, width);
  const end = rawEnd ?? ctx.world.clock.now();
  if (rawEnd !== undefined && rawEnd <= rawStart) throw new InputError('ending_at must be after starting_at.', 'ending_at');
  let pageStart = start;
  const page = q.get('page');
  if (page !== undefined) {
    const tok = page.startsWith('page_') ? decodeCursor(page.slice(5)) : null;
    if (!tok || tok.s !== scope || tok.o !== org.uuid || tok.q !== queryHash(q) || typeof tok.t !== 'number' || tok.t < start) throw new InputError(`Invalid \`page\`. The page parameter is not a valid cursor for this request. Got "${page}".`, 'page');
    pageStart = tok.t;
  }
  return { start, end, width, limit, pageStart };
}

function pageEnvelope(ctx: Ctx, org: ConsoleOrg, scope: string, w: Window, makeBucket: (s: number, e: number) => unknown[]): Reply {
  const span = w.width === '1m' ? 60_000 : w.width === '1h' ? 3_600_000 : DAY_MS;
  const { starts, next } = bucketStarts(w.pageStart, w.end, w.width, w.limit);
  return ok({
    data: starts.map((s) => ({ starting_at: isoSeconds(s), ending_at: isoSeconds(s + span), results: makeBucket(s, s + span) })),
    has_more: next !== null,
    next_page: next === null ? null : 'page_' + encodeCursor({ s: scope, o: org.uuid, t: next, q: queryHash(ctx.query) }),
  });
}

function listFilter(q: Query, dims: Record<string, string | boolean | null>): boolean {
  const checks: Array<[string, string]> = [['models', 'model'], ['api_key_ids', 'api_key_id'], ['workspace_ids', 'workspace_id'], ['account_ids', 'account_id'], ['service_account_ids', 'service_account_id'], ['service_tiers', 'service_tier'], ['context_window', 'context_window'], ['inference_geos', 'inference_geo'], ['speeds', 'speed']];
  for (const [param, dim] of checks) {
    const want = q.list(param);
    if (want.length > 0 && !want.includes(String(dims[dim]))) return false;
  }
  return true;
}

function groupByParam(ctx: Ctx, allowed: readonly string[]): string[] {
  const groupBy = ctx.query.list('group_by');
  for (const g of groupBy) if (!allowed.includes(g)) throw new InputError(`Invalid value for \`group_by[]\`: "${g}". Must be one of: ${allowed.join(', ')}.`, 'group_by[]');
  const fast = (header(ctx, 'anthropic-beta') ?? '').includes('fast-mode-2026-02-01');
  if (!fast && (groupBy.includes('speed') || ctx.query.list('speeds').length > 0)) throw new InputError('Grouping or filtering by `speed` requires the `anthropic-beta: fast-mode-2026-02-01` header.', 'speeds[]'); // [inferred]
  return groupBy;
}

interface UsageRow {
  dims: Record<string, string | boolean | null>;
  units: number;
}

export function usageMessages(ctx: Ctx, p: AdminPrincipal): Reply {
  const org = consoleOrg(ctx, p);
  const groupBy = groupByParam(ctx, USAGE_DIMS);
  const w = bucketWindow(ctx, org, 'usage', ['1m', '1h', '1d']);
  const seed = ctx.world.seed;
  const visible = ctx.world.clock.now() - ctx.world.config.usageLagMs;
  const cs = combos(org).filter((c) => listFilter(ctx.query, c.dims));
  return pageEnvelope(ctx, org, 'usage', w, (s, e) => {
    const rows: UsageRow[] = [];
    for (const c of cs) {
      const units = unitsIn(seed, `anthropic:${p.tenant.key}`, c, s, e, visible);
      if (units > 0) rows.push({ dims: c.dims, units });
    }
    return groupRows(rows, groupBy, USAGE_DIMS, (a, r) => void (a.units += r.units), (r) => ({ ...r })).map((r) => ({
      uncached_input_tokens: r.units * 37,
      cache_creation: { ephemeral_1h_input_tokens: r.units * 3, ephemeral_5m_input_tokens: r.units * 7 },
      cache_read_input_tokens: r.units * 53,
      output_tokens: r.units * 11,
      server_tool_use: { web_search_requests: Math.floor(r.units / 40) },
      ...r.dims,
    }));
  });
}

const TOKEN_TYPES: ReadonlyArray<readonly [string, number, string]> = [
  // token_type, tokens per unit, price as a fraction of the model's input (output uses the output price)
  ['uncached_input_tokens', 37, 'Input Tokens'],
  ['output_tokens', 11, 'Output Tokens'],
  ['cache_read_input_tokens', 53, 'Input Tokens, Cache Read'],
  ['cache_creation.ephemeral_5m_input_tokens', 7, 'Input Tokens, Cache Write (5m)'],
  ['cache_creation.ephemeral_1h_input_tokens', 3, 'Input Tokens, Cache Write (1h)'],
];

function priceMicroCents(model: string, tokenType: string, tier: string): number {
  const m = MODELS.find((x) => x[0] === model) ?? MODELS[0];
  const [, , input, output] = m ?? ['', '', 0, 0];
  const base = tokenType === 'output_tokens' ? output : tokenType === 'cache_read_input_tokens' ? input / 10 : tokenType.endsWith('5m_input_tokens') ? (input * 5) / 4 : tokenType.endsWith('1h_input_tokens') ? input * 2 : input;
  return tier === 'batch' ? base / 2 : base;
}

interface CostRow {
  dims: Record<string, string | boolean | null>;
  micro: number;
}
const COST_DIMS = ['workspace_id', 'description', 'cost_type', 'token_type', 'model', 'service_tier', 'context_window', 'inference_geo'] as const;

export function costReport(ctx: Ctx, p: AdminPrincipal): Reply {
  const org = consoleOrg(ctx, p);
  const groupBy = groupByParam(ctx, ['workspace_id', 'description']);
  const w = bucketWindow(ctx, org, 'cost', ['1d']);
  const seed = ctx.world.seed;
  const visible = ctx.world.clock.now() - ctx.world.config.usageLagMs;
  // grouping by description parses model/token type/etc. out of it, so they group too
  const effective = groupBy.includes('description') ? [...groupBy, 'cost_type', 'token_type', 'model', 'service_tier', 'context_window', 'inference_geo'] : groupBy;
  return pageEnvelope(ctx, org, 'cost', w, (s, e) => {
    const rows: CostRow[] = [];
    for (const c of combos(org)) {
      const units = unitsIn(seed, `anthropic:${p.tenant.key}`, c, s, e, visible);
      if (units === 0) continue;
      const model = String(c.dims.model);
      const display = MODELS.find((m) => m[0] === model)?.[1] ?? model;
      for (const [tokenType, perUnit, label] of TOKEN_TYPES) {
        const micro = Math.round(units * perUnit * priceMicroCents(model, tokenType, String(c.dims.service_tier)));
        rows.push({ dims: { workspace_id: c.dims.workspace_id ?? null, description: `${display} Usage - ${label}`, cost_type: 'tokens', token_type: tokenType, model, service_tier: c.dims.service_tier ?? null, context_window: c.dims.context_window ?? null, inference_geo: c.dims.inference_geo ?? null }, micro });
      }
      const searches = Math.floor(units / 40);
      if (searches > 0) rows.push({ dims: { workspace_id: c.dims.workspace_id ?? null, description: 'Web Search Usage', cost_type: 'web_search', token_type: null, model: null, service_tier: null, context_window: null, inference_geo: null }, micro: searches * 1_000_000 });
    }
    // code execution shows up in cost only, never in usage
    for (const ws of org.workspaces) {
      if (s >= visible) break;
      const h = hash32(seed, 'codeexec', ws.id, s);
      if (h % 3 === 0) rows.push({ dims: { workspace_id: ws.id, description: 'Code Execution Usage', cost_type: 'code_execution', token_type: null, model: null, service_tier: null, context_window: null, inference_geo: null }, micro: (h % 5000) * 1000 });
    }
    return groupRows(rows, effective, COST_DIMS, (a, r) => void (a.micro += r.micro), (r) => ({ ...r })).map((r) => ({ amount: centsString(r.micro), currency: 'USD', ...r.dims }));
  });
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** One UTC day per call; `starting_at` must be a date, a full timestamp is refused [inferred, stricter]. */
export function claudeCodeReport(ctx: Ctx, p: AdminPrincipal): Reply {
  const q = ctx.query;
  const org = consoleOrg(ctx, p);
  const raw = q.get('starting_at');
  if (raw === undefined) throw new InputError('starting_at: Field required', 'starting_at');
  const day = DATE.test(raw) ? parseRfc3339(`${raw}T00:00:00Z`) : null;
  if (day === null) throw new InputError(`Invalid \`starting_at\`: expected a UTC date in YYYY-MM-DD format. Got "${raw}".`, 'starting_at');
  const limit = limitParam(q, { max: 1000, def: 20 });
  const visibleUntil = ctx.world.clock.now() - ctx.world.config.claudeCodeLagMs;
  const fraction = Math.max(0, Math.min(1, (visibleUntil - day) / DAY_MS));
  const records = claudeCodeRecords(ctx.world.seed, p.tenant, org, day, fraction);
  let offset = 0;
  const page = q.get('page');
  if (page !== undefined) {
    const tok = page.startsWith('page_') ? decodeCursor(page.slice(5)) : null;
    if (!tok || tok.s !== 'claude_code' || tok.o !== org.uuid || tok.d !== raw || typeof tok.n !== 'number') throw new InputError(`Invalid \`page\`. The page parameter is not a valid cursor for this request. Got "${page}".`, 'page');
    offset = tok.n;
  }
  const data = records.slice(offset, offset + limit);
  const more = offset + limit < records.length;
  return ok({ data, has_more: more, next_page: more ? 'page_' + encodeCursor({ s: 'claude_code', o: org.uuid, d: raw, n: offset + limit }) : null });
}

function claudeCodeRecords(seed: string, tenant: Tenant, org: ConsoleOrg, day: number, fraction: number): Array<Record<string, unknown>> {
  if (fraction <= 0) return [];
  const actors: Array<Record<string, unknown>> = [
    ...org.members.filter((m) => m.role === 'developer' || m.role === 'claude_code_user' || m.role === 'admin').map((m) => ({ type: 'user_actor', email_address: m.email })),
    ...org.apiKeys.slice(0, 2).map((k) => ({ type: 'api_actor', api_key_name: k.name })),
  ];
  const out: Array<Record<string, unknown>> = [];
  actors.forEach((actor, i) => {
    for (const remote of [false, true]) {
      const h = hash32(seed, 'claude_code', tenant.key, day, i, String(remote));
      if (h % 4 === 0) continue;
      const f = (n: number): number => Math.floor(n * fraction);
      const sessions = f((h % 12) + 1);
      if (sessions === 0) continue;
      const input = f(((h >>> 4) % 200_000) + 10_000);
      out.push({
        date: isoSeconds(day),
        actor,
        organization_id: org.uuid,
        customer_type: actor.type === 'api_actor' ? 'api' : 'subscription',
        subscription_type: actor.type === 'api_actor' ? null : 'enterprise',
        terminal_type: ['vscode', 'iTerm.app', 'tmux', 'cursor'][h % 4],
        is_remote: remote,
        core_metrics: { num_sessions: sessions, lines_of_code: { added: f((h >>> 8) % 3000), removed: f((h >>> 12) % 1500) }, commits_by_claude_code: f((h >>> 16) % 15), pull_requests_by_claude_code: f((h >>> 20) % 4) },
        tool_actions: { edit_tool: { accepted: f((h >>> 3) % 60), rejected: f((h >>> 7) % 8) }, write_tool: { accepted: f((h >>> 11) % 10), rejected: f((h >>> 13) % 3) } },
        model_breakdown: [{ model: 'claude-opus-4-6', tokens: { input, output: Math.floor(input / 3), cache_read: Math.floor(input / 10), cache_creation: Math.floor(input / 20) }, estimated_cost: { currency: 'USD', amount: Math.round((input * 500 + (input / 3) * 2500) / 1e6) } }],
      });
    }
  });
  return out;
}
