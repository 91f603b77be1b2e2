/**
 * What a chain record attests. One list for the chain (which hashes and validates records)
 * and the contract (which filters the audit log by type), because the two must never differ.
 * Append-only: never reorder or remove a name, old logs carry them.
 */
export const RECORD_TYPES = [
  'workspace_created',
  'member_added',
  'tenant_created',
  'key_connected',
  'key_rotated',
  'key_forgotten',
  'message_captured',
  'message_superseded',
  'chat_flagged',
  'pull_completed',
  'activity_captured',
  'usage_captured',
  'cost_captured',
  'audit_event_captured',
  'pii_revealed',
  'reveal_refused',
  'chat_deleted',
  'subject_erased',
  'tenant_shredded',
  'export_created',
] as const;
export type RecordType = (typeof RECORD_TYPES)[number];
