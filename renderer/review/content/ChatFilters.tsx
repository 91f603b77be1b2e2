import { useEffect, useState } from 'react';
import { Icon } from '../../ui/Icon';
import { activeFilterCount, dateRangeProblem, FLAG_FILTERS, parseScoped, scopedValue, type ChatQuery, type FlagFilter } from './chatQuery';
import type { Facets } from './contentStore';

/**
 * The filter bar over the chat table: organisation, user, model, a date range on created or
 * updated, flags, and words of the (masked) title. Each choice narrows the query at once;
 * the title box waits for a pause in typing, so a request is not sent per keystroke.
 */
export function ChatFilters({ query, facets, onChange, total }: { query: ChatQuery; facets: Facets | null; onChange(update: Partial<ChatQuery>): void; total: number | null }) {
  const [title, setTitle] = useState(query.title);
  useEffect(() => setTitle(query.title), [query.title]);
  useEffect(() => {
    if (title === query.title) return;
    const t = setTimeout(() => onChange({ title }), 250);
    return () => clearTimeout(t);
  }, [title, query.title, onChange]);

  const several = (facets?.tenants.length ?? 0) > 1;
  const tenantName = (id: string) => facets?.tenants.find((t) => t.id === id)?.name ?? id;
  const dateProblem = dateRangeProblem(query);
  const active = activeFilterCount(query);

  return (
    <form className="filters" role="search" aria-label="Filter chats" onSubmit={(e) => e.preventDefault()}>
      <div className="filters__row">
        <label className="filter">
          <span className="filter__label">Organisation</span>
          <select className="filter__control" value={scopedValue(query.org)} onChange={(e) => onChange({ org: parseScoped(e.target.value) })}>
            <option value="">All organisations</option>
            {facets?.orgs.map((o) => (
              <option key={scopedValue({ tenantId: o.tenantId, id: o.id })} value={scopedValue({ tenantId: o.tenantId, id: o.id })}>
                {o.name ?? o.id}
                {several ? ` (${tenantName(o.tenantId)})` : ''} · {o.chats}
              </option>
            ))}
          </select>
        </label>
        <label className="filter">
          <span className="filter__label">User</span>
          <select className="filter__control" value={scopedValue(query.user)} onChange={(e) => onChange({ user: parseScoped(e.target.value) })}>
            <option value="">All users</option>
            {facets?.users
              .filter((u) => query.org === null || u.tenantId === query.org.tenantId)
              .map((u) => (
                <option key={scopedValue({ tenantId: u.tenantId, id: u.id })} value={scopedValue({ tenantId: u.tenantId, id: u.id })}>
                  {u.name ?? u.id} · {u.chats}
                </option>
              ))}
          </select>
        </label>
        <label className="filter">
          <span className="filter__label">Model</span>
          <select className="filter__control" value={query.model ?? ''} onChange={(e) => onChange({ model: e.target.value === '' ? null : e.target.value })}>
            <option value="">All models</option>
            {facets?.models.map((m) => (
              <option key={m.model} value={m.model}>
                {m.model} · {m.chats}
              </option>
            ))}
          </select>
        </label>
        <label className="filter">
          <span className="filter__label">Flags</span>
          <select className="filter__control" value={query.flag} onChange={(e) => onChange({ flag: e.target.value as FlagFilter })}>
            {(Object.keys(FLAG_FILTERS) as FlagFilter[]).map((f) => (
              <option key={f} value={f}>
                {FLAG_FILTERS[f].label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="filters__row">
        <fieldset className="filter filter--dates" aria-describedby={dateProblem ? 'date-problem' : undefined}>
          <legend className="filter__label">Date range (UTC)</legend>
          <div className="filter__dates">
            <select aria-label="Which date" className="filter__control filter__control--narrow" value={query.dateField} onChange={(e) => onChange({ dateField: e.target.value as ChatQuery['dateField'] })}>
              <option value="updated">Updated</option>
              <option value="created">Created</option>
            </select>
            <input type="date" aria-label="From" className="filter__control" value={query.from} aria-invalid={dateProblem ? true : undefined} onChange={(e) => onChange({ from: e.target.value })} />
            <span aria-hidden="true" className="muted">
              to
            </span>
            <input type="date" aria-label="To" className="filter__control" value={query.to} aria-invalid={dateProblem ? true : undefined} onChange={(e) => onChange({ to: e.target.value })} />
          </div>
        </fieldset>
        <label className="filter filter--grow">
          <span className="filter__label">Title contains</span>
          <input type="search" className="filter__control" value={title} placeholder="Words of the title (matched in masked form)" onChange={(e) => setTitle(e.target.value)} />
        </label>
        <div className="filters__summary">
          <p className="filters__count" aria-live="polite">
            {total === null ? 'Counting…' : `${total.toLocaleString('en-US')} chat${total === 1 ? '' : 's'}`}
          </p>
          {active > 0 && (
            <button
              type="button"
              className="button button--quiet button--small"
              onClick={() => onChange({ org: null, user: null, model: null, from: '', to: '', flag: 'any', title: '' })}
            >
              <Icon name="stop" size={14} />
              Clear {active} filter{active === 1 ? '' : 's'}
            </button>
          )}
        </div>
      </div>
      {dateProblem && (
        <p id="date-problem" className="field__error">
          {dateProblem}
        </p>
      )}
    </form>
  );
}
