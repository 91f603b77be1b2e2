import type { WorkspaceSummary } from '../../shared/api/schemas';
import { ROLE_EXPLANATIONS, RoleBadge } from '../frame/RoleBadge';
import { GettingStarted } from './GettingStarted';

/** The open case at a glance: what it is, where it lives, who you are in it. */
export function WorkspaceSurface({ workspace }: { workspace: WorkspaceSummary }) {
  const { member } = workspace;
  return (
    <div className="workspace">
      <section className="panel" aria-labelledby="case-title">
        <h2 id="case-title" className="panel__title">
          Case
        </h2>
        <dl className="facts">
          <dt>Name</dt>
          <dd className="facts__strong">
            {workspace.name}
            {workspace.isDemo && <span className="badge badge--neutral">Demo</span>}
          </dd>
          <dt>Folder</dt>
          <dd className="mono facts__wrap">{workspace.path}</dd>
          <dt>Organisations</dt>
          <dd className="num">
            {workspace.tenants === 0 ? 'None connected yet' : `${workspace.tenants} connected`}
          </dd>
          <dt>Workspace ID</dt>
          <dd className="mono">{workspace.id}</dd>
        </dl>
      </section>
      <section className="panel" aria-labelledby="member-title">
        <h2 id="member-title" className="panel__title">
          You
        </h2>
        <dl className="facts">
          <dt>Member</dt>
          <dd className="facts__strong">{member.name}</dd>
          <dt>Role</dt>
          <dd>
            <RoleBadge role={member.role} />
            <p className="facts__note">{ROLE_EXPLANATIONS[member.role]}</p>
          </dd>
          <dt>Member ID</dt>
          <dd className="mono">{member.id}</dd>
        </dl>
      </section>
      <GettingStarted workspace={workspace} />
    </div>
  );
}
