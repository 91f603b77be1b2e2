import { create } from 'zustand';
import type { Res } from '../../../shared/api/contract';
import type { OgmaApi } from '../../../shared/api/client';
import { toFailure, type Failure } from '../../errors/failure';
import { NO_FILTERS, searchRequest, type SearchFilters } from './searchQuery';

export type SearchHit = Res<'search.query'>['hits'][number];
export type SearchTerms = Res<'search.query'>['terms'];
export type Facets = Res<'content.facets'>;

/**
 * The search screen's state, kept while the investigator opens a hit and comes back: the
 * query as typed, the filters, and the pages read so far for the last query that ran.
 */
export interface SearchState {
  draft: string;
  filters: SearchFilters;
  /** What the shown results are for (the query and filters as they were when it ran). */
  ran: { query: string; filters: SearchFilters } | null;
  total: number;
  terms: SearchTerms;
  hits: SearchHit[];
  loading: 'none' | 'first' | 'more';
  failure: Failure | null;
  facets: Facets | null;
  setDraft(draft: string): void;
  setFilters(patch: Partial<SearchFilters>): void;
  reset(): void;
}

const EMPTY = { draft: '', filters: NO_FILTERS, ran: null, total: 0, terms: [], hits: [], loading: 'none' as const, failure: null, facets: null };

export const useSearch = create<SearchState>()((set) => ({
  ...EMPTY,
  setDraft: (draft) => set({ draft }),
  setFilters: (patch) => set((s) => ({ filters: { ...s.filters, ...patch } })),
  reset: () => set(EMPTY),
}));

let generation = 0;

/** Runs the draft query with the current filters from the first page; a newer search drops this one's answer. */
export async function runSearch(api: OgmaApi): Promise<void> {
  const { draft, filters } = useSearch.getState();
  if (draft.trim() === '') {
    generation++;
    useSearch.setState({ ran: null, hits: [], total: 0, terms: [], failure: null, loading: 'none' });
    return;
  }
  const mine = ++generation;
  useSearch.setState({ loading: 'first', failure: null });
  try {
    const r = await api.search.query(searchRequest(draft, filters, 0));
    if (mine !== generation) return;
    useSearch.setState({ ran: { query: draft, filters }, total: r.total, terms: r.terms, hits: r.hits, loading: 'none' });
  } catch (error) {
    if (mine !== generation) return;
    useSearch.setState({ ran: null, hits: [], total: 0, terms: [], failure: toFailure(error), loading: 'none' });
  }
}

/** Appends the next page of the query that produced the shown results. */
export async function loadMoreHits(api: OgmaApi): Promise<void> {
  const { ran, hits, total, loading } = useSearch.getState();
  if (!ran || loading !== 'none' || hits.length >= total) return;
  const mine = generation;
  useSearch.setState({ loading: 'more', failure: null });
  try {
    const r = await api.search.query(searchRequest(ran.query, ran.filters, hits.length));
    if (mine !== generation) return;
    // A capture that landed in between can shift rows; skip any already shown.
    const seen = new Set(hits.map((h) => `${h.tenantId}/${h.messageId}`));
    useSearch.setState((s) => ({ hits: [...s.hits, ...r.hits.filter((h) => !seen.has(`${h.tenantId}/${h.messageId}`))], total: r.total, loading: 'none' }));
  } catch (error) {
    if (mine === generation) useSearch.setState({ failure: toFailure(error), loading: 'none' });
  }
}

export async function loadFacets(api: OgmaApi): Promise<void> {
  try {
    const facets = await api.content.facets({});
    useSearch.setState({ facets });
  } catch {
    // Filters are optional: without facets the form offers dates and role only; the search itself still works.
    useSearch.setState({ facets: null });
  }
}
