import type { WorkspaceSummary } from '../../shared/api/schemas';
import { useSession } from '../session/sessionStore';
import { ThemeToggle } from '../theme/ThemeToggle';
import { CloseWorkspaceButton } from './CloseWorkspaceButton';
import { HostBadge } from './HostBadge';
import { RoleBadge } from './RoleBadge';

/** Which case is open, who you are in it, and where the app runs: always in view. */
export function TopBar({ workspace }: { workspace: WorkspaceSummary }) {
  const host = useSession((s) => s.appInfo?.host);
  return (
    <header className="topbar">
      <div className="topbar__case">
        <span className="topbar__label">Case</span>
        <span className="topbar__name" title={workspace.path}>
          {workspace.name}
        </span>
        {workspace.isDemo && <span className="badge badge--neutral">Demo</span>}
      </div>
      <div className="topbar__end">
        <span className="topbar__member" aria-label={`Signed in as ${workspace.member.name}, ${workspace.member.role}`}>
          <span className="topbar__avatar" aria-hidden="true">
            {workspace.member.name.trim().charAt(0).toUpperCase() || '?'}
          </span>
          <span className="topbar__member-name">{workspace.member.name}</span>
          <RoleBadge role={workspace.member.role} />
        </span>
        {host && <HostBadge host={host} />}
        <ThemeToggle />
        <CloseWorkspaceButton />
      </div>
    </header>
  );
}
