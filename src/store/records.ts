import type { ConversationState, DeliveredAs, MessageType, PartType, UnixSeconds } from '../domain/types.js'

/**
 * Conversations, messages and parts as stored: references by id, not yet resolved into the authors,
 * customers and assignees the domain renders (domain/conversation-view.ts does that, in batches).
 */
export type AuthorType = 'contact' | 'admin' | 'bot'
export type BodyFormat = 'plaintext' | 'html'

export interface ConversationRecord {
  id: string
  messageId: string
  deliveredAs: DeliveredAs
  state: ConversationState
  read: boolean
  title: string | null
  adminAssigneeId: string | null
  teamAssigneeId: string | null
  waitingSince: UnixSeconds | null
  snoozedUntil: UnixSeconds | null
  customerFirstReplyAt: UnixSeconds | null
  lastAuthorType: AuthorType
  customAttributes: Record<string, unknown>
  /** 2.14+ `company_id` of `PUT /conversations/{id}`: the company the conversation is about. */
  companyId: string | null
  partsCount: number
  createdAt: UnixSeconds
  updatedAt: UnixSeconds
}

export interface MessageRecord {
  id: string
  conversationId: string
  authorType: 'contact' | 'admin'
  authorId: string
  messageType: MessageType
  subject: string | null
  body: string
  bodyFormat: BodyFormat
  template: 'plain' | 'personal' | null
  url: string | null
  attachmentUrls: string[]
  redacted: boolean
  createdAt: UnixSeconds
}

export interface PartRecord {
  id: string
  conversationId: string
  partType: PartType
  body: string | null
  bodyFormat: BodyFormat | null
  authorType: AuthorType
  authorId: string
  assignedToType: 'admin' | 'team' | null
  assignedToId: string | null
  attachmentUrls: string[]
  redacted: boolean
  createdAt: UnixSeconds
  updatedAt: UnixSeconds
  notifiedAt: UnixSeconds
}

export type ConversationSortField = 'created_at' | 'updated_at' | 'waiting_since'

/** The filters and order of a conversation listing; each combination is one prepared statement. */
export interface ConversationQuery {
  /** Only conversations this contact is a customer of. */
  contactId?: string
  /** Only conversations assigned to this admin; `null` for unassigned ones. */
  adminAssigneeId?: string | null
  /** `true`: open or snoozed; `false`: closed. */
  open?: boolean
  unreadOnly?: boolean
  updatedBefore?: UnixSeconds
  /** Only conversations waiting on an admin: not closed, and a customer spoke last. */
  waitingOnly?: boolean
  sort: ConversationSortField
  direction: 'asc' | 'desc'
}
