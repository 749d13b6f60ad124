import type { EventSummary, UnixSeconds } from '../domain/types.js'
import type { SqliteDatabase } from './db.js'
import { boundLimit } from './values.js'

/** A data event as stored: its contact by id. */
export interface EventRecord {
  id: string
  contactId: string
  eventName: string
  createdAt: UnixSeconds
  metadata: Record<string, unknown>
}

interface EventRow {
  id: string
  contact_id: string
  event_name: string
  created_at: number
  metadata: string
}

/** @internal */
export function prepareEventStatements (db: SqliteDatabase) {
  return {
    insert: db.prepare<[number, string, string, string, number, string]>(`INSERT INTO events
      (workspace_id, id, contact_id, event_name, created_at, metadata) VALUES (?, ?, ?, ?, ?, ?)`),
    pageOfContact: db.prepare<[number, string, number, number], EventRow>(`SELECT id, contact_id, event_name, created_at, metadata
      FROM events WHERE workspace_id = ? AND contact_id = ? ORDER BY created_at DESC, rowid DESC ${boundLimit('?')} OFFSET ?`),
    countOfContact: db.prepare<[number, string], { n: number }>('SELECT count(*) AS n FROM events WHERE workspace_id = ? AND contact_id = ?'),
    all: db.prepare<[number], EventRow>('SELECT id, contact_id, event_name, created_at, metadata FROM events WHERE workspace_id = ? ORDER BY rowid'),
    addToSummary: db.prepare(`INSERT INTO event_summaries (workspace_id, contact_id, event_name, count, first_at, last_at)
      VALUES (@workspace_id, @contact_id, @event_name, @count, @first, @last) ON CONFLICT (workspace_id, contact_id, event_name)
      DO UPDATE SET count = count + excluded.count, first_at = min(first_at, excluded.first_at), last_at = max(last_at, excluded.last_at)`),
    summariesOf: db.prepare<[number, string], { event_name: string, count: number, first_at: number, last_at: number }>(`SELECT
      event_name, count, first_at, last_at FROM event_summaries WHERE workspace_id = ? AND contact_id = ? ORDER BY event_name`)
  }
}

/** @internal */
export type EventStatements = ReturnType<typeof prepareEventStatements>

/** Data events of one workspace's contacts, and per contact and name how often and when. */
export class EventStore {
  constructor (private readonly q: EventStatements, private readonly workspaceId: number) {}

  insert (event: EventRecord): void {
    this.q.insert.run(this.workspaceId, event.id, event.contactId, event.eventName, event.createdAt, JSON.stringify(event.metadata))
  }

  /** A contact's events, newest first. */
  pageOfContact (contactId: string, limit: number, offset: number): EventRecord[] {
    return this.q.pageOfContact.all(this.workspaceId, contactId, limit, offset).map(toRecord)
  }

  /** Every event of the workspace in the order recorded (the state dump). */
  all (): EventRecord[] {
    return this.q.all.all(this.workspaceId).map(toRecord)
  }

  countOfContact (contactId: string): number {
    return this.q.countOfContact.get(this.workspaceId, contactId)?.n ?? 0
  }

  /** Counts `summary.count` more occurrences of the event, widening its first and last times. */
  addToSummary (contactId: string, summary: EventSummary): void {
    this.q.addToSummary.run({ workspace_id: this.workspaceId, contact_id: contactId, event_name: summary.name, ...summary })
  }

  summariesOf (contactId: string): EventSummary[] {
    return this.q.summariesOf.all(this.workspaceId, contactId)
      .map(row => ({ name: row.event_name, count: row.count, first: row.first_at, last: row.last_at }))
  }
}

function toRecord (row: EventRow): EventRecord {
  return {
    id: row.id,
    contactId: row.contact_id,
    eventName: row.event_name,
    createdAt: row.created_at,
    metadata: JSON.parse(row.metadata) as Record<string, unknown>
  }
}
