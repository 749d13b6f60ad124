import type { DomainContext } from './context.js'
import { viewConversations } from './conversation-view.js'
import { errors, IntercomError } from './errors.js'
import { numberedPage, pageWindow, type PageLimits, type PageRequest } from './pagination.js'
import { searchCriteria } from './search-criteria.js'
import { CUSTOM_ATTRIBUTE_PREFIX, fieldsOf, sortableFieldList, type SearchKind } from './search-fields.js'
import { checkCustomAttributeName, describe, isObject, parseQuery, type SearchQuery } from './search-query.js'
import type { Criterion } from '../store/search.js'
import { viewTicket } from './tickets/tickets.js'
import type { Ticket } from './tickets/types.js'
import type { Contact, Conversation, Page } from './types.js'

export type { FieldType, FilterOperator, SearchKind } from './search-fields.js'
export type { ScalarValue, SearchFilter, SearchGroup, SearchQuery } from './search-query.js'
export { isGroup, MAX_GROUP_DEPTH, MAX_GROUP_SIZE } from './search-query.js'

/**
 * The 2.x search DSL (`search_request`), shared by `POST /conversations/search` and
 * `POST /contacts/search` (intercom-api.md §2.12, §3.3), validated into a typed request.
 */
export interface SearchRequest {
  kind: SearchKind
  query: SearchQuery
  pagination: SearchPagination
  sort: SearchSort
}

export interface SearchPagination {
  /** Between 1 and 150: larger requests are capped, as Intercom caps them. */
  perPage: number
  /** The `pages.next.starting_after` of the previous page; null for the first. */
  startingAfter: string | null
}

export interface SearchSort {
  field: string
  order: 'ascending' | 'descending'
}

/**
 * "The default is `20` results per page and maximum is `150`" (conversations); "The default is `50`
 * results per page" (contacts, whose maximum is the same 150).
 */
export const SEARCH_PAGE_LIMITS: Record<SearchKind, PageLimits> = {
  conversation: { defaultPerPage: 20, maxPerPage: 150 },
  contact: { defaultPerPage: 50, maxPerPage: 150 },
  ticket: { defaultPerPage: 20, maxPerPage: 150 }
}

/**
 * Without a `sort`, newest first: `created_at` never changes, so paging through the results with the
 * cursor neither skips nor repeats a record that is updated in between (Intercom warns that its cursor
 * is stateless), and "descending" is the default order Intercom documents for `sort.order`.
 */
export const DEFAULT_SORT: SearchSort = { field: 'created_at', order: 'descending' }

const BODY_SHAPE = '{"query": {"field": "created_at", "operator": ">", "value": 1306054154}}'

/** Validates a search body for `kind`; anything malformed is a 400 `parameter_invalid` naming its place. */
export function parseSearchRequest (body: unknown, kind: SearchKind): SearchRequest {
  if (!isObject(body)) throw errors.parameterInvalid(`The search body must be a JSON object with a query, e.g. ${BODY_SHAPE}`)
  if (body.query === undefined || body.query === null) {
    throw errors.parameterInvalid(`query is required: a filter {"field", "operator", "value"} or a group {"operator": "AND" | "OR", "value": [...]}, e.g. ${BODY_SHAPE}`, 'query')
  }
  return {
    kind,
    query: parseQuery(body.query, 'query', kind),
    pagination: parsePagination(body.pagination, kind),
    sort: parseSort(body.sort, kind)
  }
}

/** `POST /conversations/search` (`searchConversations`): a page of conversation list items. */
export function searchConversations (ctx: DomainContext, body: unknown): Page<Conversation> {
  const request = parseSearchRequest(body, 'conversation')
  const criteria = searchCriteria('conversation', request.query, request.sort, ctx.workspace.app.timezone)
  const window = pageWindow(pageRequest(request.pagination), SEARCH_PAGE_LIMITS.conversation)
  const records = ctx.store.search.conversations(criteria, window.perPage, window.offset)
  return numberedPage(viewConversations(ctx, records, false), window, ctx.store.search.countConversations(criteria))
}

/** `POST /tickets/search` (`searchTickets`, 2.10+): a page of tickets, each as `GET /tickets/{id}` shows it. */
export function searchTickets (ctx: DomainContext, body: unknown): Page<Ticket> {
  const request = parseSearchRequest(body, 'ticket')
  const criteria = searchCriteria('ticket', request.query, request.sort, ctx.workspace.app.timezone)
  const window = pageWindow(pageRequest(request.pagination), SEARCH_PAGE_LIMITS.ticket)
  const records = ctx.store.search.tickets(criteria, window.perPage, window.offset)
  const tickets = ctx.store.tickets.byConversationIds(records.map(r => r.id))
  const items = records.flatMap(r => {
    const ticket = tickets.get(r.id)
    return ticket === undefined ? [] : [viewTicket(ctx, ticket)]
  })
  return numberedPage(items, window, ctx.store.search.countTickets(criteria))
}

