import type { ConversationRecord } from '../store/index.js'
import type { DomainContext } from './context.js'
import { viewConversation } from './conversation-view.js'
import { appendPart, type NewPart } from './conversation-parts.js'
import { errors } from './errors.js'
import { findAdmin, findAssignee, findConversationRecord } from './references.js'
import type { Admin, Body, Conversation } from './types.js'

const ADMIN_ACTIONS = ['close', 'open', 'snoozed', 'assignment'] as const
export type AdminAction = typeof ADMIN_ACTIONS[number]

export function isAdminAction (messageType: string): messageType is AdminAction {
  return (ADMIN_ACTIONS as readonly string[]).includes(messageType)
}

/** An admin's change of state: close, open (also unsnooze), snooze, or assign. */
export interface AdminActionInput {
  messageType: string
  adminId?: string | undefined
  body?: string | undefined
  /** `"0"` unassigns. */
  assigneeId?: string | undefined
  /** 2.x `type` of an assignment: `admin` or `team`. */
  assigneeType?: string | undefined
  snoozedUntil?: number | undefined
  attachmentUrls?: string[] | undefined
}

/**
 * `POST /conversations/{id}/parts` (2.7+; 1.x and 2.0–2.6 send the same through `/reply`):
 * close, open, snooze or assign, as the admin `admin_id`.
 */
export function manageConversation (ctx: DomainContext, conversationId: string, input: AdminActionInput): Conversation {
  const action = input.messageType
  if (!isAdminAction(action)) {
    throw errors.parameterInvalid(`message_type must be one of ${ADMIN_ACTIONS.join(', ')}`, 'message_type')
  }
  return ctx.store.transaction(() => {
    const conversation = findConversationRecord(ctx, conversationId)
    const admin = findAdmin(ctx, input.adminId, 'admin_id')
    const { part, changes } = planAdminAction(ctx, conversation, admin, action, input)
    // All checks are above this line; below it, only writes.
    return viewConversation(ctx, appendPart(ctx, conversation, part, changes))
  })
}

/**
 * Checks an admin action against the conversation's state and says what to write. Closing a closed
 * conversation, opening an open one and snoozing a closed one are refused; snoozing needs a future
 * `snoozed_until`. Assigning a closed conversation reopens it (`assign_and_reopen`, as Intercom records it).
 */
export function planAdminAction (
  ctx: DomainContext,
  conversation: ConversationRecord,
  admin: Admin,
  action: AdminAction,
  input: AdminActionInput
): { part: NewPart, changes: Partial<ConversationRecord> } {
  const base = { author: { type: 'admin' as const, id: admin.id }, body: adminBody(input.body), attachmentUrls: input.attachmentUrls ?? [] }
  switch (action) {
    case 'close':
      if (conversation.state === 'closed') throw errors.parameterInvalid('The conversation is already closed', 'message_type')
      return { part: { ...base, partType: 'close' }, changes: { state: 'closed', snoozedUntil: null } }
    case 'open':
      if (conversation.state === 'open') throw errors.parameterInvalid('The conversation is already open', 'message_type')
      return { part: { ...base, partType: 'open' }, changes: { state: 'open', snoozedUntil: null } }
    case 'snoozed': {
      if (input.snoozedUntil === undefined) throw errors.parameterInvalid('snoozed_until is required to snooze a conversation', 'snoozed_until')
      if (input.snoozedUntil <= ctx.clock.now()) throw errors.parameterInvalid('snoozed_until must be a time in the future', 'snoozed_until')
      if (conversation.state === 'closed') throw errors.parameterInvalid('A closed conversation cannot be snoozed: open it first', 'message_type')
      return { part: { ...base, partType: 'snoozed' }, changes: { state: 'snoozed', snoozedUntil: input.snoozedUntil } }
    }
    case 'assignment': {
      const target = findAssignee(ctx, input.assigneeId, input.assigneeType)
      const reopens = conversation.state === 'closed'
      const changes: Partial<ConversationRecord> = target.type === 'admin' ? { adminAssigneeId: target.id } : { teamAssigneeId: target.id }
      if (reopens) Object.assign(changes, { state: 'open', snoozedUntil: null })
      return {
        part: { ...base, partType: reopens ? 'assign_and_reopen' : 'assignment', assignedTo: target.id === null ? null : { type: target.type, id: target.id } },
        changes
      }
    }
  }
}

/** What admins write is HTML (Intercom renders it as given); an empty body is no body. */
export function adminBody (text: string | undefined): Body | null {
  return text === undefined || text.trim() === '' ? null : { text, format: 'html' }
}
