import { Type, type Static } from '@sinclair/typebox'
import { ContactIdentifiers, StringEnum, UnixTime } from './common.js'

/** `from` and `to` of `POST /messages`: a typed party named by id, user_id or email. */
export const MessageParty = Type.Object({
  type: StringEnum(['user', 'contact', 'lead', 'admin'] as const),
  ...ContactIdentifiers.properties
})

export const CreateMessageBody = Type.Object({
  from: MessageParty,
  to: Type.Optional(Type.Union([MessageParty, Type.Array(MessageParty)])),
  body: Type.Optional(Type.String()),
  message_type: Type.Optional(Type.String()),
  subject: Type.Optional(Type.String()),
  template: Type.Optional(Type.String()),
  create_conversation_without_contact_reply: Type.Optional(Type.Boolean()),
  created_at: Type.Optional(UnixTime)
})

export type CreateMessageBody = Static<typeof CreateMessageBody>
export type MessageParty = Static<typeof MessageParty>
