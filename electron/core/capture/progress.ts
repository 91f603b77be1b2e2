import type { Clock, Exchange } from '../sources';
import { emptyCounts, type CaptureSlot, type ContentCounts, type EndpointName, type EndpointReport, type PullProgress } from './types';

/**
 * Counts, per-endpoint reports and progress of one pull. Walks report each stored page
 * here; the tracker keeps what the completeness record needs (start and terminal cursors,
 * request ids of the last pages) and tells the caller how far the pull is.
 */

const KEPT_REQUEST_IDS = 3;

export class PullTracker {
  readonly counts: ContentCounts = emptyCounts();
  readonly requests = { sent: 0, retried: 0 };
  private readonly reports = new Map<EndpointName, EndpointReport>();
  private readonly startedMs: number;
  private phase = 'starting';
  private org: string | null = null;
  private user: string | null = null;

  constructor(
    readonly runId: string,
    readonly tenantId: string,
    private readonly clock: Clock,
    private readonly listener?: (p: PullProgress) => void,
  ) {
    this.startedMs = clock.now();
  }

  /** The report of an endpoint, created on first use with its starting cursor. */
  endpoint(name: EndpointName, slot: CaptureSlot, startCursor: string | null = null, window: EndpointReport['window'] = null): EndpointReport {
    let r = this.reports.get(name);
    if (!r) {
      r = { endpoint: name, slot, status: 'complete', startCursor, terminalCursor: startCursor, terminalId: null, pages: 0, items: 0, records: 0, requestIds: [], window, failure: null };
      this.reports.set(name, r);
    }
    return r;
  }

  /** A page of `name` was stored (its transaction committed). */
  stored(r: EndpointReport, page: { items: number; records: number; cursor?: string | null; lastId?: string | null; requestId?: string | null }): void {
    r.pages++;
    r.items += page.items;
    r.records += page.records;
    if (page.cursor !== undefined) r.terminalCursor = page.cursor;
    if (page.lastId) r.terminalId = page.lastId;
    if (page.requestId) {
      r.requestIds.push(page.requestId);
      if (r.requestIds.length > KEPT_REQUEST_IDS) r.requestIds.splice(0, r.requestIds.length - KEPT_REQUEST_IDS);
    }
    this.emit();
  }

  at(phase: string, where: { org?: string | null; user?: string | null } = {}): void {
    this.phase = phase;
    this.org = where.org ?? null;
    this.user = where.user ?? null;
    this.emit();
  }

  exchange(e: Exchange): void {
    this.requests.sent++;
    if (e.outcome === 'retry') this.requests.retried++;
  }

  allReports(): EndpointReport[] {
    return [...this.reports.values()];
  }

  failures(): number {
    return this.allReports().filter((r) => r.status === 'failed').length;
  }

  elapsedMs(): number {
    return Math.max(0, this.clock.now() - this.startedMs);
  }

  rate(): number {
    const s = this.elapsedMs() / 1000;
    return s > 0 ? Math.round((this.counts.messagesCaptured / s) * 10) / 10 : 0;
  }

  snapshot(state: PullProgress['state'] = 'running'): PullProgress {
    return {
      runId: this.runId,
      tenantId: this.tenantId,
      phase: this.phase,
      org: this.org,
      user: this.user,
      counts: { ...this.counts, messagesSkipped: { ...this.counts.messagesSkipped } },
      rate: this.rate(),
      errors: this.failures(),
      state,
    };
  }

  emit(state: PullProgress['state'] = 'running'): void {
    if (!this.listener) return;
    try {
      this.listener(this.snapshot(state));
    } catch {
      // A listener's failure must not break a capture.
    }
  }
}
