import type { Author, ContactRef, Conversation, ConversationPart, Page } from '../../domain/types.js'
import { attachmentFile } from '../attachment-file.js'
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
  customer_first_reply: { created_at: number, type: 'conversation', url: null } | null
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
}

export interface AttachmentV1 {
  type: 'upload'
  name: string
  url: string
  content_type: string
  filesize: number
  width: null
  height: null
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

export function presentConversationV1 (c: Conversation, display: BodyDisplay): ConversationV1 {
  const customers = c.customers.map(presentContactRef)
  const wire: ConversationV1 = {
    type: 'conversation',
    id: c.id,
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    sent_at: c.createdAt,
    waiting_since: c.waitingSince,
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
      attachments: [],
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
  if (c.parts !== null) {
    wire.conversation_parts = {
      type: 'conversation_part.list',
      conversation_parts: c.parts.map(part => presentPartV1(part, display)),
      total_count: c.parts.length
    }
  }
  return wire
}

export function presentConversationListV1 (page: Page<Conversation>, display: BodyDisplay, link: PageLink): ConversationListV1 {
  return {
    type: 'conversation.list',
    conversations: page.items.map(c => presentConversationV1(c, display)),
    pages: presentPagesV1(page, link)
  }
}

function presentPartV1 (part: ConversationPart, display: BodyDisplay): ConversationPartV1 {
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
    attachments: part.attachmentUrls.map(presentAttachmentV1),
    external_id: null
  }
}

/** 1.x names a lead "lead" in conversations (and "contact" in the people API). */
function presentContactRef (contact: ContactRef): ReferenceV1 {
  return { type: contact.role === 'user' ? 'user' : 'lead', id: contact.id }
}

function presentAuthor (author: Author): ReferenceV1 {
  if (author.kind === 'contact') return presentContactRef(author.contact)
  if (author.kind === 'admin') return { type: 'admin', id: author.admin.id }
  return { type: 'bot', id: author.id }
}

/** The mock only knows an attachment's URL: its size and dimensions are unknown (0 and null). */
function presentAttachmentV1 (url: string): AttachmentV1 {
  const { name, contentType } = attachmentFile(url)
  return { type: 'upload', name, url, content_type: contentType, filesize: 0, width: null, height: null }
}
