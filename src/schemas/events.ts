import { Type } from '@sinclair/typebox'
import { CustomAttributes, PageQuery, UnixTime } from './common.js'

/** `POST /events`: the user by `id`, `user_id` or `email`; metadata is checked by the domain. */
export const CreateEventBody = Type.Object({
  event_name: Type.Optional(Type.String()),
  created_at: Type.Optional(UnixTime),
  user_id: Type.Optional(Type.String()),
  id: Type.Optional(Type.String()),
  email: Type.Optional(Type.String()),
  metadata: Type.Optional(CustomAttributes)
})

export const ListEventsQuery = Type.Object({
  type: Type.Optional(Type.String()),
  user_id: Type.Optional(Type.String()),
  intercom_user_id: Type.Optional(Type.String()),
  email: Type.Optional(Type.String()),
  summary: Type.Optional(Type.Boolean()),
  ...PageQuery
})

const EventSummaryItem = Type.Object({
  event_name: Type.Optional(Type.String()),
  count: Type.Optional(Type.Integer()),
  first: Type.Optional(UnixTime),
  last: Type.Optional(UnixTime)
})

/** `POST /events/summaries`: one summary, or (as the Ruby SDK sends) a list. */
export const EventSummariesBody = Type.Object({
  user_id: Type.Optional(Type.String()),
  event_summaries: Type.Union([EventSummaryItem, Type.Array(EventSummaryItem)])
})
