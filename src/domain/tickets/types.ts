import type { Conversation, UnixSeconds } from '../types.js'

export type TicketCategory = 'Customer' | 'Back-office' | 'Tracker'
export type TicketStateCategory = 'submitted' | 'in_progress' | 'waiting_on_customer' | 'resolved'
export type TicketAttributeDataType = 'string' | 'list' | 'integer' | 'decimal' | 'boolean' | 'datetime' | 'files'

export interface TicketTypeAttribute {
  id: string
  name: string
  description: string
  dataType: TicketAttributeDataType
  /** `list` attributes: the labels a value may take; `string`: `multiline`. */
  inputOptions: Record<string, unknown>
  order: number
  requiredToCreate: boolean
  requiredToCreateForContacts: boolean
  visibleOnCreate: boolean
  visibleToContacts: boolean
  /** `_default_title_` and `_default_description_`, which every type has. */
  isDefault: boolean
  archived: boolean
}

export interface TicketType {
  id: string
  name: string
  description: string
  icon: string
  category: TicketCategory
  archived: boolean
  attributes: TicketTypeAttribute[]
  createdAt: UnixSeconds
  updatedAt: UnixSeconds
}

export interface TicketState {
  id: string
  category: TicketStateCategory
  internalLabel: string
  externalLabel: string
}

/** What a conversation knows of the ticket it is, or of tickets linked to it. */
export interface TicketLink {
  /** The ticket's id: the id of the conversation it is. */
  id: string
  ticketNumber: string
  category: TicketCategory
}

/** A ticket: a conversation with a type, a state and attributes. */
export interface Ticket {
  id: string
  ticketNumber: string
  type: TicketType
  state: TicketState
  previousStateId: string | null
  attributes: Record<string, unknown>
  isShared: boolean
  createdAt: UnixSeconds
  updatedAt: UnixSeconds
  conversation: Conversation
  /** Conversations linked to the ticket (`conversation_to_link_id`). */
  linkedConversationIds: string[]
}
