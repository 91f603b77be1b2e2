/** Types shared across the simulator's modules. */

export interface SimSizes {
  orgs: number; // linked orgs under the main Enterprise parent
  users: number; // users per org
  chats: number; // chats per user
  messages: number; // messages per chat
}

export const DEFAULT_SIZES: SimSizes = { orgs: 2, users: 5, chats: 4, messages: 6 };

export type Plan = 'enterprise' | 'team' | 'console';

export const COMPLIANCE_SCOPES = {
  activities: 'read:compliance_activities',
  userData: 'read:compliance_user_data',
  deleteUserData: 'delete:compliance_user_data',
  orgData: 'read:compliance_org_data',
  retiredOrgSettings: 'read:compliance_org_settings',
  orgAudit: 'read:org_audit',
  readMembers: 'read:members',
} as const;

export type KeyKind =
  | 'compliance' // sk-ant-api01- Compliance Access Key (scoped)
  | 'admin' // sk-ant-admin01- Console Admin key
  | 'claude_api' // sk-ant-api03- Claude API key
  | 'openai_admin' // sk-admin- OpenAI Admin key
  | 'openai_project'; // sk-proj- OpenAI project key

export type SoftDeleteMode = 'empty' | 'legacy';

/** Which Anthropic error envelope to emit: the platform one (type + request_id) or the bare `{error}`. */
export type ErrorEnvelope = 'platform' | 'bare';

/** The built-in keys handed out at startup. */
export interface SimKeys {
  complianceFull: string;
  complianceOrgOnly: string;
  complianceUserOnly: string;
  anthropicAdmin: string;
  claudeApi: string;
  openaiAdmin: string;
  nonEnterpriseCompliance: string;
}

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
export const MINUTE_MS = 60_000;

/** Fixed data window: generated content is dated inside it whatever the clock says. */
export const DATA_START_MS = Date.UTC(2026, 2, 1); // 2026-03-01: Compliance API enabled
export const DATA_END_MS = Date.UTC(2026, 8, 25); // 2026-09-25
/** Where a manual clock starts unless told otherwise. */
export const DEFAULT_CLOCK_START_MS = Date.UTC(2026, 9, 1); // 2026-10-01T00:00:00Z
/** After this date `user_ids[]` + `updated_at.*` on list chats is rejected (reference §6.1). */
export const USER_IDS_UPDATED_AT_CUTOFF_MS = Date.UTC(2026, 8, 22);
