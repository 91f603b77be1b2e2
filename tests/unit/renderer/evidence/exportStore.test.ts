import { beforeEach, describe, expect, it } from 'vitest';
import type { OgmaApi } from '../../../../shared/api/client';
import type { EventPayload, Req } from '../../../../shared/api/contract';
import { OgmaError } from '../../../../shared/api/errors';
import { EMPTY_DRAFT } from '../../../../renderer/evidence/exports/exportDraft';
import { cancelExport, handOverSelection, resetExportWizard, runExport, startOver, useExportWizard, type ExportResult } from '../../../../renderer/evidence/exports/exportStore';

type Progress = EventPayload<'progress'>;

/** The contract boundary only: export.create waits until the test settles it; progress is pushed by the test. */
function fakeApi() {
  const listeners = new Set<(p: Progress) => void>();
  const requests: Req<'export.create'>[] = [];
  const cancels: string[] = [];
  let settle: { resolve(r: ExportResult): void; reject(e: unknown): void } | null = null;
  const api = {
    export: {
      create: (req: Req<'export.create'>) => {
        requests.push(req);
        return new Promise<ExportResult>((resolve, reject) => (settle = { resolve, reject }));
      },
      cancel: async ({ taskId }: { taskId: string }) => {
        cancels.push(taskId);
        return { cancelled: true };
      },
    },
    on: (_event: 'progress', handler: (p: Progress) => void) => {
      listeners.add(handler);
      return () => listeners.delete(handler);
    },
  } as unknown as OgmaApi;
  return {
    api,
    requests,
    cancels,
    listeners,
    emit: (p: Progress) => listeners.forEach((l) => l(p)),
    settle: () => settle!,
  };
}

const result = (taskId: string): ExportResult => ({
  taskId,
  path: '/cases/e.json',
  format: 'json',
  counts: { documents: 2, messages: 9, masked: 1, skippedDeleted: 0 },
  bates: null,
  fileSha256: 'a'.repeat(64),
  bundleSha256: 'a'.repeat(64),
  bytes: 1000,
  records: [{ tenantId: 't1', seq: 42 }],
  recordSeq: 42,
  fingerprints: [{ tenantId: 't1', fingerprint: 'SHA256:abc' }],
});

const progress = (taskId: string, done: number): Progress => ({ taskId, title: 'Exporting (json)', phase: 'reading', done, total: 9, rate: null, state: 'running' });

beforeEach(() => {
  resetExportWizard('ws-1');
  useExportWizard.getState().update({ outPath: '/cases/e.json' });
});

describe('running an export from the wizard', () => {
  it('given a run, progress of its own task moves the bar, another task is ignored, and the result is kept', async () => {
    const f = fakeApi();
    const done = runExport(f.api);
    const run = useExportWizard.getState().run;
    expect(run.status).toBe('running');
    if (run.status !== 'running') return;
    expect(f.requests[0]!.taskId).toBe(run.taskId);

    f.emit(progress('someone-else', 7));
    expect(useExportWizard.getState().run).toMatchObject({ status: 'running', progress: null });
    f.emit(progress(run.taskId, 3));
    expect(useExportWizard.getState().run).toMatchObject({ status: 'running', progress: { done: 3 } });

    // A second press while running starts nothing.
    await runExport(f.api);
    expect(f.requests).toHaveLength(1);

    f.settle().resolve(result(run.taskId));
    await done;
    expect(useExportWizard.getState().run).toMatchObject({ status: 'done', result: { recordSeq: 42 } });
    expect(f.listeners.size).toBe(0);
  });

  it('cancel asks the service to cancel this task; the run ends as the call reports it', async () => {
    const f = fakeApi();
    const done = runExport(f.api);
    const run = useExportWizard.getState().run;
    if (run.status !== 'running') throw new Error('not running');
    await cancelExport(f.api);
    expect(f.cancels).toEqual([run.taskId]);
    expect(useExportWizard.getState().run).toMatchObject({ status: 'running', cancelling: true });
    f.settle().reject(new OgmaError('CANCELLED', 'The export was cancelled.'));
    await done;
    expect(useExportWizard.getState().run).toMatchObject({ status: 'failed', failure: { code: 'CANCELLED' } });
  });

  it('a refusal keeps its code and field, so the wizard can point at the step', async () => {
    const f = fakeApi();
    const done = runExport(f.api);
    f.settle().reject(new OgmaError('VALIDATION_FAILED', 'Nothing to export.', { field: 'scope' }));
    await done;
    expect(useExportWizard.getState().run).toMatchObject({ status: 'failed', failure: { code: 'VALIDATION_FAILED', field: 'scope' } });
  });

  it('after a finished export, starting over draws a new default file name, since the old one now exists', async () => {
    const f = fakeApi();
    const done = runExport(f.api);
    const run = useExportWizard.getState().run;
    if (run.status !== 'running') throw new Error('not running');
    f.settle().resolve(result(run.taskId));
    await done;
    startOver('scope');
    expect(useExportWizard.getState()).toMatchObject({ step: 'scope', run: { status: 'idle' }, draft: { outPath: '' } });
  });

  it('chats handed over land in the draft and open the Scope step; a new workspace starts afresh', () => {
    useExportWizard.getState().goTo('format');
    handOverSelection({ name: 'Hot', chats: [{ tenantId: 't1', chatId: 'c1' }] });
    expect(useExportWizard.getState()).toMatchObject({ step: 'scope', draft: { selection: { name: 'Hot' } } });
    resetExportWizard('ws-2');
    expect(useExportWizard.getState().draft).toEqual(EMPTY_DRAFT);
  });
});
