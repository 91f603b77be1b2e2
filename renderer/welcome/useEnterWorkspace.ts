import { useCallback } from 'react';
import type { WorkspaceSummary } from '../../shared/api/schemas';
import { hrefFor } from '../routing/routes';
import { useSession } from '../session/sessionStore';

/**
 * After a successful create/open: show the app frame on the Workspace surface. The services
 * also push workspace.changed; whichever arrives first wins and the other changes nothing.
 */
export function useEnterWorkspace(): (workspace: WorkspaceSummary) => void {
  const setWorkspace = useSession((s) => s.setWorkspace);
  return useCallback(
    (workspace: WorkspaceSummary) => {
      window.location.hash = hrefFor('workspace');
      setWorkspace(workspace);
    },
    [setWorkspace],
  );
}
