import { readFileSync } from 'node:fs'
import { Type, type Static, type TSchema } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import type { DomainContext } from '../domain/context.js'
import { AppliedTag, FixtureConversation, type KnownRecords } from './fixture-conversation-schema.js'
import { applyConversations, conversationProblem } from './fixture-conversations.js'
import { createDataAttribute, updateDataAttribute } from '../domain/data-attributes.js'
import { IntercomError } from '../domain/errors.js'
import { newContact } from '../domain/people.js'
import { parseQuery } from '../domain/search-query.js'
import { defineSegment } from '../domain/segments.js'
import { unusedTagId } from '../domain/tags.js'
import { applyTicketFixtures } from './ticket-fixtures.js'
import type { ContactRole } from '../domain/types.js'
import { UnixTime } from '../schemas/common.js'
import { RateLimitBody, settingFrom, type RateLimitSetting } from './rate-limit/setting.js'
import { parseApiVersion, type ApiVersion } from '../versions.js'
import { isSubscribable } from './webhooks/topics.js'
import { applyConversationTagsNotesAndEvents, applyPersonLinks, checkResourceReferences } from './resource-fixtures.js'
import type { CompanyRecord } from '../store/index.js'
import type { CustomAttributeRecord } from '../store/data-attributes.js'

const ContactId = Type.String({ pattern: '^[0-9a-f]{24}$', description: 'a 24-hex Intercom object id' })
const NumericId = Type.String({ pattern: '^[0-9]{1,15}$', description: 'a numeric string id' })
const Email = Type.String({ pattern: '^[^@\\s]+@[^@\\s]+$' })

const FixtureAdmin = Type.Object({
  id: NumericId,
  name: Type.String({ minLength: 1 }),
  email: Email,
  job_title: Type.Optional(Type.String()),
  away_mode_enabled: Type.Optional(Type.Boolean()),
  away_mode_reassign: Type.Optional(Type.Boolean()),
  has_inbox_seat: Type.Optional(Type.Boolean()),
  avatar_url: Type.Optional(Type.String())
}, { additionalProperties: false })

const FixtureTeam = Type.Object({
  id: NumericId,
  name: Type.String({ minLength: 1 }),
  admin_ids: Type.Array(NumericId)
}, { additionalProperties: false })

const FixturePerson = Type.Object({
  id: ContactId,
  /** A user's user_id (its external id); a lead's or visitor's (the UUID Intercom gave it). */
  user_id: Type.Optional(Type.String({ minLength: 1 })),
  /** 2.x `external_id` of a lead (a user's is its user_id). */
  external_id: Type.Optional(Type.String({ minLength: 1 })),
  email: Type.Optional(Email),
  phone: Type.Optional(Type.String()),
  name: Type.Optional(Type.String()),
  avatar_url: Type.Optional(Type.String()),
  unsubscribed_from_emails: Type.Optional(Type.Boolean()),
  custom_attributes: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()]))),
  signed_up_at: Type.Optional(UnixTime),
  last_request_at: Type.Optional(UnixTime),
  created_at: Type.Optional(UnixTime),
  /** The rest is what a state dump records; by hand, leave it to the defaults. */
  /** A user's anonymous UUID from when it was a lead (a lead's or visitor's is its user_id). */
  anonymous_id: Type.Optional(Type.String({ minLength: 1 })),
  /** The name Intercom made up for a lead or visitor ("Lime Camel from Dublin"); derived from the id by default. */
  pseudonym: Type.Optional(Type.String()),
  last_replied_at: Type.Optional(UnixTime),
  session_count: Type.Optional(Type.Integer({ minimum: 0 })),
  updated_at: Type.Optional(UnixTime),
  /** A deleted contact: lookups no longer find it; the conversations it was part of still show it. */
  deleted_at: Type.Optional(UnixTime),
  /** Names of tags (from `tags`) on the person; a state dump adds when and by whom each was applied. */
  tags: Type.Optional(Type.Array(Type.Union([Type.String({ minLength: 1 }), AppliedTag]))),
  /** `company_id`s of companies (from `companies`) the person belongs to; a dump adds when each was attached. */
  companies: Type.Optional(Type.Array(Type.Union([Type.String({ minLength: 1 }), Type.Object({
    company_id: Type.String({ minLength: 1 }),
    attached_at: UnixTime
  }, { additionalProperties: false })]))),
  /** Archived contacts leave lists, search and segments (`POST /contacts/{id}/archive`). */
  archived: Type.Optional(Type.Boolean()),
  blocked: Type.Optional(Type.Boolean()),
  /** The person's own choices about subscription types (from `subscription_types`); the rest follow the type's consent_type. */
  subscriptions: Type.Optional(Type.Array(Type.Object({
    id: NumericId,
    consent: Type.Union([Type.Literal('opt_in'), Type.Literal('opt_out')])
  }, { additionalProperties: false }))),
  /** How often and when first and last each data event happened (`POST /events/summaries` adds to these without events). */
  event_summaries: Type.Optional(Type.Array(Type.Object({
    name: Type.String({ minLength: 1 }),
    count: Type.Integer({ minimum: 0 }),
    first: UnixTime,
    last: UnixTime
  }, { additionalProperties: false })))
}, { additionalProperties: false })

