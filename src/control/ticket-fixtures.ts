import type { DomainContext } from '../domain/context.js'
import { DEFAULT_DESCRIPTION, DEFAULT_TITLE } from '../domain/tickets/attributes.js'
import type { TicketState, TicketType, TicketTypeAttribute } from '../domain/tickets/types.js'
import type { Fixtures } from './fixtures.js'

/** Intercom's default states, which a workspace has when its fixtures name none. */
export const DEFAULT_TICKET_STATES: readonly TicketState[] = [
  { id: '1', category: 'submitted', internalLabel: 'Submitted', externalLabel: 'Submitted' },
  { id: '2', category: 'in_progress', internalLabel: 'In progress', externalLabel: 'In progress' },
  { id: '3', category: 'waiting_on_customer', internalLabel: 'Waiting on customer', externalLabel: 'Waiting on you' },
  { id: '4', category: 'resolved', internalLabel: 'Resolved', externalLabel: 'Resolved' }
]

type FixtureTicketType = NonNullable<Fixtures['ticket_types']>[number]

/**
 * Writes the fixtures' ticket states and types (with the two default attributes every type has). A
 * workspace gets Intercom's default states when its fixtures name none; records seeded into it later
 * add to what it has.
 */
export function applyTicketFixtures (ctx: DomainContext, fixtures: Partial<Fixtures>): void {
  const statesBefore = ctx.store.tickets.allStates().length
  const states = fixtures.ticket_states?.map(s => ({ id: s.id, category: s.category, internalLabel: s.internal_label, externalLabel: s.external_label })) ??
    (statesBefore === 0 ? DEFAULT_TICKET_STATES : [])
  states.forEach((state, position) => ctx.store.tickets.insertState(state, statesBefore + position))
  fixtures.ticket_types?.forEach((type, position) => ctx.store.tickets.insertType(ticketType(ctx, type), position))
}

function ticketType (ctx: DomainContext, fixture: FixtureTicketType): TicketType {
  const now = ctx.clock.now()
  const defaults: TicketTypeAttribute[] = [
    attribute(ctx, { name: DEFAULT_TITLE, description: 'The title of the ticket', data_type: 'string', visible_to_contacts: true, required_to_create_for_contacts: true }, 0, true),
    attribute(ctx, { name: DEFAULT_DESCRIPTION, description: 'The description of the ticket', data_type: 'string', input_options: { multiline: true }, visible_to_contacts: true }, 1, true)
  ]
  return {
    id: fixture.id,
    name: fixture.name,
    description: fixture.description ?? '',
    icon: fixture.icon ?? '🎟️',
    category: fixture.category,
    archived: fixture.archived ?? false,
    attributes: [...defaults, ...(fixture.attributes ?? []).map((a, i) => attribute(ctx, a, i + 2, false))],
    createdAt: now,
    updatedAt: now
  }
}

function attribute (ctx: DomainContext, a: NonNullable<FixtureTicketType['attributes']>[number], order: number, isDefault: boolean): TicketTypeAttribute {
  return {
    id: ctx.ids.ticketAttributeId(),
    name: a.name,
    description: a.description ?? '',
    dataType: a.data_type as TicketTypeAttribute['dataType'],
    inputOptions: a.input_options ?? {},
    order,
    requiredToCreate: a.required_to_create ?? false,
    requiredToCreateForContacts: a.required_to_create_for_contacts ?? false,
    visibleOnCreate: a.visible_on_create ?? true,
    visibleToContacts: a.visible_to_contacts ?? true,
    isDefault,
    archived: false
  }
}

/**
 * The workspace's ticket types and states in fixture shape, for a state dump (issue #9): what
 * `applyTicketFixtures` would write back. The default attributes are left out, as fixtures do.
 */
export function dumpTicketFixtures (ctx: DomainContext): Pick<Fixtures, 'ticket_types' | 'ticket_states'> {
  return {
    ticket_states: ctx.store.tickets.allStates().map(s => ({ id: s.id, category: s.category, internal_label: s.internalLabel, external_label: s.externalLabel })),
    ticket_types: ctx.store.tickets.allTypes().map(type => ({
      id: type.id,
      name: type.name,
      description: type.description,
      icon: type.icon,
      category: type.category,
      archived: type.archived,
      attributes: type.attributes.filter(a => !a.isDefault).map(a => ({
        name: a.name,
        description: a.description,
        data_type: a.dataType,
        input_options: a.inputOptions,
        required_to_create: a.requiredToCreate,
        required_to_create_for_contacts: a.requiredToCreateForContacts,
        visible_on_create: a.visibleOnCreate,
        visible_to_contacts: a.visibleToContacts
      }))
    }))
  }
}

/** The workspace's assignment rule in fixture shape, for a state dump (issue #9). */
export function dumpAssignmentRuleFixtures (ctx: DomainContext): Pick<Fixtures, 'assignment_rules'> {
  const assignee = ctx.store.assignmentRules.get()
  return assignee === null ? {} : { assignment_rules: { assign_to: assignee } }
}
