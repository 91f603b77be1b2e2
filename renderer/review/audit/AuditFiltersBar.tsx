import { RECORD_TYPES, recordTypeLabel, WORKSPACE_LOG, type AuditFilters, type RecordType } from './auditQuery';

/** Log, type, member and day filters above the audit table. */
export function AuditFiltersBar({
  filters,
  tenants,
  actors,
  problem,
  onChange,
}: {
  filters: AuditFilters;
  tenants: readonly { id: string; name: string }[];
  actors: readonly string[];
  problem: string | null;
  onChange(patch: Partial<AuditFilters>): void;
}) {
  return (
    <div className="audit-filters" role="group" aria-label="Filter records">
      <div className="field">
        <label className="field__label" htmlFor="audit-filter-log">Log</label>
        <select id="audit-filter-log" className="field__input" value={filters.tenant} onChange={(e) => onChange({ tenant: e.target.value })}>
          <option value="">All logs</option>
          <option value={WORKSPACE_LOG}>Workspace</option>
          {tenants.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor="audit-filter-type">Type</label>
        <select id="audit-filter-type" className="field__input" value={filters.type} onChange={(e) => onChange({ type: e.target.value as RecordType | '' })}>
          <option value="">All types</option>
          {RECORD_TYPES.map((t) => (
            <option key={t} value={t}>
              {recordTypeLabel(t)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor="audit-filter-member-or-actor">Member or actor</label>
        <input id="audit-filter-member-or-actor" className="field__input" list="audit-actors" value={filters.actor} placeholder="Anyone" onChange={(e) => onChange({ actor: e.target.value })} />
        <datalist id="audit-actors">
          {actors.map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
      </div>
      <div className="field">
        <label className="field__label" htmlFor="audit-filter-from-utc">From (UTC)</label>
        <input id="audit-filter-from-utc" className="field__input" type="date" value={filters.from} max={filters.to || undefined} onChange={(e) => onChange({ from: e.target.value })} />
      </div>
      <div className="field">
        <label className="field__label" htmlFor="audit-filter-to-utc">To (UTC)</label>
        <input id="audit-filter-to-utc" className="field__input" type="date" value={filters.to} min={filters.from || undefined} onChange={(e) => onChange({ to: e.target.value })} />
      </div>
      {problem && (
        <p className="field__error audit-filters__problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
