import type { Message } from '../../domain/types.js'
import { isAtLeast, type ApiVersion } from '../../versions.js'
import { presentAdminOwnerV2, type AdminOwnerV2 } from './admin.js'
import { is211 } from './version-2-11.js'

/**
 * A 2.x message (`message`, intercom-api.md §1.3, §2.8): what `POST /messages` and
 * `POST /conversations` answer, not the conversation it opened.
 */
export type MessageV2 = UserMessageV2 | AdminMessageV2

export interface UserMessageV2 {
  type: 'user_message'
  id: string
  created_at: number
  /** Only in 2.11, whose schema alone requires it ("Only present if message_type: email"). */
  subject?: string
  body: string
  message_type: Message['messageType']
  /** From 2.6 on. */
  conversation_id?: string
}

export interface AdminMessageV2 {
  type: 'admin_message'
  id: string
  created_at: number
  subject: string
  body: string
  message_type: Message['messageType']
  /** The sending admin, as every example shows it (the schema does not declare it). */
  owner: AdminOwnerV2
  /** From 2.6 on. */
  conversation_id?: string
}

export function presentMessageV2 (m: Message, version: ApiVersion): MessageV2 {
  const wire: MessageV2 = m.owner === null
    ? { type: 'user_message', id: m.id, created_at: m.createdAt, body: m.body, message_type: m.messageType }
    : {
        type: 'admin_message',
        id: m.id,
        created_at: m.createdAt,
        subject: m.subject ?? '',
        body: m.body,
        message_type: m.messageType,
        owner: presentAdminOwnerV2(m.owner)
      }
  // 2.11's `message` alone requires subject (its in-app examples have none): '' when there is none.
  if (wire.type === 'user_message' && is211(version)) wire.subject = m.subject ?? ''
  // The 2.6 docs are the first to show conversation_id ("absent in the 2.0 docs"); every 2.7+ example has it.
  if (isAtLeast(version, 2, 6)) wire.conversation_id = m.conversationId
  return wire
}
