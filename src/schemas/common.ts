import { Type, type TSchema } from '@sinclair/typebox'
import { MAX_PAGE, MAX_UNIX_TIME } from '../limits.js'

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

/**
 * Every timestamp a client sends: whole unix seconds from 0 to MAX_UNIX_TIME, so always a safe integer
 * (9007199254740993, 2^63 or "1e309" are refused with a 400 naming the field, never stored altered).
 */
export const UnixTime = BoundedInteger(0, MAX_UNIX_TIME)

/** A page number, or a page size (which lists then cap to their maximum). */
export const PageNumber = BoundedInteger(1, MAX_PAGE)

/**
 * An integer from `minimum` to `maximum`. Ajv's coercion turns "1e309" or "Infinity" into Infinity
 * and then skips `maximum` for a number that is not finite, so `finiteMaximum` (finiteMaximumKeyword) checks
 * again, reporting as `maximum` does.
 */
function BoundedInteger (minimum: number, maximum: number) {
  return Type.Integer({ minimum, maximum, finiteMaximum: maximum })
}

const validateFiniteMaximum = Object.assign((limit: number, data: unknown): boolean => {
  if (typeof data !== 'number' || (Number.isFinite(data) && data <= limit)) return true
  validateFiniteMaximum.errors = [{ keyword: 'maximum', params: { comparison: '<=', limit }, message: `must be <= ${limit}` }]
  return false
}, { errors: [] as Array<{ keyword: string, params: Record<string, unknown>, message: string }> })

/** The `finiteMaximum` keyword, added to Fastify's Ajv by its `ajv.onCreate` option. */
export const finiteMaximumKeyword = { keyword: 'finiteMaximum', schemaType: 'number' as const, errors: true, validate: validateFiniteMaximum }

export const PageQuery = {
  page: Type.Optional(PageNumber),
  per_page: Type.Optional(PageNumber)
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
