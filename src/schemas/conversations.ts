import { Type, type Static } from '@sinclair/typebox'
import { DisplayAs, Id, PageQuery, UnixTime } from './common.js'

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
  ...PageQuery
})

export const ConversationParams = Type.Object({ id: Id })

export const RetrieveConversationQuery = Type.Object({ display_as: DisplayAs })

export type ListConversationsQuery = Static<typeof ListConversationsQuery>