const FixtureNote = Type.Object({
  id: Type.Optional(NumericId),
  /** The contact (from `users` or `leads`) the note is on. */
  contact_id: ContactId,
  /** Its author (from `admins`); none for a note written without one. */
  admin_id: Type.Optional(NumericId),
  body: Type.String(),
  created_at: Type.Optional(UnixTime)
}, { additionalProperties: false })

const FixtureDataEvent = Type.Object({
  id: Type.Optional(ContactId),
  contact_id: ContactId,
  event_name: Type.String({ minLength: 1 }),
  created_at: Type.Optional(UnixTime),
  metadata: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  /** False for an event a state dump records whose person's `event_summaries` already count it; true by default. */
  counted: Type.Optional(Type.Boolean())
}, { additionalProperties: false })

const FixtureWebhook = Type.Object({
  url: Type.String({ pattern: '^https?://[^\\s/]+', description: 'an http or https URL' }),
  topics: Type.Array(Type.String({ minLength: 1 }), { minItems: 1 }),
  /** The version its items are rendered in; the workspace's by default. */
  api_version: Type.Optional(Type.String({ pattern: '^(1\\.[0-4]|2\\.([0-9]|1[0-6])|Unstable|Preview)$' })),
  /** Person timestamps in items as ISO-8601 strings, as Intercom sends them (default true); false for unix seconds. */
  iso_person_times: Type.Optional(Type.Boolean())
}, { additionalProperties: false })

const FixtureTag = Type.Object({
  id: Type.Optional(NumericId),
  name: Type.String({ minLength: 1, maxLength: 190 }),
  created_at: Type.Optional(UnixTime)
}, { additionalProperties: false })

const FixtureSegment = Type.Object({
  id: ContactId,
  name: Type.String({ minLength: 1 }),
  person_type: Type.Optional(Type.Union([Type.Literal('user'), Type.Literal('contact')])),
  /** A query of `POST /contacts/search`: the segment holds the users and leads it matches, evaluated live. */
  filter: Type.Unknown({ description: 'a contact search query: {"field", "operator", "value"} or {"operator": "AND" | "OR", "value": [...]}' }),
  created_at: Type.Optional(UnixTime)
}, { additionalProperties: false })

const FixtureDataAttribute = Type.Object({
  /** The attribute's id; the next of the workspace's by default. */
  id: Type.Optional(Type.Integer({ minimum: 1 })),
  name: Type.String({ minLength: 1, maxLength: 190 }),
  model: Type.Union([Type.Literal('contact'), Type.Literal('company'), Type.Literal('conversation')]),
  data_type: Type.Union(['string', 'integer', 'float', 'boolean', 'date', 'datetime', 'options'].map(t => Type.Literal(t))),
  /** For `data_type: options`: the values a list attribute offers. */
  options: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { minItems: 2 })),
  description: Type.Optional(Type.String()),
  messenger_writable: Type.Optional(Type.Boolean()),
  archived: Type.Optional(Type.Boolean()),
  /** The admin who created it (the workspace's owner by default). */
  admin_id: Type.Optional(NumericId),
  created_at: Type.Optional(UnixTime),
  updated_at: Type.Optional(UnixTime)
}, { additionalProperties: false })

