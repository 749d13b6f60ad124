import type { Statement } from 'better-sqlite3'
import type { SqliteDatabase } from './db.js'

/** Rows deleted per step: small enough that a step never holds the database for more than a few milliseconds. */
export const PURGE_BATCH = 100

/**
 * Deletes the rows of dropped workspaces a batch at a time, the big tables first, then the workspace
 * row itself (whose cascade takes what is left: admins, teams, sequences, and any table that does
 * not list itself here).
 */
export function preparePurge (db: SqliteDatabase) {
  const batch = (table: string, key: string): Statement<[number, number]> => db.prepare(`DELETE FROM ${table}
    WHERE (${key}) IN (SELECT ${key} FROM ${table} WHERE workspace_id = ? LIMIT ?)`)
  const steps = [
    batch('conversation_parts', 'rowid'),
    batch('conversation_contacts', 'workspace_id, conversation_id, contact_id'),
    batch('messages', 'rowid'),
    batch('conversations', 'rowid'),
    batch('contacts', 'rowid')
  ]
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
