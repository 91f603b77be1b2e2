import type { WorkspaceSummary } from '../../shared/api/schemas';
import { useHashRoute } from '../routing/useHashRoute';
import { useCaptureFeed } from '../integrations/useCaptureFeed';
import { SurfaceView } from '../surfaces/SurfaceView';
import { NavRail } from './NavRail';
import { TopBar } from './TopBar';

/** The app with a workspace open: top bar, rail, and the current surface in the main landmark. */
export function AppFrame({ workspace }: { workspace: WorkspaceSummary }) {
  const [route] = useHashRoute();
  useCaptureFeed(workspace);
  return (
    <div className="frame">
      {/* Not a plain #main link: the hash is the router's, so focus the landmark directly. */}
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to content
      </a>
      <NavRail current={route.surface} />
      <TopBar workspace={workspace} />
      <main id="main" className="frame__main" tabIndex={-1} aria-labelledby="surface-title">
        <SurfaceView surface={route.surface} workspace={workspace} />
      </main>
    </div>
  );
}
