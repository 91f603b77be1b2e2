import { create } from 'zustand';
import type { Res } from '../../../shared/api/contract';
import type { OgmaApi } from '../../../shared/api/client';
import { toFailure, type Failure } from '../../errors/failure';
import { EMPTY_QUERY, type ChatQuery } from './chatQuery';

export type Facets = Res<'content.facets'>;

/**
 * What the Content surface keeps while the investigator opens a transcript and comes back:
 * the filters and sort, where the table was scrolled to and which row was active, and the
 * filter values (facets). Cleared when the workspace closes (resetContent).
 */
export interface ContentState {
  /** The workspace these filters belong to; another workspace starts afresh. */
  workspaceId: string | null;
  query: ChatQuery;
  scrollTop: number;
  activeIndex: number;
  facets: Facets | null;
  facetsFailure: Failure | null;
  /** Which workspace and pull the facets were read for, so returning from a transcript does not read them again. */
  facetsFor: string;
  setQuery(update: Partial<ChatQuery>): void;
}

export const useContent = create<ContentState>()((set) => ({
  workspaceId: null,
  query: EMPTY_QUERY,
  scrollTop: 0,
  activeIndex: 0,
  facets: null,
  facetsFailure: null,
  facetsFor: '',
  // A new query starts at the top: row 12,345 of another filter means nothing.
  setQuery: (update) => set((s) => ({ query: { ...s.query, ...update }, scrollTop: 0, activeIndex: 0 })),
}));

export function resetContent(workspaceId: string | null): void {
  useContent.setState({ workspaceId, query: EMPTY_QUERY, scrollTop: 0, activeIndex: 0, facets: null, facetsFailure: null, facetsFor: '' });
}

export async function loadFacets(api: OgmaApi): Promise<void> {
  try {
    const facets = await api.content.facets({});
    useContent.setState({ facets, facetsFailure: null });
  } catch (error) {
    useContent.setState({ facetsFailure: toFailure(error) });
  }
}
