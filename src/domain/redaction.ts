import type { DomainContext } from './context.js'
import { viewConversation } from './conversation-view.js'
import { errors } from './errors.js'
import type { Body, Conversation } from './types.js'

/** What Intercom shows in place of a redacted body (the 2.x redact example). */
export const REDACTED_BODY: Body = { text: '<p><i>This message was deleted</i></p>', format: 'html' }

/** `POST /conversations/redact`: a part (`conversation_part_id`) or the opening message (`source_id`). */
export interface RedactInput {
  type: string
  conversationId?: string | undefined
  conversationPartId?: string | undefined
  sourceId?: string | undefined
}

/**
 * Replaces the body with Intercom's deletion notice and marks it `redacted`; the text is then gone,
 * search included. A part must have a body, and a source must have been written by a contact
 * (Intercom's rule); either redacted already is refused the same way (400 `conversation_part_not_redactable`).
 */
export function redactConversation (ctx: DomainContext, input: RedactInput): Conversation {
  if (input.type !== 'conversation_part' && input.type !== 'source') {
    throw errors.parameterInvalid(`type must be conversation_part or source, not ${input.type}`, 'type')
  }
  const field = input.type === 'source' ? 'source_id' : 'conversation_part_id'
  const targetId = input.type === 'source' ? input.sourceId : input.conversationPartId
  if (input.conversationId === undefined || input.conversationId === '') throw errors.parameterInvalid('conversation_id is required', 'conversation_id')
  if (targetId === undefined || targetId === '') throw errors.parameterInvalid(`${field} is required`, field)
  return ctx.store.transaction(() => {
    const conversation = ctx.store.conversations.findById(input.conversationId as string)
    if (conversation === null) throw errors.partOrMessageNotFound()
    if (input.type === 'source') {
      const message = conversation.messageId === targetId ? ctx.store.messages.findById(targetId) : null
      if (message === null) throw errors.partOrMessageNotFound()
      if (message.authorType !== 'contact') throw errors.notRedactable('Only a source message written by a contact can be redacted')
      if (message.redacted) throw errors.notRedactable('The source message has already been redacted')
    } else {
      const part = ctx.store.parts.findById(targetId)
      if (part === null || part.conversationId !== conversation.id) throw errors.partOrMessageNotFound()
      if (part.body === null) throw errors.notRedactable('Only a conversation part with a body can be redacted')
      if (part.redacted) throw errors.notRedactable('The conversation part has already been redacted')
    }
    // All checks are above this line; below it, only writes.
    const now = ctx.clock.now()
    ctx.store.redactBody({ type: input.type === 'source' ? 'message' : 'part', id: targetId }, REDACTED_BODY, now)
    const updated = { ...conversation, updatedAt: now }
    ctx.store.conversations.update(updated)
    ctx.events.record({ type: 'conversation.redacted', conversationId: conversation.id, partId: input.type === 'source' ? null : targetId })
    return viewConversation(ctx, updated)
  })
}
