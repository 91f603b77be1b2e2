import type { Role } from '../../shared/api/schemas';

export const ROLE_LABELS: Record<Role, string> = { admin: 'Admin', viewer: 'Viewer' };

export const ROLE_EXPLANATIONS: Record<Role, string> = {
  admin: 'Can connect vendor keys, run captures, add members, reveal, export and erase content.',
  viewer: 'Can review, search and verify what was captured; cannot change keys, members or content.',
};

export function RoleBadge({ role }: { role: Role }) {
  return (
    <span className={`badge badge--role-${role}`} title={ROLE_EXPLANATIONS[role]}>
      {ROLE_LABELS[role]}
    </span>
  );
}
