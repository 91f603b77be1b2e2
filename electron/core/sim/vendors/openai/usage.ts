import type { Ctx } from '../../http/context';
import { decodeCursor, encodeCursor } from '../../http/pagination';
import { enumParam, limitParam, unixParam } from '../../http/query';
import { InputError, ok, type Reply } from '../../http/reply';
import { hash32 } from '../../random/prng';
import { bucketStarts, groupRows, snap, unitsIn, WIDTH_MS, type UsageCombo, type Width } from '../../data/usage';
import type { OpenAiOrg } from '../../model/entities';
import type { OpenAiPrincipal } from './principal';

/** Costs and usage buckets (reference §3, §4): Unix-second windows, page tokens, dollars as numbers. */

const MODELS: ReadonlyArray<readonly [string, number, number]> = [
  // model, $ per 1M input tokens, $ per 1M output tokens
  ['gpt-5', 1.25, 10],
  ['gpt-5-mini', 0.25, 2],
  ['gpt-4.1', 2, 8],
];
const LIMITS: Record<Width, { def: number; max: number }> = { '1d': { def: 7, max: 31 }, '1h': { def: 24, max: 168 }, '1m': { def: 60, max: 1440 } };
const COMPLETION_DIMS = ['project_id', 'user_id', 'api_key_id', 'model', 'batch', 'service_tier'] as const;
const COST_DIMS = ['project_id', 'line_item', 'api_key_id'] as const;

const cache = new WeakMap<OpenAiOrg, UsageCombo[]>();

function combos(org: OpenAiOrg): UsageCombo[] {
  let out = cache.get(org);
  if (out) return out;
  out = [];
  for (const pr of org.projects) {
    pr.apiKeyIds.forEach((keyId, k) => {
      const user = org.users[(k + pr.apiKeyIds.length) % org.users.length];
      for (const [model] of MODELS) {
        for (const batch of [false, true]) {
          out!.push({ index: out!.length, weight: batch ? 0.3 : 1, dims: { project_id: pr.id, user_id: user?.id ?? null, api_key_id: keyId, model, batch, service_tier: batch ? 'default' : out!.length % 4 === 0 ? 'flex' : 'default' } });
        }
      }
    });
  }
  cache.set(org, out);
  return out;
}

interface Window {
  start: number;
  end: number;
  width: Width;
  limit: number;
  pageStart: number;
  fingerprint: number;
}

function window(ctx: Ctx, p: OpenAiPrincipal, scope: string, widths: readonly Width[], limits: (w: Width) => { def: number; max: number }): Window {
  const q = ctx.query;
  const startS = unixParam(q, 'start_time', true) as number;
  const endS = unixParam(q, 'end_time', false);
  const width = enumParam(q, 'bucket_width', widths, '1d');
  const limit = limitParam(q, limits(width));
  if (endS !== undefined && endS <= startS) throw new InputError("'end_time' must be greater than 'start_time'.", 'end_time');
  const start = snap(startS * 1000, width);
  const end = endS !== undefined ? endS * 1000 : ctx.world.clock.now();
  const fingerprint = hash32(q.fingerprint(['page']));
  let pageStart = start;
  const page = q.get('page');
  if (page !== undefined) {
    const tok = decodeCursor(page);
    if (!tok || tok.s !== scope || tok.o !== p.org.id || tok.q !== fingerprint || typeof tok.t !== 'number' || tok.t < start) throw new InputError(`Invalid 'page': '${page}' is not a valid page token for this request.`, 'page');
    pageStart = tok.t;
  }
  return { start, end, width, limit, pageStart, fingerprint };
}

function pageOf(ctx: Ctx, p: OpenAiPrincipal, scope: string, w: Window, results: (s: number, e: number) => unknown[]): Reply {
  const span = WIDTH_MS[w.width];
  const { starts, next } = bucketStarts(w.pageStart, w.end, w.width, w.limit);
  return ok({
    object: 'page',
    data: starts.map((s) => ({ object: 'bucket', start_time: s / 1000, end_time: (s + span) / 1000, results: results(s, s + span) })),
    has_more: next !== null,
    next_page: next === null ? null : encodeCursor({ s: scope, o: p.org.id, t: next, q: w.fingerprint }),
  });
}

function groupBy(ctx: Ctx, allowed: readonly string[]): string[] {
  const g = ctx.query.listLoose('group_by');
  for (const d of g) if (!allowed.includes(d)) throw new InputError(`Invalid 'group_by' value '${d}'. Must be one of: ${allowed.join(', ')}.`, 'group_by');
  return g;
}

function filtered(ctx: Ctx, org: OpenAiOrg): UsageCombo[] {
  const q = ctx.query;
  const f: Array<[string, string]> = [['project_ids', 'project_id'], ['user_ids', 'user_id'], ['api_key_ids', 'api_key_id'], ['models', 'model']];
  const batch = q.get('batch');
  return combos(org).filter((c) => f.every(([param, dim]) => {
    const want = q.listLoose(param);
    return want.length === 0 || want.includes(String(c.dims[dim]));
  }) && (batch === undefined || String(c.dims.batch) === batch));
}

interface Row {
  dims: Record<string, string | boolean | null>;
  units: number;
}

