import type { MessageRecord } from '../store/index.js'
import { errors } from './errors.js'
import type { ContactIdentifiers } from './people.js'
import type { Admin, Message, MessageType } from './types.js'

/** A party of `POST /messages` as the request names it. */
export interface PartyInput extends ContactIdentifiers {
  type: string
}

export interface CreateMessageInput {
  from: PartyInput
  to?: PartyInput | PartyInput[] | undefined
  /** 2.14+: copied recipients of an email; they become customers of its conversation too. */
  cc?: PartyInput[] | undefined
  /** 2.14+: blind-copied recipients of an email; they must exist, and stay out of the conversation. */
  bcc?: PartyInput[] | undefined
  body?: string | undefined
  messageType?: string | undefined
  subject?: string | undefined
  template?: string | undefined
  /** 2.11+: when the message was sent ("only recommended for migrating past conversations"). */
  createdAt?: number | undefined
  /** 2.x: open the admin's conversation in the inbox now rather than when the contact replies. */
  createConversationWithoutContactReply?: boolean | undefined
  /** What the requested API version allows (the route knows the version; the rules live here). */
  allows?: { recipientLists: boolean } | undefined
}

/** `inapp` is the wire name; `in_app` (the 2.x enum) and `conversation` (an OpenAPI example) mean the same. */
export function parseMessageType (value: string | undefined): MessageType | undefined | null {
  if (value === undefined) return undefined
  if (value === 'inapp' || value === 'in_app' || value === 'conversation') return 'inapp'
  if (value === 'email') return 'email'
  return null
}

/** A message or comment body: required, and not only white space. */
export function requireBody (body: string | undefined): string {
  if (body === undefined || body.trim() === '') throw errors.bodyRequired()
  return body
}

export function toMessage (message: MessageRecord, owner: Admin | null): Message {
  return {
    id: message.id,
    conversationId: message.conversationId,
    initiator: owner === null ? 'contact' : 'admin',
    messageType: message.messageType,
    subject: message.subject,
    body: message.body,
    template: message.template,
    createdAt: message.createdAt,
    owner
  }
}