/**
 * `POST /contacts/search` (`SearchContacts`): users and leads; never visitors or deleted contacts.
 * `segment_id` compares with the segments' own filters, so it matches the members they have now.
 */
export function searchContacts (ctx: DomainContext, body: unknown): Page<Contact> {
  const request = parseSearchRequest(body, 'contact')
  const parsed = searchCriteria('contact', request.query, request.sort, ctx.workspace.app.timezone)
  const criteria = { ...parsed, where: withSegmentFilters(ctx, parsed.where) }
  const window = pageWindow(pageRequest(request.pagination), SEARCH_PAGE_LIMITS.contact)
  const contacts = ctx.store.search.contacts(criteria, window.perPage, window.offset)
  return numberedPage(contacts, window, ctx.store.search.countContacts(criteria))
}

function withSegmentFilters (ctx: DomainContext, criterion: Criterion): Criterion {
  if ('conditions' in criterion) return { ...criterion, conditions: criterion.conditions.map(c => withSegmentFilters(ctx, c)) }
  if (criterion.field !== 'segment_id') return criterion
  const ids = [criterion.value].flat().map(String)
  const segments = ids.map(id => ctx.store.segments.findById(id)).filter(segment => segment !== null)
  const members: Criterion = { operator: 'OR', conditions: segments.map(segment => segment.criteria) }
  return criterion.comparison === '!=' || criterion.comparison === 'NIN' ? { operator: 'NOT', conditions: [members] } : members
}

function parsePagination (input: unknown, kind: SearchKind): SearchPagination {
  const limits = SEARCH_PAGE_LIMITS[kind]
  if (input === undefined || input === null) return { perPage: limits.defaultPerPage, startingAfter: null }
  if (!isObject(input)) {
    throw errors.parameterInvalid(`pagination must be an object {"per_page": 1 to ${limits.maxPerPage}, "starting_after": the cursor of pages.next}; got ${describe(input)}`, 'pagination')
  }
  const perPage = parsePerPage(input.per_page, limits)
  const cursor = input.starting_after
  if (cursor !== undefined && cursor !== null && typeof cursor !== 'string') {
    throw errors.parameterInvalid(`pagination.starting_after must be the string of pages.next.starting_after; got ${describe(cursor)}`, 'pagination.starting_after')
  }
  const startingAfter = cursor === undefined || cursor === null || cursor === '' ? null : cursor
  if (startingAfter !== null) {
    try {
      pageWindow(pageRequest({ perPage, startingAfter }), limits)
    } catch (error) {
      if (!(error instanceof IntercomError)) throw error
      throw errors.parameterInvalid(`pagination.${error.message}`, 'pagination.starting_after')
    }
  }
  return { perPage, startingAfter }
}

function pageRequest (pagination: SearchPagination): PageRequest {
  return { perPage: pagination.perPage, startingAfter: pagination.startingAfter ?? undefined }
}

function parsePerPage (value: unknown, limits: PageLimits): number {
  if (value === undefined || value === null) return limits.defaultPerPage
  const n = typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : value
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 1) {
    throw errors.parameterInvalid(`pagination.per_page must be an integer from 1 to ${limits.maxPerPage}; got ${describe(value)}`, 'pagination.per_page')
  }
  return Math.min(n, limits.maxPerPage)
}

/**
 * `sort: {field, order}` (sent by the SDKs; documented for search only in the Preview description,
 * where "Values other than `ascending` or `descending` return a `400`" with the message used here).
 */
function parseSort (input: unknown, kind: SearchKind): SearchSort {
  if (input === undefined || input === null) return DEFAULT_SORT
  if (!isObject(input)) {
    throw errors.parameterInvalid(`sort must be an object {"field": a sortable field, "order": "ascending" | "descending"}; got ${describe(input)}`, 'sort')
  }
  const field = input.field ?? DEFAULT_SORT.field
  const order = input.order ?? DEFAULT_SORT.order
  if (order !== 'ascending' && order !== 'descending') {
    throw errors.parameterInvalid(`Invalid sort order '${typeof order === 'string' ? order : describe(order)}'. Must be one of: ascending, descending`, 'sort.order')
  }
  if (typeof field !== 'string' || !isSortable(kind, field)) {
    throw errors.parameterInvalid(`sort.field ${describe(field)} cannot be sorted on; sort ${kind}s by one of: ${sortableFieldList(kind)}`, 'sort.field')
  }
  return { field, order }
}

function isSortable (kind: SearchKind, field: string): boolean {
  if (Object.hasOwn(fieldsOf(kind), field)) return fieldsOf(kind)[field]?.sortable === true
  if (kind !== 'contact' || !field.startsWith(CUSTOM_ATTRIBUTE_PREFIX)) return false
  checkCustomAttributeName(field.slice(CUSTOM_ATTRIBUTE_PREFIX.length), 'sort.field')
  return true
}
