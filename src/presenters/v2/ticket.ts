import { presentCursorPagesV2 } from './pages.js'
import type { Ticket, TicketState, TicketType, TicketTypeAttribute } from '../../domain/tickets/types.js'
import type { ConversationPart, Page } from '../../domain/types.js'
import { isAtLeast, type ApiVersion } from '../../versions.js'
import { renderBody } from '../body.js'
import { presentAttachmentV2, type AttachmentV2 } from './attachment.js'
import { presentAuthorV2, presentContactReferenceV2, type ContactReferenceV2 } from './author.js'
import { presentLinkedObjectsV2, type LinkedObjectListV2 } from './conversation.js'
import { integerId } from './integer-id.js'

/**
 * Tickets as 2.9+ render them. The shapes move with the minors: 2.10 adds `category`, `open`,
 * `snoozed_until` and `linked_objects`; 2.12 makes `ticket_state` an object (2.9–2.11: its category,
 * with the labels beside it) and gives types their `ticket_states`; 2.16 makes assignee ids integers
 * and adds `previous_ticket_state_id`.
 */
export interface TicketV2 {
  type: 'ticket'
  id: string
  ticket_id: string
  category?: TicketType['category']
  ticket_attributes: Record<string, unknown>
  ticket_state: TicketState['category'] | TicketStateV2
  ticket_state_internal_label?: string
  ticket_state_external_label?: string
  ticket_type: TicketTypeV2
  contacts: { type: 'contact.list', contacts: ContactReferenceV2[] }
  admin_assignee_id: string | number
  team_assignee_id: string | number
  created_at: number
  updated_at: number
  open?: boolean
  snoozed_until?: number
  linked_objects?: LinkedObjectListV2
  ticket_parts: { type: 'ticket_part.list', ticket_parts: TicketPartV2[], total_count: number }
  is_shared: boolean
  previous_ticket_state_id?: string | null
}

export interface TicketStateV2 {
  type: 'ticket_state'
  id: string
  category: TicketState['category']
  internal_label: string
  external_label: string
}

export interface TicketTypeV2 {
  type: 'ticket_type'
  id: string
  category?: TicketType['category']
  name: string
  description: string
  icon: string
  workspace_id: string
  ticket_type_attributes: { type: 'ticket_type_attributes.list', ticket_type_attributes: TicketTypeAttributeV2[] }
  ticket_states?: { type: 'list', data: TicketStateV2[] }
  archived: boolean
  created_at: number
  updated_at: number
}

export interface TicketTypeAttributeV2 {
  type: 'ticket_type_attribute'
  id: string
  workspace_id: string
  name: string
  description: string
  data_type: TicketTypeAttribute['dataType']
  input_options: Record<string, unknown>
  order: number
  required_to_create: boolean
  required_to_create_for_contacts: boolean
  visible_on_create: boolean
  visible_to_contacts: boolean
  default: boolean
  ticket_type_id: number
  archived: boolean
  created_at: number
  updated_at: number
}

export interface TicketPartV2 {
  type: 'ticket_part'
  id: string
  part_type: string
  body: string | null
  ticket_state?: TicketState['category']
  created_at: number
  updated_at: number
  assigned_to?: { type: string, id: string } | null
  author: { type: 'admin' | 'bot' | 'team' | 'user', id: string, name: string | null, email?: string }
  attachments: AttachmentV2[]
  external_id?: null
  redacted: boolean
}

export function presentTicketV2 (t: Ticket, appId: string, states: readonly TicketState[], version: ApiVersion): TicketV2 {
  const c = t.conversation
  const integers = isAtLeast(version, 2, 16)
  const assignee = (id: string | null) => integers ? (id === null ? 0 : integerId(id)) : (id ?? '0')
  const stateObjects = isAtLeast(version, 2, 12)
  const wire: TicketV2 = {
    type: 'ticket',
    id: t.id,
    ticket_id: t.ticketNumber,
    ticket_attributes: t.attributes,
    ticket_state: stateObjects ? presentTicketStateV2(t.state) : t.state.category,
    ticket_type: presentTicketTypeV2(t.type, appId, states, version),
    contacts: { type: 'contact.list', contacts: c.customers.map(presentContactReferenceV2) },
    admin_assignee_id: assignee(c.adminAssigneeId),
    team_assignee_id: assignee(c.teamAssigneeId),
    created_at: t.createdAt,
    updated_at: t.updatedAt,
    ticket_parts: {
      type: 'ticket_part.list',
      ticket_parts: (c.parts ?? []).map(part => presentTicketPartV2(part, t.state)),
      total_count: c.parts?.length ?? 0
    },
    is_shared: t.isShared
  }
  if (!stateObjects) {
    wire.ticket_state_internal_label = t.state.internalLabel
    wire.ticket_state_external_label = t.state.externalLabel
  }
  if (isAtLeast(version, 2, 10)) {
    wire.category = t.type.category
    wire.open = c.state !== 'closed'
    if (c.snoozedUntil !== null) wire.snoozed_until = c.snoozedUntil
    wire.linked_objects = presentLinkedObjectsV2(c.linkedObjects)
  }
  if (integers) wire.previous_ticket_state_id = t.previousStateId
  return wire
}

