import { useEffect, useMemo, useState } from 'react';
import type { WorkspaceSummary } from '../../../shared/api/schemas';
import { useApi } from '../../api-context';
import { FormAlert } from '../../forms/FormAlert';
import '../../styles/audit.css';
import { formatCount, formatDateTime } from '../common/format';
import { auditFilterProblem, logName, type AuditFilters } from './auditQuery';
import { AuditFiltersBar } from './AuditFiltersBar';
import { loadAudit, loadMoreAudit, useAudit } from './auditStore';
import { RecordDrawer } from './RecordDrawer';
import { RecordTypeBadge } from './RecordTypeBadge';
import { VerifyPanel } from './VerifyPanel';

/** Typing a member name asks again only after a pause, not once per key. */
const ACTOR_DEBOUNCE_MS = 350;

/**
 * The chain as a log for people: every record newest first with a summary line and its
 * type as a badge, filtered by log, type, member and day; "Verify chain" above it; a record
 * opens in a drawer with its JSON, leaf hash and proof.
 */
export function AuditSurface({ workspace }: { workspace: WorkspaceSummary }) {
  const api = useApi();
  const { filters, rows, total, loading, failure, setFilters } = useAudit();
  const [tenants, setTenants] = useState<{ id: string; name: string }[]>([]);
  const [members, setMembers] = useState<string[]>([]);
  const [open, setOpen] = useState<{ tenantId: string; seq: number } | null>(null);
  const problem = auditFilterProblem(filters);

  useEffect(() => {
    useAudit.getState().reset();
    void loadAudit(api);
    api.content
      .facets({})
      .then((f) => setTenants(f.tenants.map((t) => ({ id: t.id, name: t.name }))))
      .catch(() => setTenants([]));
    api.members
      .list()
      .then((m) => setMembers(m.map((x) => x.name)))
      .catch(() => setMembers([]));
  }, [api, workspace.id]);

  // Records appended while the screen is open (a pull, a reveal elsewhere) show up when a task finishes.
  useEffect(
    () =>
      api.on('progress', (p) => {
        if (p.state !== 'running' && useAudit.getState().loading === 'none') void loadAudit(api);
      }),
    [api],
  );

  const [actorTimer, setActorTimer] = useState<ReturnType<typeof setTimeout> | null>(null);
  const changeFilters = (patch: Partial<AuditFilters>) => {
    setFilters(patch);
    if (actorTimer) clearTimeout(actorTimer);
    if ('actor' in patch && Object.keys(patch).length === 1) setActorTimer(setTimeout(() => void loadAudit(api), ACTOR_DEBOUNCE_MS));
    else void loadAudit(api);
  };

  const actors = useMemo(() => [...new Set([...members, ...(rows ?? []).map((r) => r.actor).filter((a) => a !== '')])].sort(), [members, rows]);
  const nameOf = (tenantId: string) => logName(tenantId, tenants);

  return (
    <div className="audit">
      <VerifyPanel tenants={tenants} onOpenRecord={(tenantId, seq) => setOpen({ tenantId, seq })} />

      <section className="panel audit__log" aria-labelledby="audit-log-title">
        <div className="audit__log-head">
          <h2 id="audit-log-title" className="panel__title">
            Records
            {rows && <span className="section-title__count num">{formatCount(total)}</span>}
          </h2>
          <p className="muted audit__order">Newest first. Select a record for its JSON, leaf hash and proof.</p>
        </div>
        <AuditFiltersBar filters={filters} tenants={tenants} actors={actors} problem={problem} onChange={changeFilters} />
        {failure && <FormAlert failure={failure} title="Could not read the audit log" />}
        {rows === null ? (
          <p className="muted" aria-busy="true">
            Reading the chain…
          </p>
        ) : rows.length === 0 ? (
          <p className="muted audit__none">No records match these filters.</p>
        ) : (
          <table className="audit-table" aria-busy={loading !== 'none'}>
            <thead>
              <tr>
                <th scope="col">When (UTC)</th>
                <th scope="col">Type</th>
                <th scope="col">Summary</th>
                <th scope="col">Actor</th>
                <th scope="col">Log</th>
                <th scope="col" className="audit-table__seq">
                  Record
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.tenantId}#${r.seq}`} className="audit-row" data-type={r.type}>
                  <td className="num audit-row__time">{formatDateTime(r.at).replace(' UTC', '')}</td>
                  <td>
                    <RecordTypeBadge type={r.type} />
                  </td>
                  <td className="audit-row__summary">{r.summary}</td>
                  <td className="audit-row__actor">{r.actor}</td>
                  <td className="audit-row__log">{nameOf(r.tenantId)}</td>
                  <td className="audit-table__seq">
                    <button type="button" className="link-button num" onClick={() => setOpen({ tenantId: r.tenantId, seq: r.seq })} aria-label={`Open record ${r.seq} of the ${nameOf(r.tenantId)} log`}>
                      #{r.seq}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {rows && rows.length < total && (
          <button type="button" className="button button--secondary audit__more" disabled={loading !== 'none'} onClick={() => void loadMoreAudit(api)}>
            {loading === 'more' ? 'Loading…' : `Show ${formatCount(Math.min(100, total - rows.length))} more (${formatCount(total - rows.length)} left)`}
          </button>
        )}
      </section>

      {open && <RecordDrawer tenantId={open.tenantId} seq={open.seq} logName={nameOf(open.tenantId)} onClose={() => setOpen(null)} />}
    </div>
  );
}
