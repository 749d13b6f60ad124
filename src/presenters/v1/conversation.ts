import type { Attachment, Author, ContactRef, Conversation, ConversationPart, Page } from '../../domain/types.js'
import { isAtLeast, type ApiVersion } from '../../versions.js'
import { renderBody, type BodyDisplay } from '../body.js'
import { presentPagesV1, type PageLink, type PagesV1 } from './pages.js'
import { presentTagListV1, type TagListV1 } from './tag.js'

/** The 1.x conversation (intercom-api.md §2.1). List items leave out `conversation_parts`. */
export interface ConversationV1 {
  type: 'conversation'
  id: string
  created_at: number
  updated_at: number
  sent_at: number
  waiting_since: number | null
  snoozed_until: number | null
  open: boolean
  state: Conversation['state']
  read: boolean
  assignee: { type: 'admin' | 'team', id: string } | { type: 'nobody_admin', id: null }
  user: ReferenceV1 | null
  customers: ReferenceV1[]
  conversation_message: {
    type: 'conversation' | 'email'
    id: string
    delivered_as: string
    subject: string
    body: string
    author: ReferenceV1
    attachments: AttachmentV1[]
    url: string | null
  }
  /** 1.1+. */
  customer_first_reply?: { created_at: number, type: 'conversation', url: null } | null
  conversation_parts?: { type: 'conversation_part.list', conversation_parts: ConversationPartV1[], total_count: number }
  conversation_rating: {
    rating: null
    remark: null
    created_at: null
    customer: { type: null, id: null }
    teammate: { type: null, id: null }
  }
  tags: TagListV1
}

export interface ReferenceV1 {
  type: string
  id: string
  /** Authors, from 1.3. */
  name?: string | null
  email?: string | null
}

export interface AttachmentV1 {
  type: 'upload'
  name: string
  url: string
  content_type: string
  filesize: number
  width: number | null
  height: number | null
}

export interface ConversationPartV1 {
  type: 'conversation_part'
  id: string
  part_type: string
  body: string | null
  created_at: number
  updated_at: number
  notified_at: number
  assigned_to: { type: 'admin' | 'team', id: string } | null
  author: ReferenceV1
  attachments: AttachmentV1[]
  external_id: null
}

export interface ConversationListV1 {
  type: 'conversation.list'
  conversations: ConversationV1[]
  pages: PagesV1
}

/** 2000 years, the distance into the future 1.0 and 1.1 put `waiting_since` at once an admin replied. */
const TWO_THOUSAND_YEARS = 2000 * 31_556_952

/**
 * A conversation in the shapes of the 1.x minors: 1.0 has no `customer_first_reply` (1.1 added it);
 * before 1.2, a conversation an admin replied to last waits "since" 2000 years after that reply
 * rather than null; from 1.3, authors carry `name` and `email`.
 */
export function presentConversationV1 (c: Conversation, display: BodyDisplay, version: ApiVersion): ConversationV1 {
  const customers = c.customers.map(presentContactRef)
  const presentAuthor = (author: Author) => presentAuthorV1(author, isAtLeast(version, 1, 3))
  const lastAdminReply = c.statistics.lastAdminReplyAt
  const wire: ConversationV1 = {
    type: 'conversation',
    id: c.id,
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    sent_at: c.createdAt,
    waiting_since: c.waitingSince === null && !isAtLeast(version, 1, 2) && lastAdminReply !== null ? lastAdminReply + TWO_THOUSAND_YEARS : c.waitingSince,
    snoozed_until: c.snoozedUntil,
    open: c.state !== 'closed',
    state: c.state,
    read: c.read,
    assignee: c.adminAssigneeId !== null ? { type: 'admin', id: c.adminAssigneeId }
      : c.teamAssigneeId !== null ? { type: 'team', id: c.teamAssigneeId } : { type: 'nobody_admin', id: null },
    user: customers[0] ?? null,
    customers,
    conversation_message: {
      type: c.source.messageType === 'email' ? 'email' : 'conversation',
      id: c.source.messageId,
      delivered_as: c.source.deliveredAs,
      subject: c.source.subject ?? '',
      body: renderBody(c.source.body, display),
      author: presentAuthor(c.source.author),
      attachments: c.source.attachments.map(presentAttachmentV1),
      url: c.source.url
    },
    customer_first_reply: c.customerFirstReplyAt === null ? null : { created_at: c.customerFirstReplyAt, type: 'conversation', url: null },
    conversation_rating: {
      rating: null,
      remark: null,
      created_at: null,
      customer: { type: null, id: null },
      teammate: { type: null, id: null }
    },
    tags: presentTagListV1(c.tags)
  }
  if (!isAtLeast(version, 1, 1)) delete wire.customer_first_reply
  if (c.parts !== null) {
    wire.conversation_parts = {
      type: 'conversation_part.list',
      conversation_parts: c.parts.map(part => presentPartV1(part, display, presentAuthor)),
      total_count: c.parts.length
    }
  }
  return wire
}

export function presentConversationListV1 (page: Page<Conversation>, display: BodyDisplay, link: PageLink, version: ApiVersion): ConversationListV1 {
  return {
    type: 'conversation.list',
    conversations: page.items.map(c => presentConversationV1(c, display, version)),
    pages: presentPagesV1(page, link)
  }
}

function presentPartV1 (part: ConversationPart, display: BodyDisplay, presentAuthor: (author: Author) => ReferenceV1): ConversationPartV1 {
  return {
    type: 'conversation_part',
    id: part.id,
    part_type: part.partType,
    body: part.body === null ? null : renderBody(part.body, display),
    created_at: part.createdAt,
    updated_at: part.updatedAt,
    notified_at: part.notifiedAt,
    assigned_to: part.assignedTo,
    author: presentAuthor(part.author),
    attachments: part.attachments.map(presentAttachmentV1),
    external_id: null
  }
}

/** 1.x names a lead "lead" in conversations (and "contact" in the people API). */
function presentContactRef (contact: ContactRef): ReferenceV1 {
  return { type: contact.role === 'user' ? 'user' : 'lead', id: contact.id }
}

/** From 1.3 an author has its `name` and `email` (null when the contact has none). */
function presentAuthorV1 (author: Author, named: boolean): ReferenceV1 {
  if (author.kind === 'contact') {
    const ref = presentContactRef(author.contact)
    // Written out rather than spread: a listing renders an author for every conversation.
    return named ? { type: ref.type, id: ref.id, name: author.contact.name, email: author.contact.email } : ref
  }
  if (author.kind === 'admin') return named ? { type: 'admin', id: author.admin.id, name: author.admin.name, email: author.admin.email } : { type: 'admin', id: author.admin.id }
  return named ? { type: 'bot', id: author.id, name: 'Operator', email: 'operator@intercom.io' } : { type: 'bot', id: author.id }
}

/** An attachment URL the mock did not fetch has size 0 and no dimensions (null), as 1.x showed unknown ones. */
function presentAttachmentV1 (a: Attachment): AttachmentV1 {
  return { type: 'upload', name: a.name, url: a.url, content_type: a.contentType, filesize: a.filesize ?? 0, width: a.width, height: a.height }
}