/** `POST /tickets/search`: a `ticket.list` paged by cursor (`cursor_pages`). */
export function presentTicketListV2 (page: Page<Ticket>, appId: string, states: readonly TicketState[], version: ApiVersion) {
  return {
    type: 'ticket.list' as const,
    tickets: page.items.map(t => presentTicketV2(t, appId, states, version)),
    total_count: page.totalCount,
    pages: presentCursorPagesV2(page)
  }
}

export function presentTicketStateV2 (state: TicketState): TicketStateV2 {
  return { type: 'ticket_state', id: state.id, category: state.category, internal_label: state.internalLabel, external_label: state.externalLabel }
}

export function presentTicketTypeV2 (type: TicketType, appId: string, states: readonly TicketState[], version: ApiVersion): TicketTypeV2 {
  const wire: TicketTypeV2 = {
    type: 'ticket_type',
    id: type.id,
    name: type.name,
    description: type.description,
    icon: type.icon,
    workspace_id: appId,
    ticket_type_attributes: {
      type: 'ticket_type_attributes.list',
      ticket_type_attributes: type.attributes.map(attribute => presentAttributeV2(attribute, type, appId))
    },
    archived: type.archived,
    created_at: type.createdAt,
    updated_at: type.updatedAt
  }
  if (isAtLeast(version, 2, 10)) wire.category = type.category
  if (isAtLeast(version, 2, 12)) wire.ticket_states = { type: 'list', data: states.map(presentTicketStateV2) }
  return wire
}

/** `GET /ticket_types`: 2.9–2.11 `ticket_types` under the type 2.11 declares; 2.12+ a `list` of `data`. */
export function presentTicketTypeListV2 (types: readonly TicketType[], appId: string, states: readonly TicketState[], version: ApiVersion) {
  const items = types.map(type => presentTicketTypeV2(type, appId, states, version))
  return isAtLeast(version, 2, 12) ? { type: 'list' as const, data: items } : { type: 'ticket_type_attributes.list' as const, ticket_types: items }
}

/** `GET /ticket_states` (2.12+): every state, with the types that use it (all of them). */
export function presentTicketStateListV2 ({ states, types }: { states: TicketState[], types: TicketType[] }, appId: string, version: ApiVersion) {
  return {
    type: 'list' as const,
    data: states.map(state => ({
      ...presentTicketStateV2(state),
      archived: false,
      ticket_types: { type: 'list' as const, data: types.map(type => presentTicketTypeV2(type, appId, states, version)) }
    }))
  }
}

/** `ticket_reply`: the part `POST /tickets/{id}/reply` wrote. */
export function presentTicketReplyV2 (part: ConversationPart) {
  return {
    type: 'ticket_part' as const,
    id: part.id,
    // `ticket_reply` knows comments and notes: a customer's reply that reopened the ticket is its comment.
    part_type: part.partType === 'open' ? 'comment' : part.partType,
    body: part.body === null ? null : renderBody(part.body, 'html'),
    created_at: part.createdAt,
    updated_at: part.updatedAt,
    author: ticketAuthor(part),
    attachments: part.attachments.map(presentAttachmentV2),
    redacted: part.redacted
  }
}

/** `ticket_deleted` (2.13+). */
export function presentDeletedTicketV2 (deleted: { id: string }) {
  return { id: deleted.id, object: 'ticket' as const, deleted: true as const }
}

function presentTicketPartV2 (part: ConversationPart, state: TicketState): TicketPartV2 {
  return {
    type: 'ticket_part',
    id: part.id,
    part_type: part.partType,
    body: part.body === null ? null : renderBody(part.body, 'html'),
    // The mock keeps no state history per part: each part shows the ticket's state now.
    ticket_state: state.category,
    created_at: part.createdAt,
    updated_at: part.updatedAt,
    assigned_to: part.assignedTo === null ? null : { type: part.assignedTo.type, id: part.assignedTo.id },
    author: ticketAuthor(part),
    attachments: part.attachments.map(presentAttachmentV2),
    external_id: null,
    redacted: part.redacted
  }
}

/** `ticket_part_author`: a contact is a `user` whatever its role (the enum has no lead). */
function ticketAuthor (part: ConversationPart): TicketPartV2['author'] {
  const author = presentAuthorV2(part.author)
  return { ...author, type: author.type === 'lead' ? 'user' : author.type }
}

function presentAttributeV2 (attribute: TicketTypeAttribute, type: TicketType, appId: string): TicketTypeAttributeV2 {
  return {
    type: 'ticket_type_attribute',
    id: attribute.id,
    workspace_id: appId,
    name: attribute.name,
    description: attribute.description,
    data_type: attribute.dataType,
    input_options: attribute.inputOptions,
    order: attribute.order,
    required_to_create: attribute.requiredToCreate,
    required_to_create_for_contacts: attribute.requiredToCreateForContacts,
    visible_on_create: attribute.visibleOnCreate,
    visible_to_contacts: attribute.visibleToContacts,
    default: attribute.isDefault,
    ticket_type_id: integerId(type.id),
    archived: attribute.archived,
    created_at: type.createdAt,
    updated_at: type.updatedAt
  }
}
