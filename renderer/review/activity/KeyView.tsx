import { useState } from 'react';
import { useApi } from '../../api-context';
import { Icon } from '../../ui/Icon';
import { activityHref } from './activityRoutes';
import { useActivityUi } from './activityStore';
import { TimeBarChart } from './charts/TimeBarChart';
import { FEED_PAGE_SIZE } from './feedFilters';
import { FeedTable, Pager } from './FeedTable';
import { formatUtc, SOURCE_SHORT } from './format';
import { keyEventSeries, keyTokenSeries, summariseKey, type KeyUsage } from './keySeries';
import type { Facets } from './labels';
import { EmptyNotice, LoadFailure } from './Notice';
import { formatCompact, formatCount, TOKEN_KINDS } from './tokens';
import { useCall } from './useCall';

const RELATION = { actor: 'The key did it', subject: 'Done to the key' } as const;

function KeyFacts({ k }: { k: KeyUsage }) {
  const s = summariseKey(k);
  return (
    <dl className="act-stats" aria-label="What the record shows about this key">
      <div className="act-stat">
        <dt className="act-stat__label">Events captured</dt>
        <dd className="act-stat__value num">{formatCount(k.total)}</dd>
        <dd className="act-stat__detail">{k.byType.length} kind{k.byType.length === 1 ? '' : 's'} of event</dd>
      </div>
      <div className="act-stat">
        <dt className="act-stat__label">First seen</dt>
        <dd className="act-stat__value act-stat__value--date num">{s.firstSeen ?? '—'}</dd>
        <dd className="act-stat__detail">First event {formatUtc(k.first)}</dd>
      </div>
      <div className="act-stat">
        <dt className="act-stat__label">Last seen</dt>
        <dd className="act-stat__value act-stat__value--date num">{s.lastSeen ?? '—'}</dd>
        <dd className="act-stat__detail">Last event {formatUtc(k.last)}</dd>
      </div>
      <div className="act-stat">
        <dt className="act-stat__label">Tokens attributed</dt>
        <dd className="act-stat__value num" title={`${formatCount(s.totalTokens)} tokens`}>
          {formatCompact(s.totalTokens)}
        </dd>
        <dd className="act-stat__exact num">{formatCount(s.totalTokens)} tokens</dd>
        <dd className="act-stat__detail">{s.usageFirst ? `Usage reported ${s.usageFirst} to ${s.usageLast}` : 'No usage reported for this key'}</dd>
      </div>
    </dl>
  );
}

function KeyEvents({ keyId, tenantId, facets }: { keyId: string; tenantId: string | null; facets: Facets }) {
  const api = useApi();
  const [offset, setOffset] = useState(0);
  const request = { apiKeyId: keyId, ...(tenantId ? { tenantId } : {}), offset, limit: FEED_PAGE_SIZE };
  const [state, retry] = useCall(JSON.stringify(request), () => api.activity.query(request));
  const page = state.data;
  return (
    <section className="panel act-panel act-feedpanel" aria-labelledby="key-events-title" aria-busy={state.status === 'loading'}>
      <h2 id="key-events-title" className="act-chart__title">
        Events naming this key
      </h2>
      {state.status === 'failed' && <LoadFailure failure={state.failure} what="this key's events" onRetry={retry} />}
      {page && page.total > 0 && (
        <>
          <Pager offset={page.offset} shown={page.rows.length} total={page.total} pageSize={FEED_PAGE_SIZE} onPage={setOffset} label="Pages of this key's events" />
          <FeedTable rows={page.rows} facets={facets} caption={`Events that name ${keyId}, newest first`} currentKey={keyId} />
        </>
      )}
      {page && page.total === 0 && <p className="muted">No captured event names this key as actor or subject.</p>}
    </section>
  );
}

