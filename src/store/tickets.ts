import type { TicketState, TicketType } from '../domain/tickets/types.js'
import type { SqliteDatabase } from './db.js'
import { fromFlag, IDS_JOIN, idList, toFlag } from './values.js'

export interface TicketRecord {
  conversationId: string
  ticketNumber: string
  ticketTypeId: string
  ticketStateId: string
  previousStateId: string | null
  attributes: Record<string, unknown>
  isShared: boolean
  linkedConversationId: string | null
  createdAt: number
  updatedAt: number
}

interface TicketRow {
  conversation_id: number
  ticket_id: string
  ticket_type_id: string
  ticket_state_id: string
  previous_state_id: string | null
  attributes: string
  is_shared: number
  linked_conversation_id: number | null
  created_at: number
  updated_at: number
}

interface TicketTypeRow {
  id: string
  name: string
  description: string
  icon: string
  category: TicketType['category']
  archived: number
  attributes: string
  created_at: number
  updated_at: number
}

const TICKET_COLUMNS = 'conversation_id, ticket_id, ticket_type_id, ticket_state_id, previous_state_id, attributes, is_shared, linked_conversation_id, created_at, updated_at'
const TYPE_COLUMNS = 'id, name, description, icon, category, archived, attributes, created_at, updated_at'

/** @internal */
export function prepareTicketStatements (db: SqliteDatabase) {
  return {
    allTypes: db.prepare<[number], TicketTypeRow>(`SELECT ${TYPE_COLUMNS} FROM ticket_types WHERE workspace_id = ? ORDER BY position`),
    typeById: db.prepare<[number, string], TicketTypeRow>(`SELECT ${TYPE_COLUMNS} FROM ticket_types WHERE workspace_id = ? AND id = ?`),
    insertType: db.prepare(`INSERT INTO ticket_types (workspace_id, ${TYPE_COLUMNS}, position) VALUES (@workspace_id, @id, @name,
      @description, @icon, @category, @archived, @attributes, @created_at, @updated_at, @position)`),
    allStates: db.prepare<[number], { id: string, category: TicketState['category'], internal_label: string, external_label: string }>(`SELECT id,
      category, internal_label, external_label FROM ticket_states WHERE workspace_id = ? ORDER BY position`),
    insertState: db.prepare(`INSERT INTO ticket_states (workspace_id, id, category, internal_label, external_label, position)
      VALUES (?, ?, ?, ?, ?, ?)`),
    byConversationIds: db.prepare<[number, string], TicketRow>(`SELECT ${TICKET_COLUMNS} FROM ${IDS_JOIN} tickets
      WHERE workspace_id = ids.listed_in AND conversation_id = ids.listed_id`),
    linkedTo: db.prepare<[number, string], TicketRow>(`SELECT ${TICKET_COLUMNS} FROM ${IDS_JOIN} tickets INDEXED BY ix_tickets_linked
      WHERE workspace_id = ids.listed_in AND linked_conversation_id = ids.listed_id`),
    insert: db.prepare(`INSERT INTO tickets (workspace_id, ${TICKET_COLUMNS}) VALUES (@workspace_id, @conversation_id, @ticket_id,
      @ticket_type_id, @ticket_state_id, @previous_state_id, @attributes, @is_shared, @linked_conversation_id, @created_at, @updated_at)`),
    update: db.prepare(`UPDATE tickets SET ticket_type_id = @ticket_type_id, ticket_state_id = @ticket_state_id,
      previous_state_id = @previous_state_id, attributes = @attributes, is_shared = @is_shared,
      linked_conversation_id = @linked_conversation_id, updated_at = @updated_at
      WHERE workspace_id = @workspace_id AND conversation_id = @conversation_id`)
  }
}

/** @internal */
export type TicketStatements = ReturnType<typeof prepareTicketStatements>

/** Ticket types and states (from the fixtures) and the tickets of one workspace. */
export class TicketStore {
  constructor (private readonly q: TicketStatements, private readonly workspaceId: number) {}

  allTypes (): TicketType[] {
    return this.q.allTypes.all(this.workspaceId).map(toType)
  }

  typeById (id: string): TicketType | null {
    const row = this.q.typeById.get(this.workspaceId, id)
    return row === undefined ? null : toType(row)
  }

  insertType (type: TicketType, position: number): void {
    this.q.insertType.run({
      workspace_id: this.workspaceId,
      id: type.id,
      name: type.name,
      description: type.description,
      icon: type.icon,
      category: type.category,
      archived: toFlag(type.archived),
      attributes: JSON.stringify(type.attributes),
      created_at: type.createdAt,
      updated_at: type.updatedAt,
      position
    })
  }

  allStates (): TicketState[] {
    return this.q.allStates.all(this.workspaceId).map(row => ({ id: row.id, category: row.category, internalLabel: row.internal_label, externalLabel: row.external_label }))
  }

  insertState (state: TicketState, position: number): void {
    this.q.insertState.run(this.workspaceId, state.id, state.category, state.internalLabel, state.externalLabel, position)
  }

  /** The tickets that are these conversations. */
  byConversationIds (ids: readonly string[]): Map<string, TicketRecord> {
    const tickets = new Map<string, TicketRecord>()
    if (ids.length === 0) return tickets
    for (const row of this.q.byConversationIds.all(this.workspaceId, idList(ids, true))) tickets.set(String(row.conversation_id), toRecord(row))
    return tickets
  }

  /** Tickets linked to each of these conversations. */
  linkedTo (conversationIds: readonly string[]): TicketRecord[] {
    if (conversationIds.length === 0) return []
    return this.q.linkedTo.all(this.workspaceId, idList(conversationIds, true)).map(toRecord)
  }

  insert (ticket: TicketRecord): void {
    this.q.insert.run(toRow(this.workspaceId, ticket))
  }

  update (ticket: TicketRecord): void {
    this.q.update.run(toRow(this.workspaceId, ticket))
  }
}

function toType (row: TicketTypeRow): TicketType {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    icon: row.icon,
    category: row.category,
    archived: fromFlag(row.archived),
    attributes: JSON.parse(row.attributes) as TicketType['attributes'],
    createdAt: row.created_at,
    updatedAt: row.updated_at
  }
}

function toRecord (row: TicketRow): TicketRecord {
  return {
    conversationId: String(row.conversation_id),
    ticketNumber: row.ticket_id,
    ticketTypeId: row.ticket_type_id,
    ticketStateId: row.ticket_state_id,
    previousStateId: row.previous_state_id,
    attributes: JSON.parse(row.attributes) as Record<string, unknown>,
    isShared: fromFlag(row.is_shared),
    linkedConversationId: row.linked_conversation_id === null ? null : String(row.linked_conversation_id),
    createdAt: row.created_at,
    updatedAt: row.updated_at
  }
}

function toRow (workspaceId: number, t: TicketRecord) {
  return {
    workspace_id: workspaceId,
    conversation_id: Number(t.conversationId),
    ticket_id: t.ticketNumber,
    ticket_type_id: t.ticketTypeId,
    ticket_state_id: t.ticketStateId,
    previous_state_id: t.previousStateId,
    attributes: JSON.stringify(t.attributes),
    is_shared: toFlag(t.isShared),
    linked_conversation_id: t.linkedConversationId === null ? null : Number(t.linkedConversationId),
    created_at: t.createdAt,
    updated_at: t.updatedAt
  }
}
