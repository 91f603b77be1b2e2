import { create } from 'zustand';
import type { RangeChoice } from './dateRange';
import { NO_FEED_FILTERS, type FeedFilters } from './feedFilters';
import type { GranularityChoice } from './timeBuckets';

/**
 * What the reader chose on Usage & Activity (organisation, period, feed filters and page),
 * kept while they step into a key's investigation and back, and forgotten when another
 * workspace opens.
 */
interface ActivityUiState {
  workspaceId: string | null;
  /** null: every connected organisation. */
  tenantId: string | null;
  range: RangeChoice;
  granularity: GranularityChoice;
  feedFilters: FeedFilters;
  feedOffset: number;
}

const INITIAL: ActivityUiState = {
  workspaceId: null,
  tenantId: null,
  range: { preset: 'all', from: '', to: '' },
  granularity: 'auto',
  feedFilters: NO_FEED_FILTERS,
  feedOffset: 0,
};

export const useActivityUi = create<ActivityUiState>()(() => INITIAL);

export function forWorkspace(workspaceId: string): void {
  if (useActivityUi.getState().workspaceId !== workspaceId) useActivityUi.setState({ ...INITIAL, workspaceId });
}

export const setTenant = (tenantId: string | null) => useActivityUi.setState({ tenantId, feedOffset: 0 });
export const setRange = (range: RangeChoice) => useActivityUi.setState({ range });
export const setGranularity = (granularity: GranularityChoice) => useActivityUi.setState({ granularity });
/** New filters start again at the first page. */
export const setFeedFilters = (feedFilters: FeedFilters) => useActivityUi.setState({ feedFilters, feedOffset: 0 });
export const setFeedOffset = (feedOffset: number) => useActivityUi.setState({ feedOffset });
