import { Type, type TSchema } from '@sinclair/typebox'

/**
 * Building blocks of the request schemas. Validation coerces types (Fastify's Ajv defaults), so a
 * numeric id (`"from":{"id":394051}`, sent by intercom-client 6/7) arrives as the string "394051".
 */
export const Id = Type.String({ minLength: 1 })

/** A string restricted to `values`, validated with `enum` so errors can list what is allowed. */
export function StringEnum<const T extends readonly string[]> (values: T) {
  return Type.Unsafe<T[number]>({ type: 'string', enum: values })
}

/** A value or null; null is tried first so coercion never turns it into 0 or "". */
export function Nullable<T extends TSchema> (schema: T) {
  return Type.Union([Type.Null(), schema])
}

/**
 * True, false or null. A union would let coercion turn false into null (or null into false), so this
 * is one schema of two types, which Ajv leaves as sent.
 */
export const NullableBoolean = Type.Unsafe<boolean | null>({ type: ['boolean', 'null'] })

export const UnixTime = Type.Integer({ minimum: 0 })

export const PageQuery = {
  page: Type.Optional(Type.Integer({ minimum: 1 })),
  per_page: Type.Optional(Type.Integer({ minimum: 1 }))
}

/** `display_as=plaintext` renders bodies as plain text; any other value leaves them HTML. */
export const DisplayAs = Type.Optional(Type.String())

export const CustomAttributes = Type.Record(Type.String(), Type.Unknown())

/** A contact named by one of Intercom's three identifiers. */
export const ContactIdentifiers = Type.Object({
  id: Type.Optional(Id),
  user_id: Type.Optional(Id),
  email: Type.Optional(Type.String())
})

export const IdParams = Type.Object({ id: Id })

/** `PUT /admins/{id}/away` (2.x). `away_status_reason_id` is 2.14+ (an integer; sent as a string too). */
export const AwayBody = Type.Object({
  away_mode_enabled: Type.Boolean(),
  away_mode_reassign: Type.Boolean(),
  away_status_reason_id: Type.Optional(Type.String({ pattern: '^[0-9]{1,15}$' }))
})

/** `GET /admins/activity_logs` (2.x): `created_at_after` is required. */
export const ActivityLogsQuery = Type.Object({
  created_at_after: UnixTime,
  created_at_before: Type.Optional(UnixTime),
  starting_after: Type.Optional(Type.String())
})
