import type { ConversationRecord } from '../store/records.js'
import type { DomainContext } from './context.js'
import type { Admin, Contact, ContactRole, ConversationState, PartType, Tag, UnixSeconds } from './types.js'

/**
 * What a domain operation did, as facts about the model: no HTTP, no webhook topics. Operations
 * record them through `ctx.events` inside their write transaction, so whoever listens (the webhook
 * outbox) writes in that same transaction and a rolled-back operation leaves nothing behind.
 * A new operation describes itself with one `ctx.events.record({...})` and, when no existing event
 * fits, one new member here.
 */
export type DomainEvent =
  | { type: 'conversation.started', conversationId: string, initiator: 'contact' | 'admin' }
  | {
    type: 'conversation.part_added'
    conversationId: string
    partId: string
    partType: PartType
    authorType: 'contact' | 'admin' | 'bot'
    stateBefore: ConversationState
  }
  /** Read state, title or custom attributes changed (`PUT /conversations/{id}`). */
  | { type: 'conversation.updated', conversationId: string, before: ConversationRecord, after: ConversationRecord }
  | { type: 'contact.created', contact: Contact }
  | { type: 'contact.updated', before: Contact, after: Contact }
  /** A visitor became a lead or a user, or a lead became a user (same id). */
  | { type: 'contact.converted', contact: Contact, fromRole: ContactRole }
  /** `from` was merged into `into` and deleted. */
  | { type: 'contact.merged', from: Contact, into: Contact }
  | { type: 'contact.deleted', contact: Contact }
  /** A tag was applied to (`added`) or taken off one user or lead; `contact` is as it is afterwards. */
  | { type: 'contact.tag_changed', contact: Contact, tag: Tag, at: UnixSeconds, added: boolean }
  /** `POST /contacts/{id}/archive` or `/unarchive`; `contact.archived` says which. */
  | { type: 'contact.archive_changed', contact: Contact }
  | { type: 'company.created', companyId: string }
  /** A participant added to (`added`) or removed from a conversation. */
  | { type: 'conversation.customer_changed', conversationId: string, contactId: string, added: boolean }
  /** A part's body (or, with `partId` null, the source message's) replaced by the deletion notice. */
  | { type: 'conversation.redacted', conversationId: string, partId: string | null }
  | { type: 'conversation.deleted', conversationId: string }
  | { type: 'admin.away_changed', admin: Admin }

export interface DomainEvents {
  record: (event: DomainEvent) => void
}

/** Receives every event of a context, with the context, while the operation's transaction is open. */
export type DomainEventSink = (ctx: DomainContext, event: DomainEvent) => void

export const ignoreEvents: DomainEventSink = () => {}
