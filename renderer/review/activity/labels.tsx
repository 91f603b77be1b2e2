import type { Res } from '../../../shared/api/contract';
import { keyHref } from './activityRoutes';

/**
 * How report keys are named on screen. The reports carry ids only; a user id is named from
 * the captured users (never by email: emails stay masked), a key id links to what it did.
 */

export type Facets = Res<'content.facets'>;

export function modelLabel(key: string | null) {
  return key ?? <span className="muted">Not model-specific</span>;
}

/** The Anthropic usage and cost reports leave workspace_id null for the organisation's default workspace. */
export function workspaceLabel(key: string | null) {
  return key === null ? 'Default workspace' : <span className="mono">{key}</span>;
}

export function projectLabel(key: string | null) {
  return key === null ? <span className="muted">No project</span> : <span className="mono">{key}</span>;
}

export function userLabel(facets: Facets | null) {
  return (key: string | null) => {
    if (key === null) return <span className="muted">Not attributed to a user</span>;
    const user = facets?.users.find((u) => u.id === key);
    return user?.name ? (
      <span>
        {user.name} <span className="mono muted">{key}</span>
      </span>
    ) : (
      <span className="mono">{key}</span>
    );
  };
}

export function KeyLink({ keyId }: { keyId: string }) {
  return (
    <a className="mono act-keylink" href={keyHref(keyId)} title={`What did ${keyId} do?`}>
      {keyId}
    </a>
  );
}

export function apiKeyLabel(key: string | null) {
  return key === null ? <span className="muted">No API key (Console or workbench)</span> : <KeyLink keyId={key} />;
}

export function orgName(facets: Facets | null, orgId: string | null): string | null {
  if (orgId === null) return null;
  return facets?.orgs.find((o) => o.id === orgId)?.name ?? null;
}
