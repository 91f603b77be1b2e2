import { useEffect, useState } from 'react';
import type { RecentWorkspace } from '../../shared/api/schemas';
import { useApi } from '../api-context';
import { toFailure, type Failure } from '../errors/failure';

export type RecentState = { state: 'loading' } | { state: 'loaded'; workspaces: RecentWorkspace[] } | { state: 'failed'; failure: Failure };

export function useRecentWorkspaces(): RecentState {
  const api = useApi();
  const [recent, setRecent] = useState<RecentState>({ state: 'loading' });
  useEffect(() => {
    let cancelled = false;
    api.workspace
      .recent()
      .then((workspaces) => !cancelled && setRecent({ state: 'loaded', workspaces }))
      .catch((error: unknown) => !cancelled && setRecent({ state: 'failed', failure: toFailure(error) }));
    return () => {
      cancelled = true;
    };
  }, [api]);
  return recent;
}
