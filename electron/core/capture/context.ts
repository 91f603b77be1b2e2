import type { Vault } from '../vault';
import type { Clock, Random } from '../sources';
import type { PullTracker } from './progress';
import { retryTransient } from './retry';
import { ChatTable } from './state/chats';
import { CursorTable } from './state/cursors';
import { DirectoryTable } from './state/directory';
import { EvidenceTable } from './state/evidence';

/** Knobs of a pull. Defaults suit the real vendors; tests and the benchmark shrink or widen them. */
export interface PullTuning {
  /** Re-read this far behind each high-water mark (chats updated_at, Activity Feed, audit log). */
  overlapMs: number;
  /** Chats per list page; each page's changed chats are fetched, then stored in one transaction. */
  chatPageLimit: number;
  /** Chats whose messages are fetched at once (the rate governor still paces them). */
  fetchConcurrency: number;
  /** Extra attempts for a request the HTTP layer gave up on with a transient failure. */
  requestRetries: number;
  retryBaseDelayMs: number;
  /** A walk that fails transiently resumes from its stored cursor; this many times in a row without progress ends it. */
  maxIdleRounds: number;
  /** How far back the first pull of a usage or cost report reaches. */
  reportsLookbackDays: number;
  /** Report buckets re-read on each pull (the newest ones still grow). */
  bucketOverlapDays: number;
}

export const DEFAULT_TUNING: PullTuning = {
  overlapMs: 10 * 60_000,
  chatPageLimit: 50,
  fetchConcurrency: 16,
  requestRetries: 4,
  retryBaseDelayMs: 1_000,
  maxIdleRounds: 4,
  reportsLookbackDays: 400,
  bucketOverlapDays: 2,
};

/** Everything a walk needs: the vault, this tenant's capture tables, the run, time and progress. */
export class PullContext {
  readonly cursors: CursorTable;
  readonly chats: ChatTable;
  readonly directory: DirectoryTable;
  readonly evidence: EvidenceTable;

  constructor(
    readonly vault: Vault,
    readonly tenantId: string,
    readonly runId: string,
    /** Member name recorded as the actor of every record of the pull. */
    readonly actor: string,
    readonly clock: Clock,
    readonly tracker: PullTracker,
    readonly tuning: PullTuning,
    readonly signal: AbortSignal,
    readonly random: Random = Math.random,
  ) {
    this.cursors = new CursorTable(vault.db, tenantId);
    this.chats = new ChatTable(vault.db, tenantId);
    this.directory = new DirectoryTable(vault.db, tenantId);
    this.evidence = new EvidenceTable(vault.db, tenantId);
  }

  /** RFC 3339 of the engine's clock, for capture-table bookkeeping. */
  now(): string {
    return new Date(this.clock.now()).toISOString();
  }

  /** One vendor call with the engine's extra retries for transient failures. */
  call<T>(fn: () => Promise<T>): Promise<T> {
    return retryTransient(fn, {
      clock: this.clock,
      random: this.random,
      signal: this.signal,
      attempts: this.tuning.requestRetries,
      baseDelayMs: this.tuning.retryBaseDelayMs,
    });
  }

  /** One atomic unit: a page of data, its records and its cursor. */
  transaction<T>(fn: () => T): T {
    return this.vault.transaction(fn);
  }
}
