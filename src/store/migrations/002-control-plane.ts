/**
 * The control plane's state of a workspace: its seed (everything the mock makes up derives from it),
 * its clock (real, frozen at a time, or offset from real time) and whether it was dropped (a reset
 * gives the token a fresh workspace; the dropped one's rows are purged in the background). Snoozed
 * conversations are found by the time they wake.
 */
export const up = `
ALTER TABLE workspaces ADD COLUMN seed TEXT NOT NULL DEFAULT 'intercom-mock';
ALTER TABLE workspaces ADD COLUMN clock_mode TEXT NOT NULL DEFAULT 'real' CHECK (clock_mode IN ('real', 'frozen', 'offset'));
ALTER TABLE workspaces ADD COLUMN clock_value INTEGER NOT NULL DEFAULT 0;
ALTER TABLE workspaces ADD COLUMN dropped INTEGER NOT NULL DEFAULT 0;
CREATE INDEX ix_workspaces_dropped ON workspaces (dropped) WHERE dropped = 1;
CREATE INDEX ix_conversations_snoozed ON conversations (workspace_id, snoozed_until) WHERE state = 'snoozed';
`
