import type { SegmentRecord } from '../store/index.js'
import type { DomainContext } from './context.js'
import { errors } from './errors.js'
import { findContact } from './people.js'
import { searchCriteria } from './search-criteria.js'
import { isGroup, parseQuery, type SearchQuery } from './search-query.js'
import { DEFAULT_SORT } from './search.js'
import type { Segment, UnixSeconds } from './types.js'

/** A segment as the fixtures define it: a name and a filter in the contact search DSL. */
export interface SegmentDefinition {
  id: string
  name: string
  personType?: 'user' | 'contact' | undefined
  filter: unknown
  createdAt?: UnixSeconds | undefined
}

/**
 * Validates a segment's filter as `POST /contacts/search` validates a query (a FixtureError-worthy
 * IntercomError when it is not one) and stores it with the criteria it means in the workspace's
 * timezone. Membership is evaluated live whenever contacts are read.
 */
export function defineSegment (ctx: DomainContext, definition: SegmentDefinition, position: number): void {
  const filter = parseQuery(definition.filter, 'filter', 'contact')
  const { where } = searchCriteria('contact', filter, DEFAULT_SORT, ctx.workspace.app.timezone)
  const createdAt = definition.createdAt ?? ctx.clock.now()
  ctx.store.segments.insert({
    id: definition.id,
    name: definition.name,
    personType: definition.personType ?? 'user',
    filter,
    criteria: where,
    createdAt,
    updatedAt: createdAt
  }, position)
}

/** `GET /segments` (`include_count=true` counts each segment's contacts now). */
export function listSegments (ctx: DomainContext, includeCount: boolean): Segment[] {
  return ctx.store.segments.all().map(record => toSegment(ctx, record, includeCount))
}

/** `GET /segments/{id}`: an unknown id is 404 `Resource Not Found`. */
export function retrieveSegment (ctx: DomainContext, id: string, includeCount: boolean): Segment {
  const record = ctx.store.segments.findById(id)
  if (record === null) throw errors.notFound('Resource')
  return toSegment(ctx, record, includeCount)
}

/** `GET /contacts/{id}/segments`: the segments the contact is in now. */
export function listContactSegments (ctx: DomainContext, contactId: string): Segment[] {
  const contact = findContact(ctx, { by: 'id', value: contactId }, ['user', 'lead'])
  const segments = new Map(ctx.store.segments.all().map(s => [s.id, s]))
  return contact.links.segmentIds.flatMap(id => {
    const record = segments.get(id)
    return record === undefined ? [] : [toSegment(ctx, record, false)]
  })
}

/** Every field a filter compares, with the values it compares it to (as strings). */
export function filterFields (filter: unknown): Array<{ field: string, values: string[] }> {
  const query = filter as SearchQuery
  if (isGroup(query)) return query.value.flatMap(filterFields)
  const values = query.value === null ? [] : [query.value].flat().map(String)
  return [{ field: query.field, values }]
}

function toSegment (ctx: DomainContext, record: SegmentRecord, includeCount: boolean): Segment {
  return {
    id: record.id,
    name: record.name,
    personType: record.personType,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    count: includeCount ? ctx.store.search.countSegmentMembers(record.criteria) : null
  }
}
