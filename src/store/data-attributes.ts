import type { DataAttribute, DataAttributeModel } from '../domain/types.js'
import type { SqliteDatabase } from './db.js'
import { fromFlag, toFlag } from './values.js'

/** A custom attribute as stored (Intercom's own attributes are the domain's, never stored). */
export type CustomAttributeRecord = Omit<DataAttribute, 'id' | 'label' | 'apiWritable' | 'custom' | 'createdAt' | 'updatedAt'> & {
  id: number
  createdAt: number
  updatedAt: number
}

interface DataAttributeRow {
  id: number
  model: DataAttributeModel
  name: string
  description: string | null
  data_type: DataAttribute['dataType']
  options: string | null
  messenger_writable: number
  archived: number
  admin_id: string | null
  created_at: number
  updated_at: number
}

const COLUMNS = 'id, model, name, description, data_type, options, messenger_writable, archived, admin_id, created_at, updated_at'

/** @internal */
export function prepareDataAttributeStatements (db: SqliteDatabase) {
  return {
    all: db.prepare<[number], DataAttributeRow>(`SELECT ${COLUMNS} FROM data_attributes WHERE workspace_id = ? ORDER BY id`),
    byId: db.prepare<[number, number], DataAttributeRow>(`SELECT ${COLUMNS} FROM data_attributes WHERE workspace_id = ? AND id = ?`),
    byName: db.prepare<[number, string, string], DataAttributeRow>(`SELECT ${COLUMNS} FROM data_attributes
      WHERE workspace_id = ? AND model = ? AND name = ?`),
    insert: db.prepare(`INSERT INTO data_attributes (workspace_id, ${COLUMNS}) VALUES (@workspace_id, @id, @model, @name,
      @description, @data_type, @options, @messenger_writable, @archived, @admin_id, @created_at, @updated_at)`),
    update: db.prepare(`UPDATE data_attributes SET description = @description, options = @options,
      messenger_writable = @messenger_writable, archived = @archived, updated_at = @updated_at
      WHERE workspace_id = @workspace_id AND id = @id`)
  }
}

/** @internal */
export type DataAttributeStatements = ReturnType<typeof prepareDataAttributeStatements>

/** The custom data attributes of one workspace (contacts', companies' and conversations'). */
export class DataAttributeStore {
  constructor (private readonly q: DataAttributeStatements, private readonly workspaceId: number) {}

  all (): CustomAttributeRecord[] {
    return this.q.all.all(this.workspaceId).map(toRecord)
  }

  findById (id: number): CustomAttributeRecord | null {
    const row = this.q.byId.get(this.workspaceId, id)
    return row === undefined ? null : toRecord(row)
  }

  findByName (model: DataAttributeModel, name: string): CustomAttributeRecord | null {
    const row = this.q.byName.get(this.workspaceId, model, name)
    return row === undefined ? null : toRecord(row)
  }

  insert (attribute: CustomAttributeRecord): void {
    this.q.insert.run(toRow(this.workspaceId, attribute))
  }

  update (attribute: CustomAttributeRecord): void {
    this.q.update.run(toRow(this.workspaceId, attribute))
  }
}

function toRecord (row: DataAttributeRow): CustomAttributeRecord {
  return {
    id: row.id,
    model: row.model,
    name: row.name,
    description: row.description,
    dataType: row.data_type,
    options: row.options === null ? null : JSON.parse(row.options) as string[],
    messengerWritable: fromFlag(row.messenger_writable),
    archived: fromFlag(row.archived),
    adminId: row.admin_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at
  }
}

function toRow (workspaceId: number, a: CustomAttributeRecord) {
  return {
    workspace_id: workspaceId,
    id: a.id,
    model: a.model,
    name: a.name,
    description: a.description,
    data_type: a.dataType,
    options: a.options === null ? null : JSON.stringify(a.options),
    messenger_writable: toFlag(a.messengerWritable),
    archived: toFlag(a.archived),
    admin_id: a.adminId,
    created_at: a.createdAt,
    updated_at: a.updatedAt
  }
}
