import type { Migration } from './index';

/**
 * Capture state (electron/core/capture): where each vendor of a tenant is reached, the
 * resume point of every walk, what was seen upstream (orgs, users, chats, messages by
 * vendor id, so a re-pull adds nothing and an edit is recognised), the non-content
 * evidence (Activity Feed rows, usage and cost buckets, OpenAI audit events) with the
 * record that attested each, and one row per pull run.
 *
 * No secret and no message text is stored here: keys stay sealed in `credentials`, text
 * stays in blobs. Vendor JSON of non-content evidence is kept canonical (it is what the
 * chain record's digest covers) inside the encrypted database.
 */
export const m002Capture: Migration = {
  version: 2,
  name: 'capture',
  sql: `
CREATE TABLE capture_sources (
  tenant_id     TEXT NOT NULL REFERENCES tenants(id),
  slot          TEXT NOT NULL CHECK (slot IN ('anthropic-compliance', 'anthropic-admin', 'openai')),
  base_url      TEXT NOT NULL,
  connected_at  TEXT NOT NULL,
  checked       TEXT NOT NULL,
  PRIMARY KEY (tenant_id, slot)
) STRICT;

CREATE TABLE capture_settings (
  tenant_id           TEXT PRIMARY KEY REFERENCES tenants(id),
  pull_every_minutes  INTEGER CHECK (pull_every_minutes IS NULL OR pull_every_minutes >= 1),
  updated_at          TEXT NOT NULL
) STRICT;

CREATE TABLE capture_cursors (
  tenant_id   TEXT NOT NULL REFERENCES tenants(id),
  endpoint    TEXT NOT NULL,
  cursor      TEXT,
  state       TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  PRIMARY KEY (tenant_id, endpoint)
) STRICT;

CREATE TABLE capture_runs (
  id           TEXT PRIMARY KEY,
  tenant_id    TEXT NOT NULL REFERENCES tenants(id),
  started_at   TEXT NOT NULL,
  finished_at  TEXT,
  status       TEXT NOT NULL CHECK (status IN ('running', 'complete', 'partial', 'failed', 'cancelled', 'interrupted')),
  pid          INTEGER NOT NULL,
  host         TEXT NOT NULL,
  summary      TEXT,
  record_seq   INTEGER
) STRICT;
CREATE INDEX capture_runs_by_tenant ON capture_runs (tenant_id, started_at);

CREATE TABLE capture_orgs (
  tenant_id      TEXT NOT NULL REFERENCES tenants(id),
  uuid           TEXT NOT NULL,
  name           TEXT,
  created_at     TEXT,
  first_seen_at  TEXT NOT NULL,
  last_seen_run  TEXT NOT NULL,
  PRIMARY KEY (tenant_id, uuid)
) STRICT;

CREATE TABLE capture_users (
  tenant_id      TEXT NOT NULL REFERENCES tenants(id),
  org_uuid       TEXT NOT NULL,
  id             TEXT NOT NULL,
  email          TEXT,
  full_name      TEXT,
  role           TEXT,
  created_at     TEXT,
  first_seen_at  TEXT NOT NULL,
  last_seen_run  TEXT NOT NULL,
  PRIMARY KEY (tenant_id, org_uuid, id)
) STRICT;

CREATE TABLE capture_chats (
  tenant_id       TEXT NOT NULL REFERENCES tenants(id),
  id              TEXT NOT NULL,
  org_uuid        TEXT,
  user_id         TEXT,
  created_at      TEXT,
  updated_at      TEXT,
  deleted_at      TEXT,
  soft_deleted    INTEGER NOT NULL DEFAULT 0,
  gone_at_source  INTEGER NOT NULL DEFAULT 0,
  messages        INTEGER NOT NULL DEFAULT 0,
  first_run       TEXT NOT NULL,
  last_run        TEXT NOT NULL,
  PRIMARY KEY (tenant_id, id)
) STRICT;

CREATE TABLE capture_messages (
  tenant_id  TEXT NOT NULL REFERENCES tenants(id),
  id         TEXT NOT NULL,
  chat_id    TEXT NOT NULL,
  status     TEXT NOT NULL CHECK (status IN ('text', 'no_text', 'withheld')),
  reason     TEXT,
  vault_id   TEXT,
  version    INTEGER NOT NULL DEFAULT 0,
  first_run  TEXT NOT NULL,
  PRIMARY KEY (tenant_id, id)
) STRICT;
CREATE INDEX capture_messages_by_chat ON capture_messages (tenant_id, chat_id);

CREATE TABLE capture_activities (
  tenant_id   TEXT NOT NULL REFERENCES tenants(id),
  id          TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  type        TEXT NOT NULL,
  body        TEXT NOT NULL,
  digest      TEXT NOT NULL,
  record_seq  INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, id)
) STRICT;
CREATE INDEX capture_activities_by_time ON capture_activities (tenant_id, created_at);

CREATE TABLE capture_buckets (
  tenant_id   TEXT NOT NULL REFERENCES tenants(id),
  report      TEXT NOT NULL,
  bucket      TEXT NOT NULL,
  ending_at   TEXT NOT NULL,
  body        TEXT NOT NULL,
  digest      TEXT NOT NULL,
  version     INTEGER NOT NULL,
  record_seq  INTEGER,
  PRIMARY KEY (tenant_id, report, bucket)
) STRICT;

CREATE TABLE capture_audit_events (
  tenant_id     TEXT NOT NULL REFERENCES tenants(id),
  id            TEXT NOT NULL,
  effective_at  INTEGER NOT NULL,
  type          TEXT NOT NULL,
  body          TEXT NOT NULL,
  digest        TEXT NOT NULL,
  record_seq    INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, id)
) STRICT;
`,
};