const FixtureCompany = Type.Object({
  id: Type.Optional(ContactId),
  company_id: Type.String({ minLength: 1 }),
  name: Type.Optional(Type.String()),
  plan: Type.Optional(Type.String()),
  size: Type.Optional(Type.Integer({ minimum: 0 })),
  website: Type.Optional(Type.String()),
  industry: Type.Optional(Type.String()),
  monthly_spend: Type.Optional(Type.Number({ minimum: 0 })),
  custom_attributes: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()]))),
  remote_created_at: Type.Optional(UnixTime),
  created_at: Type.Optional(UnixTime),
  updated_at: Type.Optional(UnixTime),
  last_request_at: Type.Optional(UnixTime),
  tags: Type.Optional(Type.Array(Type.String({ minLength: 1 })))
}, { additionalProperties: false })

const FixtureSubscriptionType = Type.Object({
  id: NumericId,
  name: Type.String({ minLength: 1 }),
  description: Type.Optional(Type.String()),
  locale: Type.Optional(Type.String({ minLength: 1 })),
  consent_type: Type.Union([Type.Literal('opt_in'), Type.Literal('opt_out')]),
  state: Type.Optional(Type.Union([Type.Literal('live'), Type.Literal('draft'), Type.Literal('archived')])),
  content_types: Type.Array(Type.Union([Type.Literal('email'), Type.Literal('sms_message')]), { minItems: 1 })
}, { additionalProperties: false })

const FixtureTicketAttribute = Type.Object({
  name: Type.String({ minLength: 1 }),
  description: Type.Optional(Type.String()),
  data_type: Type.Union(['string', 'list', 'integer', 'decimal', 'boolean', 'datetime', 'files'].map(t => Type.Literal(t))),
  /** `list` attributes: `{ "list_options": [{ "label": "High" }, …] }`. */
  input_options: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  required_to_create: Type.Optional(Type.Boolean()),
  required_to_create_for_contacts: Type.Optional(Type.Boolean()),
  visible_on_create: Type.Optional(Type.Boolean()),
  visible_to_contacts: Type.Optional(Type.Boolean())
}, { additionalProperties: false })

const FixtureTicketType = Type.Object({
  id: NumericId,
  name: Type.String({ minLength: 1 }),
  description: Type.Optional(Type.String()),
  icon: Type.Optional(Type.String()),
  category: Type.Union([Type.Literal('Customer'), Type.Literal('Back-office'), Type.Literal('Tracker')]),
  archived: Type.Optional(Type.Boolean()),
  /** Beside the `_default_title_` and `_default_description_` every type has. */
  attributes: Type.Optional(Type.Array(FixtureTicketAttribute))
}, { additionalProperties: false })

const FixtureTicketState = Type.Object({
  id: NumericId,
  category: Type.Union([Type.Literal('submitted'), Type.Literal('in_progress'), Type.Literal('waiting_on_customer'), Type.Literal('resolved')]),
  internal_label: Type.String({ minLength: 1 }),
  external_label: Type.String({ minLength: 1 })
}, { additionalProperties: false })

