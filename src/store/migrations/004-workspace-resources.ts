/**
 * Tags, notes, companies, segments, data attributes, data events and subscription types, and the
 * archived/blocked state of contacts (issue #13). Every table belongs to a workspace, and every filter
 * the API offers over them has an index.
 */
export const up = `
ALTER TABLE contacts ADD COLUMN archived INTEGER NOT NULL DEFAULT 0;
ALTER TABLE contacts ADD COLUMN blocked INTEGER NOT NULL DEFAULT 0;
DROP INDEX ix_contacts_role_created;
CREATE INDEX ix_contacts_role_created ON contacts (workspace_id, role, archived, created_at) WHERE deleted_at IS NULL;

CREATE TABLE tags (
  workspace_id INTEGER NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  id INTEGER NOT NULL,
  name TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (workspace_id, id)
) STRICT;
CREATE UNIQUE INDEX ix_tags_name ON tags (workspace_id, name);

CREATE TABLE contact_tags (
  workspace_id INTEGER NOT NULL,
  contact_id TEXT NOT NULL,
  tag_id INTEGER NOT NULL,
  applied_at INTEGER NOT NULL,
  applied_by_admin_id TEXT,
  PRIMARY KEY (workspace_id, contact_id, tag_id),
  FOREIGN KEY (workspace_id, contact_id) REFERENCES contacts (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, tag_id) REFERENCES tags (workspace_id, id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;
CREATE INDEX ix_contact_tags_tag ON contact_tags (workspace_id, tag_id);

CREATE TABLE conversation_tags (
  workspace_id INTEGER NOT NULL,
  conversation_id INTEGER NOT NULL,
  tag_id INTEGER NOT NULL,
  applied_at INTEGER NOT NULL,
  applied_by_admin_id TEXT,
  PRIMARY KEY (workspace_id, conversation_id, tag_id),
  FOREIGN KEY (workspace_id, conversation_id) REFERENCES conversations (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, tag_id) REFERENCES tags (workspace_id, id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;
CREATE INDEX ix_conversation_tags_tag ON conversation_tags (workspace_id, tag_id);

CREATE TABLE notes (
  workspace_id INTEGER NOT NULL,
  id INTEGER NOT NULL,
  contact_id TEXT NOT NULL,
  admin_id TEXT,
  body TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, contact_id) REFERENCES contacts (workspace_id, id) ON DELETE CASCADE
) STRICT;
CREATE INDEX ix_notes_contact ON notes (workspace_id, contact_id, created_at);

CREATE TABLE companies (
  workspace_id INTEGER NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  company_id TEXT NOT NULL,
  name TEXT,
  plan TEXT,
  size INTEGER,
  website TEXT,
  industry TEXT,
  monthly_spend REAL NOT NULL DEFAULT 0,
  custom_attributes TEXT NOT NULL DEFAULT '{}',
  remote_created_at INTEGER,
  last_request_at INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (workspace_id, id)
) STRICT;
CREATE UNIQUE INDEX ix_companies_company_id ON companies (workspace_id, company_id);
CREATE INDEX ix_companies_name ON companies (workspace_id, name);
CREATE INDEX ix_companies_created ON companies (workspace_id, created_at);

CREATE TABLE company_contacts (
  workspace_id INTEGER NOT NULL,
  company_id TEXT NOT NULL,
  contact_id TEXT NOT NULL,
  attached_at INTEGER NOT NULL,
  PRIMARY KEY (workspace_id, contact_id, company_id),
  FOREIGN KEY (workspace_id, company_id) REFERENCES companies (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, contact_id) REFERENCES contacts (workspace_id, id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;
CREATE INDEX ix_company_contacts_company ON company_contacts (workspace_id, company_id, attached_at);

CREATE TABLE company_tags (
  workspace_id INTEGER NOT NULL,
  company_id TEXT NOT NULL,
  tag_id INTEGER NOT NULL,
  applied_at INTEGER NOT NULL,
  PRIMARY KEY (workspace_id, company_id, tag_id),
  FOREIGN KEY (workspace_id, company_id) REFERENCES companies (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, tag_id) REFERENCES tags (workspace_id, id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;
CREATE INDEX ix_company_tags_tag ON company_tags (workspace_id, tag_id);

-- A segment's filter as written (the search DSL) and as the store evaluates it (search criteria).
CREATE TABLE segments (
  workspace_id INTEGER NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  person_type TEXT NOT NULL CHECK (person_type IN ('user', 'contact')),
  filter TEXT NOT NULL,
  criteria TEXT NOT NULL,
  position INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (workspace_id, id)
) STRICT, WITHOUT ROWID;

CREATE TABLE data_attributes (
  workspace_id INTEGER NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  id INTEGER NOT NULL,
  model TEXT NOT NULL CHECK (model IN ('contact', 'company', 'conversation')),
  name TEXT NOT NULL,
  description TEXT,
  data_type TEXT NOT NULL,
  options TEXT,
  messenger_writable INTEGER NOT NULL DEFAULT 0,
  archived INTEGER NOT NULL DEFAULT 0,
  admin_id TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (workspace_id, id)
) STRICT;
CREATE UNIQUE INDEX ix_data_attributes_name ON data_attributes (workspace_id, model, name);

CREATE TABLE events (
  workspace_id INTEGER NOT NULL,
  id TEXT NOT NULL,
  contact_id TEXT NOT NULL,
  event_name TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  metadata TEXT NOT NULL DEFAULT '{}',
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, contact_id) REFERENCES contacts (workspace_id, id) ON DELETE CASCADE
) STRICT;
CREATE INDEX ix_events_contact ON events (workspace_id, contact_id, created_at);

-- Per contact and event name: how often and when first and last (events, and POST /events/summaries).
CREATE TABLE event_summaries (
  workspace_id INTEGER NOT NULL,
  contact_id TEXT NOT NULL,
  event_name TEXT NOT NULL,
  count INTEGER NOT NULL,
  first_at INTEGER NOT NULL,
  last_at INTEGER NOT NULL,
  PRIMARY KEY (workspace_id, contact_id, event_name),
  FOREIGN KEY (workspace_id, contact_id) REFERENCES contacts (workspace_id, id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

CREATE TABLE subscription_types (
  workspace_id INTEGER NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  locale TEXT NOT NULL,
  consent_type TEXT NOT NULL CHECK (consent_type IN ('opt_in', 'opt_out')),
  state TEXT NOT NULL CHECK (state IN ('live', 'draft', 'archived')),
  content_types TEXT NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (workspace_id, id)
) STRICT, WITHOUT ROWID;

-- A contact's explicit choice for a subscription type; without a row the type's consent_type applies.
CREATE TABLE contact_subscriptions (
  workspace_id INTEGER NOT NULL,
  contact_id TEXT NOT NULL,
  subscription_type_id TEXT NOT NULL,
  consent TEXT NOT NULL CHECK (consent IN ('opt_in', 'opt_out')),
  PRIMARY KEY (workspace_id, contact_id, subscription_type_id),
  FOREIGN KEY (workspace_id, contact_id) REFERENCES contacts (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, subscription_type_id) REFERENCES subscription_types (workspace_id, id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;
`
