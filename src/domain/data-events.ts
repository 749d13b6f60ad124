import type { EventRecord } from '../store/index.js'
import type { DomainContext } from './context.js'
import { errors } from './errors.js'
import { numberedPage, pageWindow, type PageLimits, type PageRequest } from './pagination.js'
import { findContact, type Identifier } from './people.js'
import type { Contact, DataEvent, EventSummary, Page, UnixSeconds } from './types.js'

/** How a request names the user an event happened to: Intercom id, `user_id`, or email. */
export interface EventUser {
  id?: string | undefined
  userId?: string | undefined
  intercomUserId?: string | undefined
  email?: string | undefined
}

export interface CreateEventInput extends EventUser {
  eventName?: string | undefined
  createdAt?: UnixSeconds | undefined
  metadata?: Record<string, unknown> | undefined
}

/** "You can have up to 10 metadata key/value pairs per event" (Intercom's event docs). */
export const MAX_METADATA_KEYS = 10
const EVENT_PAGE_LIMITS: PageLimits = { defaultPerPage: 50, maxPerPage: 150 }
const EVENT_ROLES = ['user', 'lead'] as const

/**
 * `POST /events` (202, no body). The user is named by `id`, else `user_id`, else `email`; none is a
 * 400 and an unknown one a 404 "User Not Found" (intercom-node #145). Metadata values are strings,
 * numbers, booleans (dates: a number under a key ending `_date`; links: an http(s) string), a rich
 * link `{"url", "value"}` or a monetary amount `{"amount": cents, "currency"}`; nothing nested else.
 */
export function createEvent (ctx: DomainContext, input: CreateEventInput): void {
  const eventName = input.eventName?.trim() ?? ''
  if (eventName === '') throw errors.parameterInvalid('event_name is required: the name of the event, e.g. "placed-order"', 'event_name')
  if (input.createdAt === undefined) throw errors.parameterInvalid('created_at is required: when the event happened, in unix seconds', 'created_at')
  const metadata = checkMetadata(input.metadata ?? {})
  const identifier = eventUser(input)
  const createdAt = input.createdAt
  ctx.store.transaction(() => {
    const contact = findContact(ctx, identifier, EVENT_ROLES)
    // All checks are above this line; below it, only writes.
    ctx.store.events.insert({ id: ctx.ids.eventId(), contactId: contact.id, eventName, createdAt, metadata })
    ctx.store.events.addToSummary(contact.id, { name: eventName, count: 1, first: createdAt, last: createdAt })
  })
}

/** `GET /events?type=user&user_id=|intercom_user_id=|email=`: the user's events, newest first. */
export function listEvents (ctx: DomainContext, input: EventUser & { type?: string | undefined }, request: PageRequest): Page<DataEvent> {
  const contact = listedUser(ctx, input)
  const window = pageWindow(request, EVENT_PAGE_LIMITS)
  const records = ctx.store.events.pageOfContact(contact.id, window.perPage, window.offset)
  return numberedPage(records.map(record => toEvent(contact, record)), window, ctx.store.events.countOfContact(contact.id))
}

/** `GET /events?…&summary=true`: per event name, how often and when first and last. */
export function summariseEvents (ctx: DomainContext, input: EventUser & { type?: string | undefined }): { contact: Contact, summaries: EventSummary[] } {
  const contact = listedUser(ctx, input)
  return { contact, summaries: ctx.store.events.summariesOf(contact.id) }
}

/**
 * `POST /events/summaries` `{user_id, event_summaries}`: counts events that happened elsewhere, each
 * `{event_name, count, first, last}` (one, or a list of them).
 */
export function addEventSummaries (ctx: DomainContext, input: { userId?: string | undefined, summaries: Array<{ eventName?: string | undefined, count?: number | undefined, first?: number | undefined, last?: number | undefined }> }): void {
  if (input.userId === undefined || input.userId === '') throw errors.parameterInvalid('user_id is required: the user the events happened to', 'user_id')
  const summaries = input.summaries.map((s, i): EventSummary => {
    const field = `event_summaries[${i}]`
    if (s.eventName === undefined || s.eventName.trim() === '') throw errors.parameterInvalid(`${field}.event_name is required`, `${field}.event_name`)
    if (s.count === undefined || s.count < 1) throw errors.parameterInvalid(`${field}.count must be 1 or more`, `${field}.count`)
    const first = s.first ?? s.last ?? ctx.clock.now()
    const last = s.last ?? first
    if (last < first) throw errors.parameterInvalid(`${field}.last must not be before first`, `${field}.last`)
    return { name: s.eventName.trim(), count: s.count, first, last }
  })
  const userId = input.userId
  ctx.store.transaction(() => {
    const contact = findContact(ctx, { by: 'userId', value: userId }, EVENT_ROLES)
    for (const summary of summaries) ctx.store.events.addToSummary(contact.id, summary)
  })
}

function eventUser (input: EventUser): Identifier {
  const given = (value: string | undefined): value is string => value !== undefined && value !== ''
  if (given(input.id)) return { by: 'id', value: input.id }
  if (given(input.intercomUserId)) return { by: 'id', value: input.intercomUserId }
  if (given(input.userId)) return { by: 'userId', value: input.userId }
  if (given(input.email)) return { by: 'email', value: input.email }
  throw errors.parameterInvalid('The event needs the user it happened to: one of id, user_id or email', 'user_id')
}

function listedUser (ctx: DomainContext, input: EventUser & { type?: string | undefined }): Contact {
  if (input.type !== 'user') throw errors.parameterInvalid(`type must be user, not ${input.type ?? 'nothing'}`, 'type')
  return findContact(ctx, eventUser(input), EVENT_ROLES)
}

function checkMetadata (metadata: Record<string, unknown>): Record<string, unknown> {
  const keys = Object.keys(metadata)
  if (keys.length > MAX_METADATA_KEYS) {
    throw errors.parameterInvalid(`An event can have at most ${MAX_METADATA_KEYS} metadata keys, not ${keys.length}`, 'metadata')
  }
  for (const [key, value] of Object.entries(metadata)) {
    if (['string', 'number', 'boolean'].includes(typeof value) || isRichLink(value) || isMonetaryAmount(value)) continue
    throw errors.parameterInvalid(`metadata.${key} must be a string, a number, a boolean, a rich link {"url", "value"} or an amount {"amount", "currency"}: nested JSON is not supported`, `metadata.${key}`)
  }
  return metadata
}

function isRichLink (value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false
  const { url, value: text, ...rest } = value as Record<string, unknown>
  return Object.keys(rest).length === 0 && typeof url === 'string' && /^https?:\/\//i.test(url) && (text === undefined || typeof text === 'string')
}

function isMonetaryAmount (value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false
  const { amount, currency, ...rest } = value as Record<string, unknown>
  return Object.keys(rest).length === 0 && Number.isSafeInteger(amount) && typeof currency === 'string' && /^[a-z]{3}$/i.test(currency)
}

function toEvent (contact: Contact, record: EventRecord): DataEvent {
  return {
    id: record.id,
    eventName: record.eventName,
    createdAt: record.createdAt,
    contact: { id: contact.id, role: contact.role, externalId: contact.externalId, email: contact.email, name: contact.name, anonymousId: contact.anonymousId },
    metadata: record.metadata
  }
}
