import { useEffect, useId, useState, type FormEvent } from 'react';
import { useApi } from '../../api-context';
import { navigateToKey } from './navigation';
import { setFeedFilters, setFeedOffset, useActivityUi } from './activityStore';
import { activeFilterCount, FEED_PAGE_SIZE, feedRequest, NO_FEED_FILTERS, type FeedFilters } from './feedFilters';
import { FeedTable, Pager } from './FeedTable';
import { SOURCE_LABEL } from './format';
import type { Facets } from './labels';
import { EmptyNotice, LoadFailure } from './Notice';
import { TenantPicker } from './UsageFilters';
import { useCall } from './useCall';
import { hrefFor } from '../../routing/routes';

/** Event types and organisations seen in the newest captured events, offered as suggestions. */
function useFeedSuggestions(tenantId: string | null) {
  const api = useApi();
  const [state] = useCall(`suggest:${tenantId ?? ''}`, () => api.activity.query({ ...(tenantId ? { tenantId } : {}), limit: 500 }));
  const rows = state.data?.rows ?? [];
  const types = [...new Set(rows.map((r) => `${r.source}\u0000${r.type}`))].sort().map((k) => {
    const [source, type] = k.split('\u0000') as ['anthropic' | 'openai', string];
    return { source, type };
  });
  const orgIds = [...new Set(rows.map((r) => r.orgId).filter((o): o is string => o !== null))].sort();
  return { types, orgIds };
}

