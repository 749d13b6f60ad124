import type { ConversationRecord, PartRecord } from '../store/index.js'
import type { DomainContext } from './context.js'
import type { Assignee, Body, PartType } from './types.js'

export interface NewPart {
  partType: PartType
  author: { type: 'contact' | 'admin', id: string }
  body?: Body | null
  assignedTo?: Assignee | null
  attachmentUrls?: string[]
}

/**
 * Writes a part onto a conversation and the conversation's new state (`changes`), moving
 * `updated_at` and counting the part. `now` is when it happened (the clock's now unless a part is
 * written after the fact, as a snooze's wake-up is). Call inside a transaction, after every check.
 */
export function appendPart (ctx: DomainContext, conversation: ConversationRecord, part: NewPart, changes: Partial<ConversationRecord>, now = ctx.clock.now()): ConversationRecord {
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
    createdAt: now,
    updatedAt: now,
    notifiedAt: now
  }
  ctx.store.parts.insert(record)
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
