/**
 * Webhooks: the app's client secret, subscriptions, the outbox of notifications (written in the same
 * transaction as the change that causes them) and the log of every delivery attempt.
 */
export const up = `
ALTER TABLE workspaces ADD COLUMN app_client_secret TEXT;

CREATE TABLE webhook_subscriptions (
  workspace_id INTEGER NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  url TEXT NOT NULL,
  topics TEXT NOT NULL,
  api_version TEXT NOT NULL,
  hub_secret TEXT,
  origin TEXT NOT NULL,
  iso_person_times INTEGER NOT NULL DEFAULT 1,
  faults TEXT NOT NULL DEFAULT '{}',
  active INTEGER NOT NULL DEFAULT 1,
  throttle_seconds INTEGER NOT NULL DEFAULT 0,
  throttled_until INTEGER,
  paused_until INTEGER,
  suspended INTEGER NOT NULL DEFAULT 0,
  error_streak INTEGER NOT NULL DEFAULT 0,
  error_streak_since INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (workspace_id, id)
) STRICT, WITHOUT ROWID;
CREATE INDEX ix_webhook_subscriptions_position ON webhook_subscriptions (workspace_id, position);

CREATE TABLE webhook_notifications (
  seq INTEGER PRIMARY KEY,
  workspace_id INTEGER NOT NULL,
  subscription_id TEXT NOT NULL,
  id TEXT NOT NULL,
  topic TEXT NOT NULL,
  item TEXT NOT NULL,
  status TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  retries_left INTEGER NOT NULL DEFAULT 1,
  next_attempt_at INTEGER NOT NULL,
  first_sent_at INTEGER,
  delivered_at INTEGER,
  failure TEXT,
  created_at INTEGER NOT NULL,
  FOREIGN KEY (workspace_id, subscription_id) REFERENCES webhook_subscriptions (workspace_id, id) ON DELETE CASCADE
) STRICT;
CREATE UNIQUE INDEX ix_webhook_notifications_id ON webhook_notifications (workspace_id, id);
CREATE INDEX ix_webhook_notifications_subscription ON webhook_notifications (workspace_id, subscription_id, seq);
CREATE INDEX ix_webhook_notifications_status ON webhook_notifications (workspace_id, subscription_id, status, seq);
CREATE INDEX ix_webhook_notifications_topic ON webhook_notifications (workspace_id, subscription_id, topic, seq);
CREATE INDEX ix_webhook_notifications_pending ON webhook_notifications (subscription_id, workspace_id, seq) WHERE status = 'pending';

CREATE TABLE webhook_attempts (
  workspace_id INTEGER NOT NULL,
  notification_seq INTEGER NOT NULL REFERENCES webhook_notifications (seq) ON DELETE CASCADE,
  attempt INTEGER NOT NULL,
  sent_at INTEGER NOT NULL,
  request TEXT NOT NULL,
  response TEXT,
  error TEXT,
  outcome TEXT NOT NULL,
  PRIMARY KEY (notification_seq, attempt)
) STRICT, WITHOUT ROWID;
`
