import { create } from 'zustand';
import type { Req } from '../../../shared/api/contract';
import type { OgmaApi } from '../../../shared/api/client';
import type { VerifyReport } from '../../../shared/api/export-schemas';
import { toFailure, type Failure } from '../../errors/failure';

/** What was verified, as the person knows it: a file they picked or a path they typed. */
export type VerifySource = { kind: 'upload'; name: string; size: number } | { kind: 'path'; path: string };

export type VerifyRun =
  | { status: 'idle' }
  | { status: 'running'; source: VerifySource }
  | { status: 'done'; source: VerifySource; report: VerifyReport }
  | { status: 'failed'; source: VerifySource | null; failure: Failure };

export interface VerifyState {
  run: VerifyRun;
  /** The path field, kept while the investigator moves between surfaces. */
  path: string;
  setPath(path: string): void;
}

export const useVerify = create<VerifyState>()((set) => ({
  run: { status: 'idle' },
  path: '',
  setPath: (path) => set({ path }),
}));

let generation = 0;

/** Verifies one file; a newer verification started meanwhile wins and this answer is dropped. */
export async function runVerify(api: OgmaApi, source: VerifySource, request: Req<'verify.file'>): Promise<void> {
  const mine = ++generation;
  useVerify.setState({ run: { status: 'running', source } });
  try {
    const report = await api.verify.file(request);
    if (mine === generation) useVerify.setState({ run: { status: 'done', source, report } });
  } catch (error) {
    if (mine === generation) useVerify.setState({ run: { status: 'failed', source, failure: toFailure(error) } });
  }
}

export function showVerifyProblem(failure: Failure): void {
  generation++;
  useVerify.setState({ run: { status: 'failed', source: null, failure } });
}
