import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChatRowDto } from '../../../shared/api/review-schemas';
import type { WorkspaceSummary } from '../../../shared/api/schemas';
import { useApi } from '../../api-context';
import { FormAlert } from '../../forms/FormAlert';
import { useHashRoute } from '../../routing/useHashRoute';
import { EmptySurface } from '../../surfaces/EmptySurface';
import { emptyStateFor } from '../../surfaces/emptyStates';
import { activeFilterCount, type ChatQuery } from './chatQuery';
import { ChatFilters } from './ChatFilters';
import { ChatTable } from './ChatTable';
import { loadFacets, resetContent, useContent } from './contentStore';
import { useCapture } from '../../integrations/captureStore';
import { useChatRows } from './useChatRows';

/** The chat table with its filter bar; the empty state until something is captured. */
export function ChatBrowser({ workspace }: { workspace: WorkspaceSummary }) {
  const api = useApi();
  const [, navigate] = useHashRoute();
  // Before the first read of the store: filters of another workspace mean nothing here.
  useState(() => {
    if (useContent.getState().workspaceId !== workspace.id) resetContent(workspace.id);
  });
  const query = useContent((s) => s.query);
  const facets = useContent((s) => s.facets);
  const facetsFailure = useContent((s) => s.facetsFailure);
  const setQuery = useContent((s) => s.setQuery);
  // A pull that finishes while the table is open may have added chats: read the table and
  // its filter values again. The pulls already finished when the table opened change nothing.
  const loaded = useCapture((s) => s.status !== null);
  const pulls = useCapture((s) => (s.status?.last ?? []).map((p) => p.runId).join(','));
  const firstSeen = useRef<string | null>(null);
  if (firstSeen.current === null && loaded) firstSeen.current = pulls;
  const refreshKey = firstSeen.current === null || pulls === firstSeen.current ? '' : pulls;
  const rows = useChatRows(query, refreshKey);

  // The filter values wait for the first rows: over 100,000 chats they take the main process
  // a while to count, and the table should not wait behind them.
  const answered = rows.total !== null;
  useEffect(() => {
    const wanted = `${workspace.id}\u0000${refreshKey}`;
    if (!answered || useContent.getState().facetsFor === wanted) return;
    useContent.setState({ facetsFor: wanted });
    void loadFacets(api);
  }, [api, workspace.id, refreshKey, answered]);

  const onChange = useCallback((update: Partial<ChatQuery>) => setQuery(update), [setQuery]);
  const open = useCallback((chat: ChatRowDto) => navigate('content', chat.tenantId, chat.chatId), [navigate]);

  const nothingCaptured = rows.total === 0 && activeFilterCount(query) === 0;
  if (nothingCaptured) {
    return <EmptySurface surface="content" state={emptyStateFor('content', { tenants: workspace.tenants, role: workspace.member.role })} />;
  }

  return (
    <div className="content">
      {facetsFailure && <FormAlert failure={facetsFailure} title="Could not read the filter values" />}
      <ChatFilters query={query} facets={facets} onChange={onChange} total={rows.total} />
      {rows.failure && (
        <div className="content__failure">
          <FormAlert failure={rows.failure} title="Could not read these chats" />
          <button type="button" className="button button--secondary button--small" onClick={rows.retry}>
            Try again
          </button>
        </div>
      )}
      {rows.total === 0 ? (
        <div className="panel content__none">
          <p className="empty__title">No chat matches these filters</p>
          <p className="muted">Widen the date range or clear a filter; the count above updates as you change them.</p>
        </div>
      ) : (
        <ChatTable rows={rows} sort={query.sort} onSort={(sort) => setQuery({ sort })} onOpen={open} />
      )}
      <p className="content__hint muted">
        Click a chat or press <kbd>Enter</kbd> to open its transcript; <kbd>↑</kbd> <kbd>↓</kbd> (or <kbd>j</kbd> <kbd>k</kbd>) move. Times are UTC.
      </p>
    </div>
  );
}
