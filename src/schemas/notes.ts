import { Type } from '@sinclair/typebox'
import { ContactIdentifiers, Id, PageQuery } from './common.js'

/** `POST /contacts/{id}/notes` (2.x). */
export const ContactNoteBody = Type.Object({
  body: Type.Optional(Type.String()),
  admin_id: Type.Optional(Id)
})

/** 1.x `POST /notes`: the user by id, user_id or email. */
export const NoteBody = Type.Object({
  body: Type.Optional(Type.String()),
  admin_id: Type.Optional(Id),
  user: Type.Optional(ContactIdentifiers)
})

/** 1.x `GET /notes`: the user by `user_id`, `email` or (its Intercom id) `id`. */
export const ListNotesQuery = Type.Object({
  ...ContactIdentifiers.properties,
  intercom_user_id: Type.Optional(Type.String()),
  starting_after: Type.Optional(Type.String()),
  ...PageQuery
})
