import type { ConversationQuery, ConversationRecord } from '../store/index.js'
import type { ConversationSortField } from '../store/records.js'
import type { DomainContext } from './context.js'
import { viewConversation, viewConversations } from './conversation-view.js'
import { errors } from './errors.js'
import { numberedPage, pageWindow, type PageLimits, type PageRequest } from './pagination.js'
import { findContact, type Identifier } from './people.js'
import { checkCustomAttributes } from './data-attributes.js'
import { findConversationRecord } from './references.js'
import type { Contact, Conversation, Page } from './types.js'

/** The query of a 1.x `GET /conversations` (intercom-api.md §2.2), parsed but not yet interpreted. */
export interface ListConversationsInput extends PageRequest {
  type?: string | undefined
  intercomUserId?: string | undefined
  userId?: string | undefined
  email?: string | undefined
  adminId?: string | undefined
  open?: boolean | undefined
  unread?: boolean | undefined
  before?: number | undefined
  order?: string | undefined
  sort?: string | undefined
}

/** 1.x pages hold at most 60 conversations, 2.x at most 150 (intercom-api.md §2.2, §2.6); 20 by default. */
export const CONVERSATION_PAGE_LIMITS: Record<1 | 2, PageLimits> = {
  1: { defaultPerPage: 20, maxPerPage: 60 },
  2: { defaultPerPage: 20, maxPerPage: 150 }
}
const SORT_FIELDS: readonly ConversationSortField[] = ['created_at', 'updated_at', 'waiting_since']

export function listConversations (ctx: DomainContext, input: ListConversationsInput, limits: PageLimits = CONVERSATION_PAGE_LIMITS[1]): Page<Conversation> {
  const { filter, customer } = conversationFilter(ctx, input)
  const query: ConversationQuery = { ...filter, ...conversationOrder(input) }
  if (input.open !== undefined) query.open = input.open
  if (input.unread === true) query.unreadOnly = true
  if (input.before !== undefined) query.updatedBefore = input.before
  // "When sorting by waiting_since, not all conversations are returned. If a teammate was the last
  // person to reply, or the conversation is closed then those conversations will not show up."
  if (query.sort === 'waiting_since') query.waitingOnly = true

  const window = pageWindow(input, limits)
  const records = ctx.store.conversations.page(query, window.perPage, window.offset)
  // The listed customer is every conversation's customer, and usually its author: no need to read it twice.
  return numberedPage(viewConversations(ctx, records, false, customer === null ? [] : [customer]), window, ctx.store.conversations.count(query))
}

export function retrieveConversation (ctx: DomainContext, id: string): Conversation {
  return viewConversation(ctx, findConversationRecord(ctx, id))
}

/** `PUT /conversations/{id}`: mark read or unread; 2.x also sets the title and custom attributes. */
export interface UpdateConversationInput {
  read?: boolean | undefined
  title?: string | null | undefined
  customAttributes?: Record<string, unknown> | undefined
  companyId?: string | null | undefined
}

export function updateConversation (ctx: DomainContext, id: string, input: UpdateConversationInput): Conversation {
  return ctx.store.transaction(() => {
    const record = findConversationRecord(ctx, id)
    const changes: Partial<ConversationRecord> = {}
    if (input.read !== undefined) changes.read = input.read
    if (input.title !== undefined) changes.title = input.title
    if (input.companyId !== undefined) changes.companyId = input.companyId
    if (input.customAttributes !== undefined) {
      changes.customAttributes = checkCustomAttributes(ctx, 'conversation', record.customAttributes, input.customAttributes)
    }
    // All checks are above this line; below it, only writes.
    if (Object.keys(changes).length === 0) return viewConversation(ctx, record)
    const updated = { ...record, ...changes, updatedAt: ctx.clock.now() }
    ctx.store.conversations.update(updated)
    ctx.events.record({ type: 'conversation.updated', conversationId: record.id, before: record, after: updated })
    return viewConversation(ctx, updated)
  })
}

/** `DELETE /conversations/{id}` (2.13+): gone for good, from lists and search too; a 404 afterwards. */
export function deleteConversation (ctx: DomainContext, id: string): { id: string } {
  return ctx.store.transaction(() => {
    const record = findConversationRecord(ctx, id)
    // All checks are above this line; below it, only writes.
    ctx.store.conversations.delete(record.id)
    ctx.events.record({ type: 'conversation.deleted', conversationId: record.id })
    return { id: record.id }
  })
}

function conversationFilter (ctx: DomainContext, input: ListConversationsInput): { filter: Pick<ConversationQuery, 'contactId' | 'adminAssigneeId'>, customer: Contact | null } {
  if (input.type === undefined) return { filter: {}, customer: null }
  if (input.type === 'user') {
    const customer = listedCustomer(ctx, input)
    return { filter: { contactId: customer.id }, customer }
  }
  if (input.type === 'admin') {
    const adminId = input.adminId
    if (adminId === undefined || adminId === '') {
      throw errors.parameterInvalid('type=admin needs admin_id: an admin id, or nobody for unassigned conversations', 'admin_id')
    }
    if (adminId === 'nobody') return { filter: { adminAssigneeId: null }, customer: null }
    if (ctx.store.admins.findById(adminId) === null) throw errors.adminNotFound()
    return { filter: { adminAssigneeId: adminId }, customer: null }
  }
  throw errors.parameterInvalid(`type must be user or admin, not ${input.type}`, 'type')
}

/**
 * `type=user` names the customer by `intercom_user_id` (a user or a lead), or by `user_id` or
 * `email` (users only: "It will not work with 'user_id' or type contact").
 */
function listedCustomer (ctx: DomainContext, input: ListConversationsInput) {
  const identifier: Identifier | null =
    nonEmpty(input.intercomUserId) ? { by: 'id', value: input.intercomUserId } :
      nonEmpty(input.userId) ? { by: 'userId', value: input.userId } :
        nonEmpty(input.email) ? { by: 'email', value: input.email } : null
  if (identifier === null) {
    throw errors.parameterInvalid('type=user needs one of intercom_user_id, user_id or email', 'intercom_user_id')
  }
  return findContact(ctx, identifier, identifier.by === 'id' ? ['user', 'lead', 'visitor'] : ['user'])
}

/**
 * "When you are using filters such as admin/customers 'order' refers to the fields you want to order
 * the list by and 'sort' refers to whether you want it sorted asc or desc. The reverse is true when
 * listing conversation without any filtering." An unknown field falls back to updated_at; an unknown
 * direction sorts ascending, as Intercom's does.
 */
function conversationOrder (input: ListConversationsInput): Pick<ConversationQuery, 'sort' | 'direction'> {
  const filtered = input.type !== undefined
  const fieldParam = filtered ? input.order : input.sort
  const directionParam = filtered ? input.sort : input.order
  const sort = SORT_FIELDS.find(field => field === fieldParam) ?? 'updated_at'
  const direction = directionParam === undefined || directionParam === 'desc' ? 'desc' : 'asc'
  return { sort, direction }
}

function nonEmpty (value: string | undefined): value is string {
  return value !== undefined && value !== ''
}
