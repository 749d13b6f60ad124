import type { TicketRecord } from '../../store/tickets.js'
import type { AttachmentLimits } from '../attachments.js'
import type { DomainContext } from '../context.js'
import { viewConversation } from '../conversation-view.js'
import { errors } from '../errors.js'
import { insertLeadWithEmail, lookupContact, type Identifier } from '../people.js'
import { findAdmin, findAssignee, findConversationRecord } from '../references.js'
import { replyConversation, type ReplyInput } from '../replies.js'
import { startConversation } from '../start-conversation.js'
import type { ConversationPart } from '../types.js'
import { checkTicketAttributes, DEFAULT_DESCRIPTION, DEFAULT_TITLE } from './attributes.js'
import type { Ticket, TicketState, TicketType } from './types.js'

export function listTicketTypes (ctx: DomainContext): TicketType[] {
  return ctx.store.tickets.allTypes()
}

export function retrieveTicketType (ctx: DomainContext, id: string): TicketType {
  const type = ctx.store.tickets.typeById(id)
  if (type === null) throw errors.notFound('Resource')
  return type
}

/** The workspace's ticket states, which every ticket type uses. */
export function listTicketStates (ctx: DomainContext): { states: TicketState[], types: TicketType[] } {
  return { states: ctx.store.tickets.allStates(), types: ctx.store.tickets.allTypes() }
}

/** `POST /tickets`: one contact (by `id`, `external_id` or `email`; a new email becomes a lead). */
export interface CreateTicketInput {
  ticketTypeId: string
  contacts: Array<{ id?: string | undefined, externalId?: string | undefined, email?: string | undefined }>
  attributes?: Record<string, unknown> | undefined
  /** 2.11+. */
  createdAt?: number | undefined
  /** 2.14+: a conversation the new ticket is linked to (both list the other in `linked_objects`). */
  conversationToLinkId?: string | undefined
}

/**
 * Creates a ticket: a conversation of the contact's, opened by a message that is the ticket's
 * description (or title), with the type's first `submitted` state and checked attributes.
 */
export function createTicket (ctx: DomainContext, input: CreateTicketInput): Ticket {
  if (input.contacts.length !== 1) throw errors.parameterInvalid('contacts must hold exactly one contact', 'contacts')
  const identifier = ticketContactIdentifier(input.contacts[0] ?? {})
  return ctx.store.transaction(() => {
    const type = usableType(ctx, input.ticketTypeId)
    const attributes = checkTicketAttributes(type, input.attributes, { creating: true })
    if (input.conversationToLinkId !== undefined) findConversationRecord(ctx, input.conversationToLinkId)
    const existing = lookupContact(ctx, identifier, ['user', 'lead'])
    if (existing === null && identifier.by !== 'email') throw errors.notFound('User')
    const state = initialState(ctx)
    // All checks are above this line; below it, only writes.
    const contact = existing ?? insertLeadWithEmail(ctx, identifier.value)
    const text = String(attributes[DEFAULT_DESCRIPTION] ?? attributes[DEFAULT_TITLE] ?? type.name)
    const { conversation } = startConversation(ctx, {
      author: { type: 'contact', id: contact.id },
      customers: [contact],
      deliveredAs: 'customer_initiated',
      messageType: 'inapp',
      subject: null,
      body: { text, format: 'plaintext' },
      template: null,
      createdAt: input.createdAt
    })
    const record = newTicketRecord(ctx, conversation.id, type, state, attributes, input.conversationToLinkId ?? null, conversation.createdAt)
    ctx.store.tickets.insert(record)
    return viewTicket(ctx, record)
  })
}

/**
 * `POST /conversations/{id}/convert` (2.10+): the conversation becomes a ticket of a Customer type,
 * keeping its id, parts and customers (as Intercom's example shows); the conversation's `ticket`
 * then names it. Other categories are Intercom's 400.
 */
