import { useEffect, useState } from 'react';
import type { Res } from '../../../shared/api/contract';
import type { TranscriptMessageDto } from '../../../shared/api/review-schemas';
import { useApi } from '../../api-context';
import { toFailure, type Failure } from '../../errors/failure';
import { FormAlert } from '../../forms/FormAlert';
import { Icon } from '../../ui/Icon';
import { Dialog } from '../common/Dialog';
import { formatDateTime } from '../common/format';

type Evidence = Res<'content.record'>;

/** The record as indented JSON for reading; the canonical bytes (what was hashed) are shown too. */
export function prettyRecord(canonical: string): string {
  try {
    return JSON.stringify(JSON.parse(canonical), null, 2);
  } catch {
    return canonical;
  }
}

/**
 * A message's chain record and commitment "one click away": the record's canonical bytes,
 * its leaf hash, the inclusion proof to the newest signed checkpoint, the checkpoint note
 * and key. The main process verifies all of it before answering; a failure (a tampered
 * log, no checkpoint yet) is shown as such, with what to do.
 */
export function RecordDialog({ tenantId, message, onClose }: { tenantId: string; message: TranscriptMessageDto; onClose(): void }) {
  const api = useApi();
  const [evidence, setEvidence] = useState<Evidence | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);

  useEffect(() => {
    let live = true;
    api.content
      .record({ tenantId, messageId: message.messageId })
      .then((e) => live && setEvidence(e))
      .catch((error: unknown) => live && setFailure(toFailure(error)));
    return () => {
      live = false;
    };
  }, [api, tenantId, message.messageId]);

  return (
    <Dialog title={`Chain record of message ${message.messageId}`} onClose={onClose} wide>
      {failure && (
        <FormAlert
          failure={failure}
          title={failure.code === 'TAMPERED' ? 'This record did not verify' : failure.code === 'UNAVAILABLE' ? 'Not covered by a checkpoint yet' : undefined}
        />
      )}
      {!evidence && !failure && (
        <p className="muted" aria-busy="true">
          Reading and verifying the record…
        </p>
      )}
      {evidence && (
        <div className="evidence">
          <p className="evidence__verdict" role="status">
            <Icon name="verify" size={18} />
            <span>
              <strong>Verified.</strong> The record hashes to its leaf, the leaf is in the tree of checkpoint {evidence.checkpoint.size.toLocaleString('en-US')}, and the
              checkpoint's signature checks with this organisation's key.
            </span>
          </p>
          <dl className="facts evidence__facts">
            <dt>Record</dt>
            <dd>
              #{evidence.seq} · <span className="mono">{evidence.type}</span> · {formatDateTime(evidence.at)} · by {evidence.actor}
            </dd>
            <dt>Commitment</dt>
            <dd className="mono evidence__hash">{message.commitment ?? '—'}</dd>
            <dt>Leaf hash</dt>
            <dd className="mono evidence__hash">{evidence.leafHash}</dd>
            <dt>Inclusion proof</dt>
            <dd>
              {evidence.proof.algorithm}, leaf {evidence.proof.leafIndex.toLocaleString('en-US')} of {evidence.proof.treeSize.toLocaleString('en-US')},{' '}
              {evidence.proof.hashes.length} hash{evidence.proof.hashes.length === 1 ? '' : 'es'}
              <ol className="evidence__path mono">
                {evidence.proof.hashes.map((h, i) => (
                  <li key={i}>{h}</li>
                ))}
              </ol>
            </dd>
            <dt>Checkpoint</dt>
            <dd>
              size {evidence.checkpoint.size.toLocaleString('en-US')} · {formatDateTime(evidence.checkpoint.time)}
              <div className="mono evidence__hash">root {evidence.checkpoint.root}</div>
            </dd>
            <dt>Signing key</dt>
            <dd>
              <span className="mono">{evidence.checkpoint.keyName}</span>
              <div className="mono evidence__hash">fingerprint {evidence.checkpoint.keyFingerprint}</div>
            </dd>
          </dl>
          <details className="evidence__more" open>
            <summary>Record JSON</summary>
            <pre className="evidence__pre" tabIndex={0} aria-label="Record JSON">
              {prettyRecord(evidence.record)}
            </pre>
          </details>
          <details className="evidence__more">
            <summary>Signed checkpoint note</summary>
            <pre className="evidence__pre" tabIndex={0} aria-label="Signed checkpoint note">
              {evidence.checkpoint.note}
            </pre>
          </details>
        </div>
      )}
    </Dialog>
  );
}
