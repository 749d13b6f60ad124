/**
 * What conversations gained beyond the core: redaction marks, uploaded attachment files, the
 * assignment rule a workspace's fixtures declare, admins' away reasons, a conversation's company,
 * a contact's owner, and tickets (types, their attributes, states, tickets linked to conversations).
 * Every filter has an index.
 */
export const up = `
ALTER TABLE conversation_parts ADD COLUMN redacted INTEGER NOT NULL DEFAULT 0;
ALTER TABLE messages ADD COLUMN redacted INTEGER NOT NULL DEFAULT 0;
ALTER TABLE messages ADD COLUMN attachment_urls TEXT NOT NULL DEFAULT '[]';
ALTER TABLE conversations ADD COLUMN company_id TEXT;
ALTER TABLE contacts ADD COLUMN owner_id TEXT;
ALTER TABLE admins ADD COLUMN away_status_reason_id TEXT;

-- Files sent as base64 attachment_files, served back (without auth, as Intercom's upload URLs are)
-- at /__mock/attachments/{key}/{name}. The key is random, so the URL is the only way to reach it.
CREATE TABLE attachment_files (
  key TEXT NOT NULL PRIMARY KEY,
  workspace_id INTEGER NOT NULL,
  conversation_id INTEGER NOT NULL,
  owner_type TEXT NOT NULL CHECK (owner_type IN ('message', 'part')),
  owner_id INTEGER NOT NULL,
  position INTEGER NOT NULL,
  url TEXT NOT NULL,
  name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  filesize INTEGER NOT NULL,
  width INTEGER,
  height INTEGER,
  data BLOB NOT NULL,
  FOREIGN KEY (workspace_id, conversation_id) REFERENCES conversations (workspace_id, id) ON DELETE CASCADE
) STRICT;
CREATE INDEX ix_attachment_files_owner ON attachment_files (workspace_id, owner_type, owner_id, position);
CREATE INDEX ix_attachment_files_conversation ON attachment_files (workspace_id, conversation_id);

-- The assignee a workspace's assignment rules give a conversation (fixtures: assignment_rules).
CREATE TABLE assignment_rules (
  workspace_id INTEGER NOT NULL PRIMARY KEY REFERENCES workspaces (id) ON DELETE CASCADE,
  assignee_type TEXT NOT NULL CHECK (assignee_type IN ('admin', 'team')),
  assignee_id TEXT NOT NULL
) STRICT;

-- What teammates did (GET /admins/activity_logs): the mock records away-mode changes.
CREATE TABLE admin_activity_logs (
  workspace_id INTEGER NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  performed_by TEXT NOT NULL,
  activity_type TEXT NOT NULL,
  activity_description TEXT NOT NULL,
  metadata TEXT NOT NULL DEFAULT '{}',
  created_at INTEGER NOT NULL,
  PRIMARY KEY (workspace_id, id)
) STRICT;
CREATE INDEX ix_admin_activity_logs_created ON admin_activity_logs (workspace_id, created_at);

CREATE TABLE ticket_types (
  workspace_id INTEGER NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  icon TEXT NOT NULL DEFAULT '',
  category TEXT NOT NULL CHECK (category IN ('Customer', 'Back-office', 'Tracker')),
  archived INTEGER NOT NULL DEFAULT 0,
  attributes TEXT NOT NULL DEFAULT '[]',
  position INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (workspace_id, id)
) STRICT, WITHOUT ROWID;

CREATE TABLE ticket_states (
  workspace_id INTEGER NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  category TEXT NOT NULL CHECK (category IN ('submitted', 'in_progress', 'waiting_on_customer', 'resolved')),
  internal_label TEXT NOT NULL,
  external_label TEXT NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (workspace_id, id)
) STRICT, WITHOUT ROWID;

-- A ticket is a conversation with a type: it shares the conversation's id, parts and customers.
CREATE TABLE tickets (
  workspace_id INTEGER NOT NULL,
  conversation_id INTEGER NOT NULL,
  ticket_id TEXT NOT NULL,
  ticket_type_id TEXT NOT NULL,
  ticket_state_id TEXT NOT NULL,
  previous_state_id TEXT,
  attributes TEXT NOT NULL DEFAULT '{}',
  is_shared INTEGER NOT NULL DEFAULT 1,
  linked_conversation_id INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (workspace_id, conversation_id),
  FOREIGN KEY (workspace_id, conversation_id) REFERENCES conversations (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, ticket_type_id) REFERENCES ticket_types (workspace_id, id)
) STRICT, WITHOUT ROWID;
CREATE INDEX ix_tickets_linked ON tickets (workspace_id, linked_conversation_id) WHERE linked_conversation_id IS NOT NULL;
CREATE INDEX ix_tickets_type ON tickets (workspace_id, ticket_type_id);
CREATE INDEX ix_tickets_state ON tickets (workspace_id, ticket_state_id);
CREATE INDEX ix_tickets_updated ON tickets (workspace_id, updated_at);
`
