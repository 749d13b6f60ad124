/**
 * The fields `POST /conversations/search` and `POST /contacts/search` accept, with their types and the
 * operators each type allows (OAS 2.14 `paths./conversations/search.post` and `paths./contacts/search.post`,
 * "Accepted Fields" and "Accepted Operators"; intercom-api.md §2.12, §3.3).
 */

export type SearchKind = 'conversation' | 'contact' | 'ticket'

/** Every operator of a filter (`single_filter_search_request.operator`). */
export const FILTER_OPERATORS = ['=', '!=', 'IN', 'NIN', '>', '<', '>=', '<=', '~', '!~', '^', '$'] as const
export type FilterOperator = typeof FILTER_OPERATORS[number]

/**
 * `id` is a string field that also takes an integer (ids are numeric strings in Intercom, and clients
 * send them either way); `number` is a custom attribute compared as a number.
 */
export type FieldType = 'string' | 'id' | 'integer' | 'date' | 'boolean' | 'number'

export interface FieldSpec {
  type: FieldType
  /** Several values per record (contact_ids, teammate_ids, tag_ids): a filter matches when any does. */
  multi?: boolean
  /** The values `=`, `!=`, `IN` and `NIN` may take, where Intercom enumerates them. */
  values?: readonly string[]
  /** Values are compared downcased, as Intercom stores emails. */
  lowercase?: boolean
  /** Operators this field allows, where they differ from its type's (contacts' `tag_id`). */
  operators?: readonly FilterOperator[]
  /** May be the `sort.field` of a request. */
  sortable?: boolean
  /** A contact's `custom_attributes.<name>`: typed by the value each filter sends. */
  custom?: boolean
}

const STRING_OPS: readonly FilterOperator[] = ['=', '!=', 'IN', 'NIN', '~', '!~', '^', '$']
const BOOLEAN_OPS: readonly FilterOperator[] = ['=', '!=', 'IN', 'NIN']
const NUMBER_OPS: readonly FilterOperator[] = ['=', '!=', 'IN', 'NIN', '>', '<', '>=', '<=']

/**
 * Conversations: "=, !=, IN, NIN: All; >, <: Integer, Date" (where `>` is "Greater (or equal) than").
 * The shared schema also lists `>=` and `<=`; they are accepted on the same fields and mean the same.
 * Contacts: strings and booleans as above; integers take `<`, `>`, `<=`, `>=` (strict and not); dates
 * only `=`, `<` and `>` ("`!=`, `<=`, `>=`, `IN` and `NIN` are not supported on Date fields and return an error").
 */
export const OPERATORS: Record<SearchKind, Record<FieldType, readonly FilterOperator[]>> = {
  conversation: { string: STRING_OPS, id: STRING_OPS, integer: NUMBER_OPS, date: NUMBER_OPS, boolean: BOOLEAN_OPS, number: NUMBER_OPS },
  contact: { string: STRING_OPS, id: STRING_OPS, integer: NUMBER_OPS, date: ['=', '>', '<'], boolean: BOOLEAN_OPS, number: NUMBER_OPS },
  ticket: { string: STRING_OPS, id: STRING_OPS, integer: NUMBER_OPS, date: NUMBER_OPS, boolean: BOOLEAN_OPS, number: NUMBER_OPS }
}

const SOURCE_TYPES = ['conversation', 'email', 'facebook', 'instagram', 'phone_call', 'phone_switch', 'push', 'sms', 'twitter', 'whatsapp'] as const
const DELIVERED_AS = ['customer_initiated', 'campaigns_initiated', 'operator_initiated', 'automated', 'admin_initiated'] as const

export const CONVERSATION_FIELDS: Readonly<Record<string, FieldSpec>> = {
  id: { type: 'id', sortable: true },
  created_at: { type: 'date', sortable: true },
  updated_at: { type: 'date', sortable: true },
  'source.type': { type: 'string', values: SOURCE_TYPES },
  'source.id': { type: 'id' },
  'source.delivered_as': { type: 'string', values: DELIVERED_AS },
  'source.subject': { type: 'string' },
  'source.body': { type: 'string' },
  'source.author.id': { type: 'id' },
  'source.author.type': { type: 'string' },
  'source.author.name': { type: 'string' },
  'source.author.email': { type: 'string', lowercase: true },
  'source.url': { type: 'string' },
  contact_ids: { type: 'id', multi: true },
  teammate_ids: { type: 'id', multi: true },
  admin_assignee_id: { type: 'integer', sortable: true },
  team_assignee_id: { type: 'integer', sortable: true },
  open: { type: 'boolean', sortable: true },
  read: { type: 'boolean', sortable: true },
  state: { type: 'string', values: ['open', 'closed', 'snoozed'], sortable: true },
  waiting_since: { type: 'date', sortable: true },
  snoozed_until: { type: 'date', sortable: true },
  // The mock keeps no priorities or AI agent: every conversation is not_priority and had no AI agent
  // participate, which is what its conversations render.
  tag_ids: { type: 'id', multi: true },
  priority: { type: 'string', values: ['priority', 'not_priority'] },
  ai_agent_participated: { type: 'boolean' }
}

