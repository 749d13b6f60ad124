/**
 * The 2.x contact list (users and leads, newest first) read in index order: through the role index it
 * sorted every live contact of the workspace for each page (about 2 s at 1M contacts). The index is
 * partial on `role <> 'visitor'` (and on live, unarchived contacts, as the list is), a condition only the list's statements state (the CHECK on role
 * makes it the same set as users and leads), so the planner never picks it for a search or a lookup
 * by email, which keep their own indexes.
 */
export const up = `
CREATE INDEX ix_contacts_list_order ON contacts (workspace_id, created_at, id) WHERE deleted_at IS NULL AND role <> 'visitor' AND archived = 0;
`
