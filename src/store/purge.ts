import type { Statement } from 'better-sqlite3'
import type { SqliteDatabase } from './db.js'
import { boundLimit } from './values.js'

/** Rows deleted per step: small enough that a step never holds the database for more than a few milliseconds. */
export const PURGE_BATCH = 100

/**
 * Deletes the rows of dropped workspaces a batch at a time, the big tables first, then the workspace
 * row itself (whose cascade takes what is left: admins, teams, sequences, and any table that does
 * not list itself here).
 */
export function preparePurge (db: SqliteDatabase) {
  // By rowid through each table's workspace index; a conversation's customer links and a notification's
  // delivery attempts go with it (cascade), as do the link tables without rowids (tags, companies and
  // subscription choices of contacts, conversations' tags and tickets, event summaries) with the rows they link.
  const batch = (table: string): Statement<[number, number]> => db.prepare(`DELETE FROM ${table}
    WHERE rowid IN (SELECT rowid FROM ${table} WHERE workspace_id = ? ${boundLimit('?')})`)
  const steps = [
    'webhook_notifications', 'attachment_files', 'conversation_parts', 'events', 'notes', 'messages', 'conversations', 'contacts', 'companies',
    'tags', 'data_attributes', 'admin_activity_logs'
  ].map(batch)
  const nextDropped = db.prepare<[], { id: number }>('SELECT id FROM workspaces WHERE dropped = 1 ORDER BY id LIMIT 1')
  const deleteWorkspace = db.prepare<[number]>('DELETE FROM workspaces WHERE id = ? AND dropped = 1')
  return {
    /** One bounded step of purging; false once no dropped workspace is left. */
    step (): boolean {
      const dropped = nextDropped.get()
      if (dropped === undefined) return false
      for (const statement of steps) {
        if (statement.run(dropped.id, PURGE_BATCH).changes > 0) return true
      }
      deleteWorkspace.run(dropped.id)
      return true
    }
  }
}
