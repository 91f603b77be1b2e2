import { randomBytes } from 'node:crypto';
import { OgmaError } from '../../shared/api/errors';
import type { EventPayload } from '../../shared/api/contract';
import { RunTable, runPull, SourceTable, type CaptureSlot, type PullProgress, type PullSummary, type PullTuning } from '../core/capture';
import { RateGovernor, systemClock, type Clock } from '../core/sources';
import { WORKSPACE_TENANT } from '../core/vault';
import type { EventBus } from './events';
import type { SourceDeps } from './integrations';
import type { WorkspaceService } from './workspace';

/**
 * Pulls: now, on a per-tenant schedule, cancellable, with progress on the event bus. One
 * pull per tenant at a time; requests of all pulls of a tenant share one rate governor
 * per vendor (half the vendor's budget by default), so a schedule and a "pull now" never
 * add up to more than the org allows.
 */

export interface CaptureServiceDeps extends SourceDeps {
  workspace: WorkspaceService;
  events: EventBus;
  tuning?: Partial<PullTuning>;
  /** Benchmarks only: no client-side request cap (server pauses still apply). */
  rateLimitLifted?: boolean;
  /** The share of a vendor's budget one app may use (default 0.5). */
  rateShare?: number;
  /** The scheduler's timers (tests hand in fakes). */
  timers?: { setTimeout(fn: () => void, ms: number): unknown; clearTimeout(handle: unknown): void };
  random?: () => number;
}

export interface PullNowInput {
  /** One tenant; by default every tenant with a connected key, one after the other. */
  tenantId?: string;
  /** Reach every vendor at this URL for this pull only (the simulator). */
  baseUrl?: string;
  signal?: AbortSignal;
  /** Progress of this pull as the engine reports it (the event bus gets it too). */
  onProgress?: (p: PullProgress) => void;
}

export interface PullTask {
  taskId: string;
  tenantId: string;
  title: string;
  startedAt: string;
  done: Promise<PullSummary>;
}

interface Running {
  task: PullTask;
  controller: AbortController;
}

export class CaptureService {
  private readonly running = new Map<string, Running>();
  private readonly governors = new Map<string, RateGovernor>();
  private readonly timers = new Map<string, unknown>();
  private readonly clock: Clock;
  private schedulerOn = false;

  constructor(private readonly deps: CaptureServiceDeps) {
    this.clock = deps.sourceClock ?? systemClock;
  }

  /** Pulls now and waits: one tenant, or every tenant with a key in turn. */
  async pullNow(input: PullNowInput = {}): Promise<PullSummary[]> {
    const ids = input.tenantId !== undefined ? [input.tenantId] : this.pullableTenants();
    if (ids.length === 0) throw new OgmaError('NOT_FOUND', 'No tenant has a connected key yet; connect one first (ogma connect).', { field: 'tenant' });
    const out: PullSummary[] = [];
    for (const id of ids) {
      if (input.signal?.aborted) break;
      const task = this.startPull(id, input);
      out.push(await task.done);
    }
    return out;
  }

  /**
   * Starts pulls in the background, one per tenant (all tenants with a key by default), each
   * reporting on the event bus; what `capture.pullNow` answers at once.
   */
  startPulls(input: { tenantId?: string } = {}): PullTask[] {
    const ids = input.tenantId !== undefined ? [input.tenantId] : this.pullableTenants();
    if (ids.length === 0) throw new OgmaError('NOT_FOUND', 'No tenant has a connected key yet; connect one first.', { field: 'tenant' });
    const busy = new Set(this.tasks().map((t) => t.tenantId));
    return ids.filter((id) => input.tenantId !== undefined || !busy.has(id)).map((id) => {
      const task = this.startPull(id);
      task.done.catch(() => undefined); // reported as a failed progress event; nobody awaits a background pull
      return task;
    });
  }

  /** Pulls running now, and the last finished pull of each tenant. */
  status(): { running: Array<Omit<PullTask, 'done'>>; last: PullSummary[] } {
    const last = this.deps.workspace.vault.tenants
      .list()
      .filter((t) => t.id !== WORKSPACE_TENANT)
      .map((t) => this.lastPull(t.id))
      .filter((s): s is PullSummary => s !== null);
    return { running: this.tasks(), last };
  }

