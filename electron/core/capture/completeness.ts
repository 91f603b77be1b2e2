import type { RecordBody } from '../vault';
import type { PullSummary } from './types';

/**
 * The body of pull_completed: what this pull read and stored, per endpoint (start cursor,
 * terminal cursor and id, counts, request ids of the last pages, time window, outcome),
 * because the vendor APIs return no totals to check against. The checkpoint that follows
 * signs it.
 */
export function pullCompletedBody(s: Omit<PullSummary, 'recordSeq'>): RecordBody {
  return {
    runId: s.runId,
    status: s.status,
    startedAt: s.startedAt,
    finishedAt: s.finishedAt,
    counts: {
      ...s.counts,
      messagesSkipped: { ...s.counts.messagesSkipped },
    },
    requests: { ...s.requests },
    endpoints: s.endpoints.map((e) => ({
      endpoint: e.endpoint,
      slot: e.slot,
      status: e.status,
      startCursor: e.startCursor,
      terminalCursor: e.terminalCursor,
      terminalId: e.terminalId,
      pages: e.pages,
      items: e.items,
      records: e.records,
      requestIds: [...e.requestIds],
      window: e.window ? { from: e.window.from, to: e.window.to } : null,
      failure: e.failure ? { code: e.failure.code, reason: e.failure.reason, message: e.failure.message } : null,
    })),
  };
}
