/**
 * The initial schema. Every table carries `workspace_id` (one workspace per access token) and every
 * filter of `GET /conversations` has an index. Contacts are one table with a role, as in Intercom's
 * 2.x model; `users`, `leads` and `visitors` are views of it for anyone browsing the file with sqlite3.
 */
export const up = `
CREATE TABLE workspaces (
  id INTEGER PRIMARY KEY,
  token TEXT NOT NULL UNIQUE,
  app_id_code TEXT NOT NULL,
  app_name TEXT NOT NULL,
  app_timezone TEXT NOT NULL,
  app_region TEXT NOT NULL,
  owner_admin_id TEXT,
  api_version TEXT,
  created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE id_sequences (
  workspace_id INTEGER NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  last_value INTEGER NOT NULL,
  PRIMARY KEY (workspace_id, kind)
) STRICT, WITHOUT ROWID;

CREATE TABLE admins (
  workspace_id INTEGER NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  email TEXT NOT NULL,
  job_title TEXT,
  away_mode_enabled INTEGER NOT NULL DEFAULT 0,
  away_mode_reassign INTEGER NOT NULL DEFAULT 0,
  has_inbox_seat INTEGER NOT NULL DEFAULT 1,
  avatar_url TEXT,
  position INTEGER NOT NULL,
  PRIMARY KEY (workspace_id, id)
) STRICT, WITHOUT ROWID;

CREATE TABLE teams (
  workspace_id INTEGER NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (workspace_id, id)
) STRICT, WITHOUT ROWID;

CREATE TABLE team_members (
  workspace_id INTEGER NOT NULL,
  team_id TEXT NOT NULL,
  admin_id TEXT NOT NULL,
  PRIMARY KEY (workspace_id, team_id, admin_id),
  FOREIGN KEY (workspace_id, team_id) REFERENCES teams (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, admin_id) REFERENCES admins (workspace_id, id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;
CREATE INDEX ix_team_members_admin ON team_members (workspace_id, admin_id);

CREATE TABLE contacts (
  workspace_id INTEGER NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('user', 'lead', 'visitor')),
  external_id TEXT,
  anonymous_id TEXT,
  email TEXT,
  phone TEXT,
  name TEXT,
  pseudonym TEXT,
  avatar_url TEXT,
  unsubscribed_from_emails INTEGER NOT NULL DEFAULT 0,
  custom_attributes TEXT NOT NULL DEFAULT '{}',
  signed_up_at INTEGER,
  last_request_at INTEGER,
  last_replied_at INTEGER,
  session_count INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER,
  PRIMARY KEY (workspace_id, id)
) STRICT;
CREATE INDEX ix_contacts_external_id ON contacts (workspace_id, external_id) WHERE deleted_at IS NULL;
CREATE INDEX ix_contacts_anonymous_id ON contacts (workspace_id, anonymous_id) WHERE deleted_at IS NULL;
CREATE INDEX ix_contacts_email ON contacts (workspace_id, email) WHERE deleted_at IS NULL;
CREATE INDEX ix_contacts_phone ON contacts (workspace_id, phone) WHERE deleted_at IS NULL;
CREATE INDEX ix_contacts_role_created ON contacts (workspace_id, role, created_at) WHERE deleted_at IS NULL;

-- 1.x names: a user's user_id is its external id; a lead's or visitor's is the UUID Intercom gave it.
CREATE VIEW users AS SELECT workspace_id, id, external_id AS user_id, email, phone, name, custom_attributes,
  unsubscribed_from_emails, signed_up_at, last_request_at, created_at, updated_at
  FROM contacts WHERE role = 'user' AND deleted_at IS NULL;
CREATE VIEW leads AS SELECT workspace_id, id, anonymous_id AS user_id, external_id, email, phone, name, pseudonym,
  custom_attributes, unsubscribed_from_emails, created_at, updated_at
  FROM contacts WHERE role = 'lead' AND deleted_at IS NULL;
CREATE VIEW visitors AS SELECT workspace_id, id, anonymous_id AS user_id, email, name, pseudonym, custom_attributes,
  created_at, updated_at
  FROM contacts WHERE role = 'visitor' AND deleted_at IS NULL;

CREATE TABLE messages (
  workspace_id INTEGER NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  id INTEGER NOT NULL,
  conversation_id INTEGER NOT NULL,
  author_type TEXT NOT NULL CHECK (author_type IN ('contact', 'admin')),
  author_id TEXT NOT NULL,
  message_type TEXT NOT NULL CHECK (message_type IN ('inapp', 'email')),
  subject TEXT,
  body TEXT NOT NULL,
  body_format TEXT NOT NULL CHECK (body_format IN ('plaintext', 'html')),
  template TEXT,
  url TEXT,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, conversation_id) REFERENCES conversations (workspace_id, id)
    ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
) STRICT;
CREATE INDEX ix_messages_conversation ON messages (workspace_id, conversation_id);

CREATE TABLE conversations (
  workspace_id INTEGER NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  id INTEGER NOT NULL,
  message_id INTEGER NOT NULL,
  delivered_as TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('open', 'closed', 'snoozed')),
  open INTEGER NOT NULL GENERATED ALWAYS AS (state <> 'closed') VIRTUAL,
  read INTEGER NOT NULL DEFAULT 0,
  title TEXT,
  admin_assignee_id TEXT,
  team_assignee_id TEXT,
  waiting_since INTEGER,
  snoozed_until INTEGER,
  customer_first_reply_at INTEGER,
  last_author_type TEXT NOT NULL CHECK (last_author_type IN ('contact', 'admin', 'bot')),
  custom_attributes TEXT NOT NULL DEFAULT '{}',
  parts_count INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (workspace_id, id)
) STRICT;
CREATE INDEX ix_conversations_updated ON conversations (workspace_id, updated_at);
CREATE INDEX ix_conversations_created ON conversations (workspace_id, created_at);
CREATE INDEX ix_conversations_waiting ON conversations (workspace_id, waiting_since) WHERE waiting_since IS NOT NULL;
CREATE INDEX ix_conversations_open ON conversations (workspace_id, open, updated_at);
CREATE INDEX ix_conversations_unread ON conversations (workspace_id, read, updated_at);
CREATE INDEX ix_conversations_admin ON conversations (workspace_id, admin_assignee_id, open, updated_at);

-- The customers of each conversation. The columns a customer's conversations are filtered and sorted
-- by are copied here from the conversation (and kept in step by the store), so that listing one
-- customer's open conversations, newest first, reads one index range however many they have.
CREATE TABLE conversation_contacts (
  workspace_id INTEGER NOT NULL,
  conversation_id INTEGER NOT NULL,
  contact_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  open INTEGER NOT NULL,
  read INTEGER NOT NULL,
  waiting_since INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (workspace_id, conversation_id, contact_id),
  FOREIGN KEY (workspace_id, conversation_id) REFERENCES conversations (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, contact_id) REFERENCES contacts (workspace_id, id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;
CREATE INDEX ix_conversation_contacts_contact ON conversation_contacts (workspace_id, contact_id, open, updated_at);

CREATE TABLE conversation_parts (
  workspace_id INTEGER NOT NULL,
  id INTEGER NOT NULL,
  conversation_id INTEGER NOT NULL,
  part_type TEXT NOT NULL,
  body TEXT,
  body_format TEXT CHECK (body_format IN ('plaintext', 'html')),
  author_type TEXT NOT NULL CHECK (author_type IN ('contact', 'admin', 'bot')),
  author_id TEXT NOT NULL,
  assigned_to_type TEXT CHECK (assigned_to_type IN ('admin', 'team')),
  assigned_to_id TEXT,
  attachment_urls TEXT NOT NULL DEFAULT '[]',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  notified_at INTEGER NOT NULL,
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, conversation_id) REFERENCES conversations (workspace_id, id) ON DELETE CASCADE
) STRICT;
CREATE INDEX ix_conversation_parts_conversation ON conversation_parts (workspace_id, conversation_id, id);
`
