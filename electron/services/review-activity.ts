import type { ParsedReq, ResIn } from '../../shared/api/contract';
import type { TokenCountsDto } from '../../shared/api/review-schemas';
import { numberToDecimalText, sumDecimalStrings, isDecimalString } from '../core/sources';
import type { Vault } from '../core/vault';
import { ActivityReadModel, bucketsIn, type BucketRow } from '../core/vault/review-evidence';
import { requireTenant } from './review-content';
import { maskedEmail, maskedJson } from './review-mask';

/**
 * The captured non-content evidence for review: the Activity Feed and OpenAI audit events
 * (one stream, newest first), what one API key did, and usage and cost summed per day,
 * model, workspace, key and project. Money stays decimal text from the vendor's own
 * digits to the answer (Anthropic cents shifted to dollars as text, sums exact).
 */

const USAGE = 'anthropic.usage';
const COST = 'anthropic.cost';
const OPENAI_COST = 'openai.costs';

type Json = Record<string, unknown>;

const num = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? Math.round(x) : 0);
const key = (x: unknown) => (typeof x === 'string' && x.length > 0 ? x : null);

function emptyTokens(): TokenCountsDto {
  return { uncachedInput: 0, cacheCreation: 0, cacheRead: 0, output: 0, webSearchRequests: 0 };
}

function tokensOf(r: Json): TokenCountsDto {
  const cc = (r.cache_creation ?? {}) as Json;
  const stu = (r.server_tool_use ?? {}) as Json;
  return {
    uncachedInput: num(r.uncached_input_tokens),
    cacheCreation: num(cc.ephemeral_1h_input_tokens) + num(cc.ephemeral_5m_input_tokens),
    cacheRead: num(r.cache_read_input_tokens),
    output: num(r.output_tokens),
    webSearchRequests: num(stu.web_search_requests),
  };
}

function addTokens(into: TokenCountsDto, t: TokenCountsDto): void {
  into.uncachedInput += t.uncachedInput;
  into.cacheCreation += t.cacheCreation;
  into.cacheRead += t.cacheRead;
  into.output += t.output;
  into.webSearchRequests += t.webSearchRequests;
}

/** "173.2895" cents -> "1.732895" dollars, by moving the decimal point in the text. */
export function centsToDollarsText(cents: string): string {
  const negative = cents.startsWith('-');
  const body = negative ? cents.slice(1) : cents;
  const [int = '0', frac = ''] = body.split('.');
  const scale = frac.length + 2;
  const digits = (int + frac).padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale).replace(/^0+(?=\d)/, '');
  const part = digits.slice(digits.length - scale).replace(/0+$/, '');
  const out = part ? `${whole}.${part}` : whole;
  return negative && /[1-9]/.test(out) ? `-${out}` : out;
}

/** Decimal text of an amount as stored, or null when it is not one (then it is left out, never guessed). */
function decimalOf(x: unknown): string | null {
  if (typeof x === 'string' && isDecimalString(x)) return x;
  if (typeof x === 'number' && Number.isFinite(x)) return numberToDecimalText(x);
  return null;
}

class TokenGroups {
  private readonly m = new Map<string | null, TokenCountsDto>();
  add(k: string | null, t: TokenCountsDto): void {
    let g = this.m.get(k);
    if (!g) this.m.set(k, (g = emptyTokens()));
    addTokens(g, t);
  }
  list(): Array<TokenCountsDto & { key: string | null }> {
    return [...this.m.entries()].sort(([a], [b]) => (a ?? '\uffff').localeCompare(b ?? '\uffff')).map(([k, t]) => ({ key: k, ...t }));
  }
}

class MoneyGroups {
  private readonly m = new Map<string | null, string[]>();
  add(k: string | null, amount: string): void {
    const g = this.m.get(k);
    if (g) g.push(amount);
    else this.m.set(k, [amount]);
  }
  list(): Array<{ key: string | null; amount: string }> {
    return [...this.m.entries()].sort(([a], [b]) => (a ?? '\uffff').localeCompare(b ?? '\uffff')).map(([k, xs]) => ({ key: k, amount: sumDecimalStrings(xs) }));
  }
}

function parse(b: BucketRow): Json[] {
  try {
    const v = JSON.parse(b.body) as Json;
    return Array.isArray(v.results) ? (v.results as Json[]) : [];
  } catch {
    return [];
  }
}

export class ReviewActivity {
  constructor(private readonly vault: () => Vault) {}

  private requireTenant(tenantId: string | undefined): void {
    requireTenant(this.vault(), tenantId);
  }

  activity(req: ParsedReq<'activity.query'>): ResIn<'activity.query'> {
    this.requireTenant(req.tenantId);
    const model = new ActivityReadModel(this.vault().db);
    const filter = {
      tenantId: req.tenantId,
      sources: req.sources,
      types: req.types,
      actorId: req.actorId,
      actorEmail: req.actorEmail,
      apiKeyId: req.apiKeyId,
      orgId: req.orgId,
      range: req.range,
    };
    const rows = model.page(filter, req.offset, req.limit).map((r) => {
      let body: Json = {};
      try {
        body = maskedJson(JSON.parse(r.body)) as Json;
      } catch {
        body = {};
      }
      return {
        source: r.source,
        tenantId: r.tenantId,
        id: r.id,
        type: r.type,
        at: r.at,
        actor: { type: r.actorType, id: r.actorId, email: maskedEmail(r.actorEmail), apiKeyId: r.actorKey },
        orgId: r.orgId,
        projectId: r.projectId,
        recordSeq: r.recordSeq,
        body,
      };
    });
    return { total: model.count(filter), offset: req.offset, rows };
  }