export function convertConversationToTicket (ctx: DomainContext, conversationId: string, input: { ticketTypeId: string, attributes?: Record<string, unknown> | undefined }): Ticket {
  return ctx.store.transaction(() => {
    const conversation = findConversationRecord(ctx, conversationId)
    const type = usableType(ctx, input.ticketTypeId)
    if (type.category !== 'Customer') throw errors.parameterInvalid('Ticket type is not a customer ticket type', 'ticket_type_id')
    if (ctx.store.tickets.byConversationIds([conversation.id]).size > 0) throw errors.parameterInvalid('The conversation is already a ticket', 'conversation_id')
    const attributes = checkTicketAttributes(type, input.attributes, { creating: true })
    const state = initialState(ctx)
    // All checks are above this line; below it, only writes.
    const now = ctx.clock.now()
    const record = newTicketRecord(ctx, conversation.id, type, state, attributes, null, now)
    ctx.store.tickets.insert(record)
    ctx.store.conversations.update({ ...conversation, updatedAt: now })
    return viewTicket(ctx, record)
  })
}

export function retrieveTicket (ctx: DomainContext, id: string): Ticket {
  return viewTicket(ctx, findTicketRecord(ctx, id))
}

/** `PUT /tickets/{id}`. The state is named by category (2.9–2.11 `state`) or by id (2.12+ `ticket_state_id`). */
export interface UpdateTicketInput {
  attributes?: Record<string, unknown> | undefined
  stateCategory?: string | undefined
  stateId?: string | undefined
  open?: boolean | undefined
  isShared?: boolean | undefined
  /** Assign to an admin or team (`"0"` unassigns), as the admin `adminId`. */
  assignment?: { adminId?: string | undefined, assigneeId?: string | undefined } | undefined
}

export function updateTicket (ctx: DomainContext, id: string, input: UpdateTicketInput): Ticket {
  return ctx.store.transaction(() => {
    const record = findTicketRecord(ctx, id)
    const conversation = findConversationRecord(ctx, record.conversationId)
    const type = usableType(ctx, record.ticketTypeId, { allowArchived: true })
    const attributes = checkTicketAttributes(type, input.attributes, { creating: false, current: record.attributes })
    const state = input.stateId !== undefined || input.stateCategory !== undefined ? findState(ctx, input) : null
    let assignee: ReturnType<typeof findAssignee> | null = null
    if (input.assignment !== undefined) {
      findAdmin(ctx, input.assignment.adminId, 'admin_id')
      assignee = findAssignee(ctx, input.assignment.assigneeId, undefined)
    }
    // All checks are above this line; below it, only writes.
    const now = ctx.clock.now()
    const changedState = state !== null && state.id !== record.ticketStateId
    const updated: TicketRecord = {
      ...record,
      attributes,
      ticketStateId: state?.id ?? record.ticketStateId,
      previousStateId: changedState ? record.ticketStateId : record.previousStateId,
      isShared: input.isShared ?? record.isShared,
      updatedAt: now
    }
    ctx.store.tickets.update(updated)
    const conversationChanges = { ...conversation, updatedAt: now }
    if (input.open !== undefined) Object.assign(conversationChanges, { state: input.open ? 'open' : 'closed', snoozedUntil: null })
    if (assignee !== null) Object.assign(conversationChanges, assignee.type === 'admin' ? { adminAssigneeId: assignee.id } : { teamAssigneeId: assignee.id })
    ctx.store.conversations.update(conversationChanges)
    return viewTicket(ctx, updated)
  })
}

/** `DELETE /tickets/{id}` (2.13+): the ticket and the conversation it is are gone. */
export function deleteTicket (ctx: DomainContext, id: string): { id: string } {
  return ctx.store.transaction(() => {
    const record = findTicketRecord(ctx, id)
    ctx.store.conversations.delete(record.conversationId)
    return { id: record.conversationId }
  })
}

