/**
 * Counts that lists answer `total_count` with, kept by triggers in the statement that changes them, so
 * they can never disagree with the rows (issue 12: counting a million contacts took 300 ms a page).
 *
 * - `contact_counts`: live (not deleted) contacts of a workspace by role and archived flag. The update
 *   trigger names only the columns that move a contact between counts, so a message marking its
 *   sender (`last_replied_at`, `updated_at`) never runs it.
 * - `contact_conversation_counts`: the conversations a contact is a customer of (rows of
 *   `conversation_contacts`), what a search on `contact_ids =` counts.
 *
 * A count is raised by an upsert and lowered by an UPDATE: a row being deleted was counted, so its
 * count row exists, unless the workspace's cascade took the count rows first (an upsert would then
 * write a row for a workspace that is gone). A contact's conversations are also listed by creation,
 * through `ix_conversation_contacts_created`.
 */
export const up = `
CREATE TABLE contact_counts (
  workspace_id INTEGER NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  role TEXT NOT NULL,
  archived INTEGER NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (workspace_id, role, archived)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER contact_counts_insert AFTER INSERT ON contacts WHEN new.deleted_at IS NULL BEGIN
  INSERT INTO contact_counts (workspace_id, role, archived, n) VALUES (new.workspace_id, new.role, new.archived, 1)
    ON CONFLICT (workspace_id, role, archived) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER contact_counts_delete AFTER DELETE ON contacts WHEN old.deleted_at IS NULL BEGIN
  UPDATE contact_counts SET n = n - 1 WHERE workspace_id = old.workspace_id AND role = old.role AND archived = old.archived;
END;
CREATE TRIGGER contact_counts_update AFTER UPDATE OF role, archived, deleted_at ON contacts
  WHEN old.role IS NOT new.role OR old.archived IS NOT new.archived OR old.deleted_at IS NOT new.deleted_at BEGIN
  UPDATE contact_counts SET n = n - 1 WHERE old.deleted_at IS NULL
    AND workspace_id = old.workspace_id AND role = old.role AND archived = old.archived;
  INSERT INTO contact_counts (workspace_id, role, archived, n) SELECT new.workspace_id, new.role, new.archived, 1 WHERE new.deleted_at IS NULL
    ON CONFLICT (workspace_id, role, archived) DO UPDATE SET n = n + 1;
END;
INSERT INTO contact_counts (workspace_id, role, archived, n)
  SELECT workspace_id, role, archived, count(*) FROM contacts WHERE deleted_at IS NULL GROUP BY workspace_id, role, archived;

CREATE TABLE contact_conversation_counts (
  workspace_id INTEGER NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  contact_id TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (workspace_id, contact_id)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER contact_conversation_counts_insert AFTER INSERT ON conversation_contacts BEGIN
  INSERT INTO contact_conversation_counts (workspace_id, contact_id, n) VALUES (new.workspace_id, new.contact_id, 1)
    ON CONFLICT (workspace_id, contact_id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER contact_conversation_counts_delete AFTER DELETE ON conversation_contacts BEGIN
  UPDATE contact_conversation_counts SET n = n - 1 WHERE workspace_id = old.workspace_id AND contact_id = old.contact_id;
END;
CREATE TRIGGER contact_conversation_counts_update AFTER UPDATE OF workspace_id, contact_id ON conversation_contacts BEGIN
  UPDATE contact_conversation_counts SET n = n - 1 WHERE workspace_id = old.workspace_id AND contact_id = old.contact_id;
  INSERT INTO contact_conversation_counts (workspace_id, contact_id, n) VALUES (new.workspace_id, new.contact_id, 1)
    ON CONFLICT (workspace_id, contact_id) DO UPDATE SET n = n + 1;
END;
INSERT INTO contact_conversation_counts (workspace_id, contact_id, n)
  SELECT workspace_id, contact_id, count(*) FROM conversation_contacts GROUP BY workspace_id, contact_id;

CREATE INDEX ix_conversation_contacts_created ON conversation_contacts (workspace_id, contact_id, created_at);
`