export const CONTACT_FIELDS: Readonly<Record<string, FieldSpec>> = {
  id: { type: 'id', sortable: true },
  role: { type: 'string', values: ['user', 'lead'], sortable: true },
  name: { type: 'string', sortable: true },
  avatar: { type: 'string' },
  owner_id: { type: 'integer' },
  email: { type: 'string', lowercase: true, sortable: true },
  email_domain: { type: 'string', lowercase: true, sortable: true },
  phone: { type: 'string', sortable: true },
  external_id: { type: 'id', sortable: true },
  created_at: { type: 'date', sortable: true },
  signed_up_at: { type: 'date', sortable: true },
  updated_at: { type: 'date', sortable: true },
  last_seen_at: { type: 'date', sortable: true },
  last_contacted_at: { type: 'date' },
  last_replied_at: { type: 'date', sortable: true },
  last_email_opened_at: { type: 'date' },
  last_email_clicked_at: { type: 'date' },
  unsubscribed_from_emails: { type: 'boolean', sortable: true },
  marked_email_as_spam: { type: 'boolean' },
  has_hard_bounced: { type: 'boolean' },
  // segment_id matches the members a segment's filter has now (domain/search.ts).
  tag_id: { type: 'id', multi: true, operators: ['=', '!='] },
  segment_id: { type: 'id', multi: true }
}

/**
 * `POST /tickets/search` (2.10+): the ticket fields the mock keeps ("Accepted Fields" of OAS 2.14).
 * `category` takes Intercom's search terms (request, task, tracker); `state` a state's category;
 * `ticket_state_id` is the mock's addition, next to the documented `state`.
 */
export const TICKET_FIELDS: Readonly<Record<string, FieldSpec>> = {
  id: { type: 'id', sortable: true },
  created_at: { type: 'date', sortable: true },
  updated_at: { type: 'date', sortable: true },
  title: { type: 'string', sortable: true },
  description: { type: 'string' },
  category: { type: 'string', values: ['request', 'task', 'tracker'] },
  ticket_type_id: { type: 'id' },
  ticket_state_id: { type: 'id' },
  state: { type: 'string', values: ['submitted', 'in_progress', 'waiting_on_customer', 'resolved'] },
  contact_ids: { type: 'id', multi: true },
  teammate_ids: { type: 'id', multi: true },
  admin_assignee_id: { type: 'integer', sortable: true },
  team_assignee_id: { type: 'integer', sortable: true },
  open: { type: 'boolean', sortable: true },
  snoozed_until: { type: 'date', sortable: true }
}

/** `custom_attributes.{attribute_name}` (contacts): typed by the value a filter sends. */
export const CUSTOM_ATTRIBUTE_PREFIX = 'custom_attributes.'

/**
 * Fields Intercom documents as searchable that the mock cannot answer for, because it keeps nothing
 * behind them: asked for, they are a 400 that says so rather than "not searchable".
 */
const UNSUPPORTED: Record<SearchKind, RegExp> = {
  conversation: /^(channel_initiated|statistics\..+|conversation_rating\..+|ai_agent\..+)$/,
  contact: /^(language_override|browser|browser_language|os|location\.(country|region|city)|ios_.+|android_.+|andoid_sdk_version)$/,
  // Ticket attributes by their attribute id: the mock keeps attributes by name.
  ticket: /^ticket_attribute\..+$/
}

export function fieldsOf (kind: SearchKind): Readonly<Record<string, FieldSpec>> {
  return kind === 'conversation' ? CONVERSATION_FIELDS : kind === 'ticket' ? TICKET_FIELDS : CONTACT_FIELDS
}

export function isDocumentedButUnsupported (kind: SearchKind, field: string): boolean {
  return UNSUPPORTED[kind].test(field)
}

/** The searchable fields of `kind`, as a 400 lists them. */
export function searchableFieldList (kind: SearchKind): string {
  const names = Object.keys(fieldsOf(kind))
  return (kind === 'contact' ? [...names, `${CUSTOM_ATTRIBUTE_PREFIX}<name>`] : names).join(', ')
}

export function sortableFieldList (kind: SearchKind): string {
  const names = Object.entries(fieldsOf(kind)).filter(([, spec]) => spec.sortable === true).map(([name]) => name)
  return (kind === 'contact' ? [...names, `${CUSTOM_ATTRIBUTE_PREFIX}<name>`] : names).join(', ')
}

/** A type as messages name it. */
export const TYPE_LABELS: Record<FieldType, string> = {
  string: 'a string',
  id: 'a string id',
  integer: 'an integer',
  date: 'a date',
  boolean: 'a boolean',
  number: 'a number'
}
