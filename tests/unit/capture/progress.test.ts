import { describe, expect, it } from 'vitest';
import { PullTracker } from '../../../electron/core/capture/progress';
import { pullCompletedBody } from '../../../electron/core/capture/completeness';
import { progressLine, throttled } from '../../../electron/hosts/cli/pull-progress';
import { progressEvent } from '../../../electron/services/capture';
import { events } from '../../../shared/api/contract';
import type { PullProgress } from '../../../electron/core/capture';

/** Progress snapshots, their CLI line and contract event, and the completeness record's body. */

function clockAt(start: number) {
  let t = start;
  return { now: () => t, sleep: async () => {}, advance: (ms: number) => void (t += ms) };
}

describe('the pull tracker', () => {
  it('keeps per endpoint the start and terminal cursor, counts, and only the last request ids', () => {
    const seen: PullProgress[] = [];
    const clock = clockAt(0);
    const t = new PullTracker('run_1', 't_1', clock, (p) => seen.push(p));
    const r = t.endpoint('compliance.chats', 'anthropic-compliance', 'c0');
    for (let i = 1; i <= 5; i++) t.stored(r, { items: 10, records: 2, cursor: `c${i}`, lastId: `chat_${i}`, requestId: `req_${i}` });
    expect(r).toMatchObject({ startCursor: 'c0', terminalCursor: 'c5', terminalId: 'chat_5', pages: 5, items: 50, records: 10, requestIds: ['req_3', 'req_4', 'req_5'] });
    t.counts.messagesCaptured = 30;
    clock.advance(10_000);
    t.at('messages', { org: 'Acme Legal' });
    expect(seen.at(-1)).toMatchObject({ phase: 'messages', org: 'Acme Legal', rate: 3, state: 'running' });
  });

  it('puts every endpoint into the completeness record, with its window and failure', () => {
    const t = new PullTracker('run_2', 't_1', clockAt(0));
    const ok = t.endpoint('openai.costs', 'openai', null, { from: '2026-09-01T00:00:00Z', to: null });
    t.stored(ok, { items: 31, records: 4, cursor: null, lastId: '2026-10-01T00:00:00Z', requestId: 'req_a' });
    const bad = t.endpoint('openai.audit_logs', 'openai');
    bad.status = 'failed';
    bad.failure = { code: 'KEY_REJECTED', reason: 'key-rejected', message: 'revoked' };
    const body = pullCompletedBody({ runId: 'run_2', tenantId: 't_1', status: 'partial', startedAt: 'a', finishedAt: 'b', counts: t.counts, endpoints: t.allReports(), errors: [], requests: t.requests, durationMs: 1 });
    expect(body.endpoints).toEqual([
      expect.objectContaining({ endpoint: 'openai.costs', status: 'complete', pages: 1, items: 31, records: 4, requestIds: ['req_a'], window: { from: '2026-09-01T00:00:00Z', to: null }, failure: null }),
      expect.objectContaining({ endpoint: 'openai.audit_logs', status: 'failed', failure: { code: 'KEY_REJECTED', reason: 'key-rejected', message: 'revoked' } }),
    ]);
    expect(JSON.parse(JSON.stringify(body))).toEqual(body); // plain JSON, as a record needs
  });
});

describe('progress on the CLI and the event bus', () => {
  const p = (over: Partial<PullProgress> = {}): PullProgress => ({
    runId: 'r',
    tenantId: 't',
    phase: 'messages',
    org: null,
    user: null,
    counts: { ...new PullTracker('r', 't', clockAt(0)).counts, chatsSeen: 40, chatsFetched: 12, messagesCaptured: 120, messagesSkipped: { 'attachments-only': 3 } },
    rate: 55.5,
    errors: 1,
    state: 'running',
    ...over,
  });

  it('draws a bar over the phases with the counts, rate and errors', () => {
    expect(progressLine(p())).toBe('[######..............] messages: 12/40 chats, 120 messages, 3 without text, 55.5/s, 1 error');
    expect(progressLine(p({ state: 'done' }))).toMatch(/^\[#{20}\] done:/);
  });

  it('writes at most one line per interval within a phase, but always on a new phase or the end', () => {
    const lines: string[] = [];
    let now = 0;
    const show = throttled((l) => lines.push(l), 1000, () => now);
    show(p());
    show(p());
    now = 500;
    show(p({ phase: 'reconcile' }));
    show(p({ phase: 'reconcile' }));
    show(p({ state: 'done' }));
    expect(lines.length).toBe(3);
  });

  it('turns a snapshot into a valid contract progress event', () => {
    const e = progressEvent('task_1', 'Pull Acme', p({ org: 'Acme Legal' }));
    expect(events.progress.parse(e)).toEqual(e);
    expect(e).toMatchObject({ taskId: 'task_1', tenantId: p().tenantId, phase: 'messages', done: 120, total: null, rate: 55.5, state: 'running' });
    expect(e.message).toContain('org Acme Legal');
    expect(e.message).toContain('1 error');
  });
});