/** The fixture file: what every new workspace starts with. `fixtures/schema.json` is generated from this. */
export const FixturesSchema = Type.Object({
  $schema: Type.Optional(Type.String()),
  app: Type.Optional(Type.Object({
    id_code: Type.Optional(Type.String({ pattern: '^[a-z0-9]{1,40}$' })),
    name: Type.Optional(Type.String({ minLength: 1 })),
    timezone: Type.Optional(Type.String({ minLength: 1 })),
    region: Type.Optional(Type.String({ minLength: 1 })),
    /** When the app was created; the workspace's creation time by default. */
    created_at: Type.Optional(UnixTime),
    /** Keys the X-Hub-Signature of webhook notifications; derived from the token when absent. */
    client_secret: Type.Optional(Type.String({ minLength: 1 }))
  }, { additionalProperties: false })),
  /** Everything the mock makes up for the workspace (ids, UUIDs, pseudonyms, request ids) derives from it. */
  seed: Type.Optional(Type.Union([Type.String({ minLength: 1 }), Type.Integer()])),
  /** The workspace's clock: real time unless frozen at a time or offset from real time. */
  clock: Type.Optional(Type.Union([
    Type.Object({ frozen_at: UnixTime }, { additionalProperties: false }),
    Type.Object({ offset: Type.Integer() }, { additionalProperties: false })
  ])),
  me: Type.Optional(NumericId),
  /** The Intercom-Version assumed for the workspace's requests that send none (else INTERCOM_MOCK_API_VERSION). */
  api_version: Type.Optional(Type.String({ pattern: '^(1\\.[0-4]|2\\.([0-9]|1[0-6])|Unstable|Preview)$' })),
  /** The workspaces' rate limit (else INTERCOM_MOCK_RATE_LIMIT): `{limit, window_seconds}` or `{"enabled": false}`. */
  rate_limit: Type.Optional(RateLimitBody),
  /**
   * `accept` relaxes Intercom's rule that a custom attribute must be declared (in `data_attributes`)
   * before it is set, for this workspace (INTERCOM_MOCK_UNDECLARED_ATTRIBUTES does it for every one).
   */
  undeclared_attributes: Type.Optional(Type.Union([Type.Literal('refuse'), Type.Literal('accept')])),
  admins: Type.Array(FixtureAdmin, { minItems: 1 }),
  teams: Type.Optional(Type.Array(FixtureTeam)),
  users: Type.Optional(Type.Array(FixturePerson)),
  leads: Type.Optional(Type.Array(FixturePerson)),
  visitors: Type.Optional(Type.Array(FixturePerson)),
  conversations: Type.Optional(Type.Array(FixtureConversation)),
  /** The last id each id sequence handed out (a state dump keeps them, so new ids continue where they were). */
  sequences: Type.Optional(Type.Record(Type.String({ pattern: '^[a-z_]+$' }), Type.Integer({ minimum: 0 }))),
  /** Webhook subscriptions every new workspace starts with (signed with app.client_secret). */
  webhooks: Type.Optional(Type.Array(FixtureWebhook)),
  tags: Type.Optional(Type.Array(FixtureTag)),
  segments: Type.Optional(Type.Array(FixtureSegment)),
  /** The custom attributes of contacts, companies and conversations: only these may be set (unless `undeclared_attributes` is `accept`). */
  data_attributes: Type.Optional(Type.Array(FixtureDataAttribute)),
  companies: Type.Optional(Type.Array(FixtureCompany)),
  subscription_types: Type.Optional(Type.Array(FixtureSubscriptionType)),
  /** Admins' notes on contacts, oldest first. */
  notes: Type.Optional(Type.Array(FixtureNote)),
  /** Data events of contacts (`POST /events`), oldest first. */
  data_events: Type.Optional(Type.Array(FixtureDataEvent)),
  ticket_types: Type.Optional(Type.Array(FixtureTicketType)),
  /** Every ticket type's states; Intercom's four defaults when left out. */
  ticket_states: Type.Optional(Type.Array(FixtureTicketState)),
  /** What `POST /conversations/{id}/run_assignment_rules` assigns to; without it, rules assign nothing. */
  assignment_rules: Type.Optional(Type.Object({
    assign_to: Type.Object({ type: Type.Union([Type.Literal('admin'), Type.Literal('team')]), id: NumericId }, { additionalProperties: false })
  }, { additionalProperties: false }))
}, { additionalProperties: false })

export type Fixtures = Static<typeof FixturesSchema>
type FixturePerson = Static<typeof FixturePerson>

export class FixtureError extends Error {
  constructor (file: string, readonly path: string, readonly problem: string) {
    super(`${file}: ${path === '' ? '' : `${path}: `}${problem}`)
    this.name = 'FixtureError'
  }
}

/** Reads and validates a fixture file; a problem is a FixtureError naming the file and the JSON path. */
export function loadFixtures (file: string): Fixtures {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    throw new FixtureError(file, '', `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`)
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    throw new FixtureError(file, '', `is not valid JSON: ${(error as Error).message}`)
  }
  return validateFixtures(file, data)
}

export function validateFixtures (file: string, data: unknown): Fixtures {
  const fixtures = checkSchema(FixturesSchema, file, data)
  checkReferences(file, fixtures)
  checkResources(file, fixtures)
  checkWebhooks(file, fixtures)
  return fixtures
}

/** `data` checked against `schema`; the first problem is a FixtureError naming its JSON path. */
export function checkSchema<T extends TSchema> (schema: T, file: string, data: unknown): Static<T> {
  const problem = Value.Errors(schema, data).First()
  if (problem !== undefined) throw new FixtureError(file, problem.path, schemaProblem(problem.message, problem.schema))
  return data as Static<T>
}

