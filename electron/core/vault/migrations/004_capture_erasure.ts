import type { Migration } from './index';

/**
 * Erasure in the capture tables (electron/core/capture/state/erasure.ts, docs/vault.md,
 * Deletion and erasure): rows whose content was redacted because a data subject was erased
 * (or carried one of their identifiers) name the erasure record that did it, the way
 * messages name their deletion record. For evidence rows (activities, audit events, report
 * buckets) this is what tells a redacted body, which no longer matches the digest in its
 * capture record, from a tampered one. For chats it also stops the chats walk from
 * fetching them again.
 */
export const m004CaptureErasure: Migration = {
  version: 4,
  name: 'capture_erasure',
  sql: `
ALTER TABLE capture_chats ADD COLUMN erased_seq INTEGER;
ALTER TABLE capture_activities ADD COLUMN erased_seq INTEGER;
ALTER TABLE capture_audit_events ADD COLUMN erased_seq INTEGER;
ALTER TABLE capture_buckets ADD COLUMN erased_seq INTEGER;
`,
};
