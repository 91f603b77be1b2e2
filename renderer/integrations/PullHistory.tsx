import type { ReactNode } from 'react';
import { formatCount, formatDuration, skipReasonLabel, skippedTotal, slotInfo } from './captureFormat';
import type { PullSummary, TenantIntegrations } from './captureStore';
import { MessageBar } from './MessageBar';
import { PullStatusBadge } from './PullStatusBadge';
import { when } from './TenantCard';

function CountTable({ caption, rows }: { caption: string; rows: [label: ReactNode, value: number, sub?: boolean][] }) {
  return (
    <table className="counts">
      <caption>{caption}</caption>
      <tbody>
        {rows.map(([label, value, sub], i) => (
          <tr key={i} className={sub ? 'counts__sub' : undefined}>
            <th scope="row">{label}</th>
            <td className="num">{formatCount(value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Cursor({ value }: { value: string | null }) {
  if (!value) return <span className="muted">–</span>;
  return (
    <span className="mono cursor" title={value}>
      {value.length > 22 ? `${value.slice(0, 10)}…${value.slice(-8)}` : value}
    </span>
  );
}

function EndpointTable({ pull }: { pull: PullSummary }) {
  return (
    <details className="completeness">
      <summary>
        Completeness record <span className="muted">({pull.endpoints.length} endpoints, record #{pull.recordSeq})</span>
      </summary>
      <div className="table-scroll">
        <table className="grid-table">
          <thead>
            <tr>
              <th scope="col">Endpoint</th>
              <th scope="col">Status</th>
              <th scope="col">Start cursor</th>
              <th scope="col">Terminal id</th>
              <th scope="col" className="num-col">Pages</th>
              <th scope="col" className="num-col">Items</th>
              <th scope="col" className="num-col">Records</th>
              <th scope="col">Window</th>
              <th scope="col">Request ids</th>
            </tr>
          </thead>
          <tbody>
            {pull.endpoints.map((e) => (
              <tr key={e.endpoint}>
                <th scope="row">
                  <span className="mono">{e.endpoint}</span>
                  <span className="grid-table__sub">{slotInfo(e.slot).label}</span>
                </th>
                <td>
                  <PullStatusBadge status={e.status} />
                  {e.failure && (
                    <span className="grid-table__failure">
                      {e.failure.code}
                      {e.failure.reason ? ` (${e.failure.reason})` : ''}: {e.failure.message}
                    </span>
                  )}
                </td>
                <td>
                  <Cursor value={e.startCursor} />
                </td>
                <td>
                  <Cursor value={e.terminalId} />
                </td>
                <td className="num num-col">{formatCount(e.pages)}</td>
                <td className="num num-col">{formatCount(e.items)}</td>
                <td className="num num-col">{formatCount(e.records)}</td>
                <td className="num grid-table__window">
                  {e.window ? `${e.window.from ? when(e.window.from) : 'start'} → ${e.window.to ? when(e.window.to) : 'now'}` : <span className="muted">–</span>}
                </td>
                <td>
                  {e.requestIds.length === 0 ? (
                    <span className="muted">–</span>
                  ) : (
                    <span className="mono grid-table__ids" title={e.requestIds.join('\n')}>
                      {e.requestIds[0]}
                      {e.requestIds.length > 1 && <span className="muted"> +{e.requestIds.length - 1}</span>}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

/** The last finished pull of one organisation: outcome, counts, and the completeness record behind them. */
function PullRecord({ pull, tenantName }: { pull: PullSummary; tenantName: string }) {
  const c = pull.counts;
  const skipped = Object.entries(c.messagesSkipped).sort(([, a], [, b]) => b - a);
  return (
    <article className="pull" aria-label={`Last pull of ${tenantName}`} data-run={pull.runId}>
      <header className="pull__header">
        <h3 className="pull__title">{tenantName}</h3>
        <PullStatusBadge status={pull.status} />
        <dl className="pull__facts">
          <div>
            <dt>Started</dt>
            <dd className="num">{when(pull.startedAt)}</dd>
          </div>
          <div>
            <dt>Finished</dt>
            <dd className="num">{when(pull.finishedAt)}</dd>
          </div>
          <div>
            <dt>Duration</dt>
            <dd className="num">{formatDuration(pull.durationMs)}</dd>
          </div>
          <div>
            <dt>Requests</dt>
            <dd className="num">
              {formatCount(pull.requests.sent)} sent, {formatCount(pull.requests.retried)} retried
            </dd>
          </div>
          <div>
            <dt>Errors</dt>
            <dd className={`num${pull.errors.length ? ' pull__errors-count' : ''}`}>{pull.errors.length}</dd>
          </div>
        </dl>
      </header>
      <MessageBar counts={c} />
      <div className="pull__tables">
        <CountTable
          caption="Messages"
          rows={[
            ['Seen', c.messagesSeen],
            ['Captured', c.messagesCaptured],
            ['Edited (superseded)', c.messagesSuperseded],
            ['Unchanged', c.messagesUnchanged],
            ['Skipped', skippedTotal(c)],
            ...skipped.map(([reason, n]): [string, number, boolean] => [skipReasonLabel(reason), n, true]),
          ]}
        />
        <CountTable
          caption="Chats"
          rows={[
            ['Seen', c.chatsSeen],
            ['New', c.chatsNew],
            ['Soft-deleted', c.chatsSoftDeleted],
            ['Gone at the vendor', c.chatsGone],
            ['Users', c.users],
            ['Organisations', c.orgs],
          ]}
        />
        <CountTable
          caption="Activity, usage and audit"
          rows={[
            ['Activities', c.activities],
            ['Usage buckets', c.usageBuckets],
            ['Cost buckets', c.costBuckets],
            ['Audit events', c.auditEvents],
          ]}
        />
      </div>
      {pull.errors.length > 0 && (
        <ul className="pull__errors" aria-label="Errors">
          {pull.errors.map((e, i) => (
            <li key={i}>
              <span className="mono">{e.endpoint}</span> · {e.code}
              {e.reason ? ` (${e.reason})` : ''}: {e.message}
            </li>
          ))}
        </ul>
      )}
      <EndpointTable pull={pull} />
    </article>
  );
}

export function PullHistory({ last, tenants }: { last: readonly PullSummary[]; tenants: readonly TenantIntegrations[] }) {
  const nameOf = (id: string) => tenants.find((t) => t.tenantId === id)?.name ?? id;
  return (
    <section className="panel history" aria-labelledby="history-title">
      <h2 id="history-title" className="panel__title">
        Pull history
      </h2>
      {last.length === 0 ? (
        <p className="muted">No pull has finished yet. Each pull ends with a signed completeness record, shown here.</p>
      ) : (
        last.map((pull) => <PullRecord key={pull.runId} pull={pull} tenantName={nameOf(pull.tenantId)} />)
      )}
    </section>
  );
}
