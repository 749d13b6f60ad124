import { Type, type Static } from '@sinclair/typebox'
import { UnixTime } from '../schemas/common.js'

/**
 * Conversations in the fixture format: what a test seeds ("a conversation already waiting for an
 * admin") and what a state dump holds. Written by hand, only `customers` and `source` are needed;
 * everything else has the value the API would have given it (see `conversationRecords`).
 */
const ContactId = Type.String({ pattern: '^[0-9a-f]{24}$', description: 'a 24-hex Intercom object id' })
const NumericId = Type.String({ pattern: '^[0-9]{1,15}$', description: 'a numeric string id' })

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()])
/** An enum typebox's own checker (Value.Errors, which validates fixtures) understands. */
const StringEnum = <const T extends readonly string[]>(values: T) => Type.Enum(Object.fromEntries(values.map(v => [v, v])) as { [K in T[number]]: K })
const BodyFormat = StringEnum(['plaintext', 'html'] as const)

/** A tag (by name, from the fixtures' `tags`) as applied to a person or conversation. */
export const AppliedTag = Type.Object({
  name: Type.String({ minLength: 1 }),
  applied_at: Type.Optional(UnixTime),
  /** The admin who applied it (conversations render it as `applied_by`). */
  applied_by_admin_id: Type.Optional(Nullable(NumericId))
}, { additionalProperties: false })

const FixtureAuthor = Type.Object({
  /** `user`, `lead` and `contact` all name a contact by its id. */
  type: StringEnum(['contact', 'user', 'lead', 'admin', 'bot'] as const),
  id: Type.String({ minLength: 1 })
}, { additionalProperties: false })

const PART_TYPES = ['comment', 'note', 'assignment', 'assign_and_reopen', 'open', 'close', 'snoozed', 'unsnoozed',
  'note_and_reopen', 'participant_added', 'participant_removed', 'timer_unsnooze', 'away_mode_assignment'] as const

const FixturePart = Type.Object({
  id: Type.Optional(NumericId),
  part_type: StringEnum(PART_TYPES),
  author: FixtureAuthor,
  body: Type.Optional(Nullable(Type.String())),
  body_format: Type.Optional(Nullable(BodyFormat)),
  assigned_to: Type.Optional(Nullable(Type.Object({ type: StringEnum(['admin', 'team'] as const), id: NumericId }, { additionalProperties: false }))),
  attachment_urls: Type.Optional(Type.Array(Type.String())),
  /** Replaced by Intercom's deletion notice (`POST /conversations/redact`): `body` is the notice. */
  redacted: Type.Optional(Type.Boolean()),
  created_at: Type.Optional(UnixTime),
  updated_at: Type.Optional(UnixTime),
  notified_at: Type.Optional(UnixTime)
}, { additionalProperties: false })

const FixtureSource = Type.Object({
  id: Type.Optional(NumericId),
  author: FixtureAuthor,
  body: Type.String(),
  body_format: Type.Optional(BodyFormat),
  message_type: Type.Optional(StringEnum(['inapp', 'email'] as const)),
  subject: Type.Optional(Nullable(Type.String())),
  template: Type.Optional(Nullable(StringEnum(['plain', 'personal'] as const))),
  url: Type.Optional(Nullable(Type.String())),
  attachment_urls: Type.Optional(Type.Array(Type.String())),
  redacted: Type.Optional(Type.Boolean()),
  created_at: Type.Optional(UnixTime)
}, { additionalProperties: false })

/** The ticket a conversation is (`POST /tickets`, `POST /conversations/{id}/convert`). */
const FixtureTicket = Type.Object({
  /** The number teammates see (`ticket_id`). */
  ticket_id: NumericId,
  /** From the fixtures' `ticket_types`. */
  ticket_type_id: NumericId,
  /** From the fixtures' `ticket_states` (Intercom's defaults 1–4 without them). */
  ticket_state_id: NumericId,
  previous_state_id: Type.Optional(Nullable(NumericId)),
  attributes: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  is_shared: Type.Optional(Type.Boolean()),
  /** The conversation it was converted from. */
  linked_conversation_id: Type.Optional(Nullable(NumericId)),
  created_at: Type.Optional(UnixTime),
  updated_at: Type.Optional(UnixTime)
}, { additionalProperties: false })

export const FixtureConversation = Type.Object({
  id: Type.Optional(NumericId),
  /** Contact ids; the first is the one the conversation is with (1.x `user`). */
  customers: Type.Array(ContactId, { minItems: 1 }),
  state: Type.Optional(StringEnum(['open', 'closed', 'snoozed'] as const)),
  read: Type.Optional(Type.Boolean()),
  title: Type.Optional(Nullable(Type.String())),
  admin_assignee_id: Type.Optional(Nullable(NumericId)),
  team_assignee_id: Type.Optional(Nullable(NumericId)),
  snoozed_until: Type.Optional(Nullable(UnixTime)),
  waiting_since: Type.Optional(Nullable(UnixTime)),
  customer_first_reply_at: Type.Optional(Nullable(UnixTime)),
  delivered_as: Type.Optional(StringEnum(['customer_initiated', 'admin_initiated', 'automated', 'campaigns_initiated', 'operator_initiated'] as const)),
  custom_attributes: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  /** 2.14+ `PUT /conversations/{id}` `company_id`. */
  company_id: Type.Optional(Nullable(Type.String())),
  ticket: Type.Optional(FixtureTicket),
  created_at: Type.Optional(UnixTime),
  updated_at: Type.Optional(UnixTime),
  /** The message that opened it. */
  source: FixtureSource,
  /** Replies, notes and actions, oldest first. */
  parts: Type.Optional(Type.Array(FixturePart)),
  /** Names of tags (from the fixtures' `tags`) on it, in the order they were applied. */
  tags: Type.Optional(Type.Array(Type.Union([Type.String({ minLength: 1 }), AppliedTag])))
}, { additionalProperties: false })

export type FixtureConversation = Static<typeof FixtureConversation>
export type FixtureAuthor = Static<typeof FixtureAuthor>

/** What a fixture's references may point at: records of the document, and of the workspace when seeding. */
export interface KnownRecords {
  admin: (id: string) => boolean
  team: (id: string) => boolean
  contact: (id: string) => boolean
  ticketType?: (id: string) => boolean
  ticketState?: (id: string) => boolean
}

/** A reference problem: the JSON path and what is wrong there. */
export type ReferenceProblem = [path: string, problem: string]
