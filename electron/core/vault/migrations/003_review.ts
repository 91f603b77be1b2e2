import type { Migration } from './index';

/**
 * Read models for offline review (electron/services/review*.ts): indexes for the chat
 * table's sorts and filters over up to ~100,000 chats, for the activity views' time
 * ordering, and `review_records`, a derived index of the chain's records by type, time
 * and actor (the records themselves are canonical JSON bytes, which SQL cannot filter
 * without parsing every one).
 *
 * `review_records` holds no content and no evidence of its own: it is rebuilt from
 * chain_records on demand (ReviewRecordIndex.catchUp) and every row shown is re-read from
 * the record's bytes, so a stale or damaged row here can hide nothing that verification
 * would not report. Nothing in the write path (capture, chain appends, deletion) touches it.
 */
export const m003Review: Migration = {
  version: 3,
  name: 'review',
  sql: `
CREATE TABLE review_records (
  tenant_id  TEXT NOT NULL,
  seq        INTEGER NOT NULL,
  type       TEXT NOT NULL,
  at         TEXT NOT NULL,
  actor      TEXT NOT NULL,
  PRIMARY KEY (tenant_id, seq)
) STRICT, WITHOUT ROWID;
CREATE INDEX review_records_by_at ON review_records (at);
CREATE INDEX review_records_by_type ON review_records (type, at);
CREATE INDEX review_records_by_actor ON review_records (actor, at);

CREATE INDEX capture_chats_by_updated ON capture_chats (updated_at);
CREATE INDEX capture_chats_by_created ON capture_chats (created_at);
CREATE INDEX capture_chats_by_user ON capture_chats (tenant_id, user_id);
CREATE INDEX capture_chats_by_org ON capture_chats (tenant_id, org_uuid);
CREATE INDEX capture_users_by_id ON capture_users (tenant_id, id);
CREATE INDEX capture_activities_by_created ON capture_activities (created_at);
CREATE INDEX capture_activities_by_chat ON capture_activities (tenant_id, json_extract(body, '$.claude_chat_id'), created_at);
CREATE INDEX capture_activities_by_type ON capture_activities (type, created_at);
CREATE INDEX capture_audit_events_by_time ON capture_audit_events (effective_at);
CREATE INDEX capture_audit_events_by_type ON capture_audit_events (type, effective_at);
CREATE INDEX messages_superseded ON messages (tenant_id, chat_id) WHERE superseded_by IS NOT NULL;
`,
};
