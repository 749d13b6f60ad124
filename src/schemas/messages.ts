import { Type, type Static } from '@sinclair/typebox'
import { ContactIdentifiers, Id, StringEnum, UnixTime } from './common.js'

/** `from` and `to` of `POST /messages`: a typed party named by id, user_id or email. */
export const MessageParty = Type.Object({
  type: StringEnum(['user', 'contact', 'lead', 'admin'] as const),
  ...ContactIdentifiers.properties
})

export const CreateMessageBody = Type.Object({
  from: MessageParty,
  to: Type.Optional(Type.Union([MessageParty, Type.Array(MessageParty)])),
  cc: Type.Optional(Type.Array(MessageParty)),
  bcc: Type.Optional(Type.Array(MessageParty)),
  body: Type.Optional(Type.String()),
  message_type: Type.Optional(Type.String()),
  subject: Type.Optional(Type.String()),
  template: Type.Optional(Type.String()),
  create_conversation_without_contact_reply: Type.Optional(Type.Boolean()),
  created_at: Type.Optional(UnixTime)
})

export type CreateMessageBody = Static<typeof CreateMessageBody>
export type MessageParty = Static<typeof MessageParty>

/** 2.x `POST /conversations`: a contact starts a conversation (intercom-api.md §2.8). */
export const CreateConversationBody = Type.Object({
  from: Type.Object({ type: StringEnum(['user', 'lead', 'contact'] as const), id: Id }),
  body: Type.Optional(Type.String()),
  subject: Type.Optional(Type.String()),
  created_at: Type.Optional(UnixTime),
  attachment_urls: Type.Optional(Type.Array(Type.String()))
})
