import type { Message } from '../../domain/types.js'
import { presentAdminOwnerV1, type AdminOwnerV1 } from './admin.js'

/** 1.x message: no `conversation_id` (intercom-api.md §1.1–1.2). */
export type MessageV1 =
  | { type: 'user_message', id: string, created_at: number, body: string, message_type: string }
  | {
    type: 'admin_message'
    id: string
    created_at: number
    message_type: string
    subject: string
    body: string
    template: string
    owner: AdminOwnerV1
  }

export function presentMessageV1 (m: Message): MessageV1 {
  if (m.initiator === 'admin' && m.owner !== null) {
    return {
      type: 'admin_message',
      id: m.id,
      created_at: m.createdAt,
      message_type: m.messageType,
      subject: m.subject ?? '',
      body: m.body,
      template: m.template ?? 'plain',
      owner: presentAdminOwnerV1(m.owner)
    }
  }
  return { type: 'user_message', id: m.id, created_at: m.createdAt, body: m.body, message_type: m.messageType }
}
