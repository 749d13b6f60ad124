import type { DomainContext } from './context.js'
import { errors } from './errors.js'
import { parseMessageType, requireBody, toMessage, type CreateMessageInput, type PartyInput } from './message-input.js'
import { findContact, singleIdentifier, type Identifier } from './people.js'
import { findAdmin } from './references.js'
import { startConversation } from './start-conversation.js'
import { optedOutOfEmail } from './subscriptions.js'
import type { Contact, ContactRole, Message } from './types.js'

/** Whom an admin may message: `to.type` user is a user; contact and lead are a lead. */
const RECIPIENT_ROLES: Record<string, readonly ContactRole[]> = {
  user: ['user'],
  contact: ['lead'],
  lead: ['lead']
}

const TEMPLATES = ['plain', 'personal'] as const

interface Recipient {
  field: string
  identifier: Identifier
  roles: readonly ContactRole[]
}

/**
 * An admin-initiated `POST /messages` (intercom-api.md §1.2, §1.3): in-app or email, from an admin
 * to a user or lead (from 2.14, to several, with cc and bcc on email). It starts a conversation
 * authored by the admin, with the recipients (`to`, then `cc`) as its customers and the admin as its
 * assignee. Like Intercom's, that conversation stays closed until a customer replies, unless
 * `create_conversation_without_contact_reply` opens it in the inbox now.
 */
export function createAdminMessage (ctx: DomainContext, input: CreateMessageInput): Message {
  const recipientLists = input.allows?.recipientLists === true
  const to = recipientsOf(input.to, 'to', recipientLists)
  const messageType = parseMessageType(input.messageType) ?? (input.messageType === undefined ? 'inapp' : null)
  if (messageType === null) throw errors.parameterInvalid(`message_type must be inapp or email, not ${input.messageType}`, 'message_type')
  const copies = [...copiesOf(input.cc, 'cc', recipientLists, messageType), ...copiesOf(input.bcc, 'bcc', recipientLists, messageType)]
  const body = requireBody(input.body)
  const template = TEMPLATES.find(t => t === input.template) ?? null
  if (input.template !== undefined && template === null) {
    throw errors.parameterInvalid(`template must be plain or personal, not ${input.template}`, 'template')
  }
  if (messageType === 'email' && (input.subject === undefined || input.subject.trim() === '')) throw errors.subjectRequired()

  return ctx.store.transaction(() => {
    const admin = findAdmin(ctx, input.from.id, 'from.id')
    const reached = [...to, ...copies].map(r => ({ ...r, contact: findContact(ctx, r.identifier, r.roles) }))
    // Unsubscribed from every email, or opted out of an email subscription type (the mock sends no type with a message).
    if (messageType === 'email' && reached.some(r => r.contact.unsubscribedFromEmails || optedOutOfEmail(ctx, r.contact))) throw errors.unsubscribedFromEmails()
    // All checks are above this line; below it, only writes.
    const customers = uniqueContacts(reached.filter(r => !r.field.startsWith('bcc')).map(r => r.contact))
    const { message } = startConversation(ctx, {
      author: { type: 'admin', id: admin.id },
      customers,
      deliveredAs: 'admin_initiated',
      messageType,
      subject: input.subject ?? null,
      body: { text: body, format: 'html' },
      template: messageType === 'email' ? (template ?? 'plain') : template,
      adminAssigneeId: admin.id,
      openForAdmin: input.createConversationWithoutContactReply,
      createdAt: input.createdAt
    })
    return toMessage(message, admin)
  })
}

/** `to`: one recipient, or (from 2.14) a list of them. */
function recipientsOf (to: CreateMessageInput['to'], field: string, listsAllowed: boolean): Recipient[] {
  if (to === undefined) throw errors.parameterInvalid('to is required for a message from an admin', 'to')
  if (!Array.isArray(to)) return [recipient(to, field)]
  if (!listsAllowed) throw errors.parameterInvalid('to must be one recipient: lists of recipients need Intercom-Version 2.14 or later', 'to')
  if (to.length === 0) throw errors.parameterInvalid('to must name at least one recipient', 'to')
  return to.map((party, i) => recipient(party, `${field}[${i}]`))
}

function copiesOf (parties: PartyInput[] | undefined, field: 'cc' | 'bcc', listsAllowed: boolean, messageType: string): Recipient[] {
  if (parties === undefined) return []
  if (!listsAllowed) throw errors.parameterInvalid(`${field} needs Intercom-Version 2.14 or later`, field)
  if (messageType !== 'email') throw errors.parameterInvalid(`${field} is only for email messages`, field)
  return parties.map((party, i) => recipient(party, `${field}[${i}]`))
}

function recipient (party: PartyInput, field: string): Recipient {
  const roles = RECIPIENT_ROLES[party.type]
  if (roles === undefined) throw errors.parameterInvalid(`${field}.type must be one of user, contact, lead`, `${field}.type`)
  return { field, identifier: singleIdentifier(party, field), roles }
}

function uniqueContacts (contacts: Contact[]): Contact[] {
  return contacts.filter((contact, i) => contacts.findIndex(c => c.id === contact.id) === i)
}
