import type { Migration } from './index';

/**
 * The first schema. Content never sits in these tables: message text lives in encrypted
 * blobs and, as search terms only, in a contentless FTS5 index with secure-delete on.
 * Key material sits wrapped (tenant keys under the master key, subject keys and signing
 * keys and credentials under the tenant key); erasure and shredding NULL those columns.
 */
export const m001Init: Migration = {
  version: 1,
  name: 'init',
  sql: `
CREATE TABLE workspace_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE members (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  role        TEXT NOT NULL CHECK (role IN ('admin', 'viewer')),
  added_at    TEXT NOT NULL,
  added_by    TEXT,
  record_seq  INTEGER
) STRICT;

CREATE TABLE tenants (
  id                  TEXT PRIMARY KEY,
  vendor              TEXT NOT NULL,
  name                TEXT NOT NULL,
  org_id              TEXT,
  wrapped_key         BLOB,
  signing_key_name    TEXT NOT NULL,
  signing_public_key  BLOB NOT NULL,
  sealed_signing_key  BLOB,
  created_at          TEXT NOT NULL,
  shredded_at         TEXT,
  shredded_by         TEXT,
  shred_seq           INTEGER
) STRICT;

CREATE TABLE credentials (
  tenant_id   TEXT NOT NULL REFERENCES tenants(id),
  kind        TEXT NOT NULL,
  sealed      BLOB NOT NULL,
  sealed_at   TEXT NOT NULL,
  rotated_at  TEXT,
  PRIMARY KEY (tenant_id, kind)
) STRICT;

CREATE TABLE subjects (
  id           TEXT PRIMARY KEY,
  tenant_id    TEXT NOT NULL REFERENCES tenants(id),
  external_id  TEXT NOT NULL,
  wrapped_key  BLOB,
  created_at   TEXT NOT NULL,
  erased_at    TEXT,
  erased_by    TEXT,
  erased_seq   INTEGER,
  UNIQUE (tenant_id, external_id)
) STRICT;

CREATE TABLE chats (
  tenant_id       TEXT NOT NULL REFERENCES tenants(id),
  id              TEXT NOT NULL,
  org_id          TEXT,
  subject_id      TEXT REFERENCES subjects(id),
  title_sealed    BLOB,
  created_at      TEXT,
  updated_at      TEXT,
  captured_at     TEXT NOT NULL,
  soft_deleted    INTEGER NOT NULL DEFAULT 0,
  gone_at_source  INTEGER NOT NULL DEFAULT 0,
  deleted_at      TEXT,
  deleted_by      TEXT,
  deleted_seq     INTEGER,
  PRIMARY KEY (tenant_id, id)
) STRICT;

CREATE TABLE messages (
  rowid           INTEGER PRIMARY KEY,
  tenant_id       TEXT NOT NULL REFERENCES tenants(id),
  id              TEXT NOT NULL,
  chat_id         TEXT NOT NULL,
  org_id          TEXT,
  subject_id      TEXT NOT NULL REFERENCES subjects(id),
  role            TEXT NOT NULL,
  model           TEXT,
  created_at      TEXT,
  captured_at     TEXT NOT NULL,
  blob_path       TEXT,
  blob_offset     INTEGER,
  blob_length     INTEGER,
  commitment      TEXT,
  record_seq      INTEGER,
  soft_deleted    INTEGER NOT NULL DEFAULT 0,
  gone_at_source  INTEGER NOT NULL DEFAULT 0,
  superseded_by   TEXT,
  deleted_at      TEXT,
  deleted_by      TEXT,
  deleted_seq     INTEGER,
  deleted_reason  TEXT CHECK (deleted_reason IN ('chat_deleted', 'subject_erased', 'tenant_shredded')),
  UNIQUE (tenant_id, id)
) STRICT;
CREATE INDEX messages_by_chat ON messages (tenant_id, chat_id);
CREATE INDEX messages_by_subject ON messages (subject_id);
CREATE INDEX messages_by_record ON messages (tenant_id, record_seq);

CREATE TABLE chain_records (
  tenant_id  TEXT NOT NULL REFERENCES tenants(id),
  seq        INTEGER NOT NULL,
  bytes      BLOB NOT NULL,
  leaf_hash  TEXT NOT NULL,
  PRIMARY KEY (tenant_id, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE chain_heads (
  tenant_id  TEXT PRIMARY KEY REFERENCES tenants(id),
  size       INTEGER NOT NULL,
  last_leaf  TEXT NOT NULL,
  frontier   TEXT NOT NULL
) STRICT;

CREATE TABLE checkpoints (
  id          INTEGER PRIMARY KEY,
  tenant_id   TEXT NOT NULL REFERENCES tenants(id),
  size        INTEGER NOT NULL,
  root        TEXT NOT NULL,
  note        TEXT NOT NULL,
  created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX checkpoints_by_tenant ON checkpoints (tenant_id, size);

CREATE TABLE verify_state (
  tenant_id    TEXT PRIMARY KEY REFERENCES tenants(id),
  state        TEXT NOT NULL,
  verified_at  TEXT NOT NULL
) STRICT;

CREATE TABLE deletions (
  id           INTEGER PRIMARY KEY,
  tenant_id    TEXT NOT NULL REFERENCES tenants(id),
  kind         TEXT NOT NULL CHECK (kind IN ('chat_deleted', 'subject_erased', 'tenant_shredded')),
  target       TEXT NOT NULL,
  member_id    TEXT NOT NULL,
  member_name  TEXT NOT NULL,
  at           TEXT NOT NULL,
  record_seq   INTEGER NOT NULL
) STRICT;

CREATE VIRTUAL TABLE message_fts USING fts5(
  body,
  content = '',
  contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO message_fts (message_fts, rank) VALUES ('secure-delete', 1);
`,
};
