/**
 * The 2.x contact list (users and leads, newest first) read in index order: through the role index it
 * sorted every live contact of the workspace for each page (about 2 s at 1M contacts). Role is in the
 * index so that skipping to a deep page never reads the rows it passes.
 */
export const up = `
CREATE INDEX ix_contacts_list_order ON contacts (workspace_id, created_at, id, role) WHERE deleted_at IS NULL;
`
