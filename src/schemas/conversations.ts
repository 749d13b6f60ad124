import { Type, type Static } from '@sinclair/typebox'
import { CustomAttributes, DisplayAs, Id, Nullable, PageQuery, StringEnum, UnixTime } from './common.js'

/** 1.x `GET /conversations` (intercom-api.md §2.2). `id` is the admin id as Ruby and Python send it. */
export const ListConversationsQuery = Type.Object({
  type: Type.Optional(Type.String()),
  intercom_user_id: Type.Optional(Type.String()),
  user_id: Type.Optional(Type.String()),
  email: Type.Optional(Type.String()),
  admin_id: Type.Optional(Type.String()),
  id: Type.Optional(Type.String()),
  open: Type.Optional(Type.Boolean()),
  unread: Type.Optional(Type.Boolean()),
  before: Type.Optional(UnixTime),
  order: Type.Optional(Type.String()),
  sort: Type.Optional(Type.String()),
  display_as: DisplayAs,
  /** 2.x cursor paging. */
  starting_after: Type.Optional(Type.String()),
  ...PageQuery
})

export const ConversationParams = Type.Object({ id: Id })

/** `include_translations` (2.14+) is accepted; the mock keeps no translations, so it changes nothing. */
export const RetrieveConversationQuery = Type.Object({ display_as: DisplayAs, include_translations: Type.Optional(Type.Boolean()) })

export type ListConversationsQuery = Static<typeof ListConversationsQuery>

/** 2.x `conversation_attachment_files`: a file sent inline, base64 `data`. */
export const AttachmentFile = Type.Object({
  name: Type.String({ minLength: 1 }),
  content_type: Type.String({ minLength: 1 }),
  data: Type.String()
})

/**
 * `POST /conversations/{id}/reply`: a customer's comment or an admin's comment, note or action. Fields
 * clients repeat (`id`, `conversation_id`) are ignored. An admin's snooze or open may leave out `type`
 * (see replyConversation).
 */
export const ReplyBody = Type.Object({
  type: Type.Optional(StringEnum(['user', 'contact', 'lead', 'admin'] as const)),
  message_type: Type.String(),
  body: Type.Optional(Type.String()),
  intercom_user_id: Type.Optional(Type.String()),
  user_id: Type.Optional(Type.String()),
  email: Type.Optional(Type.String()),
  admin_id: Type.Optional(Id),
  assignee_id: Type.Optional(Id),
  snoozed_until: Type.Optional(UnixTime),
  attachment_urls: Type.Optional(Type.Array(Type.String())),
  attachment_files: Type.Optional(Type.Array(AttachmentFile)),
  created_at: Type.Optional(UnixTime)
})
export type ReplyBody = Static<typeof ReplyBody>

/** 2.x `POST /conversations/{id}/parts` (intercom-api.md §2.10): close, open, snooze or assign. */
export const ManageConversationBody = Type.Object({
  message_type: Type.String(),
  type: Type.Optional(Type.String()),
  admin_id: Type.Optional(Id),
  assignee_id: Type.Optional(Id),
  body: Type.Optional(Type.String()),
  snoozed_until: Type.Optional(UnixTime)
})

/** `PUT /conversations/{id}` (and, from python-intercom 3.x, `PUT /conversations/{id}/reply`). */
export const UpdateConversationBody = Type.Object({
  read: Type.Optional(Type.Boolean()),
  /** 2.14+: the company the conversation is about; null removes it. */
  company_id: Type.Optional(Nullable(Type.String())),
  title: Type.Optional(Nullable(Type.String())),
  custom_attributes: Type.Optional(CustomAttributes)
})

const CustomerIdentifiersBody = {
  intercom_user_id: Type.Optional(Type.String()),
  user_id: Type.Optional(Type.String()),
  email: Type.Optional(Type.String())
}

/**
 * `POST /conversations/{id}/customers`: `{admin_id, customer: {intercom_user_id | user_id | email}}`;
 * 1.x clients may name the customer at the top level instead.
 */
export const AddCustomerBody = Type.Object({
  admin_id: Type.Optional(Id),
  customer: Type.Optional(Type.Object(CustomerIdentifiersBody)),
  ...CustomerIdentifiersBody
})

export const CustomerParams = Type.Object({ id: Id, contact_id: Id })

/** `DELETE /conversations/{id}/customers/{contact_id}`: the acting admin, in the body (or the query). */
export const RemoveCustomerBody = Type.Union([Type.Null(), Type.Object({ admin_id: Type.Optional(Id) })])
export const AdminIdQuery = Type.Object({ admin_id: Type.Optional(Id) })

/** `POST /conversations/redact` (ids may be sent as numbers, as the spec's example does). */
export const RedactBody = Type.Object({
  type: Type.String(),
  conversation_id: Type.Optional(Id),
  conversation_part_id: Type.Optional(Id),
  source_id: Type.Optional(Id)
})
