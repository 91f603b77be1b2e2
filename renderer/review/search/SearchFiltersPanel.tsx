import { scoped, splitScoped, type SearchFilters, type SearchSort } from './searchQuery';
import type { Facets } from './searchStore';

const SORTS: readonly { value: SearchSort; label: string }[] = [
  { value: 'relevance', label: 'Best match' },
  { value: 'newest', label: 'Newest first' },
  { value: 'oldest', label: 'Oldest first' },
];

/** Organisation, user, role and date filters, and the sort; the choices come from content.facets. */
export function SearchFiltersPanel({ filters, facets, problem, onChange }: { filters: SearchFilters; facets: Facets | null; problem: string | null; onChange(patch: Partial<SearchFilters>): void }) {
  const tenantName = (id: string) => facets?.tenants.find((t) => t.id === id)?.name ?? id;
  const manyTenants = (facets?.tenants.length ?? 0) > 1;
  const orgTenant = splitScoped(filters.org)?.tenantId;
  const orgs = facets?.orgs ?? [];
  const users = (facets?.users ?? []).filter((u) => !orgTenant || u.tenantId === orgTenant);
  return (
    <aside className="panel search-filters" aria-label="Filters">
      <h2 className="panel__title">Filters</h2>
      <div className="field">
        <label className="field__label" htmlFor="search-filter-organisation">Organisation</label>
        <select id="search-filter-organisation" className="field__input" value={filters.org} onChange={(e) => onChange({ org: e.target.value, user: '' })}>
          <option value="">All organisations</option>
          {orgs.map((o) => (
            <option key={scoped(o.tenantId, o.id)} value={scoped(o.tenantId, o.id)}>
              {(o.name ?? o.id) + (manyTenants ? ` (${tenantName(o.tenantId)})` : '')}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor="search-filter-user">User</label>
        <select id="search-filter-user" className="field__input" value={filters.user} onChange={(e) => onChange({ user: e.target.value })}>
          <option value="">All users</option>
          {users.map((u) => (
            <option key={scoped(u.tenantId, u.id)} value={scoped(u.tenantId, u.id)}>
              {[u.name, u.email].filter(Boolean).join(' · ') || u.id}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor="search-filter-role">Role</label>
        <select id="search-filter-role" className="field__input" value={filters.role} onChange={(e) => onChange({ role: e.target.value })}>
          <option value="">Any role</option>
          {(facets?.roles ?? []).map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="search-filters__dates">
        <legend className="field__label">Sent between (UTC days)</legend>
        <label className="field">
          <span className="visually-hidden">From</span>
          <input className="field__input" type="date" aria-label="From" value={filters.from} max={filters.to || undefined} onChange={(e) => onChange({ from: e.target.value })} />
        </label>
        <label className="field">
          <span className="visually-hidden">To</span>
          <input className="field__input" type="date" aria-label="To" value={filters.to} min={filters.from || undefined} onChange={(e) => onChange({ to: e.target.value })} />
        </label>
        {problem && (
          <p className="field__error" role="alert">
            {problem}
          </p>
        )}
      </fieldset>
      <div className="field">
        <label className="field__label" htmlFor="search-filter-order">Order</label>
        <select id="search-filter-order" className="field__input" value={filters.sort} onChange={(e) => onChange({ sort: e.target.value as SearchSort })}>
          {SORTS.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </div>
      <p className="search-filters__note muted">Search has no model filter yet: the Content table filters chats by model.</p>
    </aside>
  );
}
