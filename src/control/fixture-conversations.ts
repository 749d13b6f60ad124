import type { TicketRecord } from '../store/tickets.js'
import type { DomainContext } from '../domain/context.js'
import type { ConversationRecord, MessageRecord, PartRecord } from '../store/index.js'
import type { AuthorType } from '../store/records.js'
import { FixtureConversation, type FixtureAuthor, type KnownRecords, type ReferenceProblem } from './fixture-conversation-schema.js'

export { FixtureConversation, type KnownRecords, type ReferenceProblem }

/** The first broken reference or rule of the conversations, or null. */
export function conversationProblem (conversations: readonly FixtureConversation[], known: KnownRecords): ReferenceProblem | null {
  const ids = { conversation: new Set<string>(), message: new Set<string>(), part: new Set<string>() }
  const once = (kind: keyof typeof ids, id: string | undefined, path: string): ReferenceProblem | null => {
    if (id === undefined) return null
    if (ids[kind].has(id)) return [path, `${kind} id ${id} is used twice`]
    ids[kind].add(id)
    return null
  }
  const author = (a: FixtureAuthor, path: string): ReferenceProblem | null =>
    a.type === 'admin' ? (known.admin(a.id) ? null : [`${path}/id`, `no admin has id ${a.id}`])
      : a.type === 'bot' ? null : known.contact(a.id) ? null : [`${path}/id`, `no contact has id ${a.id}`]
  for (const [i, c] of conversations.entries()) {
    const at = `/conversations/${i}`
    const problem = once('conversation', c.id, `${at}/id`) ?? once('message', c.source.id, `${at}/source/id`) ??
      c.customers.map((id, j): ReferenceProblem | null => known.contact(id) ? null : [`${at}/customers/${j}`, `no contact has id ${id}`]).find(p => p !== null) ??
      (c.admin_assignee_id != null && !known.admin(c.admin_assignee_id) ? [`${at}/admin_assignee_id`, `no admin has id ${c.admin_assignee_id}`] : null) ??
      (c.team_assignee_id != null && !known.team(c.team_assignee_id) ? [`${at}/team_assignee_id`, `no team has id ${c.team_assignee_id}`] : null) ??
      (c.source.author.type === 'bot' ? [`${at}/source/author/type`, 'a conversation is started by a contact or an admin'] : author(c.source.author, `${at}/source/author`)) ??
      (c.state === 'snoozed' && c.snoozed_until == null ? [`${at}/snoozed_until`, 'a snoozed conversation needs snoozed_until'] : null) ??
      (c.parts ?? []).map((p, j) => once('part', p.id, `${at}/parts/${j}/id`) ?? author(p.author, `${at}/parts/${j}/author`) ??
        (p.assigned_to?.type === 'admin' && !known.admin(p.assigned_to.id) ? [`${at}/parts/${j}/assigned_to/id`, `no admin has id ${p.assigned_to.id}`] as ReferenceProblem : null))
        .find(p => p !== null) ?? null
    if (problem !== null) return problem
  }
  return null
}

/** The ids a seeded conversation would take that the workspace already has: [path, what]. */
export function conversationConflict (ctx: DomainContext, conversations: readonly FixtureConversation[]): ReferenceProblem | null {
  for (const [i, c] of conversations.entries()) {
    if (c.id !== undefined && ctx.store.conversations.findById(c.id) !== null) return [`/conversations/${i}/id`, `A conversation with id ${c.id} already exists`]
    if (c.source.id !== undefined && ctx.store.messages.byIds([c.source.id]).size > 0) return [`/conversations/${i}/source/id`, `A message with id ${c.source.id} already exists`]
    for (const [j, p] of (c.parts ?? []).entries()) {
      if (p.id !== undefined && ctx.store.parts.exists(p.id)) return [`/conversations/${i}/parts/${j}/id`, `A conversation part with id ${p.id} already exists`]
    }
  }
  return null
}

