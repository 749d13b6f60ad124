import type { Segment } from '../domain/types.js'
import type { SqliteDatabase } from './db.js'
import type { Criterion } from './search.js'

/** A segment as stored: its filter as written (the search DSL) and as the store evaluates it. */
export interface SegmentRecord extends Omit<Segment, 'count'> {
  filter: unknown
  criteria: Criterion
}

interface SegmentRow {
  id: string
  name: string
  person_type: Segment['personType']
  filter: string
  criteria: string
  created_at: number
  updated_at: number
}

const COLUMNS = 'id, name, person_type, filter, criteria, created_at, updated_at'

/** @internal */
export function prepareSegmentStatements (db: SqliteDatabase) {
  return {
    all: db.prepare<[number], SegmentRow>(`SELECT ${COLUMNS} FROM segments WHERE workspace_id = ? ORDER BY position`),
    byId: db.prepare<[number, string], SegmentRow>(`SELECT ${COLUMNS} FROM segments WHERE workspace_id = ? AND id = ?`),
    insert: db.prepare(`INSERT INTO segments (workspace_id, ${COLUMNS}, position) VALUES (@workspace_id, @id, @name, @person_type,
      @filter, @criteria, @created_at, @updated_at, @position)`)
  }
}

/** @internal */
export type SegmentStatements = ReturnType<typeof prepareSegmentStatements>

/** Segments of one workspace: they come from the fixtures; membership is evaluated live (contact-links.ts). */
export class SegmentStore {
  constructor (private readonly q: SegmentStatements, private readonly workspaceId: number) {}

  all (): SegmentRecord[] {
    return this.q.all.all(this.workspaceId).map(toRecord)
  }

  findById (id: string): SegmentRecord | null {
    const row = this.q.byId.get(this.workspaceId, id)
    return row === undefined ? null : toRecord(row)
  }

  insert (segment: SegmentRecord, position: number): void {
    this.q.insert.run({
      workspace_id: this.workspaceId,
      id: segment.id,
      name: segment.name,
      person_type: segment.personType,
      filter: JSON.stringify(segment.filter),
      criteria: JSON.stringify(segment.criteria),
      created_at: segment.createdAt,
      updated_at: segment.updatedAt,
      position
    })
  }
}

function toRecord (row: SegmentRow): SegmentRecord {
  return {
    id: row.id,
    name: row.name,
    personType: row.person_type,
    filter: JSON.parse(row.filter) as unknown,
    criteria: JSON.parse(row.criteria) as Criterion,
    createdAt: row.created_at,
    updatedAt: row.updated_at
  }
}
