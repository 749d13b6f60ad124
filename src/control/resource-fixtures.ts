import type { DomainContext } from '../domain/context.js'
import { resourceFixtureRows } from '../domain/fixture-rows.js'
import type { AppliedTag, Contact } from '../domain/types.js'
import type { FixtureConversation, KnownRecords } from './fixture-conversation-schema.js'
import { FixtureError, peopleOf, type Fixtures } from './fixtures.js'
import { DEFAULT_TICKET_STATES } from './ticket-fixtures.js'

type FixturePerson = NonNullable<Fixtures['users']>[number]
type TagEntry = NonNullable<FixturePerson['tags']>[number]
type CompanyEntry = NonNullable<FixturePerson['companies']>[number]

const tagName = (entry: TagEntry): string => typeof entry === 'string' ? entry : entry.name
const companyIdOf = (entry: CompanyEntry): string => typeof entry === 'string' ? entry : entry.company_id

/**
 * Issue #13's resources in the fixture format beyond the lists `applyFixtures` writes itself: the
 * links of people and conversations (tags, companies, subscription choices, event counts), notes
 * and data events; how they are checked, written and dumped, so a state dump loads back identically.
 */
export function checkResourceReferences (file: string, fixtures: Partial<Fixtures>, existing?: KnownRecords): void {
  const tagNames = new Set((fixtures.tags ?? []).map(tag => tag.name))
  const companyIds = new Set((fixtures.companies ?? []).map(company => company.company_id))
  const subscriptionTypeIds = new Set((fixtures.subscription_types ?? []).map(type => type.id))
  const adminIds = new Set((fixtures.admins ?? []).map(admin => admin.id))
  const contactIds = new Set(peopleOf(fixtures).flatMap(([, people]) => people.map(p => p.id)))
  const admin = (id: string) => adminIds.has(id) || existing?.admin(id) === true
  const contact = (id: string) => contactIds.has(id) || existing?.contact(id) === true
  for (const [list, people] of peopleOf(fixtures)) {
    people.forEach((person, i) => {
      person.tags?.forEach((entry, j) => {
        if (!tagNames.has(tagName(entry))) throw new FixtureError(file, `/${list}/${i}/tags/${j}`, `no tag is named ${tagName(entry)}`)
      })
      person.companies?.forEach((entry, j) => {
        if (!companyIds.has(companyIdOf(entry))) throw new FixtureError(file, `/${list}/${i}/companies/${j}`, `no company has company_id ${companyIdOf(entry)}`)
      })
      person.subscriptions?.forEach((choice, j) => {
        if (!subscriptionTypeIds.has(choice.id)) throw new FixtureError(file, `/${list}/${i}/subscriptions/${j}/id`, `no subscription type has id ${choice.id}`)
      })
    })
  }
  const typeIds = new Set((fixtures.ticket_types ?? []).map(type => type.id))
  const stateIds = new Set((fixtures.ticket_states ?? DEFAULT_TICKET_STATES).map(state => state.id))
  fixtures.conversations?.forEach((conversation, i) => {
    conversation.tags?.forEach((entry, j) => {
      if (!tagNames.has(tagName(entry))) throw new FixtureError(file, `/conversations/${i}/tags/${j}`, `no tag is named ${tagName(entry)}`)
    })
    const ticket = conversation.ticket
    if (ticket === undefined) return
    if (!typeIds.has(ticket.ticket_type_id) && existing?.ticketType?.(ticket.ticket_type_id) !== true) {
      throw new FixtureError(file, `/conversations/${i}/ticket/ticket_type_id`, `no ticket type has id ${ticket.ticket_type_id}`)
    }
    if (!stateIds.has(ticket.ticket_state_id) && existing?.ticketState?.(ticket.ticket_state_id) !== true) {
      throw new FixtureError(file, `/conversations/${i}/ticket/ticket_state_id`, `no ticket state has id ${ticket.ticket_state_id}`)
    }
  })
  fixtures.notes?.forEach((note, i) => {
    if (!contact(note.contact_id)) throw new FixtureError(file, `/notes/${i}/contact_id`, `no contact has id ${note.contact_id}`)
    if (note.admin_id !== undefined && !admin(note.admin_id)) throw new FixtureError(file, `/notes/${i}/admin_id`, `no admin has id ${note.admin_id}`)
  })
  fixtures.data_events?.forEach((event, i) => {
    if (!contact(event.contact_id)) throw new FixtureError(file, `/data_events/${i}/contact_id`, `no contact has id ${event.contact_id}`)
  })
}

