import { Type, type Static } from '@sinclair/typebox'
import { Id, UnixTime } from './common.js'

const TicketAttributes = Type.Record(Type.String(), Type.Unknown())

/** `POST /tickets` (2.9+). */
export const CreateTicketBody = Type.Object({
  ticket_type_id: Id,
  contacts: Type.Array(Type.Object({ id: Type.Optional(Id), external_id: Type.Optional(Id), email: Type.Optional(Type.String()) })),
  ticket_attributes: Type.Optional(TicketAttributes),
  created_at: Type.Optional(UnixTime),
  conversation_to_link_id: Type.Optional(Id),
  company_id: Type.Optional(Id)
})
export type CreateTicketBody = Static<typeof CreateTicketBody>

/** `PUT /tickets/{id}`: 2.9–2.11 `state` and `assignment`; 2.12+ `ticket_state_id`, `admin_id` and `assignee_id`. */
export const UpdateTicketBody = Type.Object({
  ticket_attributes: Type.Optional(TicketAttributes),
  state: Type.Optional(Type.String()),
  ticket_state_id: Type.Optional(Id),
  open: Type.Optional(Type.Boolean()),
  is_shared: Type.Optional(Type.Boolean()),
  assignment: Type.Optional(Type.Object({ admin_id: Type.Optional(Id), assignee_id: Type.Optional(Id) })),
  admin_id: Type.Optional(Id),
  assignee_id: Type.Optional(Id)
})

/** `POST /conversations/{id}/convert` (2.10+). */
export const ConvertConversationBody = Type.Object({
  ticket_type_id: Id,
  attributes: Type.Optional(TicketAttributes)
})
