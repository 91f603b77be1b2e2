import { useEffect } from 'react';
import type { WorkspaceSummary } from '../../shared/api/schemas';
import { surfaceLabel, type SurfaceId } from '../routing/routes';
import { EmptySurface } from './EmptySurface';
import { emptyStateFor } from './emptyStates';
import { SurfaceHeader } from './SurfaceHeader';
import { SURFACE_DESCRIPTIONS } from './surfaceDescriptions';
import { WorkspaceSurface } from './WorkspaceSurface';
import { IntegrationsSurface } from '../integrations/IntegrationsSurface';
import { ActivitySurface } from '../review/activity/ActivitySurface';
import { ContentSurface } from '../review/content/ContentSurface';
import { SearchSurface } from '../review/search/SearchSurface';
import { AuditSurface } from '../review/audit/AuditSurface';
import { ExportsSurface } from '../evidence/exports/ExportsSurface';
import { VerifySurface } from '../evidence/verify/VerifySurface';

/** Picks the surface for the route. Real surfaces replace their empty state as they are built. */
export function SurfaceView({ surface, workspace }: { surface: SurfaceId; workspace: WorkspaceSummary }) {
  useEffect(() => {
    document.title = `${surfaceLabel(surface)} · ${workspace.name} · Ogma Desk`;
    document.getElementById('main')?.scrollTo({ top: 0 });
  }, [surface, workspace.name]);

  return (
    <div className="surface">
      <SurfaceHeader title={surfaceLabel(surface)} description={SURFACE_DESCRIPTIONS[surface]} />
      {surface === 'workspace' ? (
        <WorkspaceSurface workspace={workspace} />
      ) : surface === 'integrations' ? (
        <IntegrationsSurface workspace={workspace} />
      ) : surface === 'activity' ? (
        <ActivitySurface workspace={workspace} />
      ) : surface === 'content' ? (
        <ContentSurface workspace={workspace} />
      ) : surface === 'search' ? (
        <SearchSurface workspace={workspace} />
      ) : surface === 'audit' ? (
        <AuditSurface workspace={workspace} />
      ) : surface === 'exports' ? (
        <ExportsSurface workspace={workspace} />
      ) : surface === 'verify' ? (
        <VerifySurface />
      ) : (
        <EmptySurface surface={surface} state={emptyStateFor(surface, { tenants: workspace.tenants, role: workspace.member.role })} />
      )}
    </div>
  );
}