function schemaProblem (message: string, schema: { description?: string }): string {
  return schema.description === undefined ? message : `${message} (${schema.description})`
}

/**
 * Checks ids are unique and references resolve. `existing` are the records of the workspace being
 * seeded (none for a fixture file or a reset document).
 */
export function checkReferences (file: string, fixtures: Partial<Fixtures>, existing?: KnownRecords): void {
  const adminIds = new Set<string>()
  fixtures.admins?.forEach((admin, i) => {
    if (adminIds.has(admin.id)) throw new FixtureError(file, `/admins/${i}/id`, `admin id ${admin.id} is used twice`)
    adminIds.add(admin.id)
  })
  fixtures.teams?.forEach((team, i) => {
    team.admin_ids.forEach((adminId, j) => {
      if (!adminIds.has(adminId) && existing?.admin(adminId) !== true) throw new FixtureError(file, `/teams/${i}/admin_ids/${j}`, `no admin has id ${adminId}`)
    })
  })
  if (fixtures.me !== undefined && !adminIds.has(fixtures.me)) {
    throw new FixtureError(file, '/me', `no admin has id ${fixtures.me}`)
  }
  if (fixtures.rate_limit !== undefined) {
    const setting = settingFrom(fixtures.rate_limit)
    if (typeof setting === 'object' && setting !== null && 'problem' in setting) throw new FixtureError(file, `/rate_limit/${setting.field}`, setting.problem)
  }
  const tagNames = new Set((fixtures.tags ?? []).map(tag => tag.name))
  const companyIds = new Set<string>()
  fixtures.companies?.forEach((company, i) => {
    if (companyIds.has(company.company_id)) throw new FixtureError(file, `/companies/${i}/company_id`, `company_id ${company.company_id} is used twice`)
    companyIds.add(company.company_id)
    company.tags?.forEach((name, j) => {
      if (!tagNames.has(name)) throw new FixtureError(file, `/companies/${i}/tags/${j}`, `no tag is named ${name}`)
    })
  })
  for (const [list, items] of [['ticket_types', fixtures.ticket_types ?? []], ['ticket_states', fixtures.ticket_states ?? []]] as const) {
    const ids = new Set<string>()
    items.forEach((item, i) => {
      if (ids.has(item.id)) throw new FixtureError(file, `/${list}/${i}/id`, `id ${item.id} is used twice`)
      ids.add(item.id)
    })
  }
  const assignTo = fixtures.assignment_rules?.assign_to
  if (assignTo !== undefined) {
    const ids = assignTo.type === 'admin' ? adminIds : new Set(fixtures.teams?.map(team => team.id))
    if (!ids.has(assignTo.id)) throw new FixtureError(file, '/assignment_rules/assign_to/id', `no ${assignTo.type} has id ${assignTo.id}`)
  }
  const contactIds = new Set<string>()
  const userIds = new Set<string>()
  for (const [list, people] of peopleOf(fixtures)) {
    people.forEach((person, i) => {
      if (contactIds.has(person.id)) throw new FixtureError(file, `/${list}/${i}/id`, `contact id ${person.id} is used twice`)
      contactIds.add(person.id)
      if (list === 'users' && person.user_id !== undefined) {
        if (userIds.has(person.user_id)) throw new FixtureError(file, `/users/${i}/user_id`, `user_id ${person.user_id} is used twice`)
        userIds.add(person.user_id)
      }
    })
  }
  const teamIds = new Set((fixtures.teams ?? []).map(team => team.id))
  const problem = conversationProblem(fixtures.conversations ?? [], {
    admin: id => adminIds.has(id) || existing?.admin(id) === true,
    team: id => teamIds.has(id) || existing?.team(id) === true,
    contact: id => contactIds.has(id) || existing?.contact(id) === true
  })
  if (problem !== null) throw new FixtureError(file, problem[0], problem[1])
  checkResourceReferences(file, fixtures, existing)
}

/** The fixtures' rate limit (null: off), or `fallback` when they set none. */
export function fixtureRateLimit (fixtures: Fixtures, fallback: RateLimitSetting | null): RateLimitSetting | null {
  const setting = fixtures.rate_limit === undefined ? 'default' : settingFrom(fixtures.rate_limit)
  if (setting === 'default' || (setting !== null && 'problem' in setting)) return fallback
  return setting
}