/** `POST /tickets/{id}/reply`: a reply as on the conversation; answers the part it wrote. */
export function replyTicket (ctx: DomainContext, id: string, input: ReplyInput, limits: AttachmentLimits): ConversationPart {
  return ctx.store.transaction(() => {
    const record = findTicketRecord(ctx, id)
    const conversation = replyConversation(ctx, record.conversationId, input, limits)
    ctx.store.tickets.update({ ...record, updatedAt: ctx.clock.now() })
    return conversation.parts?.at(-1) as ConversationPart
  })
}

export function viewTicket (ctx: DomainContext, record: TicketRecord): Ticket {
  const conversation = viewConversation(ctx, findConversationRecord(ctx, record.conversationId))
  const type = ctx.store.tickets.typeById(record.ticketTypeId)
  const state = ctx.store.tickets.allStates().find(s => s.id === record.ticketStateId)
  if (type === null || state === undefined) throw new Error(`ticket ${record.conversationId} names a type or state the workspace lacks`)
  return {
    id: record.conversationId,
    ticketNumber: record.ticketNumber,
    type,
    state,
    previousStateId: record.previousStateId,
    attributes: record.attributes,
    isShared: record.isShared,
    createdAt: record.createdAt,
    updatedAt: Math.max(record.updatedAt, conversation.updatedAt),
    conversation,
    linkedConversationIds: record.linkedConversationId === null ? [] : [record.linkedConversationId]
  }
}

function findTicketRecord (ctx: DomainContext, id: string): TicketRecord {
  const record = /^[0-9]{1,15}$/.test(id) ? ctx.store.tickets.byConversationIds([id]).get(id) : undefined
  if (record === undefined) throw errors.notFound('Resource')
  return record
}

function usableType (ctx: DomainContext, id: string, options: { allowArchived?: boolean } = {}): TicketType {
  const type = ctx.store.tickets.typeById(id)
  if (type === null) throw errors.notFound('Resource')
  if (type.archived && options.allowArchived !== true) throw errors.parameterInvalid(`The ticket type ${type.name} is archived`, 'ticket_type_id')
  return type
}

function initialState (ctx: DomainContext): TicketState {
  const states = ctx.store.tickets.allStates()
  const state = states.find(s => s.category === 'submitted') ?? states[0]
  if (state === undefined) throw errors.parameterInvalid('The workspace has no ticket states', 'ticket_type_id')
  return state
}

function findState (ctx: DomainContext, input: UpdateTicketInput): TicketState {
  const states = ctx.store.tickets.allStates()
  const state = input.stateId !== undefined ? states.find(s => s.id === input.stateId) : states.find(s => s.category === input.stateCategory)
  if (state === undefined) {
    throw input.stateId !== undefined
      ? errors.parameterInvalid(`No ticket state has id ${input.stateId}`, 'ticket_state_id')
      : errors.parameterInvalid(`state must be one of ${[...new Set(states.map(s => s.category))].join(', ')}`, 'state')
  }
  return state
}

function newTicketRecord (ctx: DomainContext, conversationId: string, type: TicketType, state: TicketState, attributes: Record<string, unknown>, linked: string | null, at: number): TicketRecord {
  return {
    conversationId,
    ticketNumber: ctx.ids.ticketNumber(),
    ticketTypeId: type.id,
    ticketStateId: state.id,
    previousStateId: null,
    attributes,
    isShared: type.category === 'Customer',
    linkedConversationId: linked,
    createdAt: at,
    updatedAt: at
  }
}

function ticketContactIdentifier (contact: CreateTicketInput['contacts'][number]): Identifier {
  if (contact.id !== undefined && contact.id !== '') return { by: 'id', value: contact.id }
  if (contact.externalId !== undefined && contact.externalId !== '') return { by: 'externalId', value: contact.externalId }
  if (contact.email !== undefined && contact.email !== '') return { by: 'email', value: contact.email }
  throw errors.parameterInvalid('contacts must name the contact by id, external_id or email', 'contacts')
}


