import type { ConversationRecord, PartRecord } from '../store/index.js'
import type { DomainContext } from './context.js'
import type { Assignee, Body, PartType } from './types.js'

export interface NewPart {
  partType: PartType
  author: { type: 'contact' | 'admin' | 'bot', id: string }
  body?: Body | null
  assignedTo?: Assignee | null
  attachmentUrls?: string[]
}

/**
 * Writes a part onto a conversation and the conversation's new state (`changes`), moving
 * `updated_at` and counting the part. Call inside a transaction, after every check.
 */
export function appendPart (ctx: DomainContext, conversation: ConversationRecord, part: NewPart, changes: Partial<ConversationRecord>): ConversationRecord {
  const now = ctx.clock.now()
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
    createdAt: now,
    updatedAt: now,
    notifiedAt: now
  }
  ctx.store.parts.insert(record)
  const updated: ConversationRecord = { ...conversation, ...changes, partsCount: conversation.partsCount + 1, updatedAt: now }
  ctx.store.conversations.update(updated)
  return updated
}
