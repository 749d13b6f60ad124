import type { ConversationRecord } from '../store/index.js'
import type { DomainContext } from './context.js'
import { adminBody, isAdminAction, planAdminAction, type AdminActionInput } from './conversation-actions.js'
import { OPERATOR_BOT_ID } from './assignment-rules.js'
import { checkAttachments, type AttachmentFileInput, type AttachmentLimits } from './attachments.js'
import { appendPart, type NewPart } from './conversation-parts.js'
import { viewConversation } from './conversation-view.js'
import { errors } from './errors.js'
import { requireBody } from './message-input.js'
import { customerIdentifier, findContact, type Identifier } from './people.js'
import { findAdmin, findConversationRecord } from './references.js'
import type { Contact, Conversation } from './types.js'

/** `POST /conversations/{id}/reply` (intercom-api.md §2.4, §2.9). `{id}` may be `last`. */
export interface ReplyInput extends AdminActionInput {
  /** `user` (also `contact`, `lead`) for a reply on behalf of a customer; `admin` for a teammate's. */
  type?: string | undefined
  intercomUserId?: string | undefined
  userId?: string | undefined
  email?: string | undefined
  /** 2.x: files sent inline, admins' replies only. */
  attachmentFiles?: AttachmentFileInput[] | undefined
  /** The mock's origin as the client reached it: stored files are served there. */
  origin?: string | undefined
  /** 2.x `created_at`: when the reply was written (for imports); now by default. */
  createdAt?: number | undefined
}

/** 1.x allows 5 attachment URLs on a reply (intercom-api.md §2.4) and no files; 2.x 10 URLs and 10 files (§2.9). */
export const REPLY_LIMITS: Record<1 | 2, AttachmentLimits> = { 1: { maxUrls: 5, maxFiles: 0 }, 2: { maxUrls: 10, maxFiles: 10 } }

/**
 * A customer's comment, or an admin's comment, note or action (close, open, snooze, assign: 1.x and
 * 2.0–2.6 send those through /reply too). A customer's reply reopens a closed or snoozed conversation
 * (the part is then an `open` part, as Intercom records it), leaves it unread and waiting on an admin,
 * and is the customer's first reply of an admin-initiated conversation when it is the first; an
 * admin's comment stops the wait.
 */
export function replyConversation (ctx: DomainContext, conversationId: string, input: ReplyInput, limits: AttachmentLimits): Conversation {
  const fromAdmin = isFromAdmin(input)
  if (!fromAdmin && input.attachmentFiles !== undefined && input.attachmentFiles.length > 0) {
    throw errors.parameterInvalid('attachment_files can only be sent with a reply from an admin', 'attachment_files')
  }
  const files = checkAttachments({ urls: input.attachmentUrls, files: input.attachmentFiles }, limits)
  const extras: Pick<NewPart, 'files' | 'createdAt'> = { files: { decoded: files, origin: input.origin ?? '' }, createdAt: input.createdAt }
  return fromAdmin ? adminReply(ctx, conversationId, input, extras) : customerReply(ctx, conversationId, input, extras)
}

/**
 * Whose reply it is. Intercom documents snoozing and unsnoozing (`open`) through /reply with no `type`
 * (DOC-2.x 2.5 snooze-a-conversation, DOC-1.x 1.2 unsnoozing-a-conversation), and intercom-client
 * 5.x `conversations.snooze` sends it so: those two without a type are an admin's.
 */
function isFromAdmin (input: ReplyInput): boolean {
  if (input.type !== undefined) return input.type === 'admin'
  if (input.messageType === 'snoozed' || input.messageType === 'open') return true
  throw errors.parameterInvalid('type is required', 'type')
}

