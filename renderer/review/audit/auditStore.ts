import { create } from 'zustand';
import type { Res } from '../../../shared/api/contract';
import type { OgmaApi } from '../../../shared/api/client';
import { toFailure, type Failure } from '../../errors/failure';
import { auditFilterProblem, auditRequest, NO_AUDIT_FILTERS, type AuditFilters } from './auditQuery';

export type AuditRow = Res<'audit.records'>['rows'][number];

/** The audit log as read so far for the current filters, newest first. */
export interface AuditState {
  filters: AuditFilters;
  rows: AuditRow[] | null;
  total: number;
  loading: 'none' | 'first' | 'more';
  failure: Failure | null;
  setFilters(patch: Partial<AuditFilters>): void;
  reset(): void;
}

const EMPTY = { filters: NO_AUDIT_FILTERS, rows: null, total: 0, loading: 'none' as const, failure: null };

export const useAudit = create<AuditState>()((set) => ({
  ...EMPTY,
  setFilters: (patch) => set((s) => ({ filters: { ...s.filters, ...patch } })),
  reset: () => set(EMPTY),
}));

let generation = 0;

/** Reads the first page for the current filters; an answer overtaken by a newer read is dropped. */
export async function loadAudit(api: OgmaApi): Promise<void> {
  const { filters } = useAudit.getState();
  if (auditFilterProblem(filters)) return;
  const mine = ++generation;
  useAudit.setState({ loading: 'first', failure: null });
  try {
    const r = await api.audit.records(auditRequest(filters, 0));
    if (mine !== generation) return;
    useAudit.setState({ rows: r.rows, total: r.total, loading: 'none' });
  } catch (error) {
    if (mine === generation) useAudit.setState({ rows: [], total: 0, failure: toFailure(error), loading: 'none' });
  }
}

/** The next page. Records only ever get appended, newest first, so a new record shifts pages: rows already shown are skipped. */
export async function loadMoreAudit(api: OgmaApi): Promise<void> {
  const { filters, rows, total, loading } = useAudit.getState();
  if (!rows || loading !== 'none' || rows.length >= total) return;
  const mine = generation;
  useAudit.setState({ loading: 'more' });
  try {
    const r = await api.audit.records(auditRequest(filters, rows.length));
    if (mine !== generation) return;
    const seen = new Set(rows.map((x) => `${x.tenantId}#${x.seq}`));
    useAudit.setState((s) => ({ rows: [...(s.rows ?? []), ...r.rows.filter((x) => !seen.has(`${x.tenantId}#${x.seq}`))], total: r.total, loading: 'none' }));
  } catch (error) {
    if (mine === generation) useAudit.setState({ failure: toFailure(error), loading: 'none' });
  }
}