/** Each fixture webhook's topics exist in its version (or, with none set anywhere, in some version). */
function checkWebhooks (file: string, fixtures: Fixtures): void {
  fixtures.webhooks?.forEach((webhook, i) => {
    const label = webhook.api_version ?? fixtures.api_version
    const versions = label === undefined ? ['1.4', '2.11'] : [label]
    webhook.topics.forEach((topic, j) => {
      if (!versions.some(v => isSubscribable(topic, parseApiVersion(v) as ApiVersion))) {
        throw new FixtureError(file, `/webhooks/${i}/topics/${j}`, `${topic} is not a webhook topic of API version ${versions.join(' or ')}`)
      }
    })
  })
}

/** Data attributes are declared once, options only with data_type options; segment filters parse. */
function checkResources (file: string, fixtures: Partial<Fixtures>): void {
  fixtures.data_attributes?.forEach((attribute, i) => {
    const twin = fixtures.data_attributes?.findIndex(a => a.name === attribute.name)
    if (twin !== i) throw new FixtureError(file, `/data_attributes/${i}/name`, `data attribute ${attribute.name} is declared twice`)
    if ((attribute.data_type === 'options') !== (attribute.options !== undefined)) {
      throw new FixtureError(file, `/data_attributes/${i}/options`, 'options go with data_type options, and only with it')
    }
  })
  fixtures.segments?.forEach((segment, i) => {
    try {
      parseQuery(segment.filter, 'filter', 'contact')
    } catch (error) {
      if (!(error instanceof IntercomError)) throw error
      throw new FixtureError(file, `/segments/${i}/filter`, error.message)
    }
  })
}

const ROLE_OF_LIST = { users: 'user', leads: 'lead', visitors: 'visitor' } as const

export function peopleOf (fixtures: Partial<Fixtures>): Array<[keyof typeof ROLE_OF_LIST, FixturePerson[]]> {
  return [['users', fixtures.users ?? []], ['leads', fixtures.leads ?? []], ['visitors', fixtures.visitors ?? []]]
}

/**
 * @internal Writes the fixtures' records into a workspace: a new one (inside its creating transaction), or one
 * being seeded (inside the seed's, after its checks). Positions follow those already there.
 */
export function applyFixtures (ctx: DomainContext, fixtures: Partial<Fixtures>): void {
  const adminsBefore = ctx.store.admins.all().length
  const teamsBefore = ctx.store.admins.allTeams().length
  fixtures.admins?.forEach((admin, i) => {
    const position = adminsBefore + i
    ctx.store.admins.insert({
      id: admin.id,
      name: admin.name,
      email: admin.email,
      jobTitle: admin.job_title ?? null,
      awayModeEnabled: admin.away_mode_enabled ?? false,
      awayModeReassign: admin.away_mode_reassign ?? false,
      hasInboxSeat: admin.has_inbox_seat ?? true,
      avatarUrl: admin.avatar_url ?? null
    }, position)
  })
  fixtures.teams?.forEach((team, i) => {
    ctx.store.admins.insertTeam({ id: team.id, name: team.name, adminIds: team.admin_ids }, teamsBefore + i)
  })
  for (const attribute of fixtures.data_attributes ?? []) {
    if (attribute.id !== undefined) {
      insertDataAttribute(ctx, attribute, attribute.id)
      continue
    }
    const created = createDataAttribute(ctx, {
      name: attribute.name, model: attribute.model, dataType: attribute.data_type, options: attribute.options, description: attribute.description,
      messengerWritable: attribute.messenger_writable
    }, ['contact', 'company', 'conversation'])
    if (attribute.archived === true) updateDataAttribute(ctx, String(created.id), { archived: true })
  }
  fixtures.subscription_types?.forEach((type, position) => {
    ctx.store.subscriptionTypes.insert({
      id: type.id, name: type.name, description: type.description ?? '', locale: type.locale ?? 'en',
      consentType: type.consent_type, state: type.state ?? 'live', contentTypes: type.content_types
    }, position)
  })
  const tagIds = new Map<string, string>()
  for (const tag of fixtures.tags ?? []) {
    const id = tag.id ?? unusedTagId(ctx)
    ctx.store.tags.insert({ id, name: tag.name }, tag.created_at ?? ctx.clock.now())
    tagIds.set(tag.name, id)
  }
  const companyIds = new Map<string, string>()
  for (const company of fixtures.companies ?? []) {
    const id = fixtureCompany(ctx, company)
    companyIds.set(company.company_id, id)
    for (const name of company.tags ?? []) ctx.store.tags.apply('company', id, tagIds.get(name) as string, ctx.clock.now(), null)
  }
  for (const [list, people] of peopleOf(fixtures)) {
    for (const person of people) {
      const contact = fixtureContact(ctx, ROLE_OF_LIST[list], person)
      ctx.store.contacts.insert(contact)
      applyPersonLinks(ctx, contact, person, tagIds, companyIds)
      if (person.deleted_at !== undefined) ctx.store.contacts.markDeleted(person.id, person.deleted_at)
    }
  }
  fixtures.segments?.forEach((segment, position) => {
    defineSegment(ctx, { id: segment.id, name: segment.name, personType: segment.person_type, filter: segment.filter, createdAt: segment.created_at }, position)
  })
  const assignTo = fixtures.assignment_rules?.assign_to
  if (assignTo !== undefined) ctx.store.assignmentRules.set(assignTo)
  applyTicketFixtures(ctx, fixtures)
  applyConversations(ctx, fixtures.conversations ?? [])
  applyConversationTagsNotesAndEvents(ctx, fixtures, tagIds)
  for (const [kind, lastValue] of Object.entries(fixtures.sequences ?? {})) ctx.store.raiseSequence(kind, lastValue)
}

