import type { Plan } from '../types';
import type { Lang } from '../data/names';
import type { ChatSeed, MessageRecord } from '../data/chat-gen';
import type { ChatStore } from './chat-store';
import type { ActivityLog } from './activity-log';

/** The simulated world: what the vendor APIs read from. */

export type OrgRole = 'admin' | 'billing' | 'claude_code_user' | 'developer' | 'managed' | 'membership_admin' | 'owner' | 'primary_owner' | 'user';

export interface User {
  id: string;
  fullName: string;
  email: string;
  role: OrgRole;
  createdAt: number;
  orgUuid: string;
  lang: Lang;
  leftAt: number | null; // left/removed: gone from lists, still in chats and activities
  scim: boolean;
}

export interface RolePermission {
  action: string;
  resource_type: string;
  resource_id: string;
}

export interface Role {
  id: string;
  name: string;
  description: string;
  createdAt: number;
  updatedAt: number;
  permissions: RolePermission[];
}

export interface GroupMember {
  userId: string;
  email: string;
  createdAt: number;
  updatedAt: number;
}

export interface Group {
  id: string;
  name: string;
  description: string;
  sourceType: 'direct' | 'scim';
  roleIds: string[] | null;
  createdAt: number;
  updatedAt: number;
  members: GroupMember[];
}

export type ProjectAttachment =
  | { type: 'project_file'; id: string; createdAt: number; filename: string; mimeType: string; sizeBytes: number; md5: string }
  | { type: 'project_doc'; id: string; createdAt: number; filename: string; content: string; userId: string | null };

export type Collaborator =
  | { type: 'user'; user_id: string | null; role: 'admin' | 'editor' | 'owner' | 'viewer'; granted_at: number }
  | { type: 'group'; group_id: string; role: 'admin' | 'editor' | 'owner' | 'viewer'; granted_at: number }
  | { type: 'organization'; organization_uuid: string; role: 'admin' | 'editor' | 'owner' | 'viewer'; granted_at: number }
  | { type: 'organization_role'; organization_role: string; role: 'admin' | 'editor' | 'owner' | 'viewer'; granted_at: number };

export interface Project {
  id: string;
  orgUuid: string;
  name: string;
  creatorId: string;
  createdAt: number;
  updatedAt: number;
  deletedAt: number | null;
  isPrivate: boolean;
  description: string;
  instructions: string;
  attachments: ProjectAttachment[];
  collaborators: Collaborator[];
}

export interface Org {
  uuid: string;
  id: string; // org_…
  name: string;
  createdAt: number;
  tenantKey: string;
  users: User[];
  roles: Role[];
  projects: Project[];
}

export interface ChatRecord {
  id: string;
  uuid: string;
  tenantKey: string;
  orgUuid: string;
  userId: string;
  projectId: string | null;
  name: string;
  lang: Lang;
  model: string | null;
  createdAt: number;
  updatedAt: number;
  deletedAt: number | null; // soft delete by the user in claude.ai
  seed: ChatSeed; // generated messages (count may be 0 for chats added by control routes)
  added: MessageRecord[]; // messages added through control routes
  edits: Map<string, { text: string; at: number }>;
}

export interface ConsoleMember {
  id: string;
  email: string;
  name: string;
  role: 'user' | 'claude_code_user' | 'developer' | 'billing' | 'admin';
  addedAt: number;
}

export interface Workspace {
  id: string;
  name: string;
  createdAt: number;
  archivedAt: number | null;
  displayColor: string;
}

export interface PlatformApiKey {
  id: string;
  name: string;
  createdAt: number;
  createdById: string;
  expiresAt: number | null;
  hint: string;
  status: 'active' | 'inactive' | 'archived' | 'expired';
  workspaceId: string | null;
}

/** The Console org linked to the parent: what the Admin API (`/v1/organizations/*`) serves. */
export interface ConsoleOrg {
  uuid: string;
  name: string;
  members: ConsoleMember[];
  workspaces: Workspace[];
  apiKeys: PlatformApiKey[];
}

export interface OpenAiUser {
  id: string;
  name: string;
  email: string;
  role: 'owner' | 'reader';
  addedAt: number; // unix seconds
}

export interface OpenAiProject {
  id: string;
  name: string;
  createdAt: number; // unix seconds
  archivedAt: number | null;
  apiKeyIds: string[];
}

export interface OpenAiAuditEvent {
  id: string;
  type: string;
  effectiveAt: number; // unix seconds
  project: { id: string; name: string } | null;
  actor: Record<string, unknown> | null;
  payload: Record<string, unknown>;
  actorId: string | null;
  actorEmail: string | null;
  resourceId: string | null;
}

export interface OpenAiOrg {
  id: string;
  name: string;
  users: OpenAiUser[];
  projects: OpenAiProject[];
  auditEvents: OpenAiAuditEvent[]; // newest first
}

export interface Tenant {
  key: string; // 't1', 't2'
  name: string;
  plan: Plan;
  parentUuid: string;
  orgs: Org[];
  groups: Group[];
  settingsEnabled: boolean;
  console: ConsoleOrg | null;
  openai: OpenAiOrg | null;
  chats: ChatStore;
  activities: ActivityLog;
}
