import { Type, type Static } from '@sinclair/typebox'
import { StringEnum } from '../../schemas/common.js'

export const NETWORK_FAILURES = ['reset', 'hang', 'empty', 'malformed', 'truncated'] as const
export type NetworkFailure = typeof NETWORK_FAILURES[number]
export const FAULT_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const
export const MAX_DELAY_MS = 300_000

const ErrorItem = Type.Object({
  code: Type.String({ minLength: 1 }),
  message: Type.String(),
  field: Type.Optional(Type.String())
}, { additionalProperties: false })

const Match = Type.Object({
  method: Type.Optional(StringEnum(FAULT_METHODS)),
  path: Type.Optional(Type.String({ pattern: '^/', description: 'an API path, exact or with * (one path segment) and ** (any)' })),
  api_version: Type.Optional(Type.String({ minLength: 1, description: 'a major (1, 2) or an exact version (2.11)' }))
}, { additionalProperties: false })

const Respond = Type.Object({
  status: Type.Integer({ minimum: 400, maximum: 599 }),
  errors: Type.Optional(Type.Array(ErrorItem, { minItems: 1 })),
  headers: Type.Optional(Type.Record(Type.String({ pattern: '^[!#$%&\'*+.^_`|~0-9A-Za-z-]+$' }), Type.String(), { additionalProperties: false }))
}, { additionalProperties: false })

/** `POST /__mock/faults`: what to match, one action, and when, how often and how likely it applies. */
export const FaultRuleBody = Type.Object({
  match: Type.Optional(Match),
  respond: Type.Optional(Respond),
  delay_ms: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_DELAY_MS })),
  network: Type.Optional(StringEnum(NETWORK_FAILURES)),
  when: Type.Optional(StringEnum(['before', 'after'] as const)),
  times: Type.Optional(Type.Integer({ minimum: 1 })),
  probability: Type.Optional(Type.Number({ minimum: 0, maximum: 1 }))
}, { additionalProperties: false })

export type FaultRuleBody = Static<typeof FaultRuleBody>

/** A rule as the control plane shows it: what was asked, plus its id and how often it has applied. */
export const FaultRuleView = Type.Object({
  id: Type.String(),
  match: Match,
  respond: Type.Optional(Respond),
  delay_ms: Type.Optional(Type.Integer()),
  network: Type.Optional(StringEnum(NETWORK_FAILURES)),
  when: StringEnum(['before', 'after'] as const),
  /** null: sticky until deleted. */
  times: Type.Union([Type.Null(), Type.Integer()]),
  /** Applications left before the rule is spent; null when sticky. */
  remaining: Type.Union([Type.Null(), Type.Integer()]),
  probability: Type.Number(),
  /** Requests the rule has been applied to. */
  applied: Type.Integer()
})

export type FaultRuleView = Static<typeof FaultRuleView>

export const FaultRuleList = Type.Object({ type: Type.Literal('list'), data: Type.Array(FaultRuleView) })
export const FaultIdParams = Type.Object({ id: Type.String({ minLength: 1 }) })
export const FaultsCleared = Type.Object({ deleted: Type.Integer() })
