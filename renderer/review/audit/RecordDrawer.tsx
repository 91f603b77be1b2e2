import { useEffect, useId, useState } from 'react';
import type { Res } from '../../../shared/api/contract';
import { useApi } from '../../api-context';
import { toFailure, type Failure } from '../../errors/failure';
import { FormAlert } from '../../forms/FormAlert';
import { useModalDialog } from '../common/Dialog';
import { formatDateTime } from '../common/format';
import { prettyRecord } from './auditQuery';
import { RecordTypeBadge } from './RecordTypeBadge';

type Evidence = Res<'content.record'>;

/**
 * One record, as evidence: its canonical JSON (the hashed bytes), leaf hash, inclusion proof
 * and the signed checkpoint it is proved against, all checked by the service before shown.
 * A side drawer on the native <dialog> (focus trapped, Esc closes, focus returns).
 */
export function RecordDrawer({ tenantId, seq, logName, onClose }: { tenantId: string; seq: number; logName: string; onClose(): void }) {
  const api = useApi();
  const ref = useModalDialog(onClose, { closeOnBackdrop: true });
  const titleId = useId();
  const [evidence, setEvidence] = useState<Evidence | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);

  useEffect(() => {
    let live = true;
    setEvidence(null);
    setFailure(null);
    api.content
      .record({ tenantId, seq })
      .then((e) => live && setEvidence(e))
      .catch((error: unknown) => live && setFailure(toFailure(error)));
    return () => {
      live = false;
    };
  }, [api, tenantId, seq]);

  return (
    <dialog ref={ref} className="drawer" aria-labelledby={titleId}>
      <div className="drawer__header">
        <div>
          <h2 id={titleId} className="drawer__title">
            Record #{seq}
          </h2>
          <p className="muted drawer__sub">{logName} log</p>
        </div>
        <button type="button" className="button button--quiet" onClick={onClose} aria-label="Close">
          ✕
        </button>
      </div>
      <div className="drawer__body">
        {failure && <FormAlert failure={failure} title={failure.code === 'TAMPERED' ? 'This record failed its check' : 'The record could not be shown'} />}
        {!evidence && !failure && (
          <p className="muted" aria-busy="true">
            Reading and checking the record…
          </p>
        )}
        {evidence && (
          <>
            <p className="drawer__verified">
              <span className="badge badge--verified">Verified</span> Leaf, inclusion proof and checkpoint signature checked just now.
            </p>
            <dl className="facts drawer__facts">
              <dt>Type</dt>
              <dd>
                <RecordTypeBadge type={evidence.type} />
              </dd>
              <dt>When</dt>
              <dd className="num">{formatDateTime(evidence.at)}</dd>
              <dt>Actor</dt>
              <dd>{evidence.actor}</dd>
              <dt>Leaf hash</dt>
              <dd className="mono drawer__hash">{evidence.leafHash}</dd>
              <dt>Proof</dt>
              <dd>
                Leaf {evidence.proof.leafIndex} of a tree of {evidence.proof.treeSize}, {evidence.proof.hashes.length} hashes ({evidence.proof.algorithm})
              </dd>
              <dt>Checkpoint</dt>
              <dd>
                Size {evidence.checkpoint.size}, signed {formatDateTime(evidence.checkpoint.time)}
                <span className="mono drawer__hash">root {evidence.checkpoint.root}</span>
                <span className="mono drawer__hash">key {evidence.checkpoint.keyFingerprint}</span>
              </dd>
            </dl>
            <h3 className="drawer__section">Record</h3>
            <pre className="drawer__json" tabIndex={0} aria-label="Record JSON">
              {prettyRecord(evidence.record)}
            </pre>
            <details className="drawer__details">
              <summary>Canonical bytes (RFC 8785), exactly as hashed</summary>
              <pre className="drawer__json drawer__json--raw">{evidence.record}</pre>
            </details>
            <details className="drawer__details">
              <summary>Inclusion proof and signed note</summary>
              <ol className="drawer__proof mono">
                {evidence.proof.hashes.map((h, i) => (
                  <li key={i}>{h}</li>
                ))}
              </ol>
              <pre className="drawer__json drawer__json--raw">{evidence.checkpoint.note}</pre>
            </details>
          </>
        )}
      </div>
    </dialog>
  );
}
