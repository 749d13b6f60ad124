import type { ClockSetting } from './clock.js'
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
  /** 2.x `POST /contacts/{id}/archive`: left out of lists and search until unarchived. */
  archived: boolean
  /** 2.x `owner_id`: the admin who owns the contact's account. */
  ownerId: string | null
  /** 2.13+ `POST /contacts/{id}/block`. */
  blocked: boolean
  createdAt: UnixSeconds
  updatedAt: UnixSeconds
  /** What the contact is linked to, read with it. */
  links: ContactLinks
}

/** A contact's tags, companies, notes, segments and subscription choices, as its answers list them. */
export interface ContactLinks {
  tags: AppliedTag[]
  companies: CompanyRef[]
  /** Newest first. */
  noteIds: string[]
  /** Segments whose filter the contact matches now. */
  segmentIds: string[]
  /** Subscription types the contact chose (opted into an opt-in type, out of an opt-out type). */
  subscriptions: Array<{ subscriptionTypeId: string, consent: ConsentType }>
}

export const NO_LINKS: ContactLinks = { tags: [], companies: [], noteIds: [], segmentIds: [], subscriptions: [] }

export interface Tag {
  id: string
  name: string
}

/** A tag on a contact, conversation or company: when, and by which admin (null when not known). */
export interface AppliedTag {
  tag: Tag
  /** Null for a tag answered by an untag request that found it not applied. */
  appliedAt: UnixSeconds | null
  appliedBy: string | null
}

export interface CompanyRef {
  id: string
  companyId: string
  name: string | null
}

export interface Company {
  id: string
  companyId: string
  name: string | null
  plan: string | null
  size: number | null
  website: string | null
  industry: string | null
  monthlySpend: number
  customAttributes: Record<string, unknown>
  remoteCreatedAt: UnixSeconds | null
  lastRequestAt: UnixSeconds | null
  createdAt: UnixSeconds
  updatedAt: UnixSeconds
  /** Live contacts attached to it. */
  userCount: number
  /** The sessions of those contacts, summed. */
  sessionCount: number
  tags: AppliedTag[]
}

export interface Note {
  id: string
  contactId: string
  /** The admin who wrote it; null when the API call named none and the workspace has no owner. */
  author: Admin | null
  /** HTML, as Intercom stores it. */
  body: string
  createdAt: UnixSeconds
}

export interface Segment {
  id: string
  name: string
  personType: 'user' | 'contact'
  createdAt: UnixSeconds
  updatedAt: UnixSeconds
  /** Set when asked for (`include_count=true`). */
  count: number | null
}

export type DataAttributeModel = 'contact' | 'company' | 'conversation'
export type DataAttributeType = 'string' | 'integer' | 'float' | 'boolean' | 'date'

export interface DataAttribute {
  /** Null for the attributes Intercom defines itself. */
  id: number | null
  model: DataAttributeModel
  name: string
  label: string
  description: string | null
  dataType: DataAttributeType
  options: string[] | null
  apiWritable: boolean
  messengerWritable: boolean
  custom: boolean
  archived: boolean
  adminId: string | null
  createdAt: UnixSeconds | null
  updatedAt: UnixSeconds | null
}

export interface DataEvent {
  id: string
  eventName: string
  createdAt: UnixSeconds
  contact: ContactRef & { anonymousId: string | null }
  metadata: Record<string, unknown>
}

export interface EventSummary {
  name: string
  count: number
  first: UnixSeconds
  last: UnixSeconds
}

export type ConsentType = 'opt_in' | 'opt_out'

export interface SubscriptionType {
  id: string
  name: string
  description: string
  locale: string
  consentType: ConsentType
  state: 'live' | 'draft' | 'archived'
  contentTypes: Array<'email' | 'sms_message'>
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
  /** Keys the HMAC of every webhook notification (`X-Hub-Signature`). */
  clientSecret: string
}

export interface Workspace {
  id: number
  token: string
  app: App
  /** The admin who owns the access token: what `GET /me` returns. */
  ownerAdminId: string | null
  /** The Intercom-Version of this workspace's requests that send none (Intercom pins one per app). */
  apiVersion: string | null
  /** Everything the mock makes up for this workspace (ids, UUIDs, request ids) derives from it. */
  seed: string
  clock: ClockSetting
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
  | 'note_and_reopen' | 'participant_added' | 'participant_removed' | 'timer_unsnooze' | 'away_mode_assignment'

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
  tags: AppliedTag[]
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
