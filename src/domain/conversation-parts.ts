import type { ConversationRecord, PartRecord } from '../store/index.js'
import { saveAttachmentFiles, type DecodedFile } from './attachments.js'
import type { DomainContext } from './context.js'
import type { Assignee, Body, PartType } from './types.js'

export interface NewPart {
  partType: PartType
  author: { type: 'contact' | 'admin' | 'bot', id: string }
  body?: Body | null
  assignedTo?: Assignee | null
  attachmentUrls?: string[]
  /** Files sent inline, stored with the part and served at the mock's `origin`. */
  files?: { decoded: readonly DecodedFile[], origin: string } | undefined
  /** When it was written, if not now (2.x replies' `created_at`). */
  createdAt?: number | undefined
}

/**
 * Writes a part onto a conversation and the conversation's new state (`changes`), moving
 * `updated_at` and counting the part. `now` is when it happened (the clock's now unless a part is
 * written after the fact, as a snooze's wake-up is). Call inside a transaction, after every check.
 */
export function appendPart (ctx: DomainContext, conversation: ConversationRecord, part: NewPart, changes: Partial<ConversationRecord>, now = ctx.clock.now()): ConversationRecord {
  const at = part.createdAt ?? now
  const record: PartRecord = {
    id: ctx.ids.partId(),
    conversationId: conversation.id,
    partType: part.partType,
    body: part.body?.text ?? null,
    bodyFormat: part.body?.format ?? null,
    authorType: part.author.type,
    authorId: part.author.id,
    assignedToType: part.assignedTo?.type ?? null,
    assignedToId: part.assignedTo?.id ?? null,
    attachmentUrls: part.attachmentUrls ?? [],
    redacted: false,
    createdAt: at,
    updatedAt: at,
    notifiedAt: at
  }
  ctx.store.parts.insert(record)
  if (part.files !== undefined) saveAttachmentFiles(ctx, { conversationId: conversation.id, type: 'part', id: record.id }, part.files.decoded, part.files.origin)
  const updated: ConversationRecord = { ...conversation, ...changes, partsCount: conversation.partsCount + 1, updatedAt: now }
  ctx.store.conversations.update(updated)
  ctx.events.record({
    type: 'conversation.part_added',
    conversationId: conversation.id,
    partId: record.id,
    partType: record.partType,
    authorType: record.authorType,
    stateBefore: conversation.state
  })
  return updated
}
