import type { RecentWorkspace } from '../../shared/api/schemas';
import { FormAlert } from '../forms/FormAlert';
import { Icon } from '../ui/Icon';
import { formatLastOpened } from './formatLastOpened';
import { useRecentWorkspaces } from './useRecentWorkspaces';

/** Workspaces opened on this machine; picking one fills in the Open form. */
export function RecentWorkspaces({ onPick }: { onPick(workspace: RecentWorkspace): void }) {
  const recent = useRecentWorkspaces();
  const now = new Date();
  return (
    <section className="panel recent" aria-labelledby="recent-title">
      <h2 id="recent-title" className="panel__title">
        Recent workspaces
      </h2>
      {recent.state === 'loading' && <p className="recent__note" aria-busy="true">Looking for workspaces opened on this computer…</p>}
      {recent.state === 'failed' && <FormAlert failure={recent.failure} />}
      {recent.state === 'loaded' && recent.workspaces.length === 0 && (
        <p className="recent__note">Workspaces you create or open on this computer will be listed here.</p>
      )}
      {recent.state === 'loaded' && recent.workspaces.length > 0 && (
        <ul className="recent__list">
          {recent.workspaces.map((workspace) => (
            <li key={workspace.path}>
              <button type="button" className="recent__item" onClick={() => onPick(workspace)} title={workspace.path}>
                <Icon name="workspace" size={18} className="recent__icon" />
                <span className="recent__text">
                  <span className="recent__name">
                    {workspace.name}
                    {workspace.isDemo && <span className="badge badge--neutral">Demo</span>}
                  </span>
                  {/* rtl clips the start of a long path, the inner ltr span keeps the path itself in order. */}
                  <span className="recent__path" dir="rtl">
                    <span dir="ltr">{workspace.path}</span>
                  </span>
                </span>
                <span className="recent__when">
                  <span className="visually-hidden">Last opened </span>
                  {formatLastOpened(workspace.lastOpenedAt, now)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
