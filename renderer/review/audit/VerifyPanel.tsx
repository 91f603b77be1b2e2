import { useEffect, useRef, useState } from 'react';
import type { EventPayload } from '../../../shared/api/contract';
import { useApi } from '../../api-context';
import { toFailure, type Failure } from '../../errors/failure';
import { FormAlert } from '../../forms/FormAlert';
import { Icon } from '../../ui/Icon';
import { formatCount } from '../common/format';
import { isVerifyTask, progressFraction, verifyOutcome, type VerifyOutcome } from './auditQuery';

type Progress = EventPayload<'progress'>;

/**
 * "Verify chain": every log's records, links, Merkle roots, signed checkpoints and the
 * content they attest, with a bar fed by the service's progress events, and a result that
 * names each bad record by log, seq and what failed.
 */
export function VerifyPanel({ tenants, onOpenRecord }: { tenants: readonly { id: string; name: string }[]; onOpenRecord(tenantId: string, seq: number): void }) {
  const api = useApi();
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [outcome, setOutcome] = useState<VerifyOutcome | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const runningRef = useRef(false);

  useEffect(
    () =>
      api.on('progress', (p) => {
        if (runningRef.current && isVerifyTask(p.taskId)) setProgress(p);
      }),
    [api],
  );

  const verify = async () => {
    runningRef.current = true;
    setRunning(true);
    setProgress(null);
    setOutcome(null);
    setFailure(null);
    try {
      const report = await api.chain.verify({ mode: 'full' });
      setOutcome(verifyOutcome(report, tenants));
    } catch (error) {
      setFailure(toFailure(error));
    } finally {
      runningRef.current = false;
      setRunning(false);
    }
  };

  const fraction = progress ? progressFraction(progress) : null;
  // The bar stays after the run, full (or where it stopped), so the last state can be read.
  const showBar = running || progress !== null;
  const barState = running ? 'running' : (progress?.state ?? 'running');
  return (
    <section className="panel verify" aria-labelledby="verify-title">
      <div className="verify__head">
        <div>
          <h2 id="verify-title" className="panel__title">
            Chain integrity
          </h2>
          <p className="muted verify__intro">Checks every record, its link to the one before, the Merkle roots, each signed checkpoint and the captured content the records attest.</p>
        </div>
        <button type="button" className="button button--primary" onClick={() => void verify()} disabled={running}>
          <Icon name="verify" size={16} />
          {running ? 'Verifying…' : 'Verify chain'}
        </button>
      </div>
      {showBar && (
        <div className={`verify__progress verify__progress--${barState}`}>
          <div
            className={`progress${fraction === null ? ' progress--indeterminate' : ''}`}
            role="progressbar"
            aria-label="Chain verification progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={fraction === null ? undefined : Math.round(fraction * 100)}
          >
            <span className="progress__fill" style={fraction === null ? undefined : { width: `${fraction * 100}%` }} />
          </div>
          <p className="verify__progress-text muted num" aria-live="polite">
            {progress ? `${formatCount(progress.done)}${progress.total !== null ? ` of ${formatCount(progress.total)}` : ''} records · ${progress.state === 'running' ? progress.phase : progress.state === 'done' ? 'finished' : 'stopped'}` : 'Starting…'}
          </p>
        </div>
      )}
      {failure && <FormAlert failure={failure} title="Verification could not run" />}
      {outcome && (
        <div className={`verify__result verify__result--${outcome.ok ? 'ok' : 'bad'}`} role="status">
          <Icon name={outcome.ok ? 'check' : 'alert'} size={20} className="verify__result-icon" />
          <div className="verify__result-body">
            <p className="verify__headline">{outcome.headline}</p>
            <p className="verify__detail">{outcome.detail}</p>
            {outcome.findings.length > 0 && (
              <ul className="verify__findings">
                {outcome.findings.map((f) => (
                  <li key={`${f.tenantId}-${f.seq ?? 'ws'}-${f.code}`} className="verify__finding">
                    <p className="verify__where">
                      <strong>{f.log}</strong>
                      {f.seq !== null && (
                        <>
                          {' · '}
                          <button type="button" className="link-button num" onClick={() => onOpenRecord(f.tenantId, f.seq!)}>
                            record #{f.seq}
                          </button>
                        </>
                      )}
                      {' · '}
                      <code>{f.code}</code>
                      {f.path && (
                        <>
                          {' · '}
                          <span className="mono">{f.path}</span>
                        </>
                      )}
                    </p>
                    <p>{f.message}</p>
                    {f.affects && <p className="muted">{f.affects}</p>}
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
