import { Type } from '@sinclair/typebox'
import { StringEnum } from './common.js'

export const ListDataAttributesQuery = Type.Object({
  model: Type.Optional(StringEnum(['contact', 'company', 'conversation'] as const)),
  include_archived: Type.Optional(Type.Boolean())
})

/** `POST /data_attributes`; the domain checks the values, with Intercom's messages. */
export const CreateDataAttributeBody = Type.Object({
  name: Type.Optional(Type.String()),
  model: Type.Optional(Type.String()),
  data_type: Type.Optional(Type.String()),
  options: Type.Optional(Type.Unknown()),
  description: Type.Optional(Type.String()),
  messenger_writable: Type.Optional(Type.Boolean())
})

export const UpdateDataAttributeBody = Type.Object({
  archived: Type.Optional(Type.Boolean()),
  options: Type.Optional(Type.Unknown()),
  description: Type.Optional(Type.String()),
  messenger_writable: Type.Optional(Type.Boolean())
})
