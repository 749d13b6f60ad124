import type { ConversationPart } from '../../domain/types.js'
import { isAtLeast, type ApiVersion } from '../../versions.js'
import { renderBody, type BodyDisplay } from '../body.js'
import { presentAttachmentV2, type AttachmentV2 } from './attachment.js'
import { presentAuthorV2, type AuthorV2 } from './author.js'

/** `conversation_part` (intercom-api.md §2.5). */
export interface ConversationPartV2 {
  type: 'conversation_part'
  id: string
  part_type: ConversationPart['partType']
  body: string | null
  created_at: number
  updated_at: number
  notified_at: number
  assigned_to: { type: 'admin' | 'team', id: string } | null
  author: AuthorV2
  attachments: AttachmentV2[]
  external_id: null
  redacted: boolean
  // 2.13+: always empty for parts the mock records (no email, tags, app events or integrations).
  email_message_metadata?: null
  tags?: []
  event_details?: null
  app_package_code?: null
}

export interface ConversationPartListV2 {
  type: 'conversation_part.list'
  conversation_parts: ConversationPartV2[]
  total_count: number
}

export function presentConversationPartsV2 (parts: readonly ConversationPart[], display: BodyDisplay, version: ApiVersion): ConversationPartListV2 {
  return {
    type: 'conversation_part.list',
    conversation_parts: parts.map(part => presentConversationPartV2(part, display, version)),
    total_count: parts.length
  }
}

export function presentConversationPartV2 (part: ConversationPart, display: BodyDisplay, version: ApiVersion): ConversationPartV2 {
  const wire: ConversationPartV2 = {
    type: 'conversation_part',
    id: part.id,
    part_type: part.partType,
    body: part.body === null ? null : renderBody(part.body, display),
    created_at: part.createdAt,
    updated_at: part.updatedAt,
    notified_at: part.notifiedAt,
    assigned_to: part.assignedTo === null ? null : { type: part.assignedTo.type, id: part.assignedTo.id },
    author: presentAuthorV2(part.author),
    attachments: part.attachments.map(presentAttachmentV2),
    external_id: null,
    redacted: part.redacted
  }
  if (isAtLeast(version, 2, 13)) {
    // 2.13 adds these to `conversation_part`; its examples (and every later one) carry them.
    wire.email_message_metadata = null
    wire.tags = []
    wire.event_details = null
    wire.app_package_code = null
  }
  return wire
}
