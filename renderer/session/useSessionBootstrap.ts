import { useCallback, useEffect } from 'react';
import { useApi } from '../api-context';
import { toFailure } from '../errors/failure';
import { useSession } from './sessionStore';

/**
 * First contact with the services: what host and build this is, whether a workspace is
 * already open (a reload of the browser host keeps the session), and from then on every
 * workspace change pushed by the services. Returns a retry for when the first contact fails.
 */
export function useSessionBootstrap(): () => void {
  const api = useApi();
  const { setConnection, setAppInfo, setWorkspace } = useSession.getState();

  const connect = useCallback(() => {
    let cancelled = false;
    setConnection({ state: 'connecting' });
    Promise.all([api.app.info(), api.workspace.current()])
      .then(([info, workspace]) => {
        if (cancelled) return;
        setAppInfo(info);
        setWorkspace(workspace);
        setConnection({ state: 'ready' });
      })
      .catch((error: unknown) => {
        if (!cancelled) setConnection({ state: 'failed', failure: toFailure(error) });
      });
    return () => {
      cancelled = true;
    };
  }, [api, setAppInfo, setConnection, setWorkspace]);

  useEffect(() => connect(), [connect]);

  useEffect(() => api.on('workspace.changed', ({ workspace }) => setWorkspace(workspace)), [api, setWorkspace]);

  return connect;
}
