import type { DomainContext } from './context.js'
import { errors } from './errors.js'
import { parseMessageType, requireBody, toMessage, type CreateMessageInput, type PartyInput } from './message-input.js'
import { findContact, singleIdentifier } from './people.js'
import { findAdmin } from './references.js'
import { startConversation } from './start-conversation.js'
import type { ContactRole, Message } from './types.js'

/** Whom an admin may message: `to.type` user is a user; contact and lead are a lead. */
const RECIPIENT_ROLES: Record<string, readonly ContactRole[]> = {
  user: ['user'],
  contact: ['lead'],
  lead: ['lead']
}

const TEMPLATES = ['plain', 'personal'] as const

/**
 * An admin-initiated `POST /messages` (intercom-api.md §1.2): in-app or email, from an admin to one
 * user or lead. It opens a conversation authored by the admin, with the recipient as its customer and
 * the admin as its assignee. Like Intercom's, that conversation is closed until the customer replies.
 */
export function createAdminMessage (ctx: DomainContext, input: CreateMessageInput): Message {
  const recipient = singleRecipient(input.to)
  const recipientRoles = RECIPIENT_ROLES[recipient.type]
  if (recipientRoles === undefined) throw errors.parameterInvalid('to.type must be one of user, contact, lead', 'to.type')
  const messageType = parseMessageType(input.messageType) ?? (input.messageType === undefined ? 'inapp' : null)
  if (messageType === null) throw errors.parameterInvalid(`message_type must be inapp or email, not ${input.messageType}`, 'message_type')
  const body = requireBody(input.body)
  const template = TEMPLATES.find(t => t === input.template) ?? null
  if (input.template !== undefined && template === null) {
    throw errors.parameterInvalid(`template must be plain or personal, not ${input.template}`, 'template')
  }
  if (messageType === 'email' && (input.subject === undefined || input.subject.trim() === '')) throw errors.subjectRequired()
  const recipientIdentifier = singleIdentifier(recipient, 'to')

  return ctx.store.transaction(() => {
    const admin = findAdmin(ctx, input.from.id, 'from.id')
    const customer = findContact(ctx, recipientIdentifier, recipientRoles)
    if (messageType === 'email' && customer.unsubscribedFromEmails) throw errors.unsubscribedFromEmails()
    // All checks are above this line; below it, only writes.
    const { message } = startConversation(ctx, {
      author: { type: 'admin', id: admin.id },
      customer,
      deliveredAs: 'admin_initiated',
      messageType,
      subject: input.subject ?? null,
      body: { text: body, format: 'html' },
      template: messageType === 'email' ? (template ?? 'plain') : template,
      adminAssigneeId: admin.id
    })
    return toMessage(message, admin)
  })
}

function singleRecipient (to: CreateMessageInput['to']): PartyInput {
  if (to === undefined) throw errors.parameterInvalid('to is required for a message from an admin', 'to')
  if (!Array.isArray(to)) return to
  if (to.length !== 1) throw errors.parameterInvalid('to must name exactly one recipient', 'to')
  return to[0] as PartyInput
}
