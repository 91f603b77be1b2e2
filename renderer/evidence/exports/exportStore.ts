import { create } from 'zustand';
import type { Res } from '../../../shared/api/contract';
import type { OgmaApi } from '../../../shared/api/client';
import { toFailure, type Failure } from '../../errors/failure';
import { EMPTY_DRAFT, toExportRequest, type ExportDraft, type HandedSelection, type WizardStep } from './exportDraft';
import type { Progress } from './exportProgress';

export type ExportResult = Res<'export.create'>;

/** One export run; kept in the store so leaving the surface and coming back shows it still. */
export type ExportRun =
  | { status: 'idle' }
  | { status: 'running'; taskId: string; progress: Progress | null; cancelling: boolean }
  | { status: 'done'; taskId: string; result: ExportResult }
  | { status: 'failed'; taskId: string; failure: Failure; progress: Progress | null };

export interface ExportWizardState {
  /** The workspace this draft belongs to; another workspace starts afresh. */
  workspaceId: string | null;
  draft: ExportDraft;
  step: WizardStep;
  /** Steps the investigator has moved past: their errors show, and the stepper lets them go back. */
  visited: WizardStep[];
  run: ExportRun;
  update(patch: Partial<ExportDraft>): void;
  goTo(step: WizardStep): void;
}

export const useExportWizard = create<ExportWizardState>()((set) => ({
  workspaceId: null,
  draft: EMPTY_DRAFT,
  step: 'scope',
  visited: [],
  run: { status: 'idle' },
  update: (patch) => set((s) => ({ draft: { ...s.draft, ...patch } })),
  goTo: (step) => set((s) => ({ step, visited: s.visited.includes(s.step) ? s.visited : [...s.visited, s.step] })),
}));

export function resetExportWizard(workspaceId: string | null): void {
  useExportWizard.setState({ workspaceId, draft: EMPTY_DRAFT, step: 'scope', visited: [], run: { status: 'idle' } });
}

/**
 * Hands chats to the wizard (from the Content table, say): the draft's scope becomes that
 * selection and the wizard opens at its first step. A finished run is put away; a running
 * one is left alone (its result still shows when it ends).
 */
export function handOverSelection(selection: HandedSelection): void {
  useExportWizard.setState((s) => ({
    draft: { ...s.draft, selection },
    step: s.run.status === 'running' ? s.step : 'scope',
    run: s.run.status === 'running' ? s.run : { status: 'idle' },
  }));
}

/** Starts a new export with the same draft (after a result or a failure). */
export function startOver(step: WizardStep = 'scope'): void {
  useExportWizard.setState((s) => ({
    step,
    run: { status: 'idle' },
    // The last file now exists and exports never overwrite: a default name is drawn afresh (see ExportsSurface).
    draft: s.run.status === 'done' && !s.draft.outPathEdited ? { ...s.draft, outPath: '' } : s.draft,
  }));
}

function newTaskId(): string {
  const bytes = new Uint8Array(6);
  crypto.getRandomValues(bytes);
  return `export-${Date.now().toString(36)}-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * Runs `export.create` for the current draft. The task id is chosen here, so progress
 * events (and a cancel) can be matched to this run before the call returns.
 */
export async function runExport(api: OgmaApi): Promise<void> {
  const { draft, run } = useExportWizard.getState();
  if (run.status === 'running') return;
  const taskId = newTaskId();
  useExportWizard.setState({ run: { status: 'running', taskId, progress: null, cancelling: false } });
  const off = api.on('progress', (event) => {
    if (event.taskId !== taskId) return;
    useExportWizard.setState((s) => (s.run.status === 'running' && s.run.taskId === taskId ? { run: { ...s.run, progress: event } } : {}));
  });
  try {
    const result = await api.export.create(toExportRequest(draft, taskId));
    useExportWizard.setState({ run: { status: 'done', taskId, result } });
  } catch (error) {
    useExportWizard.setState((s) => ({
      run: { status: 'failed', taskId, failure: toFailure(error), progress: s.run.status === 'running' ? s.run.progress : null },
    }));
  } finally {
    off();
  }
}

export async function cancelExport(api: OgmaApi): Promise<void> {
  const { run } = useExportWizard.getState();
  if (run.status !== 'running' || run.cancelling) return;
  useExportWizard.setState({ run: { ...run, cancelling: true } });
  try {
    await api.export.cancel({ taskId: run.taskId });
  } catch {
    // The run's own call reports how it ended; a cancel that could not be delivered leaves it running.
    useExportWizard.setState((s) => (s.run.status === 'running' ? { run: { ...s.run, cancelling: false } } : {}));
  }
}
