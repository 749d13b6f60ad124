import type { Conversation, Page } from '../../domain/types.js'
import { isAtLeast, type ApiVersion } from '../../versions.js'
import { renderBody, type BodyDisplay } from '../body.js'
import { presentAttachmentV2, type AttachmentV2 } from './attachment.js'
import { presentAuthorV2, presentContactReferenceV2, type AuthorV2, type ContactReferenceV2 } from './author.js'
import { presentConversationPartsV2, type ConversationPartListV2 } from './conversation-part.js'
import { integerId } from './integer-id.js'
import { presentCursorPagesV2, type CursorPagesV2 } from './pages.js'
import { presentAppliedTagV2, type AppliedTagV2 } from './tag.js'
import { presentStatisticsV2, type ConversationStatisticsV2 } from './statistics.js'

/**
 * A 2.x conversation as list and search answer it (`conversation_list_item`): everything but
 * `conversation_parts` (intercom-api.md §2.5).
 */
export interface ConversationListItemV2 {
  type: 'conversation'
  id: string
  title: string | null
  created_at: number
  updated_at: number
  waiting_since: number | null
  snoozed_until: number | null
  open: boolean
  state: Conversation['state']
  read: boolean
  /** `priority | not_priority` before 2.16; `none | low | medium | high | urgent` from 2.16. */
  priority: 'not_priority' | 'none'
  /** Integers; unassigned is null before 2.16 and 0 from 2.16. */
  admin_assignee_id: number | null
  team_assignee_id: number | null
  tags: { type: 'tag.list', tags: AppliedTagV2[] }
  conversation_rating: null
  source: ConversationSourceV2
  contacts: { type: 'contact.list', contacts: ContactReferenceV2[] }
  teammates: { type: 'admin.list', teammates: Array<{ type: 'admin', id: string }> }
  first_contact_reply: { created_at: number, type: 'conversation', url: null } | null
  custom_attributes: Record<string, unknown>
  topics: Record<string, never>
  statistics: ConversationStatisticsV2
  sla_applied: null
  /** 2.9+: the ticket the conversation is (no schema declares it; the examples send null). */
  ticket?: { type: 'ticket', id: string, ticket_id: string, category: string } | null
  linked_objects?: LinkedObjectListV2
  ai_agent?: null
  ai_agent_participated?: false
}

/** The whole conversation (`conversation`), with its parts. */
export interface ConversationV2 extends ConversationListItemV2 {
  conversation_parts?: ConversationPartListV2
}

/** `linked_object_list`: tickets linked to a conversation, or the conversation linked to a ticket. */
export interface LinkedObjectListV2 {
  type: 'list'
  data: Array<{ type: 'ticket' | 'conversation', id: string, category: string | null }>
  total_count: number
  has_more: false
}

export function presentLinkedObjectsV2 (objects: Conversation['linkedObjects']): LinkedObjectListV2 {
  return { type: 'list', data: objects.map(o => ({ type: o.type, id: o.id, category: o.category })), total_count: objects.length, has_more: false }
}

/** `conversation_source`: the message that opened the conversation. */
export interface ConversationSourceV2 {
  type: 'conversation' | 'email'
  id: string
  delivered_as: Conversation['source']['deliveredAs']
  subject: string
  body: string
  author: AuthorV2
  attachments: AttachmentV2[]
  url: string | null
  redacted: boolean
}

/** `GET /conversations` and `POST /conversations/search` (`conversation_list`). */
export interface ConversationListV2 {
  type: 'conversation.list'
  pages: CursorPagesV2
  total_count: number
  conversations: ConversationListItemV2[]
}

/** `conversation_deleted`, the answer of `DELETE /conversations/{id}` (2.13+). */
export interface DeletedConversationV2 {
  id: string
  object: 'conversation'
  deleted: true
}

export function presentDeletedConversationV2 (deleted: { id: string }): DeletedConversationV2 {
  return { id: deleted.id, object: 'conversation', deleted: true }
}

/** A conversation retrieved whole (`c.parts` set) answers with its parts; otherwise as a list item. */
export function presentConversationV2 (c: Conversation, display: BodyDisplay, version: ApiVersion): ConversationV2 {
  const wire: ConversationV2 = presentConversationListItemV2(c, display, version)
  if (c.parts !== null) wire.conversation_parts = presentConversationPartsV2(c.parts, display, version)
  return wire
}

export function presentConversationListV2 (page: Page<Conversation>, display: BodyDisplay, version: ApiVersion): ConversationListV2 {
  return {
    type: 'conversation.list',
    pages: presentCursorPagesV2(page),
    total_count: page.totalCount,
    conversations: page.items.map(c => presentConversationListItemV2(c, display, version))
  }
}

export function presentConversationListItemV2 (c: Conversation, display: BodyDisplay, version: ApiVersion): ConversationListItemV2 {
  // 2.16 makes the assignee ids non-nullable: "If it's not assigned to an admin it will return 0."
  const unassigned = isAtLeast(version, 2, 16) ? 0 : null
  const wire: ConversationListItemV2 = {
    type: 'conversation',
    id: c.id,
    title: c.title,
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    waiting_since: c.waitingSince,
    snoozed_until: c.snoozedUntil,
    open: c.state !== 'closed',
    state: c.state,
    read: c.read,
    // 2.16 replaces the enum `priority | not_priority` with `none | low | medium | high | urgent`.
    priority: isAtLeast(version, 2, 16) ? 'none' : 'not_priority',
    admin_assignee_id: c.adminAssigneeId === null ? unassigned : integerId(c.adminAssigneeId),
    team_assignee_id: c.teamAssigneeId === null ? unassigned : integerId(c.teamAssigneeId),
    tags: { type: 'tag.list', tags: c.tags.map(presentAppliedTagV2) },
    // The mock records no ratings; Intercom sends null (every example), 2.11 alone declares it non-nullable.
    conversation_rating: null,
    source: {
      type: c.source.messageType === 'email' ? 'email' : 'conversation',
      id: c.source.messageId,
      delivered_as: c.source.deliveredAs,
      subject: c.source.subject ?? '',
      body: renderBody(c.source.body, display),
      author: presentAuthorV2(c.source.author),
      attachments: c.source.attachments.map(presentAttachmentV2),
      url: c.source.url,
      redacted: c.source.redacted
    },
    contacts: { type: 'contact.list', contacts: c.customers.map(presentContactReferenceV2) },
    teammates: { type: 'admin.list', teammates: c.teammates.map(admin => ({ type: 'admin', id: admin.id })) },
    first_contact_reply: c.firstContactReplyAt === null ? null : { created_at: c.firstContactReplyAt, type: 'conversation', url: null },
    custom_attributes: c.customAttributes,
    topics: {},
    statistics: presentStatisticsV2(c.statistics),
    sla_applied: null
  }
  // 2.9's examples add `ticket` (null for a conversation that is not a ticket); no schema declares it.
  if (isAtLeast(version, 2, 9)) wire.ticket = c.ticket === null ? null : { type: 'ticket', id: c.ticket.id, ticket_id: c.ticket.ticketNumber, category: c.ticket.category }
  // 2.10 adds `linked_objects` (`linked_object_list`).
  if (isAtLeast(version, 2, 10)) wire.linked_objects = presentLinkedObjectsV2(c.linkedObjects)
  if (isAtLeast(version, 2, 11)) {
    // 2.11 adds Fin's participation: `ai_agent` (nullable) and `ai_agent_participated`.
    wire.ai_agent = null
    wire.ai_agent_participated = false
  }
  return wire
}
