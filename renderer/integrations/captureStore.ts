import { create } from 'zustand';
import type { EventPayload, Res } from '../../shared/api/contract';
import type { OgmaApi } from '../../shared/api/client';
import { toFailure, type Failure } from '../errors/failure';

export type TenantIntegrations = Res<'integrations.list'>[number];
export type CaptureStatus = Res<'capture.status'>;
export type PullSummary = CaptureStatus['last'][number];
export type Progress = EventPayload<'progress'>;

export interface CaptureState {
  tenants: TenantIntegrations[] | null;
  status: CaptureStatus | null;
  /** The latest progress event of each pull seen in this session, by task id. */
  progress: Record<string, Progress>;
  /** Which tenant each task pulls (progress events do not say; pullNow and status do). */
  taskTenants: Record<string, string>;
  failure: Failure | null;
  reset(): void;
}

const EMPTY = { tenants: null, status: null, progress: {}, taskTenants: {}, failure: null };

export const useCapture = create<CaptureState>()((set) => ({
  ...EMPTY,
  reset: () => set(EMPTY),
}));

let generation = 0;

/** Reads integrations and capture status again; an answer overtaken by a newer read is dropped. */
export async function refreshCapture(api: OgmaApi): Promise<void> {
  const mine = ++generation;
  try {
    const [tenants, status] = await Promise.all([api.integrations.list(), api.capture.status()]);
    if (mine !== generation) return;
    useCapture.setState((s) => {
      const taskTenants = { ...s.taskTenants };
      for (const r of status.running) taskTenants[r.taskId] = r.tenantId;
      // Finished pulls whose outcome is now in `last` no longer need their live bar.
      const running = new Set(status.running.map((r) => r.taskId));
      const progress = Object.fromEntries(Object.entries(s.progress).filter(([id, p]) => running.has(id) || p.state !== 'running'));
      return { tenants, status, taskTenants, progress, failure: null };
    });
  } catch (error) {
    if (mine === generation) useCapture.setState({ failure: toFailure(error) });
  }
}

export function noteTasks(tasks: readonly { taskId: string; tenantId: string }[]): void {
  useCapture.setState((s) => {
    const taskTenants = { ...s.taskTenants };
    for (const t of tasks) taskTenants[t.taskId] = t.tenantId;
    return { taskTenants };
  });
}

export function dismissProgress(taskId: string): void {
  useCapture.setState((s) => {
    const progress = { ...s.progress };
    delete progress[taskId];
    return { progress };
  });
}
