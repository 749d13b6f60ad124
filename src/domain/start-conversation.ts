import type { ConversationRecord, MessageRecord } from '../store/index.js'
import type { DomainContext } from './context.js'
import type { Body, Contact, DeliveredAs, MessageType } from './types.js'

export interface StartConversationInput {
  author: { type: 'contact' | 'admin', id: string }
  /** The customers, the first of them the one the conversation is with (1.x `user`). */
  customers: readonly Contact[]
  deliveredAs: DeliveredAs
  messageType: MessageType
  subject: string | null
  body: Body
  template: 'plain' | 'personal' | null
  /** The admin a new admin-initiated conversation is assigned to. */
  adminAssigneeId?: string | null
  /** 2.x `create_conversation_without_contact_reply`: open the admin's conversation in the inbox now. */
  openForAdmin?: boolean | undefined
  /** URLs attached to the opening message (2.x `attachment_urls`). */
  attachmentUrls?: string[] | undefined
  /** 2.11+ `created_at`: when it happened, for migrating past conversations; now by default. */
  createdAt?: number | undefined
}

/**
 * Writes a message and the conversation it starts, with `customer` as its customer. A customer's
 * message leaves the conversation open, unread and waiting on an admin; an admin's needs no answer
 * from an admin, so it is read, not waiting, and closed until the customer replies. Call inside a
 * transaction.
 */
export function startConversation (ctx: DomainContext, input: StartConversationInput): { message: MessageRecord, conversation: ConversationRecord } {
  const now = input.createdAt ?? ctx.clock.now()
  const byCustomer = input.author.type === 'contact'
  const message: MessageRecord = {
    id: ctx.ids.messageId(),
    conversationId: ctx.ids.conversationId(),
    authorType: input.author.type,
    authorId: input.author.id,
    messageType: input.messageType,
    subject: input.subject,
    body: input.body.text,
    bodyFormat: input.body.format,
    template: input.template,
    url: null,
    attachmentUrls: input.attachmentUrls ?? [],
    redacted: false,
    createdAt: now
  }
  const conversation: ConversationRecord = {
    id: message.conversationId,
    messageId: message.id,
    deliveredAs: input.deliveredAs,
    // An admin's outbound message is not an open inbox conversation until the customer answers:
    // Intercom's own examples show admin-initiated conversations closed until then.
    state: byCustomer || input.openForAdmin === true ? 'open' : 'closed',
    read: !byCustomer,
    title: null,
    adminAssigneeId: input.adminAssigneeId ?? null,
    teamAssigneeId: null,
    waitingSince: byCustomer ? now : null,
    snoozedUntil: null,
    customerFirstReplyAt: null,
    lastAuthorType: input.author.type,
    customAttributes: {},
    companyId: null,
    partsCount: 0,
    createdAt: now,
    updatedAt: now
  }
  ctx.store.messages.insert(message)
  ctx.store.conversations.insert(conversation)
  input.customers.forEach((customer, position) => ctx.store.conversations.addCustomer(conversation, customer.id, position))
  ctx.events.record({ type: 'conversation.started', conversationId: conversation.id, initiator: input.author.type })
  return { message, conversation }
}
