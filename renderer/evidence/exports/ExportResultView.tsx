import { useHashRoute } from '../../routing/useHashRoute';
import { Icon } from '../../ui/Icon';
import { GroupedValue } from '../common/GroupedValue';
import { formatBytes, formatCount, plural } from '../common/readable';
import { startOver, type ExportResult } from './exportStore';

const FORMAT_NAMES = { json: 'JSON bundle', pdf: 'Bates-numbered PDF', production: 'Production volume (ZIP)' } as const;

/**
 * A finished export: where it is, what it holds, the hashes and the chain record that now
 * vouch for it, and the way to check it with the verifier a recipient would use.
 */
export function ExportResultView({ result }: { result: ExportResult }) {
  const [, navigate] = useHashRoute();
  const c = result.counts;
  return (
    <div className="export-result" aria-labelledby="export-result-title">
      <div className="verdict verdict--success">
        <Icon name="check" size={22} className="verdict__icon" />
        <div>
          <p id="export-result-title" className="verdict__title">
            Export written and recorded
          </p>
          <p className="verdict__text">
            It passed the verifier before it was written, and its hash is in the case record.
          </p>
        </div>
      </div>

      <dl className="facts-grid" aria-label="Export result">
        <dt>File</dt>
        <dd className="mono export-result__path">{result.path}</dd>
        <dt>Format</dt>
        <dd>
          {FORMAT_NAMES[result.format]} · {formatBytes(result.bytes)}
        </dd>
        <dt>Contents</dt>
        <dd>
          {plural(c.documents, 'chat')}, {plural(c.messages, 'message')}
          {c.masked > 0 && <>, {formatCount(c.masked)} with personal data masked</>}
          {c.skippedDeleted > 0 && (
            <>
              {' '}
              · <span className="export-result__skipped">{formatCount(c.skippedDeleted)} deleted, not exportable</span>
            </>
          )}
        </dd>
        {result.bates && (
          <>
            <dt>Bates range</dt>
            <dd className="mono">
              {result.bates.first} – {result.bates.last}
            </dd>
          </>
        )}
        <dt>Bundle SHA-256</dt>
        <dd>
          <GroupedValue value={result.bundleSha256} />
        </dd>
        {result.fileSha256 !== result.bundleSha256 && (
          <>
            <dt>File SHA-256</dt>
            <dd>
              <GroupedValue value={result.fileSha256} />
            </dd>
          </>
        )}
        <dt>Chain record</dt>
        <dd>
          {result.records.map((r, i) => (
            <span key={r.tenantId} className="export-result__record">
              {i > 0 && ', '}
              export_created seq <span className="num">{formatCount(r.seq)}</span>
              {result.records.length > 1 && <span className="muted"> ({r.tenantId})</span>}
            </span>
          ))}
        </dd>
        <dt>Key fingerprint{result.fingerprints.length === 1 ? '' : 's'}</dt>
        <dd className="export-result__fingerprints">
          {result.fingerprints.map((f) => (
            <span key={f.tenantId}>
              <GroupedValue value={f.fingerprint} />
              {result.fingerprints.length > 1 && <span className="muted"> {f.tenantId}</span>}
            </span>
          ))}
        </dd>
      </dl>

      <div className="wizard__nav">
        <button type="button" className="button button--primary" onClick={() => navigate('verify', 'path', result.path)}>
          <Icon name="verify" size={15} />
          Verify this export
        </button>
        <button type="button" className="button button--secondary" onClick={() => startOver('scope')}>
          New export
        </button>
      </div>
    </div>
  );
}