/** "What did this API key do": a leaked-key investigation over everything captured that names the key. */
export function KeyView({ keyId, facets }: { keyId: string; facets: Facets }) {
  const api = useApi();
  const tenantId = useActivityUi((s) => s.tenantId);
  const [state, retry] = useCall(JSON.stringify([keyId, tenantId]), () => api.activity.keyUsage({ apiKeyId: keyId, ...(tenantId ? { tenantId } : {}) }));
  const k = state.data && state.data.apiKeyId === keyId ? state.data : null;
  const events = k ? keyEventSeries(k) : null;
  const tokens = k ? keyTokenSeries(k) : null;
  const s = k ? summariseKey(k) : null;

  return (
    <div className="act-view act-key" aria-busy={state.status === 'loading'}>
      <div className="act-key__head">
        <a className="act-back" href={activityHref({ view: 'feed' })}>
          <Icon name="arrowRight" size={14} className="act-back__icon" />
          Activity feed
        </a>
        <h2 className="act-key__title">
          <Icon name="key" size={18} />
          What did <span className="mono act-key__id">{keyId}</span> do?
        </h2>
        <p className="muted">Every captured event that names this key, as the one using it or the one acted on, and the tokens the usage report attributes to it. Times in UTC.</p>
      </div>
      {state.status === 'failed' && <LoadFailure failure={state.failure} what="this key's activity" onRetry={retry} />}
      {!k ? (
        state.status === 'loading' && <p className="panel muted">Reading everything captured about this key…</p>
      ) : k.total === 0 && !s?.usageFirst ? (
        <EmptyNotice title="Nothing captured names this key">
          <p>
            No Activity Feed or audit event and no usage report mentions <span className="mono">{keyId}</span>
            {tenantId ? ' in the chosen organisation' : ''}. Check the id: Anthropic key ids start with <span className="mono">apikey_</span>, OpenAI
            ones with <span className="mono">key_</span>. If the key belongs to an organisation not yet connected, connect its admin key and pull.
          </p>
        </EmptyNotice>
      ) : (
        <>
          <KeyFacts k={k} />
          {s?.usageBeforeFirstEvent && (
            <div className="alert alert--notice">
              <Icon name="info" size={18} className="alert__icon" />
              <div>
                <p className="alert__title">Usage before the key's first captured event</p>
                <p className="alert__message">
                  The usage report attributes tokens to this key from {s.usageFirst}, before its first captured event on {k.first?.slice(0, 10)}. The
                  event that created it may predate the captured window, or the report and the feed disagree; worth checking with the vendor.
                </p>
              </div>
            </div>
          )}
          <div className="act-charts">
            <section className="panel act-panel">
              {events ? (
                <TimeBarChart
                  title={`Events per ${events.granularity}`}
                  description={`Captured events naming this key, per ${events.granularity} (UTC), stacked by event type.`}
                  data={events}
                  formatAxis={formatCompact}
                  totalLabel="Events"
                  integer
                />
              ) : (
                <p className="muted">No captured event names this key.</p>
              )}
            </section>
            <section className="panel act-panel">
              {tokens ? (
                <TimeBarChart
                  title={`Tokens per ${tokens.granularity}`}
                  description={`Tokens the Anthropic usage report attributes to this key, per ${tokens.granularity} (UTC), stacked by kind.`}
                  data={tokens}
                  formatAxis={formatCompact}
                  totalLabel="Tokens"
                />
              ) : (
                <p className="muted">The usage report attributes no tokens to this key. (OpenAI reports cost per project, not per key.)</p>
              )}
            </section>
          </div>
          {k.byType.length > 0 && (
            <section className="panel act-panel" aria-labelledby="key-types-title">
              <h2 id="key-types-title" className="act-chart__title">
                Events by type
              </h2>
              <table className="grid-table act-types">
                <thead>
                  <tr>
                    <th scope="col">Type</th>
                    <th scope="col">Source</th>
                    <th scope="col">Relation</th>
                    <th scope="col" className="act-num">
                      Events
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {k.byType.map((t) => (
                    <tr key={`${t.source}:${t.type}:${t.relation}`}>
                      <th scope="row" className="mono">
                        {t.type}
                      </th>
                      <td>{SOURCE_SHORT[t.source]}</td>
                      <td>{RELATION[t.relation]}</td>
                      <td className="num act-num">{formatCount(t.count)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {s && s.totalTokens > 0 && (
                <p className="act-types__tokens muted">
                  Tokens: {TOKEN_KINDS.map((kd) => `${kd.label} ${formatCount(s.tokens[kd.key])}`).join(' · ')}
                  {s.tokens.webSearchRequests ? ` · ${formatCount(s.tokens.webSearchRequests)} web searches` : ''}
                </p>
              )}
            </section>
          )}
          <KeyEvents keyId={keyId} tenantId={tenantId} facets={facets} />
        </>
      )}
    </div>
  );
}
