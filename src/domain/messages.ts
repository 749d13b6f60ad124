import type { DomainContext } from './context.js'
import { errors } from './errors.js'
import { convertVisitorToLead, findContact, lookupContact, singleIdentifier } from './people.js'
import { createAdminMessage } from './admin-messages.js'
import { checkAttachments } from './attachments.js'
import { parseMessageType, requireBody, toMessage, type CreateMessageInput, type PartyInput } from './message-input.js'
import { startConversation } from './start-conversation.js'
import type { Contact, ContactRole, Message } from './types.js'

/** Which contacts a `from.type` may name: "contact" and "lead" both mean a lead, or a visitor about to become one. */
const SENDER_ROLES: Record<string, readonly ContactRole[]> = {
  user: ['user'],
  contact: ['lead', 'visitor'],
  lead: ['lead', 'visitor']
}

/**
 * `POST /messages`. A user, lead or visitor message opens a new conversation whose first message it
 * is (intercom-api.md §1.1); a visitor sender becomes a lead in the same transaction.
 */
export function createMessage (ctx: DomainContext, input: CreateMessageInput): Message {
  if (input.from.type === 'admin') return createAdminMessage(ctx, input)
  const senderRoles = SENDER_ROLES[input.from.type]
  if (senderRoles === undefined) {
    throw errors.parameterInvalid(`from.type must be one of user, contact, lead, admin, not ${input.from.type}`, 'from.type')
  }
  return createContactMessage(ctx, input, senderRoles)
}

function createContactMessage (ctx: DomainContext, input: CreateMessageInput, senderRoles: readonly ContactRole[]): Message {
  if (input.to !== undefined) {
    throw errors.parameterInvalid('User initiated messages can not be sent to specific admins: leave out the to field', 'to')
  }
  const messageType = parseMessageType(input.messageType)
  if (messageType === 'email') {
    throw errors.parameterInvalid('Email messages are not supported for user initiated messages: message_type must be inapp', 'message_type')
  }
  if (messageType === null) {
    throw errors.parameterInvalid(`message_type ${input.messageType} is not valid for a user initiated message: use inapp`, 'message_type')
  }
  const body = requireBody(input.body)
  const identifier = singleIdentifier(input.from, 'from')
  return sendContactMessage(ctx, () => findContact(ctx, identifier, senderRoles), body, { createdAt: input.createdAt })
}

/**
 * `POST /conversations` (2.x): a contact starts a conversation; it answers the message, with the
 * conversation's id. The contact is named by its Intercom `id`; with `from.type` contact or lead,
 * a visitor may also be named by its `user_id` in that field (as intercom-client 7 documents), and it
 * becomes a lead.
 */
export interface CreateConversationInput {
  from: PartyInput
  body?: string | undefined
  subject?: string | undefined
  attachmentUrls?: string[] | undefined
  createdAt?: number | undefined
}

/** 2.x `attachment_urls` of `POST /conversations`: "You can include up to 10 URLs" (no files). */
const CONVERSATION_ATTACHMENT_LIMITS = { maxUrls: 10, maxFiles: 0 }

export function createConversation (ctx: DomainContext, input: CreateConversationInput): Message {
  const senderRoles = SENDER_ROLES[input.from.type]
  if (senderRoles === undefined || input.from.type === 'admin') {
    throw errors.parameterInvalid(`from.type must be one of user, lead, contact, not ${input.from.type}`, 'from.type')
  }
  const id = input.from.id
  if (id === undefined || id === '') throw errors.parameterInvalid('from.id is required: the id of the contact starting the conversation', 'from.id')
  const body = requireBody(input.body)
  checkAttachments({ urls: input.attachmentUrls }, CONVERSATION_ATTACHMENT_LIMITS)
  return sendContactMessage(ctx, () => lookupContact(ctx, { by: 'id', value: id }, senderRoles) ??
    findContact(ctx, { by: 'userId', value: id }, senderRoles.filter(role => role !== 'user')), body, input)
}

/** Writes a contact's message and the conversation it opens; a visitor sender becomes a lead first. */
function sendContactMessage (ctx: DomainContext, findSender: () => Contact, body: string, extras: Pick<CreateConversationInput, 'subject' | 'attachmentUrls' | 'createdAt'>): Message {
  return ctx.store.transaction(() => {
    const found = findSender()
    // All checks are above this line; below it, only writes.
    const sender: Contact = found.role === 'visitor' ? convertVisitorToLead(ctx, found) : found
    const now = ctx.clock.now()
    ctx.store.contacts.markReplied(sender.id, now)
    const { message } = startConversation(ctx, {
      author: { type: 'contact', id: sender.id },
      customers: [sender],
      deliveredAs: 'customer_initiated',
      messageType: 'inapp',
      subject: extras.subject ?? null,
      body: { text: body, format: 'plaintext' },
      template: null,
      attachmentUrls: extras.attachmentUrls,
      createdAt: extras.createdAt
    })
    return toMessage(message, null)
  })
}