  keyUsage(req: ParsedReq<'activity.keyUsage'>): ResIn<'activity.keyUsage'> {
    this.requireTenant(req.tenantId);
    const v = this.vault();
    const events = new ActivityReadModel(v.db).keyEvents(req.apiKeyId, { tenantId: req.tenantId, range: req.range });
    const byType = new Map<string, { source: 'anthropic' | 'openai'; type: string; relation: 'actor' | 'subject'; count: number }>();
    const byDay = new Map<string, { day: string; count: number; types: Record<string, number> }>();
    for (const e of events) {
      const relation = e.actorKey === req.apiKeyId ? 'actor' : 'subject';
      const k = `${e.source}\u0000${e.type}\u0000${relation}`;
      const t = byType.get(k) ?? { source: e.source, type: e.type, relation, count: 0 };
      t.count++;
      byType.set(k, t);
      const day = e.at.slice(0, 10);
      const d = byDay.get(day) ?? { day, count: 0, types: {} };
      d.count++;
      d.types[e.type] = (d.types[e.type] ?? 0) + 1;
      byDay.set(day, d);
    }
    const tokens = new TokenGroups();
    for (const b of bucketsIn(v.db, [USAGE], { tenantId: req.tenantId, range: req.range })) {
      for (const r of parse(b)) if (r.api_key_id === req.apiKeyId) tokens.add(b.bucket.slice(0, 10), tokensOf(r));
    }
    return {
      apiKeyId: req.apiKeyId,
      total: events.length,
      first: events[0]?.at ?? null,
      last: events.at(-1)?.at ?? null,
      byType: [...byType.values()].sort((a, b) => b.count - a.count || a.type.localeCompare(b.type)),
      byDay: [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day)),
      tokensByDay: tokens.list().map(({ key: day, ...t }) => ({ day: day ?? '', ...t })),
    };
  }

  usage(req: ParsedReq<'usage.summary'>): ResIn<'usage.summary'> {
    this.requireTenant(req.tenantId);
    const buckets = bucketsIn(this.vault().db, [USAGE, COST, OPENAI_COST], { tenantId: req.tenantId, range: req.range });
    const total = emptyTokens();
    const t = { day: new TokenGroups(), model: new TokenGroups(), workspace: new TokenGroups(), apiKey: new TokenGroups(), account: new TokenGroups() };
    const ac = { all: [] as string[], day: new MoneyGroups(), model: new MoneyGroups(), workspace: new MoneyGroups(), description: new MoneyGroups() };
    const oc = { all: [] as string[], day: new MoneyGroups(), project: new MoneyGroups(), lineItem: new MoneyGroups() };
    let from: string | null = null;
    let to: string | null = null;
    for (const b of buckets) {
      const results = parse(b);
      if (results.length === 0) continue;
      if (from === null || b.bucket < from) from = b.bucket;
      if (to === null || b.endingAt > to) to = b.endingAt;
      const day = b.bucket.slice(0, 10);
      for (const r of results) {
        if (b.report === USAGE) {
          const tk = tokensOf(r);
          addTokens(total, tk);
          t.day.add(day, tk);
          t.model.add(key(r.model), tk);
          t.workspace.add(key(r.workspace_id), tk);
          t.apiKey.add(key(r.api_key_id), tk);
          t.account.add(key(r.account_id) ?? key(r.service_account_id), tk);
        } else if (b.report === COST) {
          // Amounts in another currency would need a rate we do not have: left out, not converted.
          if (typeof r.currency === 'string' && r.currency.toUpperCase() !== 'USD') continue;
          const cents = decimalOf(r.amount);
          if (cents === null) continue;
          const usd = centsToDollarsText(cents);
          ac.all.push(usd);
          ac.day.add(day, usd);
          ac.model.add(key(r.model), usd);
          ac.workspace.add(key(r.workspace_id), usd);
          ac.description.add(key(r.description), usd);
        } else {
          const amount = (r.amount ?? {}) as Json;
          if (typeof amount.currency === 'string' && amount.currency.toUpperCase() !== 'USD') continue;
          const usd = decimalOf(amount.value_text) ?? decimalOf(amount.value);
          if (usd === null) continue;
          oc.all.push(usd);
          oc.day.add(day, usd);
          oc.project.add(key(r.project_id), usd);
          oc.lineItem.add(key(r.line_item), usd);
        }
      }
    }
    return {
      from,
      to,
      currency: 'USD',
      anthropic: {
        tokens: { total, byDay: t.day.list(), byModel: t.model.list(), byWorkspace: t.workspace.list(), byApiKey: t.apiKey.list(), byAccount: t.account.list() },
        cost: { total: sumDecimalStrings(ac.all), byDay: ac.day.list(), byModel: ac.model.list(), byWorkspace: ac.workspace.list(), byDescription: ac.description.list() },
      },
      openai: { cost: { total: sumDecimalStrings(oc.all), byDay: oc.day.list(), byProject: oc.project.list(), byLineItem: oc.lineItem.list() } },
    };
  }
}
