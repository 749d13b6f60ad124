import { Type } from '@sinclair/typebox'
import { StringEnum, UnixTime } from './common.js'

/** Schemas of the control plane (`/__mock/*`): its request bodies and queries, and what it answers. */

export const ClockState = Type.Object({
  now: Type.Integer({ description: 'The workspace\'s time, unix seconds' }),
  mode: StringEnum(['real', 'frozen', 'offset'] as const)
}, { description: 'A workspace\'s clock' })

export const ClockChange = Type.Object({
  frozen_at: Type.Optional(Type.Unsafe<number>({ ...UnixTime, description: 'Stop the clock at this unix time' })),
  advance: Type.Optional(Type.Unsafe<number>({ ...UnixTime, description: 'Move the clock forward by this many seconds (a real clock becomes an offset one)' })),
  real: Type.Optional(Type.Boolean({ description: 'true: follow real time again' }))
}, { additionalProperties: false, description: 'Exactly one of frozen_at, advance or real' })

export const JournalQuery = Type.Object({
  method: Type.Optional(Type.String({ minLength: 1, maxLength: 32, description: 'GET, POST, …' })),
  // Bounded: a glob becomes a regular expression, and V8 refuses one over about 32k characters.
  path: Type.Optional(Type.String({ minLength: 1, maxLength: 2048, description: 'An exact path, or a glob: * within a segment, ** across segments (at most 2048 characters)' })),
  status: Type.Optional(Type.String({ pattern: '^([1-5][0-9]{2}|[1-5]xx)$', description: 'A status (404) or a class of them (4xx)' })),
  since: Type.Optional(Type.String({ minLength: 1, description: 'Entries after this request id, or at or after this unix time' })),
  limit: Type.Optional(Type.Integer({ minimum: 1 }))
}, { additionalProperties: false })

const Headers = Type.Record(Type.String(), Type.Union([Type.String(), Type.Array(Type.String())]))

export const JournalEntry = Type.Object({
  id: Type.String({ description: 'The request id: the X-Request-Id the client saw' }),
  time: Type.Number({ description: 'Unix seconds on the workspace\'s clock' }),
  method: Type.String(),
  path: Type.String({ description: 'Without the query string' }),
  query: Headers,
  api_version: Type.Union([Type.String(), Type.Null()]),
  duration_ms: Type.Number(),
  request: Type.Object({ headers: Headers, body: Type.Unknown(), body_truncated: Type.Boolean() }),
  response: Type.Object({ status: Type.Integer(), body: Type.Unknown(), body_truncated: Type.Boolean() }),
  fault: Type.Optional(Type.Unknown())
}, { description: 'One request the mock answered; secrets redacted, bodies capped at 64 KiB' })

export const JournalList = Type.Object({ data: Type.Array(JournalEntry) })
export const JournalCount = Type.Object({ count: Type.Integer() })

export const WorkspaceListing = Type.Object({
  token_hint: Type.String({ description: 'The first 4 characters of the access token' }),
  created_at: Type.Integer(),
  contacts: Type.Integer(),
  conversations: Type.Integer(),
  journal_entries: Type.Integer()
})

export const WorkspaceList = Type.Object({ data: Type.Array(WorkspaceListing) })

export const ResetResult = Type.Object({
  workspace: Type.Union([WorkspaceListing, Type.Null()], { description: 'The token\'s fresh workspace; null for a server-wide reset' }),
  dropped: Type.Integer({ description: 'How many workspaces were dropped' })
})
