import { z } from 'zod';

/**
 * zod schemas for every Anthropic Compliance API object the client reads. Loose objects:
 * unknown fields pass through untouched (they are evidence), unknown activity and actor
 * types are plain strings, and fields the docs mark nullable or that older/newer docs
 * disagree on are `nullish`.
 */

const str = z.string();
const optStr = z.string().nullish();

export const Organization = z.looseObject({ uuid: str, name: z.string().nullish(), created_at: optStr });
export type Organization = z.infer<typeof Organization>;

export const OrgUser = z.looseObject({
  id: str,
  full_name: optStr,
  email: optStr,
  /** admin, billing, claude_code_user, developer, managed, membership_admin, owner, primary_owner, user, or newer. */
  organization_role: optStr,
  created_at: optStr,
});
export type OrgUser = z.infer<typeof OrgUser>;

export const TokenPage = <T extends z.ZodType>(item: T) =>
  z.looseObject({ data: z.array(item), has_more: z.boolean().optional(), next_page: z.string().nullish() });

export const IdPage = <T extends z.ZodType>(item: T) =>
  z.looseObject({ data: z.array(item), has_more: z.boolean(), first_id: z.string().nullish(), last_id: z.string().nullish() });

export const ChatUser = z.looseObject({ id: str, email_address: optStr });

export const Chat = z.looseObject({
  id: str,
  /** Empty once the user deleted the chat in claude.ai (newest docs). */
  name: z.string().nullish(),
  created_at: str,
  updated_at: optStr,
  /** Set when the user deleted the chat in claude.ai (soft delete): still listed, content gone. */
  deleted_at: optStr,
  href: optStr,
  model: optStr,
  organization_uuid: optStr,
  /** Deprecated on chats (`org_…`). */
  organization_id: optStr,
  project_id: optStr,
  user: ChatUser.nullish(),
});
export type Chat = z.infer<typeof Chat>;

export const TextBlock = z.looseObject({
  type: z.literal('text'),
  text: z.string(),
  truncated: z.boolean().nullish(),
  thinking_redacted: z.boolean().nullish(),
});
export const ToolUseBlock = z.looseObject({
  type: z.literal('tool_use'),
  id: optStr,
  name: optStr,
  /** A JSON-encoded string, possibly cut short (`truncated`). */
  input: z.unknown().optional(),
  integration_name: optStr,
  mcp_server_url: optStr,
  truncated: z.boolean().nullish(),
});
export const ToolResultBlock = z.looseObject({
  type: z.literal('tool_result'),
  tool_use_id: optStr,
  name: optStr,
  is_error: z.boolean().nullish(),
  content: z.array(z.looseObject({ type: str, text: optStr })).nullish(),
  integration_name: optStr,
  mcp_server_url: optStr,
  truncated: z.boolean().nullish(),
});
/** Any block type the docs do not list yet. */
export const OtherBlock = z.looseObject({ type: str });
export const ContentBlock = z.union([TextBlock, ToolUseBlock, ToolResultBlock, OtherBlock]);
export type ContentBlock = z.infer<typeof ContentBlock>;

export const ChatFile = z.looseObject({
  id: str,
  filename: optStr,
  mime_type: optStr,
  size_bytes: z.number().nullish(),
  md5: optStr,
  created_at: optStr,
});
export const Artifact = z.looseObject({ id: str, version_id: optStr, title: optStr, artifact_type: optStr });

export const ChatMessage = z.looseObject({
  id: str,
  /** `user` or `assistant`; kept open. */
  role: str,
  created_at: str,
  /** Empty when the chat was deleted by its user; may hold only tool blocks. */
  content: z.array(ContentBlock).nullish().transform((c) => c ?? []),
  files: z.array(ChatFile).nullish(),
  generated_files: z.array(ChatFile).nullish(),
  artifacts: z.array(Artifact).nullish(),
});
export type ChatMessage = z.infer<typeof ChatMessage>;

export const ChatWithMessages = Chat.extend({
  chat_messages: z.array(ChatMessage),
  has_more: z.boolean().optional(),
  first_id: optStr,
  last_id: optStr,
});
export type ChatWithMessages = z.infer<typeof ChatWithMessages>;

/**
 * The actor of an activity. Only `user_actor` has `user_id`/`email_address`; several
 * kinds lack ip/user agent; new kinds appear, so `type` stays an open string.
 */
export const ActivityActor = z.looseObject({
  type: str,
  user_id: optStr,
  email_address: optStr,
  api_key_id: optStr,
  admin_api_key_id: optStr,
  ip_address: optStr,
  user_agent: optStr,
});
export type ActivityActor = z.infer<typeof ActivityActor>;

export const Activity = z.looseObject({
  id: str,
  created_at: str,
  /** Open: about 470 types in Aug 2026 and growing. */
  type: str,
  organization_id: optStr,
  organization_uuid: optStr,
  actor: ActivityActor.nullish(),
});
export type Activity = z.infer<typeof Activity>;

export const SettingRow = z.looseObject({ name: str, type: str, value: z.unknown() });
export const ComplianceKeyInfo = z.looseObject({
  type: optStr,
  id: str,
  name: optStr,
  scopes: z.array(str).nullish(),
  is_active: z.boolean().nullish(),
  created_at: optStr,
  created_by_id: optStr,
  expires_at: optStr,
});
export const EffectiveSettings = z.looseObject({
  type: optStr,
  /** A bare UUID here (unlike `org_…` elsewhere). */
  organization_id: str,
  /** A missing row means admins cannot control that setting, not "off". */
  settings: z.array(SettingRow),
  api_keys: z.array(ComplianceKeyInfo).nullish(),
});
export type EffectiveSettings = z.infer<typeof EffectiveSettings>;

export const ChatDeleted = z.looseObject({ id: str, type: str });
