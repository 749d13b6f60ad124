import { readFileSync } from 'node:fs'
import { Type, type Static } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import type { DomainContext } from '../domain/context.js'
import { newContact } from '../domain/people.js'
import { applyTicketFixtures } from './ticket-fixtures.js'
import type { ContactRole } from '../domain/types.js'

const ContactId = Type.String({ pattern: '^[0-9a-f]{24}$', description: 'a 24-hex Intercom object id' })
const NumericId = Type.String({ pattern: '^[0-9]{1,15}$', description: 'a numeric string id' })
const Email = Type.String({ pattern: '^[^@\\s]+@[^@\\s]+$' })
const Timestamp = Type.Integer({ minimum: 0, description: 'unix seconds' })

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
  signed_up_at: Type.Optional(Timestamp),
  last_request_at: Type.Optional(Timestamp),
  created_at: Type.Optional(Timestamp)
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
    region: Type.Optional(Type.String({ minLength: 1 }))
  }, { additionalProperties: false })),
  me: Type.Optional(NumericId),
  /** The Intercom-Version assumed for the workspace's requests that send none (else INTERCOM_MOCK_API_VERSION). */
  api_version: Type.Optional(Type.String({ pattern: '^(1\\.[0-4]|2\\.([0-9]|1[0-6])|Unstable|Preview)$' })),
  admins: Type.Array(FixtureAdmin, { minItems: 1 }),
  teams: Type.Optional(Type.Array(FixtureTeam)),
  users: Type.Optional(Type.Array(FixturePerson)),
  leads: Type.Optional(Type.Array(FixturePerson)),
  visitors: Type.Optional(Type.Array(FixturePerson)),
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
  constructor (file: string, path: string, problem: string) {
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
  const problem = Value.Errors(FixturesSchema, data).First()
  if (problem !== undefined) throw new FixtureError(file, problem.path, schemaProblem(problem.message, problem.schema))
  const fixtures = data as Fixtures
  checkReferences(file, fixtures)
  return fixtures
}

function schemaProblem (message: string, schema: { description?: string }): string {
  return schema.description === undefined ? message : `${message} (${schema.description})`
}

function checkReferences (file: string, fixtures: Fixtures): void {
  const adminIds = new Set<string>()
  fixtures.admins.forEach((admin, i) => {
    if (adminIds.has(admin.id)) throw new FixtureError(file, `/admins/${i}/id`, `admin id ${admin.id} is used twice`)
    adminIds.add(admin.id)
  })
  fixtures.teams?.forEach((team, i) => {
    team.admin_ids.forEach((adminId, j) => {
      if (!adminIds.has(adminId)) throw new FixtureError(file, `/teams/${i}/admin_ids/${j}`, `no admin has id ${adminId}`)
    })
  })
  if (fixtures.me !== undefined && !adminIds.has(fixtures.me)) {
    throw new FixtureError(file, '/me', `no admin has id ${fixtures.me}`)
  }
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
}

const ROLE_OF_LIST = { users: 'user', leads: 'lead', visitors: 'visitor' } as const

function peopleOf (fixtures: Fixtures): Array<[keyof typeof ROLE_OF_LIST, FixturePerson[]]> {
  return [['users', fixtures.users ?? []], ['leads', fixtures.leads ?? []], ['visitors', fixtures.visitors ?? []]]
}

/** Writes the fixtures' admins, teams and people into a new workspace. Call inside its creating transaction. */
export function applyFixtures (ctx: DomainContext, fixtures: Fixtures): void {
  fixtures.admins.forEach((admin, position) => {
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
  fixtures.teams?.forEach((team, position) => {
    ctx.store.admins.insertTeam({ id: team.id, name: team.name, adminIds: team.admin_ids }, position)
  })
  for (const [list, people] of peopleOf(fixtures)) {
    for (const person of people) ctx.store.contacts.insert(fixtureContact(ctx, ROLE_OF_LIST[list], person))
  }
  const assignTo = fixtures.assignment_rules?.assign_to
  if (assignTo !== undefined) ctx.store.assignmentRules.set(assignTo)
  applyTicketFixtures(ctx, fixtures)
}

function fixtureContact (ctx: DomainContext, role: ContactRole, person: FixturePerson) {
  const contact = newContact(ctx, role, {
    externalId: role === 'user' ? person.user_id : person.external_id,
    anonymousId: role === 'user' ? undefined : person.user_id,
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
  return { ...contact, createdAt, updatedAt: createdAt }
}
