import type { ConversationRecord, MessageRecord, PartRecord } from '../store/index.js'
import type { AuthorType } from '../store/records.js'
import type { DomainContext } from './context.js'
import { conversationStatistics } from './conversation-statistics.js'
import { urlAttachment } from './attachments.js'
import type { TicketLink } from './tickets/types.js'
import type { Admin, AdminRef, Attachment, Author, ContactRef, Conversation, ConversationPart, LinkedObject } from './types.js'

/**
 * Turns stored conversations into the domain's Conversation: customers, authors and assignees
 * resolved, in a fixed number of queries however many conversations there are.
 */
export function viewConversations (ctx: DomainContext, records: readonly ConversationRecord[], withParts: boolean, knownContacts: readonly ContactRef[] = []): Conversation[] {
  if (records.length === 0) return []
  const customerIds = ctx.store.conversations.customersOf(records.map(r => r.id))
  const messages = ctx.store.messages.byIds(records.map(r => r.messageId))
  const parts = ctx.store.parts.ofConversations(records.map(r => r.id))
  const tags = ctx.store.tags.of('conversation', records.map(r => r.id))
  const messageFiles = ctx.store.attachmentFiles.ofOwners('message', records.map(r => r.messageId))
  const partFiles = withParts ? ctx.store.attachmentFiles.ofOwners('part', [...parts.values()].flat().map(p => p.id)) : new Map<string, Attachment[]>()
  const authors = new AuthorDirectory(ctx, knownContacts)
  const tickets = ticketLinks(ctx, records.map(r => r.id))
  authors.need([...customerIds.values()].flat())
  authors.needAuthorsOf([...messages.values()])
  authors.needAuthorsOf([...parts.values()].flat())

  return records.map(record => {
    const message = messages.get(record.messageId)
    if (message === undefined) throw new Error(`conversation ${record.id} has no message ${record.messageId}`)
    const conversationParts = parts.get(record.id) ?? []
    const teammateIds = new Set([message, ...conversationParts].filter(m => m.authorType === 'admin').map(m => m.authorId))
    return {
      id: record.id,
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
      waitingSince: record.waitingSince,
      snoozedUntil: record.snoozedUntil,
      state: record.state,
      read: record.read,
      title: record.title,
      adminAssigneeId: record.adminAssigneeId,
      teamAssigneeId: record.teamAssigneeId,
      customers: (customerIds.get(record.id) ?? []).map(id => authors.contact(id)),
      source: {
        messageId: message.id,
        deliveredAs: record.deliveredAs,
        messageType: message.messageType,
        subject: message.subject,
        body: { text: message.body, format: message.bodyFormat },
        author: authors.author(message.authorType, message.authorId),
        url: message.url,
        attachments: attachmentsOf(message, messageFiles),
        redacted: message.redacted
      },
      customerFirstReplyAt: record.customerFirstReplyAt,
      firstContactReplyAt: record.deliveredAs === 'customer_initiated' ? record.createdAt : record.customerFirstReplyAt,
      customAttributes: record.customAttributes,
      tags: tags.get(record.id) ?? [],
      teammates: [...teammateIds].map(id => authors.admin(id)),
      statistics: conversationStatistics(record, message, conversationParts),
      partsCount: record.partsCount,
      parts: withParts ? conversationParts.map(part => viewPart(part, authors, attachmentsOf(part, partFiles))) : null,
      ticket: tickets.own.get(record.id) ?? null,
      linkedObjects: tickets.linked.get(record.id) ?? []
    }
  })
}

export function viewConversation (ctx: DomainContext, record: ConversationRecord): Conversation {
  return viewConversations(ctx, [record], true)[0] as Conversation
}

function viewPart (part: PartRecord, authors: AuthorDirectory, attachments: Attachment[]): ConversationPart {
  return {
    id: part.id,
    partType: part.partType,
    body: part.body === null || part.bodyFormat === null ? null : { text: part.body, format: part.bodyFormat },
    author: authors.author(part.authorType, part.authorId),
    assignedTo: part.assignedToType === null || part.assignedToId === null ? null : { type: part.assignedToType, id: part.assignedToId },
    attachments,
    redacted: part.redacted,
    createdAt: part.createdAt,
    updatedAt: part.updatedAt,
    notifiedAt: part.notifiedAt
  }
}

/** The ticket each conversation is, and the objects linked to each, in three queries. */
function ticketLinks (ctx: DomainContext, ids: readonly string[]): { own: Map<string, TicketLink>, linked: Map<string, LinkedObject[]> } {
  const own = new Map<string, TicketLink>()
  const linked = new Map<string, LinkedObject[]>()
  const ownRecords = ctx.store.tickets.byConversationIds(ids)
  const linkedRecords = ctx.store.tickets.linkedTo(ids)
  if (ownRecords.size === 0 && linkedRecords.length === 0) return { own, linked }
  const categories = new Map(ctx.store.tickets.allTypes().map(type => [type.id, type.category]))
  const add = (id: string, object: LinkedObject) => { linked.set(id, [...(linked.get(id) ?? []), object]) }
  for (const ticket of ownRecords.values()) {
    own.set(ticket.conversationId, { id: ticket.conversationId, ticketNumber: ticket.ticketNumber, category: categories.get(ticket.ticketTypeId) ?? 'Customer' })
    if (ticket.linkedConversationId !== null) add(ticket.conversationId, { type: 'conversation', id: ticket.linkedConversationId, category: null })
  }
  for (const ticket of linkedRecords) {
    if (ticket.linkedConversationId !== null) add(ticket.linkedConversationId, { type: 'ticket', id: ticket.conversationId, category: categories.get(ticket.ticketTypeId) ?? null })
  }
  return { own, linked }
}

/** URL attachments first, then the files sent inline, as they were given. */
function attachmentsOf (item: MessageRecord | PartRecord, files: Map<string, Attachment[]>): Attachment[] {
  return [...item.attachmentUrls.map(urlAttachment), ...(files.get(item.id) ?? [])]
}

/** Looks contacts up in one batch (those it was not given) and admins once, then answers from memory. */
class AuthorDirectory {
  private readonly wanted = new Set<string>()
  private contacts: Map<string, ContactRef> | null = null
  private admins: Map<string, Admin> | null = null
  private readonly known: Map<string, ContactRef>

  constructor (private readonly ctx: DomainContext, known: readonly ContactRef[]) {
    this.known = new Map(known.map(contact => [contact.id, contact]))
  }

  need (contactIds: readonly string[]): void {
    for (const id of contactIds) this.wanted.add(id)
  }

  needAuthorsOf (items: ReadonlyArray<MessageRecord | PartRecord>): void {
    for (const item of items) if (item.authorType === 'contact') this.wanted.add(item.authorId)
  }

  contact (id: string): ContactRef {
    this.contacts ??= this.ctx.store.contacts.refsByIds([...this.wanted].filter(wanted => !this.known.has(wanted)))
    return this.known.get(id) ?? this.contacts.get(id) ?? { id, role: 'user', externalId: null, email: null, name: null }
  }

  admin (id: string): AdminRef {
    this.admins ??= new Map(this.ctx.store.admins.all().map(a => [a.id, a]))
    const admin = this.admins.get(id)
    return { id, name: admin?.name ?? '', email: admin?.email ?? '' }
  }

  author (type: AuthorType, id: string): Author {
    if (type === 'contact') return { kind: 'contact', contact: this.contact(id) }
    if (type === 'admin') return { kind: 'admin', admin: this.admin(id) }
    return { kind: 'bot', id }
  }
}
