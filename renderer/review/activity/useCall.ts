import { useCallback, useEffect, useRef, useState } from 'react';
import { toFailure, type Failure } from '../../errors/failure';
import { useCapture } from '../../integrations/captureStore';

export type CallState<T> =
  | { status: 'loading'; data: T | null }
  | { status: 'ready'; data: T }
  | { status: 'failed'; failure: Failure; data: T | null };

/**
 * Something that changes whenever a pull finishes, so a screen over captured data reads
 * again when new data has been sealed (and not on every progress tick of a running pull).
 */
export function useCaptureVersion(): string {
  return useCapture((s) => s.status?.last.map((l) => `${l.runId}:${l.finishedAt ?? ''}`).join('|') ?? '');
}

/**
 * Calls the contract when `key` changes (and again after every finished pull), keeping the
 * previous answer on screen while the next one loads. An answer overtaken by a newer call
 * is dropped, so a fast filter change never shows stale rows. `load` null means: do not call.
 */
export function useCall<T>(key: string, load: (() => Promise<T>) | null): [CallState<T>, () => void] {
  const [state, setState] = useState<CallState<T>>({ status: 'loading', data: null });
  const [retries, setRetries] = useState(0);
  const generation = useRef(0);
  const version = useCaptureVersion();
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const run = loadRef.current;
    if (!run) return;
    const mine = ++generation.current;
    setState((s) => ({ status: 'loading', data: s.data }));
    run().then(
      (data) => {
        if (mine === generation.current) setState({ status: 'ready', data });
      },
      (error: unknown) => {
        if (mine === generation.current) setState((s) => ({ status: 'failed', failure: toFailure(error), data: s.data }));
      },
    );
  }, [key, version, retries]);

  const retry = useCallback(() => setRetries((n) => n + 1), []);
  return [state, retry];
}
