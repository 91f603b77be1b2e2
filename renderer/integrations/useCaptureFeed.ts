import { useEffect } from 'react';
import type { WorkspaceSummary } from '../../shared/api/schemas';
import { useApi } from '../api-context';
import { isFinished } from './captureFormat';
import { refreshCapture, useCapture } from './captureStore';

/**
 * Keeps the capture store current while a workspace is open: reads it on open and on every
 * workspace.changed, records each progress event, and reads again when a pull ends (or
 * when a pull this window has not heard of starts, to learn which organisation it is for).
 */
export function useCaptureFeed(workspace: WorkspaceSummary): void {
  const api = useApi();

  useEffect(() => {
    useCapture.getState().reset();
    void refreshCapture(api);
  }, [api, workspace.id]);

  useEffect(
    () =>
      api.on('workspace.changed', ({ workspace: next }) => {
        if (next) void refreshCapture(api);
        else useCapture.getState().reset();
      }),
    [api],
  );

  useEffect(() => {
    const asked = new Set<string>();
    return api.on('progress', (event) => {
      // The same event stream carries chain verifications and exports; only pulls belong here.
      if (!isPullTask(event.taskId)) return;
      const known = event.taskId in useCapture.getState().taskTenants || asked.has(event.taskId);
      asked.add(event.taskId);
      useCapture.setState((s) => ({ progress: { ...s.progress, [event.taskId]: event } }));
      if (isFinished(event.state) || !known) void refreshCapture(api);
    });
  }, [api]);
}

/** Pull task ids are minted by the capture service as `pull_<hex>`. */
export function isPullTask(taskId: string): boolean {
  return taskId.startsWith('pull_');
}
