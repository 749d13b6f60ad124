import { Type, type Static } from '@sinclair/typebox'
import type { DomainContext } from '../domain/context.js'
import { errors } from '../domain/errors.js'
import { conversationConflict, type KnownRecords, type ReferenceProblem } from './fixture-conversations.js'
import { applyFixtures, checkReferences, checkSchema, FixtureError, FixturesSchema, peopleOf } from './fixtures.js'

/** The body of `POST /__mock/seed`: the record lists of the fixture format, each optional. */
export const SeedSchema = Type.Partial(Type.Pick(FixturesSchema, ['admins', 'teams', 'users', 'leads', 'visitors', 'conversations']), { additionalProperties: false })
export type SeedRecords = Static<typeof SeedSchema>

/**
 * Adds records to a workspace, checked as fixtures are (400 naming the JSON path) with references
 * free to point at what the workspace already holds; a record whose id (or a user's user_id) is
 * already there is a 409 naming it. All or nothing: one transaction.
 */
export function seedRecords (ctx: DomainContext, body: unknown): { added: Record<string, number> } {
  const records = asBadRequest(() => {
    const checked = checkSchema(SeedSchema, 'seed', body)
    checkReferences('seed', checked, knownIn(ctx))
    return checked
  })
  return ctx.store.transaction(() => {
    const conflict = firstConflict(ctx, records)
    if (conflict !== null) throw errors.conflict(conflict[1], conflict[0])
    applyFixtures(ctx, records)
    return { added: Object.fromEntries(Object.entries(records).map(([list, items]) => [list, (items as unknown[]).length])) }
  })
}

function knownIn (ctx: DomainContext): KnownRecords {
  return {
    admin: id => ctx.store.admins.findById(id) !== null,
    team: id => ctx.store.admins.findTeamById(id) !== null,
    contact: id => ctx.store.contacts.findById(id) !== null,
    ticketType: id => ctx.store.tickets.typeById(id) !== null,
    ticketState: id => ctx.store.tickets.allStates().some(state => state.id === id)
  }
}

function firstConflict (ctx: DomainContext, records: SeedRecords): ReferenceProblem | null {
  for (const [i, admin] of (records.admins ?? []).entries()) {
    if (ctx.store.admins.findById(admin.id) !== null) return [`/admins/${i}/id`, `An admin with id ${admin.id} already exists`]
  }
  for (const [i, team] of (records.teams ?? []).entries()) {
    if (ctx.store.admins.findTeamById(team.id) !== null) return [`/teams/${i}/id`, `A team with id ${team.id} already exists`]
  }
  for (const [list, people] of peopleOf(records)) {
    for (const [i, person] of people.entries()) {
      if (ctx.store.contacts.exists(person.id)) return [`/${list}/${i}/id`, `A contact with id ${person.id} already exists`]
      const userId = list === 'users' ? person.user_id : undefined
      if (userId !== undefined && ctx.store.contacts.findByExternalId(userId).some(c => c.role === 'user')) {
        return [`/users/${i}/user_id`, `A user with user_id ${userId} already exists`]
      }
      const externalId = list === 'leads' ? person.external_id : undefined
      if (externalId !== undefined && ctx.store.contacts.findByExternalId(externalId).length > 0) {
        return [`/leads/${i}/external_id`, `A contact with external_id ${externalId} already exists`]
      }
    }
  }
  return conversationConflict(ctx, records.conversations ?? [])
}

/** Runs fixture checks, turning a FixtureError into a 400 that names the JSON path (message and field). */
export function asBadRequest<T> (check: () => T): T {
  try {
    return check()
  } catch (error) {
    if (!(error instanceof FixtureError)) throw error
    throw error.path === '' ? errors.parameterInvalid(error.problem) : errors.parameterInvalid(`${error.path}: ${error.problem}`, error.path)
  }
}