function FeedFilterForm({ facets, tenantId }: { facets: Facets; tenantId: string | null }) {
  const id = useId();
  const applied = useActivityUi((s) => s.feedFilters);
  const [draft, setDraft] = useState<FeedFilters>(applied);
  const [error, setError] = useState<{ field: keyof FeedFilters; message: string } | null>(null);
  const { types, orgIds } = useFeedSuggestions(tenantId);
  useEffect(() => setDraft(applied), [applied]);

  const apply = (next: FeedFilters) => {
    const check = feedRequest(next, 0, tenantId);
    if (!check.ok) {
      setError({ field: check.field, message: check.message });
      return;
    }
    setError(null);
    setFeedFilters(next);
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    apply(draft);
  };
  /** Selects and dates apply at once; text waits for Enter or "Apply". */
  const choose = (patch: Partial<FeedFilters>) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    apply(next);
  };
  const orgs = [...new Map([...facets.orgs.filter((o) => !tenantId || o.tenantId === tenantId).map((o) => [o.id, o.name ?? o.id] as const), ...orgIds.map((o) => [o, facets.orgs.find((f) => f.id === o)?.name ?? o] as const)]).entries()];
  const invalid = (f: keyof FeedFilters) => (error?.field === f ? ' field--invalid' : '');
  const count = activeFilterCount(applied);

  return (
    <form className="act-filters act-filters--feed" aria-label="Activity filters" onSubmit={onSubmit}>
      {/* One organisation needs no picker here; Usage names it. */}
      {facets.tenants.length > 1 && <TenantPicker tenants={facets.tenants} />}
      <label className="field act-filter">
        <span className="field__label">Source</span>
        <select className="select" value={draft.source} onChange={(e) => choose({ source: e.target.value as FeedFilters['source'] })}>
          <option value="">Both sources</option>
          <option value="anthropic">{SOURCE_LABEL.anthropic}</option>
          <option value="openai">{SOURCE_LABEL.openai}</option>
        </select>
      </label>
      <label className={`field act-filter${invalid('type')}`}>
        <span className="field__label">Event type</span>
        <input className="field__input mono" list={`${id}-types`} value={draft.type} placeholder="any type" onChange={(e) => setDraft({ ...draft, type: e.target.value })} />
        <datalist id={`${id}-types`}>
          {types.map((t) => (
            <option key={`${t.source}:${t.type}`} value={t.type}>
              {SOURCE_LABEL[t.source]}
            </option>
          ))}
        </datalist>
      </label>
      <label className={`field act-filter${invalid('actor')}`}>
        <span className="field__label">Actor</span>
        <input
          className="field__input"
          list={`${id}-actors`}
          value={draft.actor}
          placeholder="user id, key id or email"
          aria-invalid={error?.field === 'actor'}
          onChange={(e) => setDraft({ ...draft, actor: e.target.value })}
        />
        <datalist id={`${id}-actors`}>
          {facets.users.map((u) => (
            <option key={`${u.tenantId}:${u.id}`} value={u.id}>
              {u.name ?? u.id}
            </option>
          ))}
        </datalist>
      </label>
      <label className="field act-filter">
        <span className="field__label">API key id</span>
        <input className="field__input mono" value={draft.apiKeyId} placeholder="apikey_… or key_…" onChange={(e) => setDraft({ ...draft, apiKeyId: e.target.value })} />
      </label>
      <label className="field act-filter">
        <span className="field__label">Vendor organisation</span>
        <select className="select" value={draft.orgId} onChange={(e) => choose({ orgId: e.target.value })}>
          <option value="">Any</option>
          {orgs.map(([oid, name]) => (
            <option key={oid} value={oid}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label className={`field act-filter${invalid('from')}`}>
        <span className="field__label">From (UTC)</span>
        <input className="field__input" type="date" value={draft.from} aria-invalid={error?.field === 'from'} onChange={(e) => choose({ from: e.target.value })} />
      </label>
      <label className={`field act-filter${invalid('to')}`}>
        <span className="field__label">To (UTC)</span>
        <input className="field__input" type="date" value={draft.to} aria-invalid={error?.field === 'to'} onChange={(e) => choose({ to: e.target.value })} />
      </label>
      <div className="act-filters__actions">
        <button type="submit" className="button button--secondary">
          Apply
        </button>
        {count > 0 && (
          <button type="button" className="button button--quiet" onClick={() => apply(NO_FEED_FILTERS)}>
            Clear {count} filter{count === 1 ? '' : 's'}
          </button>
        )}
      </div>
      {error && (
        <p className="field__error act-filters__error" role="alert">
          {error.message}
        </p>
      )}
    </form>
  );
}

/** Investigate a key by id even when no event in view names it (a key id from a leak report, say). */
function KeyLookup() {
  const [keyId, setKeyId] = useState('');
  return (
    <form
      className="act-lookup"
      aria-label="Investigate an API key"
      onSubmit={(e) => {
        e.preventDefault();
        if (keyId.trim()) navigateToKey(keyId.trim());
      }}
    >
      <label className="field act-lookup__field">
        <span className="field__label">What did this API key do?</span>
        <input className="field__input mono" value={keyId} placeholder="paste a key id: apikey_… or key_…" onChange={(e) => setKeyId(e.target.value)} />
      </label>
      <button type="submit" className="button button--secondary" disabled={!keyId.trim()}>
        Investigate
      </button>
    </form>
  );
}

/** The captured Activity Feed and OpenAI audit events, newest first, filtered and paged. */
export function FeedView({ facets }: { facets: Facets }) {
  const api = useApi();
  const tenantId = useActivityUi((s) => s.tenantId);
  const filters = useActivityUi((s) => s.feedFilters);
  const offset = useActivityUi((s) => s.feedOffset);
  const built = feedRequest(filters, offset, tenantId);
  const [state, retry] = useCall(JSON.stringify(built), built.ok ? () => api.activity.query(built.request) : null);
  const page = state.data;
  const filtered = activeFilterCount(filters) > 0;

  return (
    <div className="act-view" aria-busy={state.status === 'loading'}>
      <FeedFilterForm facets={facets} tenantId={tenantId} />
      {state.status === 'failed' && <LoadFailure failure={state.failure} what="the activity" onRetry={retry} />}
      {page === null ? (
        state.status === 'loading' && <p className="panel muted">Reading the captured events…</p>
      ) : page.total === 0 ? (
        filtered ? (
          <EmptyNotice
            title="No event matches these filters"
            action={
              <button type="button" className="button button--secondary button--small" onClick={() => setFeedFilters(NO_FEED_FILTERS)}>
                Clear the filters
              </button>
            }
          >
            <p>Types, ids and emails are matched exactly. Widen the dates or clear a filter.</p>
          </EmptyNotice>
        ) : (
          <EmptyNotice
            title="No activity captured yet"
            action={
              <a className="button button--secondary button--small" href={hrefFor('integrations')}>
                Go to Integrations
              </a>
            }
          >
            <p>
              The Activity Feed comes with the Anthropic Compliance Access Key, audit-log events with the OpenAI admin key (audit logging must be
              switched on in the OpenAI organisation). Connect one and pull; events appear here newest first.
            </p>
          </EmptyNotice>
        )
      ) : (
        <section className="panel act-panel act-feedpanel" aria-label="Events">
          <Pager offset={page.offset} shown={page.rows.length} total={page.total} pageSize={FEED_PAGE_SIZE} onPage={setFeedOffset} label="Pages of events" />
          <FeedTable
            rows={page.rows}
            facets={facets}
            caption="Captured activity and audit events, newest first"
            onActor={(actor) => setFeedFilters({ ...filters, actor })}
          />
          <Pager offset={page.offset} shown={page.rows.length} total={page.total} pageSize={FEED_PAGE_SIZE} onPage={setFeedOffset} label="Pages of events, bottom" />
        </section>
      )}
      <KeyLookup />
    </div>
  );
}
