import { useState } from 'react';
import { useApi } from '../api-context';
import { toFailure, type Failure } from '../errors/failure';
import { FormAlert } from '../forms/FormAlert';
import { useEnterWorkspace } from './useEnterWorkspace';

export function OpenDemoPanel() {
  const api = useApi();
  const enterWorkspace = useEnterWorkspace();
  const [opening, setOpening] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);

  const openDemo = async () => {
    setOpening(true);
    setFailure(null);
    try {
      enterWorkspace(await api.workspace.openDemo());
    } catch (error) {
      setFailure(toFailure(error));
    } finally {
      setOpening(false);
    }
  };

  return (
    <div className="form">
      <p className="form__intro">
        A sample case wired to Ogma Desk’s built-in simulator of the vendor APIs. Try capture, review, export and
        verification end to end without a real key: nothing is sent to any vendor.
      </p>
      <ul className="checklist">
        <li>Simulated organisations, users and chats, captured into a real encrypted vault</li>
        <li>A tamper-evident record you can export and verify offline</li>
        <li>Safe to experiment: the demo is separate from your own cases</li>
      </ul>
      {failure && <FormAlert failure={failure} />}
      <div className="form__actions">
        <button type="button" className="button button--primary" onClick={() => void openDemo()} disabled={opening}>
          {opening ? 'Opening the demo…' : 'Open the demo'}
        </button>
      </div>
    </div>
  );
}
