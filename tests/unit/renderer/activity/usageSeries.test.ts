import { describe, expect, it } from 'vitest';
import { keyEventSeries, keyTokenSeries, summariseKey, type KeyUsage } from '../../../../renderer/review/activity/keySeries';
import { breakdown, combinedCost, costTimeSeries, hasUsage, spanOf, tokenTimeSeries, type Usage } from '../../../../renderer/review/activity/usageSeries';

const t = (n: number) => ({ uncachedInput: n, cacheCreation: 0, cacheRead: 0, output: n, webSearchRequests: 0 });

function usage(over: Partial<{ tokens: Usage['anthropic']['tokens']['byDay']; aCost: Usage['anthropic']['cost']['byDay']; oCost: Usage['openai']['cost']['byDay'] }> = {}): Usage {
  const empty = { uncachedInput: 0, cacheCreation: 0, cacheRead: 0, output: 0, webSearchRequests: 0 };
  return {
    from: null,
    to: null,
    currency: 'USD',
    anthropic: {
      tokens: { total: empty, byDay: over.tokens ?? [], byModel: [], byWorkspace: [], byApiKey: [], byAccount: [] },
      cost: { total: '0.3', byDay: over.aCost ?? [], byModel: [], byWorkspace: [], byDescription: [] },
    },
    openai: { cost: { total: '0.000001', byDay: over.oCost ?? [], byProject: [], byLineItem: [] } },
  };
}

describe('usage time series', () => {
  it('spans the asked range, or what the data covers', () => {
    const u = usage({ tokens: [{ key: '2026-03-03', ...t(1) }], oCost: [{ key: '2026-03-09', amount: '1' }] });
    expect(spanOf(u, undefined)).toEqual({ first: '2026-03-03', last: '2026-03-09' });
    expect(spanOf(u, { from: '2026-03-01', to: '2026-03-31' })).toEqual({ first: '2026-03-01', last: '2026-03-31' });
    expect(spanOf(usage(), undefined)).toBeNull();
  });

  it('sums tokens into week buckets, with empty weeks kept', () => {
    const u = usage({ tokens: [{ key: '2026-03-02', ...t(1) }, { key: '2026-03-04', ...t(2) }, { key: '2026-03-17', ...t(5) }] });
    const s = tokenTimeSeries(u.anthropic.tokens.byDay, { first: '2026-03-02', last: '2026-03-17' }, 'week');
    expect(s.buckets).toEqual(['2026-03-02', '2026-03-09', '2026-03-16']);
    expect(s.series.find((x) => x.id === 'uncachedInput')!.values).toEqual([3, 0, 5]);
    expect(s.totals).toEqual(['6', '0', '10']);
  });

  it('sums money per bucket exactly and stacks the two vendors', () => {
    const u = usage({
      aCost: [{ key: '2026-03-02', amount: '0.1' }, { key: '2026-03-03', amount: '0.2' }],
      oCost: [{ key: '2026-03-03', amount: '1.005' }],
    });
    const s = costTimeSeries(u, { first: '2026-03-02', last: '2026-03-03' }, 'week');
    expect(s.series.map((x) => x.display)).toEqual([['$0.30'], ['$1.005']]);
    expect(s.totals).toEqual(['$1.305']);
  });

  it('joins tokens and cost per group and ranks by cost, then tokens', () => {
    const rows = breakdown(
      [{ key: 'haiku', ...t(100) }, { key: 'opus', ...t(10) }, { key: null, ...t(1) }],
      [{ key: 'opus', amount: '5.50' }, { key: 'haiku', amount: '1.25' }, { key: 'opus', amount: '0.50' }],
    );
    expect(rows.map((r) => [r.key, r.cost])).toEqual([['opus', '6'], ['haiku', '1.25'], [null, null]]);
    expect(rows[0]!.tokens?.output).toBe(10);
  });

  it('knows when nothing was captured, and adds the vendors exactly', () => {
    expect(hasUsage(usage())).toBe(false);
    expect(hasUsage(usage({ oCost: [{ key: '2026-01-01', amount: '0' }] }))).toBe(true);
    expect(combinedCost(usage())).toBe('0.300001');
  });
});

describe("one key's investigation", () => {
  const k: KeyUsage = {
    apiKeyId: 'apikey_1',
    total: 9,
    first: '2026-03-10T08:00:00Z',
    last: '2026-03-12T09:00:00Z',
    byType: [],
    byDay: [
      { day: '2026-03-10', count: 7, types: { a: 3, b: 1, c: 1, d: 1, e: 1 } },
      { day: '2026-03-12', count: 2, types: { f: 1, g: 1 } },
    ],
    tokensByDay: [
      { day: '2026-03-01', ...t(10) },
      { day: '2026-03-11', ...t(5) },
    ],
  };

  it('stacks the commonest types and folds the rest into Other, on the same days as the tokens chart', () => {
    const s = keyEventSeries(k)!;
    expect(s.granularity).toBe('day');
    expect(s.buckets).toHaveLength(12); // 2026-03-01 (first usage) to 2026-03-12 (last event)
    expect(s.buckets).toEqual(keyTokenSeries(k)!.buckets);
    expect(s.series.map((x) => x.label)).toEqual(['a', 'b', 'c', 'd', 'e', 'Other types']);
    expect(s.series.at(-1)!.values.slice(9)).toEqual([0, 0, 2]);
    expect(s.totals.slice(9)).toEqual(['7', '0', '2']);
  });

  it('reports first and last seen across events and usage, and flags usage before the first event', () => {
    const s = summariseKey(k);
    expect(s.totalTokens).toBe(30);
    expect(s.firstSeen).toBe('2026-03-01');
    expect(s.lastSeen).toBe('2026-03-12');
    expect(s.usageBeforeFirstEvent).toBe(true);
    expect(keyTokenSeries(k)!.buckets[0]).toBe('2026-03-01');
    expect(summariseKey({ ...k, tokensByDay: [] }).usageBeforeFirstEvent).toBe(false);
    expect(keyEventSeries({ ...k, byDay: [] })).toBeNull();
  });
});
