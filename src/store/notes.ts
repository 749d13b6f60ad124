import type { UnixSeconds } from '../domain/types.js'
import { toNumericId } from './conversations.js'
import type { SqliteDatabase } from './db.js'
import { boundLimit } from './values.js'

/** A note as stored: its author by id (the domain resolves the admin). */
export interface NoteRecord {
  id: string
  contactId: string
  adminId: string | null
  body: string
  createdAt: UnixSeconds
}

interface NoteRow {
  id: number
  contact_id: string
  admin_id: string | null
  body: string
  created_at: number
}

const COLUMNS = 'id, contact_id, admin_id, body, created_at'

/** @internal */
export function prepareNoteStatements (db: SqliteDatabase) {
  return {
    byId: db.prepare<[number, number], NoteRow>(`SELECT ${COLUMNS} FROM notes WHERE workspace_id = ? AND id = ?`),
    all: db.prepare<[number], NoteRow>(`SELECT ${COLUMNS} FROM notes WHERE workspace_id = ? ORDER BY id`),
    pageOfContact: db.prepare<[number, string, number, number], NoteRow>(`SELECT ${COLUMNS} FROM notes
      WHERE workspace_id = ? AND contact_id = ? ORDER BY created_at DESC, id DESC ${boundLimit('?')} OFFSET ?`),
    countOfContact: db.prepare<[number, string], { n: number }>('SELECT count(*) AS n FROM notes WHERE workspace_id = ? AND contact_id = ?'),
    insert: db.prepare<[number, number, string, string | null, string, number]>(`INSERT INTO notes
      (workspace_id, ${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)`)
  }
}

/** @internal */
export type NoteStatements = ReturnType<typeof prepareNoteStatements>

/** Admins' notes on the contacts of one workspace. */
export class NoteStore {
  constructor (private readonly q: NoteStatements, private readonly workspaceId: number) {}

  findById (id: string): NoteRecord | null {
    const numericId = toNumericId(id)
    const row = numericId === null ? undefined : this.q.byId.get(this.workspaceId, numericId)
    return row === undefined ? null : toRecord(row)
  }

  /** Every note of the workspace, oldest first (the state dump). */
  all (): NoteRecord[] {
    return this.q.all.all(this.workspaceId).map(toRecord)
  }

  /** A contact's notes, newest first. */
  pageOfContact (contactId: string, limit: number, offset: number): NoteRecord[] {
    return this.q.pageOfContact.all(this.workspaceId, contactId, limit, offset).map(toRecord)
  }

  countOfContact (contactId: string): number {
    return this.q.countOfContact.get(this.workspaceId, contactId)?.n ?? 0
  }

  insert (note: NoteRecord): void {
    this.q.insert.run(this.workspaceId, Number(note.id), note.contactId, note.adminId, note.body, note.createdAt)
  }
}

function toRecord (row: NoteRow): NoteRecord {
  return { id: String(row.id), contactId: row.contact_id, adminId: row.admin_id, body: row.body, createdAt: row.created_at }
}