  /** Starts a pull in the background; `done` settles with its summary. */
  startPull(tenantId: string, input: Omit<PullNowInput, 'tenantId'> = {}): PullTask {
    const vault = this.deps.workspace.vault;
    const tenant = vault.tenants.requireLive(tenantId);
    if ([...this.running.values()].some((r) => r.task.tenantId === tenantId)) {
      throw new OgmaError('UNAVAILABLE', `A pull of "${tenant.name}" is already running; wait for it or cancel it.`, { field: 'tenant' });
    }
    const taskId = `pull_${randomBytes(6).toString('hex')}`;
    const title = `Pull ${tenant.name}`;
    const controller = new AbortController();
    const onOuterAbort = () => controller.abort();
    input.signal?.addEventListener('abort', onOuterAbort, { once: true });
    const emit = (p: PullProgress) => {
      input.onProgress?.(p);
      this.deps.events.emit('progress', progressEvent(taskId, title, p));
    };
    const done = (async () => {
      try {
        return await runPull({
          vault,
          tenantId,
          actor: vault.member.name,
          access: {
            fetch: this.deps.fetch ?? ((url, init) => fetch(url, init as RequestInit)),
            clock: this.clock,
            ...(this.deps.timeoutMs !== undefined ? { timeoutMs: this.deps.timeoutMs } : {}),
            ...(this.deps.retry ? { retry: this.deps.retry } : {}),
            ...(this.deps.random ? { random: this.deps.random } : {}),
            ...(input.baseUrl ? { baseUrl: input.baseUrl } : {}),
            governor: (slot) => this.governor(tenantId, slot),
          },
          clock: this.clock,
          signal: controller.signal,
          ...(this.deps.random ? { random: this.deps.random } : {}),
          ...(this.deps.tuning ? { tuning: this.deps.tuning } : {}),
          onProgress: emit,
        });
      } catch (e) {
        this.deps.events.emit('progress', { taskId, tenantId, title, phase: 'failed', done: 0, total: null, rate: null, state: 'failed', message: e instanceof Error ? e.message : String(e) });
        throw e;
      } finally {
        input.signal?.removeEventListener('abort', onOuterAbort);
        this.running.delete(taskId);
      }
    })();
    const task: PullTask = { taskId, tenantId, title, startedAt: new Date(this.clock.now()).toISOString(), done };
    this.running.set(taskId, { task, controller });
    return task;
  }

  /** Cancels a running pull: what was stored stays, and the pull ends with a completeness record saying it was cancelled. */
  cancel(taskId: string): boolean {
    const r = this.running.get(taskId);
    if (!r) return false;
    r.controller.abort();
    return true;
  }

  tasks(): Array<Omit<PullTask, 'done'>> {
    return [...this.running.values()].map(({ task: { done: _d, ...t } }) => t);
  }

  /** The last finished pull of a tenant, as recorded. */
  lastPull(tenantId: string): PullSummary | null {
    return new RunTable(this.deps.workspace.vault.db).latestFinished(tenantId)?.summary ?? null;
  }

  // --- schedule ------------------------------------------------------------------------

  /** Pull `tenantId` every `everyMinutes` (null: manual only). Stored in the workspace, so it survives restarts. */
  setSchedule(tenantId: string, everyMinutes: number | null): { tenantId: string; everyMinutes: number | null } {
    const vault = this.deps.workspace.vault;
    vault.tenants.requireLive(tenantId);
    if (vault.member.role !== 'admin') throw new OgmaError('FORBIDDEN', 'Only an admin may change the capture schedule.');
    if (everyMinutes !== null && (!Number.isInteger(everyMinutes) || everyMinutes < 1 || everyMinutes > 7 * 24 * 60)) {
      throw new OgmaError('VALIDATION_FAILED', 'Pull every 1 minute to 7 days (a whole number of minutes), or turn the schedule off.', { field: 'everyMinutes' });
    }
    vault.transaction(() => new SourceTable(vault.db).setPullEveryMinutes(tenantId, everyMinutes, new Date(this.clock.now()).toISOString()));
    if (this.schedulerOn) this.arm(tenantId, everyMinutes);
    return { tenantId, everyMinutes };
  }

