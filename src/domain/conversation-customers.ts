import type { DomainContext } from './context.js'
import { appendPart } from './conversation-parts.js'
import { viewConversation } from './conversation-view.js'
import { errors } from './errors.js'
import { customerIdentifier, insertLeadWithEmail, lookupContact, type CustomerIdentifiers, type Identifier } from './people.js'
import { findAdmin, findConversationRecord } from './references.js'
import type { Conversation } from './types.js'

/**
 * `POST /conversations/{id}/customers`: the admin `adminId` adds a contact (a user or lead) as a
 * participant, recorded as a `participant_added` part. A contact named by an email nobody has is
 * created as a lead, as Intercom documents. A contact who already takes part is a 400.
 */
export function addConversationCustomer (ctx: DomainContext, conversationId: string, input: { adminId?: string | undefined, customer: CustomerIdentifiers }): Conversation {
  const identifier = participantIdentifier(input.customer)
  return ctx.store.transaction(() => {
    const conversation = findConversationRecord(ctx, conversationId)
    const admin = findAdmin(ctx, input.adminId, 'admin_id')
    const existing = lookupContact(ctx, identifier, ['user', 'lead'])
    if (existing === null && identifier.by !== 'email') throw errors.notFound('User')
    const current = ctx.store.conversations.customersOf([conversation.id]).get(conversation.id) ?? []
    if (existing !== null && current.includes(existing.id)) {
      throw errors.parameterInvalid('The contact is already a participant of this conversation', 'customer')
    }
    // All checks are above this line; below it, only writes.
    const contact = existing ?? insertLeadWithEmail(ctx, identifier.value)
    ctx.store.conversations.appendCustomer(conversation, contact.id)
    const updated = appendPart(ctx, conversation, { partType: 'participant_added', author: { type: 'admin', id: admin.id } }, {})
    ctx.events.record({ type: 'conversation.customer_changed', conversationId: conversation.id, contactId: contact.id, added: true })
    return viewConversation(ctx, updated)
  })
}

/**
 * `DELETE /conversations/{id}/customers/{contact_id}`: the admin removes a participant, recorded as
 * a `participant_removed` part. Intercom refuses to remove the last one (422), and answers 404
 * `User Not Found` for a contact that is not a participant.
 */
export function removeConversationCustomer (ctx: DomainContext, conversationId: string, contactId: string, input: { adminId?: string | undefined }): Conversation {
  return ctx.store.transaction(() => {
    const conversation = findConversationRecord(ctx, conversationId)
    const admin = findAdmin(ctx, input.adminId, 'admin_id')
    const current = ctx.store.conversations.customersOf([conversation.id]).get(conversation.id) ?? []
    if (!current.includes(contactId)) throw errors.notFound('User')
    if (current.length === 1) throw errors.lastCustomer()
    // All checks are above this line; below it, only writes.
    ctx.store.conversations.removeCustomer(conversation.id, contactId)
    const updated = appendPart(ctx, conversation, { partType: 'participant_removed', author: { type: 'admin', id: admin.id } }, {})
    ctx.events.record({ type: 'conversation.customer_changed', conversationId: conversation.id, contactId, added: false })
    return viewConversation(ctx, updated)
  })
}

function participantIdentifier (customer: CustomerIdentifiers): Identifier {
  const identifier = customerIdentifier(customer)
  if (identifier !== null) return identifier
  throw errors.parameterInvalid('customer needs one of intercom_user_id, user_id or email', 'customer')
}

