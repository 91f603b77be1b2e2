import { useState } from 'react';
import { useApi } from '../api-context';
import { alertTitleFor, toFailure, type Failure } from '../errors/failure';
import { useSession } from '../session/sessionStore';
import { Icon } from '../ui/Icon';

/** Closes the workspace (the services forget its keys) and returns to the Welcome screen. */
export function CloseWorkspaceButton() {
  const api = useApi();
  const setWorkspace = useSession((s) => s.setWorkspace);
  const [closing, setClosing] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);

  const close = async () => {
    setClosing(true);
    setFailure(null);
    try {
      // `closed: false` means nothing was open on the services' side: the Welcome screen is right either way.
      await api.workspace.close();
      setWorkspace(null);
    } catch (error) {
      setFailure(toFailure(error));
    } finally {
      setClosing(false);
    }
  };

  return (
    <>
      {failure && (
        <span className="topbar__failure" role="alert" title={failure.message}>
          {alertTitleFor(failure.code)}: {failure.message}
        </span>
      )}
      <button type="button" className="button button--quiet" onClick={() => void close()} disabled={closing}>
        <Icon name="logout" size={15} />
        {closing ? 'Closing…' : 'Close workspace'}
      </button>
    </>
  );
}