/** A data attribute as a state dump recorded it: its id and times kept. */
function insertDataAttribute (ctx: DomainContext, attribute: Static<typeof FixtureDataAttribute>, id: number): void {
  const createdAt = attribute.created_at ?? ctx.clock.now()
  ctx.store.dataAttributes.insert({
    id,
    model: attribute.model,
    name: attribute.name,
    description: attribute.description ?? null,
    dataType: (attribute.data_type === 'options' ? 'string' : attribute.data_type === 'datetime' ? 'date' : attribute.data_type) as CustomAttributeRecord['dataType'],
    options: attribute.options ?? null,
    messengerWritable: attribute.messenger_writable ?? false,
    archived: attribute.archived ?? false,
    adminId: attribute.admin_id ?? ctx.workspace.ownerAdminId,
    createdAt,
    updatedAt: attribute.updated_at ?? createdAt
  })
  ctx.store.raiseSequence('data_attribute', id)
}

/** Fixtures write what they declare: their custom attributes are not checked against `data_attributes`. */
function fixtureCompany (ctx: DomainContext, company: Static<typeof FixtureCompany>): string {
  const createdAt = company.created_at ?? ctx.clock.now()
  const record: CompanyRecord = {
    // From the company's own creation time, so that two workspaces of the same fixtures get the same ids.
    id: company.id ?? ctx.ids.companyId(createdAt),
    companyId: company.company_id,
    name: company.name ?? null,
    plan: company.plan ?? null,
    size: company.size ?? null,
    website: company.website ?? null,
    industry: company.industry ?? null,
    monthlySpend: Math.trunc(company.monthly_spend ?? 0),
    customAttributes: company.custom_attributes ?? {},
    remoteCreatedAt: company.remote_created_at ?? null,
    lastRequestAt: company.last_request_at ?? null,
    createdAt,
    updatedAt: company.updated_at ?? createdAt,
    userCount: 0,
    sessionCount: 0
  }
  ctx.store.companies.insert(record)
  return record.id
}

function fixtureContact (ctx: DomainContext, role: ContactRole, person: FixturePerson) {
  const contact = newContact(ctx, role, {
    externalId: role === 'user' ? person.user_id : person.external_id,
    anonymousId: role === 'user' ? person.anonymous_id : person.user_id,
    pseudonym: person.pseudonym,
    lastRepliedAt: person.last_replied_at,
    sessionCount: person.session_count,
    email: person.email,
    phone: person.phone,
    name: person.name,
    avatarUrl: person.avatar_url,
    unsubscribedFromEmails: person.unsubscribed_from_emails,
    customAttributes: person.custom_attributes,
    signedUpAt: person.signed_up_at,
    lastRequestAt: person.last_request_at
  }, person.id)
  const createdAt = person.created_at ?? contact.createdAt
  return { ...contact, archived: person.archived ?? false, blocked: person.blocked ?? false, createdAt, updatedAt: person.updated_at ?? createdAt }
}
