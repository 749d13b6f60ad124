import { webhooksAsFixtures } from './webhooks/subscriptions.js'
import type { DomainContext } from '../domain/context.js'
import type { Contact } from '../domain/types.js'
import { dumpConversations } from './fixture-conversations.js'
import type { Fixtures } from './fixtures.js'
import { dumpPersonLinks, dumpResources, withConversationTags } from './resource-fixtures.js'
import { dumpAssignmentRuleFixtures, dumpTicketFixtures } from './ticket-fixtures.js'

type Section = (ctx: DomainContext) => Partial<Fixtures>
type FixturePerson = NonNullable<Fixtures['users']>[number]

/**
 * `GET /__mock/state`: the workspace's whole state in the fixture format, so that resetting to it
 * gives the same workspace (same answers, same next ids). Each resource contributes its own section;
 * a new resource adds its dumper to this list and its fields to the fixture format.
 */
const SECTIONS: readonly Section[] = [
  workspaceSection,
  adminSection,
  peopleSection,
  dumpResources,
  ctx => ({ conversations: withConversationTags(ctx, dumpConversations(ctx)) }),
  ctx => ({ webhooks: webhooksAsFixtures(ctx) }),
  dumpTicketFixtures,
  dumpAssignmentRuleFixtures,
  ctx => ({ sequences: ctx.store.sequences() })
]

export function dumpState (ctx: DomainContext): Fixtures {
  return Object.assign({}, ...SECTIONS.map(section => section(ctx))) as Fixtures
}

function workspaceSection ({ workspace }: DomainContext): Partial<Fixtures> {
  const { app, clock } = workspace
  const section: Partial<Fixtures> = {
    app: { id_code: app.idCode, name: app.name, timezone: app.timezone, region: app.region, created_at: app.createdAt, client_secret: app.clientSecret },
    seed: workspace.seed
  }
  if (workspace.ownerAdminId !== null) section.me = workspace.ownerAdminId
  if (workspace.apiVersion !== null) section.api_version = workspace.apiVersion
  if (clock.mode === 'frozen') section.clock = { frozen_at: clock.at }
  if (clock.mode === 'offset') section.clock = { offset: clock.seconds }
  return section
}

function adminSection (ctx: DomainContext): Partial<Fixtures> {
  return {
    admins: ctx.store.admins.all().map(a => ({
      id: a.id,
      name: a.name,
      email: a.email,
      ...(a.jobTitle === null ? {} : { job_title: a.jobTitle }),
      away_mode_enabled: a.awayModeEnabled,
      away_mode_reassign: a.awayModeReassign,
      has_inbox_seat: a.hasInboxSeat,
      ...(a.avatarUrl === null ? {} : { avatar_url: a.avatarUrl })
    })),
    teams: ctx.store.admins.allTeams().map(team => ({ id: team.id, name: team.name, admin_ids: team.adminIds }))
  }
}

function peopleSection (ctx: DomainContext): Partial<Fixtures> {
  const lists: Required<Pick<Fixtures, 'users' | 'leads' | 'visitors'>> = { users: [], leads: [], visitors: [] }
  const links = dumpPersonLinks(ctx, ctx.store.companies.attachments())
  for (const { contact, deletedAt } of ctx.store.contacts.everyContact()) {
    const list = contact.role === 'user' ? lists.users : contact.role === 'lead' ? lists.leads : lists.visitors
    list.push({ ...dumpPerson(contact, deletedAt), ...links(contact) })
  }
  return lists
}

function dumpPerson (c: Contact, deletedAt: number | null): FixturePerson {
  const user = c.role === 'user'
  const person: FixturePerson = { id: c.id }
  const userId = user ? c.externalId : c.anonymousId
  if (userId !== null) person.user_id = userId
  if (!user && c.externalId !== null) person.external_id = c.externalId
  if (user && c.anonymousId !== null) person.anonymous_id = c.anonymousId
  if (c.email !== null) person.email = c.email
  if (c.phone !== null) person.phone = c.phone
  if (c.name !== null) person.name = c.name
  if (c.pseudonym !== null) person.pseudonym = c.pseudonym
  if (c.avatarUrl !== null) person.avatar_url = c.avatarUrl
  person.unsubscribed_from_emails = c.unsubscribedFromEmails
  person.custom_attributes = c.customAttributes as NonNullable<FixturePerson['custom_attributes']>
  if (c.signedUpAt !== null) person.signed_up_at = c.signedUpAt
  if (c.lastRequestAt !== null) person.last_request_at = c.lastRequestAt
  if (c.lastRepliedAt !== null) person.last_replied_at = c.lastRepliedAt
  person.session_count = c.sessionCount
  person.created_at = c.createdAt
  person.updated_at = c.updatedAt
  if (deletedAt !== null) person.deleted_at = deletedAt
  return person
}
