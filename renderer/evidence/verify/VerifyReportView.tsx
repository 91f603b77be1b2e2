import type { VerifyReport } from '../../../shared/api/export-schemas';
import { Icon } from '../../ui/Icon';
import { GroupedValue } from '../common/GroupedValue';
import { formatCount } from '../common/readable';
import { checksPassed, FORMAT_LABELS, summaryText, verdictView, whereColumns } from './reportView';

function Counts({ counts }: { counts: VerifyReport['counts'] }) {
  const tiles = [
    { key: 'messages', label: 'Messages', value: counts.messages, tone: 'neutral' },
    { key: 'verified', label: 'Verified', value: counts.verified, tone: 'success' },
    { key: 'masked', label: 'Verified, text masked', value: counts.verifiedTextMasked, tone: 'accent' },
    { key: 'failed', label: 'Failed', value: counts.failed, tone: counts.failed > 0 ? 'danger' : 'neutral' },
  ] as const;
  return (
    <ul className="tiles" aria-label="Message counts">
      {tiles.map((t) => (
        <li key={t.key} className={`tile tile--${t.tone}`}>
          <span className="tile__value num">{formatCount(t.value)}</span>
          <span className="tile__label">{t.label}</span>
        </li>
      ))}
    </ul>
  );
}

function Failures({ failures }: { failures: VerifyReport['failures'] }) {
  const columns = whereColumns(failures);
  return (
    <div className="table-scroll">
      <table className="failures">
        <caption className="visually-hidden">Failures and where they are</caption>
        <thead>
          <tr>
            <th scope="col">What failed</th>
            {columns.map((c) => (
              <th key={c.key} scope="col">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {failures.map((f, i) => (
            <tr key={i} data-code={f.code}>
              <td className="failures__what">
                <span className="failures__message">{f.message}</span>
                <span className="failures__code mono">{f.code}</span>
              </td>
              {columns.map((c) => {
                const v = f.where[c.key];
                return (
                  <td key={c.key} className={`failures__where${c.mono ? ' mono' : ' num'}`}>
                    {v === undefined || v === '' ? <span className="muted" aria-label="none">—</span> : String(v)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A verifier's report: the verdict first, then what to compare out of band, the counts, the checks and every failure with its place. */
export function VerifyReportView({ report, fileName }: { report: VerifyReport; fileName: string }) {
  const v = verdictView(report.verdict);
  const { passed, failed } = checksPassed(report);
  return (
    <div className="verify-report" aria-labelledby="verdict-title">
      <div className={`verdict verdict--${v.tone}`} role="status">
        <Icon name={report.verdict === 'verified' ? 'verify' : 'alert'} size={26} className="verdict__icon" />
        <div className="verdict__body">
          <p id="verdict-title" className="verdict__title">
            {v.title}
          </p>
          <p className="verdict__file">
            <span className="mono">{fileName}</span> · {FORMAT_LABELS[report.format]}
          </p>
          <p className="verdict__text">{summaryText(report)}</p>
          <p className="verdict__meaning">{v.meaning}</p>
        </div>
      </div>

      {report.fingerprints.length > 0 && (
        <section className="panel" aria-labelledby="fp-title">
          <h2 id="fp-title" className="panel__title">
            Signing key fingerprints
          </h2>
          <p className="muted panel__intro">
            The file proves itself against the key it carries. Ask the producing party, by phone or another channel, to read you their fingerprint and
            compare it group by group.
          </p>
          <dl className="fingerprints">
            {report.fingerprints.map((f) => (
              <div key={`${f.tenantId}:${f.fingerprint}`} className="fingerprints__row">
                <dt className="mono">{f.tenantId}</dt>
                <dd>
                  <GroupedValue value={f.fingerprint} />
                </dd>
              </div>
            ))}
          </dl>
        </section>
      )}

      <section className="panel" aria-labelledby="counts-title">
        <h2 id="counts-title" className="panel__title">
          Messages
        </h2>
        <Counts counts={report.counts} />
      </section>

      <div className="verify-report__grid">
        {report.failures.length > 0 && (
          <section className="panel verify-report__failures" aria-labelledby="failures-title">
            <h2 id="failures-title" className="panel__title">
              Failures <span className="section-title__count">{formatCount(report.failures.length)}</span>
            </h2>
            <Failures failures={report.failures} />
          </section>
        )}
        <section className="panel" aria-labelledby="checks-title">
          <h2 id="checks-title" className="panel__title">
            Checks{' '}
            <span className="checks__tally">
              {passed} passed{failed > 0 ? `, ${failed} failed` : ''}
            </span>
          </h2>
          {report.checks.length === 0 ? (
            <p className="muted">No check could run: the file was not read far enough.</p>
          ) : (
            <ul className="checks" aria-label="Checks">
              {report.checks.map((c, i) => (
                <li key={i} className={`check check--${c.ok ? 'ok' : 'failed'}`}>
                  <span className="check__mark" aria-hidden="true">
                    <Icon name={c.ok ? 'check' : 'alert'} size={15} />
                  </span>
                  <span className="check__name">{c.name}</span>
                  <span className="visually-hidden">{c.ok ? ': passed' : ': failed'}</span>
                  {c.detail && <span className="check__detail">{c.detail}</span>}
                </li>
              ))}
            </ul>
          )}
        </section>

      </div>
    </div>
  );
}
