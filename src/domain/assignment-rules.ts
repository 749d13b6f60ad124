import type { ConversationRecord } from '../store/index.js'
import type { DomainContext } from './context.js'
import { appendPart } from './conversation-parts.js'
import { viewConversation } from './conversation-view.js'
import { findConversationRecord } from './references.js'
import type { Conversation } from './types.js'

/**
 * The id the mock's Operator bot writes assignment parts as (Intercom's rules act as its bot,
 * "Operator"; a mock workspace has no bot of its own, so one fixed id stands for it).
 */
export const OPERATOR_BOT_ID = '1'

/**
 * `POST /conversations/{id}/run_assignment_rules` (2.7–2.11; 2.12 dropped it). A workspace without
 * rules assigns nothing and answers the conversation as it was, as Intercom does for an app without
 * rules; fixtures may declare the admin or team the rules assign to (`assignment_rules.assign_to`),
 * and then the conversation is assigned to it by the Operator bot, unless it already is.
 */
export function runAssignmentRules (ctx: DomainContext, conversationId: string): Conversation {
  return ctx.store.transaction(() => {
    const conversation = findConversationRecord(ctx, conversationId)
    const assignee = ctx.store.assignmentRules.get()
    const current = assignee?.type === 'team' ? conversation.teamAssigneeId : conversation.adminAssigneeId
    if (assignee === null || current === assignee.id) return viewConversation(ctx, conversation)
    // All checks are above this line; below it, only writes.
    const changes: Partial<ConversationRecord> = assignee.type === 'admin' ? { adminAssigneeId: assignee.id } : { teamAssigneeId: assignee.id }
    const updated = appendPart(ctx, conversation, { partType: 'assignment', author: { type: 'bot', id: OPERATOR_BOT_ID }, assignedTo: assignee }, changes)
    return viewConversation(ctx, updated)
  })
}