export function usageCompletions(ctx: Ctx, p: OpenAiPrincipal): Reply {
  const g = groupBy(ctx, COMPLETION_DIMS);
  const w = window(ctx, p, 'usage_completions', ['1m', '1h', '1d'], (width) => LIMITS[width]);
  const visible = ctx.world.clock.now() - ctx.world.config.usageLagMs;
  const cs = filtered(ctx, p.org);
  return pageOf(ctx, p, 'usage_completions', w, (s, e) => {
    const rows: Row[] = cs.map((c) => ({ dims: c.dims, units: unitsIn(ctx.world.seed, `openai:${p.tenant.key}`, c, s, e, visible) })).filter((r) => r.units > 0);
    return groupRows(rows, g, COMPLETION_DIMS, (a, r) => void (a.units += r.units), (r) => ({ ...r })).map((r) => ({
      object: 'organization.usage.completions.result',
      input_tokens: r.units * 90,
      input_cached_tokens: r.units * 30,
      input_cache_write_tokens: r.units * 5,
      input_uncached_tokens: r.units * 60,
      output_tokens: r.units * 14,
      input_text_tokens: r.units * 88,
      output_text_tokens: r.units * 14,
      input_cached_text_tokens: r.units * 30,
      input_audio_tokens: 0,
      input_cached_audio_tokens: 0,
      output_audio_tokens: 0,
      input_image_tokens: r.units * 2,
      input_cached_image_tokens: 0,
      output_image_tokens: 0,
      num_model_requests: Math.max(1, Math.floor(r.units / 3)),
      ...r.dims,
    }));
  });
}

export function usageEmbeddings(ctx: Ctx, p: OpenAiPrincipal): Reply {
  const g = groupBy(ctx, ['project_id', 'user_id', 'api_key_id', 'model']);
  const w = window(ctx, p, 'usage_embeddings', ['1m', '1h', '1d'], (width) => LIMITS[width]);
  const visible = ctx.world.clock.now() - ctx.world.config.usageLagMs;
  const cs = filtered(ctx, p.org).filter((c) => c.dims.batch === false);
  return pageOf(ctx, p, 'usage_embeddings', w, (s, e) => {
    const rows: Row[] = cs.map((c) => ({ dims: { project_id: c.dims.project_id ?? null, user_id: c.dims.user_id ?? null, api_key_id: c.dims.api_key_id ?? null, model: 'text-embedding-3-large' }, units: Math.floor(unitsIn(ctx.world.seed, `openai-emb:${p.tenant.key}`, c, s, e, visible) / 4) })).filter((r) => r.units > 0);
    return groupRows(rows, g, ['project_id', 'user_id', 'api_key_id', 'model'], (a, r) => void (a.units += r.units), (r) => ({ ...r })).map((r) => ({ object: 'organization.usage.embeddings.result', input_tokens: r.units * 120, num_model_requests: r.units, ...r.dims }));
  });
}

export function costs(ctx: Ctx, p: OpenAiPrincipal): Reply {
  const g = groupBy(ctx, COST_DIMS);
  const w = window(ctx, p, 'costs', ['1d'], () => ({ def: 7, max: 180 }));
  const visible = ctx.world.clock.now() - ctx.world.config.usageLagMs;
  const cs = filtered(ctx, p.org);
  return pageOf(ctx, p, 'costs', w, (s, e) => {
    const rows: Array<{ dims: Record<string, string | boolean | null>; usd: number; qty: number }> = [];
    for (const c of cs) {
      const units = unitsIn(ctx.world.seed, `openai:${p.tenant.key}`, c, s, e, visible);
      if (units === 0) continue;
      const model = String(c.dims.model);
      const [, inPrice, outPrice] = MODELS.find((m) => m[0] === model) ?? ['', 0, 0];
      const discount = c.dims.batch === true ? 0.5 : 1;
      rows.push({ dims: { project_id: c.dims.project_id ?? null, api_key_id: c.dims.api_key_id ?? null, line_item: `${model}, input` }, usd: ((units * 60 * inPrice) / 1e6) * discount, qty: units * 60 });
      rows.push({ dims: { project_id: c.dims.project_id ?? null, api_key_id: c.dims.api_key_id ?? null, line_item: `${model}, cached input` }, usd: ((units * 30 * inPrice) / 1e7) * discount, qty: units * 30 });
      rows.push({ dims: { project_id: c.dims.project_id ?? null, api_key_id: c.dims.api_key_id ?? null, line_item: `${model}, output` }, usd: ((units * 14 * outPrice) / 1e6) * discount, qty: units * 14 });
    }
    const byLine = g.includes('line_item');
    return groupRows(rows, g, COST_DIMS, (a, r) => {
      a.usd += r.usd;
      a.qty += r.qty;
    }, (r) => ({ ...r })).map((r) => ({
      object: 'organization.costs.result',
      amount: { value: Math.round(r.usd * 1e6) / 1e6, currency: 'usd' },
      line_item: r.dims.line_item ?? null,
      project_id: r.dims.project_id ?? null,
      api_key_id: r.dims.api_key_id ?? null,
      quantity: byLine ? r.qty : null,
      quantity_unit: byLine ? 'tokens' : null,
    }));
  });
}
