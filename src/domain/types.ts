import type { TicketCategory, TicketLink } from './tickets/types.js'

/**
 * The one model behind every API version. Presenters render these as 1.x or 2.x wire shapes;
 * nothing here knows about either.
 */

/** Intercom's 2.x contact model: 1.x users, leads and visitors are the same rows. */
export type ContactRole = 'user' | 'lead' | 'visitor'

/** Unix time in seconds, as every Intercom timestamp is. */
export type UnixSeconds = number

export interface Contact {
  id: string
  role: ContactRole
  /** Your id for the contact: a 1.x user's `user_id`, a 2.x contact's `external_id`. */
  externalId: string | null
  /** The UUID Intercom gives every lead and visitor: their 1.x `user_id`. */
  anonymousId: string | null
  email: string | null
  phone: string | null
  name: string | null
  pseudonym: string | null
  avatarUrl: string | null
  unsubscribedFromEmails: boolean
  customAttributes: Record<string, unknown>
  signedUpAt: UnixSeconds | null
  lastRequestAt: UnixSeconds | null
  lastRepliedAt: UnixSeconds | null
  sessionCount: number
  /** 2.x `owner_id`: the admin who owns the contact's account. */
  ownerId: string | null
  createdAt: UnixSeconds
  updatedAt: UnixSeconds
}

/** Just enough of a contact to render it as an author, customer or recipient. */
export interface ContactRef {
  id: string
  role: ContactRole
  externalId: string | null
  email: string | null
  name: string | null
}

export interface Admin {
  id: string
  name: string
  email: string
  jobTitle: string | null
  awayModeEnabled: boolean
  awayModeReassign: boolean
  /** 2.14+ `away_status_reason_id`, set with away mode. */
  awayStatusReasonId: string | null
  hasInboxSeat: boolean
  avatarUrl: string | null
  teamIds: string[]
}

export interface Team {
  id: string
  name: string
  adminIds: string[]
}

export interface App {
  idCode: string
  name: string
  createdAt: UnixSeconds
  timezone: string
  region: string
}

export interface Workspace {
  id: number
  token: string
  app: App
  /** The admin who owns the access token: what `GET /me` returns. */
  ownerAdminId: string | null
  /** The Intercom-Version of this workspace's requests that send none (Intercom pins one per app). */
  apiVersion: string | null
}

/**
 * A body as it was written. Users write plaintext (Intercom renders it as escaped `<p>` paragraphs);
 * admins write HTML. Presenters decide how it appears (HTML, or plaintext for `display_as=plaintext`).
 */
export interface Body {
  text: string
  format: 'plaintext' | 'html'
}

/** Who wrote a message or a part. A contact's type is its role now, not when it wrote. */
export type Author =
  | { kind: 'contact', contact: ContactRef }
  | { kind: 'admin', admin: AdminRef }
  | { kind: 'bot', id: string }

export interface AdminRef {
  id: string
  name: string
  email: string
}

export type MessageType = 'inapp' | 'email'

export interface Message {
  id: string
  conversationId: string
  initiator: 'contact' | 'admin'
  messageType: MessageType
  subject: string | null
  body: string
  template: 'plain' | 'personal' | null
  createdAt: UnixSeconds
  /** Set on admin-initiated messages: the sending admin, rendered as `owner`. */
  owner: Admin | null
}

export type ConversationState = 'open' | 'closed' | 'snoozed'

export type DeliveredAs = 'customer_initiated' | 'admin_initiated' | 'automated' | 'campaigns_initiated' | 'operator_initiated'

/** The message that opened a conversation: 1.x `conversation_message`, 2.x `source`. */
export interface ConversationSource {
  messageId: string
  deliveredAs: DeliveredAs
  messageType: MessageType
  subject: string | null
  body: Body
  author: Author
  url: string | null
  attachments: Attachment[]
  redacted: boolean
}

export interface Assignee {
  type: 'admin' | 'team'
  id: string
}

export type PartType =
  | 'comment' | 'note' | 'assignment' | 'assign_and_reopen' | 'open' | 'close' | 'snoozed' | 'unsnoozed'
  | 'note_and_reopen' | 'participant_added' | 'participant_removed' | 'away_mode_assignment'

/** A file on a message or part. Sizes are null when unknown (a URL the mock did not fetch). */
export interface Attachment {
  url: string
  name: string
  contentType: string
  filesize: number | null
  width: number | null
  height: number | null
}

export interface ConversationPart {
  id: string
  partType: PartType
  body: Body | null
  author: Author
  assignedTo: Assignee | null
  attachments: Attachment[]
  /** True once redacted: the body is Intercom's deletion notice. */
  redacted: boolean
  createdAt: UnixSeconds
  updatedAt: UnixSeconds
  notifiedAt: UnixSeconds
}

export interface Conversation {
  id: string
  createdAt: UnixSeconds
  updatedAt: UnixSeconds
  waitingSince: UnixSeconds | null
  snoozedUntil: UnixSeconds | null
  state: ConversationState
  read: boolean
  title: string | null
  adminAssigneeId: string | null
  teamAssigneeId: string | null
  customers: ContactRef[]
  source: ConversationSource
  customerFirstReplyAt: UnixSeconds | null
  /**
   * 2.x `first_contact_reply`: the customer's first message, which for a conversation the customer
   * started is its opening message, and for one an admin started, the customer's first reply.
   */
  firstContactReplyAt: UnixSeconds | null
  customAttributes: Record<string, unknown>
  /** Admins who wrote the opening message or any part (2.x `teammates`). */
  teammates: AdminRef[]
  statistics: ConversationStatistics
  partsCount: number
  /** Present when the conversation was retrieved whole; list items leave it out. */
  parts: ConversationPart[] | null
  /** The ticket this conversation is (converted, or created as a ticket), if any. */
  ticket: TicketLink | null
  /** 2.x `linked_objects`: tickets linked to this conversation, or the conversation a ticket was linked to. */
  linkedObjects: LinkedObject[]
}

export interface LinkedObject {
  type: 'ticket' | 'conversation'
  id: string
  category: TicketCategory | null
}

/** Figures Intercom keeps per conversation (2.x `statistics`), derived from its parts. Times are unix seconds. */
export interface ConversationStatistics {
  timeToAssignment: number | null
  timeToAdminReply: number | null
  timeToFirstClose: number | null
  timeToLastClose: number | null
  medianTimeToReply: number | null
  firstContactReplyAt: UnixSeconds | null
  firstAssignmentAt: UnixSeconds | null
  firstAdminReplyAt: UnixSeconds | null
  firstCloseAt: UnixSeconds | null
  lastAssignmentAt: UnixSeconds | null
  lastAssignmentAdminReplyAt: UnixSeconds | null
  lastContactReplyAt: UnixSeconds | null
  lastAdminReplyAt: UnixSeconds | null
  lastCloseAt: UnixSeconds | null
  lastClosedById: string | null
  countReopens: number
  countAssignments: number
  countConversationParts: number
}

/** One page of a list: 1.x links pages by number, 2.x by the opaque `starting_after` cursor. */
export interface Page<T> {
  items: T[]
  page: number
  perPage: number
  totalCount: number
  totalPages: number
  /** The cursor of the next page, or null on the last. */
  nextStartingAfter: string | null
}