/** Writes the conversations, their opening messages, customers and parts. Call inside a transaction, after the checks. */
export function applyConversations (ctx: DomainContext, conversations: readonly FixtureConversation[]): void {
  for (const fixture of conversations) {
    const { conversation, message, parts } = conversationRecords(ctx, fixture)
    ctx.store.messages.insert(message)
    ctx.store.conversations.insert(conversation)
    fixture.customers.forEach((id, position) => ctx.store.conversations.addCustomer(conversation, id, position))
    for (const part of parts) ctx.store.parts.insert(part)
    if (fixture.ticket !== undefined) applyTicket(ctx, conversation, fixture.ticket)
  }
}

const authorType = (a: FixtureAuthor): AuthorType => a.type === 'admin' ? 'admin' : a.type === 'bot' ? 'bot' : 'contact'
const withId = (kind: 'conversation' | 'message' | 'part', id: string | undefined, ctx: DomainContext, next: () => string): string => {
  if (id === undefined) return next()
  ctx.store.raiseSequence(kind, Number(id))
  return id
}

function applyTicket (ctx: DomainContext, conversation: ConversationRecord, t: NonNullable<FixtureConversation['ticket']>): void {
  ctx.store.tickets.insert({
    conversationId: conversation.id,
    ticketNumber: t.ticket_id,
    ticketTypeId: t.ticket_type_id,
    ticketStateId: t.ticket_state_id,
    previousStateId: t.previous_state_id ?? null,
    attributes: t.attributes ?? {},
    isShared: t.is_shared ?? true,
    linkedConversationId: t.linked_conversation_id ?? null,
    createdAt: t.created_at ?? conversation.createdAt,
    updatedAt: t.updated_at ?? conversation.updatedAt
  })
  ctx.store.raiseSequence('ticket', Number(t.ticket_id))
}

/**
 * The records a fixture conversation stands for. What it leaves out is what the API would have
 * written: times follow the opening message, formats follow the author (contacts write plaintext,
 * admins HTML), and `waiting_since`, `customer_first_reply_at`, `read` and the last author are
 * replayed from the parts as the reply rules set them (domain/replies.ts).
 */
function conversationRecords (ctx: DomainContext, f: FixtureConversation): { conversation: ConversationRecord, message: MessageRecord, parts: PartRecord[] } {
  const createdAt = f.created_at ?? f.source.created_at ?? ctx.clock.now()
  const sourceAuthor = authorType(f.source.author) as 'contact' | 'admin'
  const conversationId = withId('conversation', f.id, ctx, ctx.ids.conversationId)
  const message: MessageRecord = {
    id: withId('message', f.source.id, ctx, ctx.ids.messageId),
    conversationId,
    authorType: sourceAuthor,
    authorId: f.source.author.id,
    messageType: f.source.message_type ?? 'inapp',
    subject: f.source.subject ?? null,
    body: f.source.body,
    bodyFormat: f.source.body_format ?? (sourceAuthor === 'contact' ? 'plaintext' : 'html'),
    template: f.source.template ?? null,
    url: f.source.url ?? null,
    attachmentUrls: f.source.attachment_urls ?? [],
    redacted: f.source.redacted ?? false,
    createdAt: f.source.created_at ?? createdAt
  }
  const deliveredAs = f.delivered_as ?? (sourceAuthor === 'contact' ? 'customer_initiated' : 'admin_initiated')
  let time = message.createdAt
  let waitingSince: number | null = sourceAuthor === 'contact' ? message.createdAt : null
  let customerFirstReplyAt: number | null = null
  let lastAuthorType: AuthorType = sourceAuthor
  const parts = (f.parts ?? []).map((p): PartRecord => {
    time = p.created_at ?? time
    const type = authorType(p.author)
    if (type === 'contact' && (p.part_type === 'comment' || p.part_type === 'open')) {
      waitingSince ??= time
      if (deliveredAs !== 'customer_initiated') customerFirstReplyAt ??= time
      lastAuthorType = 'contact'
    } else if (type === 'admin' && p.part_type === 'comment') {
      waitingSince = null
      lastAuthorType = 'admin'
    }
    return {
      id: withId('part', p.id, ctx, ctx.ids.partId),
      conversationId,
      partType: p.part_type,
      body: p.body ?? null,
      bodyFormat: p.body_format ?? (p.body == null ? null : type === 'contact' ? 'plaintext' : 'html'),
      authorType: type,
      authorId: p.author.id,
      assignedToType: p.assigned_to?.type ?? null,
      assignedToId: p.assigned_to?.id ?? null,
      attachmentUrls: p.attachment_urls ?? [],
      redacted: p.redacted ?? false,
      createdAt: time,
      updatedAt: p.updated_at ?? time,
      notifiedAt: p.notified_at ?? time
    }
  })
  const conversation: ConversationRecord = {
    id: conversationId,
    messageId: message.id,
    deliveredAs,
    state: f.state ?? 'open',
    read: f.read ?? lastAuthorType !== 'contact',
    title: f.title ?? null,
    adminAssigneeId: f.admin_assignee_id ?? null,
    teamAssigneeId: f.team_assignee_id ?? null,
    waitingSince: f.waiting_since === undefined ? waitingSince : f.waiting_since,
    snoozedUntil: f.snoozed_until ?? null,
    customerFirstReplyAt: f.customer_first_reply_at === undefined ? customerFirstReplyAt : f.customer_first_reply_at,
    lastAuthorType,
    customAttributes: f.custom_attributes ?? {},
    companyId: f.company_id ?? null,
    partsCount: parts.length,
    createdAt,
    updatedAt: f.updated_at ?? Math.max(createdAt, time)
  }
  return { conversation, message, parts }
}