/** A person's tags, companies, subscription choices and event counts, once the person is written. */
export function applyPersonLinks (ctx: DomainContext, contact: Contact, person: FixturePerson, tagIds: Map<string, string>, companyIds: Map<string, string>): void {
  for (const entry of person.tags ?? []) {
    const applied = typeof entry === 'string' ? { name: entry } : entry
    ctx.store.tags.apply('contact', contact.id, tagIds.get(applied.name) as string, applied.applied_at ?? contact.createdAt, applied.applied_by_admin_id ?? null)
  }
  for (const entry of person.companies ?? []) {
    const attachedAt = typeof entry === 'string' ? contact.createdAt : entry.attached_at
    ctx.store.companies.attach(companyIds.get(companyIdOf(entry)) as string, contact.id, attachedAt)
  }
  for (const choice of person.subscriptions ?? []) ctx.store.subscriptionTypes.choose(contact.id, choice.id, choice.consent)
  for (const summary of person.event_summaries ?? []) ctx.store.events.addToSummary(contact.id, summary)
}

/** Conversations' tags (after the conversations are written), then notes and data events. */
export function applyConversationTagsNotesAndEvents (ctx: DomainContext, fixtures: Partial<Fixtures>, tagIds: Map<string, string>): void {
  for (const conversation of fixtures.conversations ?? []) {
    if (conversation.id === undefined) continue
    for (const entry of conversation.tags ?? []) {
      const applied = typeof entry === 'string' ? { name: entry } : entry
      const at = applied.applied_at ?? conversation.created_at ?? ctx.clock.now()
      ctx.store.tags.apply('conversation', conversation.id, tagIds.get(applied.name) as string, at, applied.applied_by_admin_id ?? null)
    }
  }
  for (const note of fixtures.notes ?? []) {
    ctx.store.notes.insert({
      id: note.id ?? ctx.ids.noteId(), contactId: note.contact_id, adminId: note.admin_id ?? null, body: note.body, createdAt: note.created_at ?? ctx.clock.now()
    })
  }
  for (const event of fixtures.data_events ?? []) {
    const createdAt = event.created_at ?? ctx.clock.now()
    ctx.store.events.insert({ id: event.id ?? ctx.ids.eventId(), contactId: event.contact_id, eventName: event.event_name, createdAt, metadata: event.metadata ?? {} })
    if (event.counted !== false) ctx.store.events.addToSummary(event.contact_id, { name: event.event_name, count: 1, first: createdAt, last: createdAt })
  }
}

/** The dump's top-level resource lists: tags, companies, segments, data attributes, subscription types, notes, data events. */
export function dumpResources (ctx: DomainContext): Partial<Fixtures> {
  const { personLinks: _, ...rows } = resourceFixtureRows(ctx)
  return {
    ...(rows as Partial<Fixtures>),
    notes: ctx.store.notes.all().map(n => ({ id: n.id, contact_id: n.contactId, ...(n.adminId === null ? {} : { admin_id: n.adminId }), body: n.body, created_at: n.createdAt })),
    data_events: ctx.store.events.all().map(e => ({ id: e.id, contact_id: e.contactId, event_name: e.eventName, created_at: e.createdAt, metadata: e.metadata, counted: false }))
  }
}

/** What a dumped person adds for its links (its `event_summaries` count its dumped events). */
export function dumpPersonLinks (ctx: DomainContext, attachments: Map<string, Map<string, number>>) {
  return (contact: Contact): Partial<FixturePerson> => {
    const links: Partial<FixturePerson> = {}
    const { tags, companies, subscriptions } = contact.links
    if (tags.length > 0) links.tags = tags.map(appliedTag)
    if (companies.length > 0) {
      links.companies = companies.map(c => ({ company_id: c.companyId, attached_at: attachments.get(contact.id)?.get(c.id) ?? contact.createdAt }))
    }
    if (subscriptions.length > 0) links.subscriptions = subscriptions.map(s => ({ id: s.subscriptionTypeId, consent: s.consent }))
    if (contact.archived) links.archived = true
    if (contact.blocked) links.blocked = true
    const summaries = ctx.store.events.summariesOf(contact.id)
    if (summaries.length > 0) links.event_summaries = summaries
    return links
  }
}

/** Each dumped conversation gains its tags, in the order they were applied. */
export function withConversationTags (ctx: DomainContext, conversations: FixtureConversation[]): FixtureConversation[] {
  const tags = ctx.store.tags.of('conversation', conversations.map(c => c.id as string))
  return conversations.map(c => {
    const applied = tags.get(c.id as string) ?? []
    return applied.length === 0 ? c : { ...c, tags: applied.map(appliedTag) }
  })
}

function appliedTag (t: AppliedTag) {
  return { name: t.tag.name, ...(t.appliedAt === null ? {} : { applied_at: t.appliedAt }), applied_by_admin_id: t.appliedBy }
}
