import { Type, type Static } from '@sinclair/typebox'
import { ContactIdentifiers, Id } from './common.js'

/**
 * `POST /tags`: create (`name`), rename (`id` and `name`), or tag and untag users and companies
 * (`users` / `companies`, each with `untag: true` to remove it), in both majors.
 */
export const TagBody = Type.Object({
  name: Type.Optional(Type.String()),
  id: Type.Optional(Id),
  users: Type.Optional(Type.Array(Type.Object({ ...ContactIdentifiers.properties, untag: Type.Optional(Type.Boolean()) }))),
  companies: Type.Optional(Type.Array(Type.Object({ id: Type.Optional(Id), company_id: Type.Optional(Id), untag: Type.Optional(Type.Boolean()) })))
})
export type TagBody = Static<typeof TagBody>

/** `POST /contacts/{id}/tags` and `POST /conversations/{id}/tags` (which also names the admin). */
export const ApplyTagBody = Type.Object({
  id: Type.Optional(Id),
  admin_id: Type.Optional(Id)
})

/** `DELETE /conversations/{id}/tags/{tag_id}` names the admin in its body. */
export const RemoveTagBody = Type.Object({ admin_id: Type.Optional(Id) })

export const TaggedParams = Type.Object({ id: Id, tag_id: Id })
