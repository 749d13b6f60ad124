import type { SqliteDatabase } from './db.js'
import { boundLimit } from './values.js'

export interface ActivityLogRecord {
  id: string
  performedBy: string
  activityType: string
  activityDescription: string
  metadata: Record<string, unknown>
  createdAt: number
}

interface ActivityLogRow {
  id: string
  performed_by: string
  activity_type: string
  activity_description: string
  metadata: string
  created_at: number
}

const WINDOW = 'workspace_id = @workspace_id AND created_at > @after AND created_at < @before'

/** @internal */
export function prepareActivityLogStatements (db: SqliteDatabase) {
  return {
    insert: db.prepare(`INSERT INTO admin_activity_logs (workspace_id, id, performed_by, activity_type, activity_description, metadata,
      created_at) VALUES (@workspace_id, @id, @performed_by, @activity_type, @activity_description, @metadata, @created_at)`),
    page: db.prepare(`SELECT id, performed_by, activity_type, activity_description, metadata, created_at FROM admin_activity_logs
      WHERE ${WINDOW} ORDER BY created_at DESC, rowid DESC ${boundLimit('@limit')} OFFSET @offset`),
    count: db.prepare(`SELECT count(*) AS n FROM admin_activity_logs WHERE ${WINDOW}`)
  }
}

/** @internal */
export type ActivityLogStatements = ReturnType<typeof prepareActivityLogStatements>

/** Teammates' recorded activity, newest first. */
export class ActivityLogStore {
  constructor (private readonly q: ActivityLogStatements, private readonly workspaceId: number) {}

  insert (log: ActivityLogRecord): void {
    this.q.insert.run({
      workspace_id: this.workspaceId,
      id: log.id,
      performed_by: log.performedBy,
      activity_type: log.activityType,
      activity_description: log.activityDescription,
      metadata: JSON.stringify(log.metadata),
      created_at: log.createdAt
    })
  }

  /** Logs created strictly between `after` and `before`. */
  page (window: { after: number, before: number }, limit: number, offset: number): ActivityLogRecord[] {
    const rows = this.q.page.all({ workspace_id: this.workspaceId, ...window, limit, offset }) as ActivityLogRow[]
    return rows.map(row => ({
      id: row.id,
      performedBy: row.performed_by,
      activityType: row.activity_type,
      activityDescription: row.activity_description,
      metadata: JSON.parse(row.metadata) as Record<string, unknown>,
      createdAt: row.created_at
    }))
  }

  count (window: { after: number, before: number }): number {
    return (this.q.count.get({ workspace_id: this.workspaceId, ...window }) as { n: number }).n
  }
}