function customerReply (ctx: DomainContext, conversationId: string, input: ReplyInput, extras: Pick<NewPart, 'files' | 'createdAt'>): Conversation {
  if (input.messageType !== 'comment') throw errors.parameterInvalid('message_type must be comment for a reply from a user', 'message_type')
  const body = requireBody(input.body)
  const identifier = replierIdentifier(input)
  return ctx.store.transaction(() => {
    const contact = findContact(ctx, identifier, ['user', 'lead'])
    const conversation = conversationId === 'last' ? latestOf(ctx, contact) : findConversationRecord(ctx, conversationId)
    if (!ctx.store.conversations.customersOf([conversation.id]).get(conversation.id)?.includes(contact.id)) {
      throw errors.notParticipant()
    }
    // All checks are above this line; below it, only writes.
    const now = ctx.clock.now()
    ctx.store.contacts.update({ ...contact, lastRepliedAt: now, updatedAt: now })
    const firstReplyOfOutbound = conversation.deliveredAs !== 'customer_initiated' && conversation.customerFirstReplyAt === null
    const updated = appendPart(ctx, conversation, {
      partType: conversation.state === 'open' ? 'comment' : 'open',
      author: { type: 'contact', id: contact.id },
      body: { text: body, format: 'plaintext' },
      attachmentUrls: input.attachmentUrls ?? [],
      ...extras
    }, {
      state: 'open',
      snoozedUntil: null,
      read: false,
      waitingSince: conversation.waitingSince ?? now,
      lastAuthorType: 'contact',
      customerFirstReplyAt: firstReplyOfOutbound ? now : conversation.customerFirstReplyAt
    })
    return viewConversation(ctx, reassignIfAssigneeAway(ctx, updated))
  })
}

function adminReply (ctx: DomainContext, conversationId: string, input: ReplyInput, extras: Pick<NewPart, 'files' | 'createdAt'>): Conversation {
  const action = input.messageType
  if (action !== 'comment' && action !== 'note' && !isAdminAction(action)) {
    throw errors.parameterInvalid('message_type must be one of comment, note, assignment, open, close, snoozed for a reply from an admin', 'message_type')
  }
  if (action === 'comment' || action === 'note') requireBody(input.body)
  if (conversationId === 'last') throw errors.parameterInvalid('Only a reply from a user can go to the last conversation', 'type')
  return ctx.store.transaction(() => {
    const conversation = findConversationRecord(ctx, conversationId)
    const admin = findAdmin(ctx, input.adminId, 'admin_id')
    const author = { type: 'admin' as const, id: admin.id }
    const { part, changes } = isAdminAction(action)
      ? planAdminAction(ctx, conversation, admin, action, input)
      : action === 'comment'
        ? { part: { partType: 'comment' as const, author, body: adminBody(input.body), attachmentUrls: input.attachmentUrls ?? [] }, changes: { waitingSince: null, read: true, lastAuthorType: 'admin' as const } }
        : { part: { partType: 'note' as const, author, body: adminBody(input.body), attachmentUrls: input.attachmentUrls ?? [] }, changes: {} }
    // All checks are above this line; below it, only writes.
    return viewConversation(ctx, appendPart(ctx, conversation, { ...part, ...extras }, changes))
  })
}

/**
 * A customer's new reply to a conversation whose admin is away with `away_mode_reassign` goes back to
 * the team inbox: the admin is unassigned (the team, if any, stays), recorded as Intercom's
 * `away_mode_assignment` part by its Operator bot.
 */
function reassignIfAssigneeAway (ctx: DomainContext, conversation: ConversationRecord): ConversationRecord {
  const assignee = conversation.adminAssigneeId === null ? null : ctx.store.admins.findById(conversation.adminAssigneeId)
  if (assignee === null || !assignee.awayModeEnabled || !assignee.awayModeReassign) return conversation
  const team = conversation.teamAssigneeId === null ? null : { type: 'team' as const, id: conversation.teamAssigneeId }
  return appendPart(ctx, conversation, { partType: 'away_mode_assignment', author: { type: 'bot', id: OPERATOR_BOT_ID }, assignedTo: team }, { adminAssigneeId: null })
}

/** A customer replying names itself by `intercom_user_id`, else `user_id`, else `email`. */
function replierIdentifier (input: ReplyInput): Identifier {
  const identifier = customerIdentifier(input)
  if (identifier !== null) return identifier
  throw errors.parameterInvalid('A reply from a user needs one of intercom_user_id, user_id or email', 'intercom_user_id')
}

function latestOf (ctx: DomainContext, contact: Contact): ConversationRecord {
  const latest = ctx.store.conversations.latestOfContact(contact.id)
  if (latest === null) throw errors.notFound('Resource')
  return latest
}

