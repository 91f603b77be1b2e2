import { useEffect, useId, useRef, useState, type DragEvent, type FormEvent } from 'react';
import { useApi } from '../../api-context';
import { FormAlert } from '../../forms/FormAlert';
import { useHashRoute } from '../../routing/useHashRoute';
import { useSession } from '../../session/sessionStore';
import { Icon } from '../../ui/Icon';
import { formatBytes } from '../common/readable';
import { uploadLimit, uploadRequest, type Host } from './verifyInput';
import { VerifyReportView } from './VerifyReportView';
import { runVerify, showVerifyProblem, useVerify, type VerifySource } from './verifyStore';

function sourceName(source: VerifySource): string {
  return source.kind === 'upload' ? source.name : source.path;
}

/**
 * Verifying an export someone sent (or one just made): pick or drop the file, or type its
 * path on this computer; the pure verifier runs in the main process and answers with a
 * report. Nothing here needs the case workspace: a recipient verifies with the file alone.
 *
 * Route: #/verify/path/<path> fills the path and verifies it at once (the Exports surface's
 * "Verify this export" goes there).
 */
export function VerifySurface() {
  const api = useApi();
  const [route] = useHashRoute();
  const host: Host = useSession((s) => s.appInfo?.host) ?? 'web';
  const run = useVerify((s) => s.run);
  const path = useVerify((s) => s.path);
  const setPath = useVerify((s) => s.setPath);
  const [dragging, setDragging] = useState(false);
  const [pathError, setPathError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const pathId = useId();
  const busy = run.status === 'running';

  const verifyPath = (p: string) => {
    const trimmed = p.trim();
    if (!trimmed) {
      setPathError('Type the full path of the export file on this computer.');
      return;
    }
    setPathError(null);
    void runVerify(api, { kind: 'path', path: trimmed }, { path: trimmed });
  };

  // Arriving with a path in the route: verify it once, then tidy the URL so Back and reload do not repeat it.
  const routedPath = route.rest[0] === 'path' && route.rest[1] ? route.rest[1] : null;
  useEffect(() => {
    if (!routedPath) return;
    setPath(routedPath);
    verifyPath(routedPath);
    window.history.replaceState(null, '', '#/verify');
    // verifyPath is recreated every render; the route is what matters.
  }, [routedPath]);

  const verifyFile = async (file: File) => {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const plan = uploadRequest(file.name, bytes, host);
    if (!plan.ok) {
      showVerifyProblem({ code: 'UNREADABLE', message: plan.message });
      return;
    }
    await runVerify(api, { kind: 'upload', name: file.name, size: file.size }, plan.request);
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file && !busy) void verifyFile(file);
  };

  const onSubmitPath = (e: FormEvent) => {
    e.preventDefault();
    verifyPath(path);
  };

  return (
    <div className="ev-surface ev-verify">
      <section className="panel verify-input" aria-labelledby="verify-input-title">
        <h2 id="verify-input-title" className="panel__title">
          File to verify
        </h2>
        <div
          className={`dropzone${dragging ? ' dropzone--over' : ''}${busy ? ' dropzone--busy' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            e.dataTransfer.dropEffect = 'copy';
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <Icon name="verify" size={28} className="dropzone__icon" />
          <p className="dropzone__title">Drop an export here</p>
          <p className="dropzone__text">A JSON bundle, a Bates PDF or a production ZIP, up to {formatBytes(uploadLimit(host))} this way.</p>
          <button type="button" className="button button--secondary" disabled={busy} onClick={() => fileInput.current?.click()}>
            Choose a file…
          </button>
          <input
            ref={fileInput}
            type="file"
            className="visually-hidden"
            aria-label="Choose an export file to verify"
            accept=".json,.pdf,.zip,application/json,application/pdf,application/zip"
            tabIndex={-1}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void verifyFile(file);
            }}
          />
        </div>
        <form className="verify-path" onSubmit={onSubmitPath} noValidate>
          <div className={`field verify-path__field${pathError ? ' field--invalid' : ''}`}>
            <label className="field__label" htmlFor={pathId}>
              Or the file's path on this computer
            </label>
            <input
              id={pathId}
              className="field__input field__input--mono"
              value={path}
              onChange={(e) => setPath(e.target.value)}
              placeholder="/home/me/received/ogma-export.json"
              spellCheck={false}
              autoComplete="off"
              aria-invalid={pathError ? true : undefined}
              aria-describedby={`${pathId}-message`}
            />
            <p id={`${pathId}-message`} className={pathError ? 'field__error' : 'field__hint'}>
              {pathError ?? 'Any size; read where it is, never copied.'}
            </p>
          </div>
          <button type="submit" className="button button--primary verify-path__button" disabled={busy}>
            {busy ? 'Verifying…' : 'Verify'}
          </button>
        </form>
      </section>

      {run.status === 'running' && (
        <section className="panel verify-running" aria-live="polite">
          <div className="progress progress--indeterminate" role="progressbar" aria-label="Verifying">
            <span className="progress__fill" />
          </div>
          <p>
            Verifying <span className="mono">{sourceName(run.source)}</span>: recomputing every commitment and proof, and checking the signatures…
          </p>
        </section>
      )}
      {run.status === 'failed' && <FormAlert failure={run.failure} title={run.failure.code === 'NOT_FOUND' ? 'File not found' : 'Could not verify'} />}
      {run.status === 'done' && <VerifyReportView report={run.report} fileName={sourceName(run.source)} />}
    </div>
  );
}
