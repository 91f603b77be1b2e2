import { useEffect } from 'react';
import type { WorkspaceSummary } from '../../../shared/api/schemas';
import { useApi } from '../../api-context';
import { useHashRoute } from '../../routing/useHashRoute';
import { EmptySurface } from '../../surfaces/EmptySurface';
import { emptyStateFor } from '../../surfaces/emptyStates';
import { activityHref, parseActivityView, type ActivityView } from './activityRoutes';
import { forWorkspace, setTenant, useActivityUi } from './activityStore';
import { FeedView } from './FeedView';
import { KeyView } from './KeyView';
import { LoadFailure } from './Notice';
import { useCall } from './useCall';
import { UsageView } from './UsageView';
import '../../styles/activity.css';

const TABS: readonly { view: 'usage' | 'feed'; label: string }[] = [
  { view: 'usage', label: 'Usage and cost' },
  { view: 'feed', label: 'Activity feed' },
];

function ActivityTabs({ current }: { current: ActivityView }) {
  // The key investigation belongs to the feed: that is where its key ids are clicked.
  const active = current.view === 'usage' ? 'usage' : 'feed';
  return (
    <nav className="act-tabs" aria-label="Usage and activity views">
      {TABS.map((t) => (
        <a key={t.view} className="act-tabs__tab" href={activityHref({ view: t.view })} aria-current={active === t.view ? 'page' : undefined}>
          {t.label}
        </a>
      ))}
    </nav>
  );
}

/** Usage & Activity: token and cost charts, the captured Activity Feed, and one key's investigation. */
export function ActivitySurface({ workspace }: { workspace: WorkspaceSummary }) {
  const api = useApi();
  const [route] = useHashRoute();
  const view = parseActivityView(route.rest);
  // Before the children read the store: the choices of another workspace are dropped. Only this
  // surface's own children subscribe to it, and they render after this line, so no other
  // component is updated mid-render.
  forWorkspace(workspace.id);
  const [facets, retry] = useCall(`facets:${workspace.id}`, () => api.content.facets({}));
  const tenantId = useActivityUi((s) => s.tenantId);

  // A tenant that is gone (shredded and removed, another workspace) is not silently kept as a filter.
  useEffect(() => {
    if (tenantId && facets.data && !facets.data.tenants.some((t) => t.id === tenantId)) setTenant(null);
  }, [facets.data, tenantId]);

  if (facets.status === 'failed' && !facets.data) return <LoadFailure failure={facets.failure} what="the connected organisations" onRetry={retry} />;
  if (!facets.data) return <p className="panel muted">Reading the connected organisations…</p>;
  if (facets.data.tenants.length === 0) {
    return <EmptySurface surface="activity" state={emptyStateFor('activity', { tenants: 0, role: workspace.member.role })} />;
  }

  return (
    <div className="act">
      <ActivityTabs current={view} />
      {view.view === 'usage' ? (
        <UsageView facets={facets.data} />
      ) : view.view === 'feed' ? (
        <FeedView facets={facets.data} />
      ) : (
        <KeyView key={view.keyId} keyId={view.keyId} facets={facets.data} />
      )}
    </div>
  );
}
