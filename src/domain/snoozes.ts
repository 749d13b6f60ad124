import type { DomainContext } from './context.js'
import { appendPart } from './conversation-parts.js'
import type { ConversationRecord } from '../store/index.js'

/**
 * Wakes every snoozed conversation whose `snoozed_until` the workspace's clock has passed, as Intercom
 * does: it is open again, with a `timer_unsnooze` part (Intercom's part type for it in 1.x and 2.x,
 * intercom-api.md §2.1) written at the time it woke and authored by the admin who snoozed it (the
 * workspace's owner when no part says who). Answers the conversations it woke.
 */
export function wakeSnoozedConversations (ctx: DomainContext): ConversationRecord[] {
  const due = ctx.store.conversations.dueSnoozes(ctx.clock.now())
  if (due.length === 0) return []
  return ctx.store.transaction(() => due.map(conversation => {
    const wokeAt = conversation.snoozedUntil ?? ctx.clock.now()
    return appendPart(ctx, conversation, { partType: 'timer_unsnooze', author: { type: 'admin', id: snoozerOf(ctx, conversation) } },
      { state: 'open', snoozedUntil: null }, Math.max(wokeAt, conversation.updatedAt))
  }))
}

function snoozerOf (ctx: DomainContext, conversation: ConversationRecord): string {
  const parts = ctx.store.parts.ofConversations([conversation.id]).get(conversation.id) ?? []
  const snoozed = parts.findLast(part => part.partType === 'snoozed' && part.authorType === 'admin')
  return snoozed?.authorId ?? conversation.adminAssigneeId ?? ctx.workspace.ownerAdminId ?? ctx.store.admins.all()[0]?.id ?? '0'
}
