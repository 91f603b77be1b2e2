import { spawn, type ChildProcess } from 'node:child_process';
import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events as contractEvents, type EventPayload } from '../../../shared/api/contract';
import { PullSummaryDto, RunningPull } from '../../../shared/api/capture-schemas';
import { CaptureService } from '../../../electron/services/capture';
import { EventBus } from '../../../electron/services/events';
import type { WorkspaceService } from '../../../electron/services/workspace';
import { cleanup, connect, control, fastClock, newWorkspace, pull, recordsOf, sourceDeps, startSim, TEST_TUNING, type Sim } from './helpers';
import { expectVaultEqualsTruth } from './truth';

/**
 * The capture service: progress on the event bus in the contract's shape, cancellation that
 * keeps what was stored and still records the pull, one pull per tenant at a time (also
 * across processes), and a per-tenant schedule stored in the workspace.
 */

let sim: Sim;
let ws: WorkspaceService;
let tenantId: string;
const bus = new EventBus();
const seen: EventPayload<'progress'>[] = [];

function service(timers?: ConstructorParameters<typeof CaptureService>[0]['timers']): CaptureService {
  return new CaptureService({ workspace: ws, events: bus, sourceClock: fastClock(), ...sourceDeps, tuning: TEST_TUNING, ...(timers ? { timers } : {}) });
}

beforeAll(async () => {
  sim = await startSim({ seed: 'ogma-service', sizes: { orgs: 2, users: 4, chats: 5, messages: 5 } });
  ws = await newWorkspace();
  tenantId = (await connect(ws, sim, 'anthropic-compliance', sim.keys.complianceFull)).tenantId;
  bus.subscribe((event, payload) => {
    if (event === 'progress') seen.push(payload as EventPayload<'progress'>);
  });
});
afterAll(async () => {
  ws?.closeWorkspace();
  await sim?.close();
  cleanup();
});

describe('the capture service', () => {
  it('given a pull is cancelled midway, then it ends cancelled with its completeness record, and the next pull resumes to the ground truth', async () => {
    // Slow content reads, so the cancel lands inside the content walk.
    await control(sim, 'POST', '/faults', { rates: { slow: 1 }, slowMs: 30, pathPrefix: '/v1/compliance/apps/chats/' });
    const capture = service();
    let task: ReturnType<CaptureService['startPull']> | undefined;
    task = capture.startPull(tenantId, {
      onProgress: (p) => {
        if (p.counts.messagesCaptured > 0 && task) {
          capture.cancel(task.taskId);
          task = undefined;
        }
      },
    });
    const done = task.done;
    const s = await done;
    await control(sim, 'DELETE', '/faults');
    expect(s.status).toBe('cancelled');
    expect(s.counts.messagesCaptured).toBeGreaterThan(0);
    expect(recordsOf(ws, tenantId, 'pull_completed').at(-1)!.body.status).toBe('cancelled');
    expect(seen.at(-1)).toMatchObject({ state: 'cancelled' });
    const next = await capture.pullNow({ tenantId });
    expect(next[0]!.status).toBe('complete');
    expectVaultEqualsTruth(ws, tenantId, sim.truth('text'));
  });

  it('emits progress events that satisfy the contract, ending with a done event', async () => {
    seen.length = 0;
    const [s] = await service().pullNow();
    expect(s!.status).toBe('complete');
    expect(seen.length).toBeGreaterThan(3);
    for (const e of seen) expect(contractEvents.progress.safeParse(e).success).toBe(true);
    expect(new Set(seen.map((e) => e.taskId)).size).toBe(1);
    expect(seen.at(-1)).toMatchObject({ state: 'done', total: null });
    expect(seen.map((e) => e.phase)).toEqual(expect.arrayContaining(['organizations', 'users', 'chats', 'reconcile', 'activities']));
  });

  it('starts background pulls and reports them, and the last finished pull, in the contract\'s shapes', async () => {
    const capture = service();
    const tasks = capture.startPulls();
    expect(tasks.map((t) => t.tenantId)).toEqual([tenantId]);
    expect(capture.status().running.map((t) => RunningPull.parse(t))).toEqual([expect.objectContaining({ taskId: tasks[0]!.taskId, tenantId })]);
    const s = await tasks[0]!.done;
    const status = capture.status();
    expect(status.running).toEqual([]);
    expect(status.last.map((x) => x.runId)).toEqual([s.runId]);
    expect(PullSummaryDto.parse(status.last[0])).toMatchObject({ runId: s.runId, status: 'complete', recordSeq: s.recordSeq });
  });

  it('runs one pull per tenant at a time: in this process, and against a pull of another live process', async () => {
    const capture = service();
    const first = capture.startPull(tenantId);
    expect(() => capture.startPull(tenantId)).toThrow(expect.objectContaining({ code: 'UNAVAILABLE' }));
    await first.done;
    const other: ChildProcess = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    try {
      ws.vault.transaction(() =>
        ws.vault.db.prepare(`INSERT INTO capture_runs (id, tenant_id, started_at, status, pid, host) VALUES ('run_other', ?, ?, 'running', ?, ?)`).run(tenantId, new Date().toISOString(), other.pid, hostname()),
      );
      await expect(pull(ws, tenantId)).rejects.toMatchObject({ code: 'UNAVAILABLE', message: expect.stringContaining(`process ${other.pid}`) });
    } finally {
      other.kill('SIGKILL');
      await new Promise((r) => other.once('exit', r));
    }
    // Once that process is gone, its run is marked interrupted and the pull goes ahead.
    expect((await pull(ws, tenantId)).status).toBe('complete');
    expect(ws.vault.db.prepare(`SELECT status FROM capture_runs WHERE id = 'run_other'`).pluck().get()).toBe('interrupted');
  });

  it('pulls on a per-tenant schedule stored in the workspace, and re-arms after each pull', async () => {
    const armed: Array<{ fn: () => void; ms: number; cleared: boolean }> = [];
    const timers = {
      setTimeout: (fn: () => void, ms: number) => {
        const t = { fn, ms, cleared: false };
        armed.push(t);
        return t;
      },
      clearTimeout: (h: unknown) => void ((h as { cleared: boolean }).cleared = true),
    };
    const capture = service(timers);
    capture.setSchedule(tenantId, 15);
    expect(capture.schedules()).toEqual([{ tenantId, everyMinutes: 15 }]);
    expect(() => capture.setSchedule(tenantId, 0)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    capture.startScheduler();
    expect(armed.filter((t) => !t.cleared).map((t) => t.ms)).toEqual([15 * 60_000]);
    const before = recordsOf(ws, tenantId, 'pull_completed').length;
    armed.at(-1)!.fn();
    expect(capture.tasks().map((t) => t.tenantId)).toEqual([tenantId]);
    await new Promise<void>((resolve) => {
      const wait = () => (capture.tasks().length === 0 && armed.length >= 2 ? resolve() : setTimeout(wait, 20));
      wait();
    });
    expect(recordsOf(ws, tenantId, 'pull_completed').length).toBe(before + 1);
    expect(armed.at(-1)!.ms).toBe(15 * 60_000);
    capture.setSchedule(tenantId, null);
    expect(armed.at(-1)!.cleared).toBe(true);
    capture.dispose();
    expect(capture.schedules()).toEqual([]);
  });
});
