import { userIdOf } from '../domain/people.js'
import type { Contact, DataEvent, EventSummary, Page } from '../domain/types.js'
import type { PageLink } from './v1/pages.js'

/** A data event as `GET /events` lists it, the same in both majors (`data_event`). */
export interface EventWire {
  type: 'event'
  id: string
  event_name: string
  created_at: number
  user_id?: string
  intercom_user_id: string
  email?: string
  metadata: Record<string, unknown>
}

/** `event.list`: `pages.next` is the absolute URL of the next page, left out on the last. */
export interface EventListWire {
  type: 'event.list'
  events: EventWire[]
  pages: { next?: string }
}

/** `event.summary` (`data_event_summary`). */
export interface EventSummaryWire {
  type: 'event.summary'
  intercom_user_id: string
  user_id?: string
  email?: string
  events: Array<{ name: string, first: string, last: string, count: number }>
}

export function presentEventList (page: Page<DataEvent>, link: PageLink): EventListWire {
  const pages: EventListWire['pages'] = {}
  if (page.page < page.totalPages) pages.next = link(page.page + 1, page.perPage)
  return { type: 'event.list', events: page.items.map(presentEvent), pages }
}

export function presentEventSummary ({ contact, summaries }: { contact: Contact, summaries: EventSummary[] }): EventSummaryWire {
  const wire: EventSummaryWire = {
    type: 'event.summary',
    intercom_user_id: contact.id,
    // Times as ISO 8601 strings, as the schema declares `first` and `last`.
    events: summaries.map(s => ({ name: s.name, first: iso(s.first), last: iso(s.last), count: s.count }))
  }
  const userId = userIdOf(contact)
  if (userId !== null) wire.user_id = userId
  if (contact.email !== null) wire.email = contact.email
  return wire
}

function presentEvent (event: DataEvent): EventWire {
  const wire: EventWire = {
    type: 'event',
    id: event.id,
    event_name: event.eventName,
    created_at: event.createdAt,
    intercom_user_id: event.contact.id,
    metadata: event.metadata
  }
  const userId = event.contact.role === 'user' ? event.contact.externalId : event.contact.anonymousId
  if (userId !== null) wire.user_id = userId
  if (event.contact.email !== null) wire.email = event.contact.email
  return wire
}

function iso (t: number): string {
  return new Date(t * 1000).toISOString()
}
