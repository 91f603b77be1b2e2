import type { Res } from '../../../shared/api/contract';
import { RANGE_PRESETS, type RangeChoice, type RangePreset } from './dateRange';
import { setGranularity, setRange, setTenant, useActivityUi } from './activityStore';
import type { GranularityChoice } from './timeBuckets';

type Tenants = Res<'content.facets'>['tenants'];

/** The organisation picker; a workspace with one organisation just names it. */
export function TenantPicker({ tenants }: { tenants: Tenants }) {
  const tenantId = useActivityUi((s) => s.tenantId);
  if (tenants.length <= 1) {
    return (
      <div className="field act-filter">
        <span className="field__label">Organisation</span>
        <span className="act-static">{tenants[0]?.name ?? 'None connected'}</span>
      </div>
    );
  }
  return (
    <label className="field act-filter">
      <span className="field__label">Organisation</span>
      <select className="select" value={tenantId ?? ''} onChange={(e) => setTenant(e.target.value || null)}>
        <option value="">All organisations</option>
        {tenants.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
            {t.shredded ? ' (shredded)' : ''}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Organisation, period and grouping of the usage charts; a change reads the summary again. */
export function UsageFilters({ tenants, rangeError }: { tenants: Tenants; rangeError: { field: 'from' | 'to'; message: string } | null }) {
  const range = useActivityUi((s) => s.range);
  const granularity = useActivityUi((s) => s.granularity);
  const update = (patch: Partial<RangeChoice>) => setRange({ ...range, ...patch });

  return (
    <div className="act-filters" role="group" aria-label="Usage filters">
      <TenantPicker tenants={tenants} />
      <label className="field act-filter">
        <span className="field__label">Period</span>
        <select className="select" value={range.preset} onChange={(e) => update({ preset: e.target.value as RangePreset })}>
          {RANGE_PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
      </label>
      {range.preset === 'custom' && (
        <>
          <label className={`field act-filter${rangeError?.field === 'from' ? ' field--invalid' : ''}`}>
            <span className="field__label">From (UTC)</span>
            <input className="field__input" type="date" value={range.from} max={range.to || undefined} aria-invalid={rangeError?.field === 'from'} onChange={(e) => update({ from: e.target.value })} />
          </label>
          <label className={`field act-filter${rangeError?.field === 'to' ? ' field--invalid' : ''}`}>
            <span className="field__label">To (UTC)</span>
            <input className="field__input" type="date" value={range.to} min={range.from || undefined} aria-invalid={rangeError?.field === 'to'} onChange={(e) => update({ to: e.target.value })} />
          </label>
        </>
      )}
      <label className="field act-filter">
        <span className="field__label">Bars per</span>
        <select className="select" value={granularity} onChange={(e) => setGranularity(e.target.value as GranularityChoice)}>
          <option value="auto">Best fit</option>
          <option value="day">Day</option>
          <option value="week">Week</option>
          <option value="month">Month</option>
        </select>
      </label>
      {rangeError && (
        <p className="field__error act-filters__error" role="alert">
          {rangeError.message}
        </p>
      )}
    </div>
  );
}