  schedules(): Array<{ tenantId: string; everyMinutes: number }> {
    return new SourceTable(this.deps.workspace.vault.db).schedules();
  }

  /** Arms a timer per scheduled tenant of the open workspace. */
  startScheduler(): void {
    this.schedulerOn = true;
    for (const s of this.schedules()) this.arm(s.tenantId, s.everyMinutes);
  }

  /** Disarms every timer and cancels running pulls (e.g. when the workspace closes). */
  dispose(): void {
    this.schedulerOn = false;
    for (const id of [...this.timers.keys()]) this.arm(id, null);
    for (const r of this.running.values()) r.controller.abort();
  }

  private arm(tenantId: string, everyMinutes: number | null): void {
    const t = this.deps.timers ?? { setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms).unref(), clearTimeout: (h: unknown) => clearTimeout(h as NodeJS.Timeout) };
    const old = this.timers.get(tenantId);
    if (old !== undefined) t.clearTimeout(old);
    this.timers.delete(tenantId);
    if (everyMinutes === null) return;
    this.timers.set(
      tenantId,
      t.setTimeout(() => {
        this.timers.delete(tenantId);
        const busy = [...this.running.values()].some((r) => r.task.tenantId === tenantId);
        const next = () => {
          if (this.schedulerOn) this.arm(tenantId, new SourceTable(this.deps.workspace.vault.db).pullEveryMinutes(tenantId));
        };
        if (busy) return next();
        let task: PullTask;
        try {
          task = this.startPull(tenantId);
        } catch {
          return next();
        }
        task.done.then(next, next);
      }, everyMinutes * 60_000),
    );
  }

  private pullableTenants(): string[] {
    const vault = this.deps.workspace.vault;
    return vault.tenants
      .list()
      .filter((t) => t.id !== WORKSPACE_TENANT && !t.shredded && vault.credentials.list(t.id).length > 0)
      .map((t) => t.id);
  }

  private governor(tenantId: string, slot: CaptureSlot): RateGovernor {
    // The Compliance API budget is per parent org and shared with the Admin key's feed reads.
    const vendor = slot === 'openai' ? 'openai' : slot === 'anthropic-compliance' ? 'anthropic-compliance' : 'anthropic-admin';
    const key = `${tenantId}/${vendor}`;
    let g = this.governors.get(key);
    if (!g) {
      g = new RateGovernor({ clock: this.clock, ...(this.deps.rateShare !== undefined ? { share: this.deps.rateShare } : {}), lifted: this.deps.rateLimitLifted ?? false });
      this.governors.set(key, g);
    }
    return g;
  }
}

/** The contract's progress event for one engine snapshot. */
export function progressEvent(taskId: string, title: string, p: PullProgress): EventPayload<'progress'> {
  const c = p.counts;
  const skipped = Object.values(c.messagesSkipped).reduce((a, b) => a + (b ?? 0), 0);
  const where = [p.org ? `org ${p.org}` : null, p.user ? `user ${p.user}` : null].filter(Boolean).join(', ');
  const parts = [
    where || null,
    `${c.chatsFetched} chats read`,
    `${c.messagesCaptured} messages captured`,
    c.messagesSuperseded ? `${c.messagesSuperseded} edited` : null,
    skipped ? `${skipped} without text` : null,
    c.activities ? `${c.activities} activities` : null,
    c.usageBuckets + c.costBuckets ? `${c.usageBuckets + c.costBuckets} usage/cost buckets` : null,
    c.auditEvents ? `${c.auditEvents} audit events` : null,
    p.errors ? `${p.errors} error${p.errors === 1 ? '' : 's'}` : null,
  ].filter((x): x is string => x !== null);
  return {
    taskId,
    tenantId: p.tenantId,
    title,
    phase: p.phase,
    done: c.messagesCaptured + c.messagesSuperseded + c.activities + c.usageBuckets + c.costBuckets + c.auditEvents,
    total: null,
    rate: p.rate,
    state: p.state,
    message: parts.join(' · '),
  };
}