/** Every conversation of the workspace in the fixture format, nothing left to defaults. */
export function dumpConversations (ctx: DomainContext): FixtureConversation[] {
  const records = ctx.store.conversations.everyConversation()
  const ids = records.map(r => r.id)
  const customers = ctx.store.conversations.customersOf(ids)
  const parts = ctx.store.parts.ofConversations(ids)
  const messages = ctx.store.messages.byIds(records.map(r => r.messageId))
  const tickets = ctx.store.tickets.byConversationIds(ids)
  return records.map(r => {
    const m = messages.get(r.messageId)
    if (m === undefined) throw new Error(`conversation ${r.id} has no message ${r.messageId}`)
    const ticket = tickets.get(r.id)
    return {
      id: r.id,
      customers: customers.get(r.id) ?? [],
      state: r.state,
      read: r.read,
      title: r.title,
      admin_assignee_id: r.adminAssigneeId,
      team_assignee_id: r.teamAssigneeId,
      snoozed_until: r.snoozedUntil,
      waiting_since: r.waitingSince,
      customer_first_reply_at: r.customerFirstReplyAt,
      delivered_as: r.deliveredAs,
      custom_attributes: r.customAttributes,
      company_id: r.companyId,
      ...(ticket === undefined ? {} : { ticket: dumpTicket(ticket) }),
      created_at: r.createdAt,
      updated_at: r.updatedAt,
      source: {
        id: m.id,
        author: { type: m.authorType, id: m.authorId },
        body: m.body,
        body_format: m.bodyFormat,
        message_type: m.messageType,
        subject: m.subject,
        template: m.template,
        url: m.url,
        attachment_urls: m.attachmentUrls,
        redacted: m.redacted,
        created_at: m.createdAt
      },
      parts: (parts.get(r.id) ?? []).map(p => ({
        id: p.id,
        part_type: p.partType,
        author: { type: p.authorType, id: p.authorId },
        body: p.body,
        body_format: p.bodyFormat,
        assigned_to: p.assignedToType === null || p.assignedToId === null ? null : { type: p.assignedToType, id: p.assignedToId },
        attachment_urls: p.attachmentUrls,
        redacted: p.redacted,
        created_at: p.createdAt,
        updated_at: p.updatedAt,
        notified_at: p.notifiedAt
      }))
    }
  })
}

function dumpTicket (t: TicketRecord): NonNullable<FixtureConversation['ticket']> {
  return {
    ticket_id: t.ticketNumber,
    ticket_type_id: t.ticketTypeId,
    ticket_state_id: t.ticketStateId,
    previous_state_id: t.previousStateId,
    attributes: t.attributes,
    is_shared: t.isShared,
    linked_conversation_id: t.linkedConversationId,
    created_at: t.createdAt,
    updated_at: t.updatedAt
  }
}
