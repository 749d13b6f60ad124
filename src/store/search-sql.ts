import { TOKEN } from './body-words.js'
import { COLUMNS as CONTACT_COLUMNS } from './contacts.js'
import { COLUMNS as CONVERSATION_COLUMNS } from './conversations.js'
import type { Comparison, Condition, Criterion, SearchCriteria } from './search.js'
import { boundLimit } from './values.js'

/**
 * Search criteria to SQL. Fields come only from the whitelists below; every value, and the JSON path
 * of a custom attribute, is a bound parameter. The SQL text depends on the shape of the query alone,
 * so one prepared statement serves every query of that shape.
 */
export type SearchTarget = 'conversations' | 'contacts' | 'tickets'


interface Sql {
  text: string
  params: unknown[]
}

/**
 * How values bind to a column: `integer` columns hold Intercom's numeric string ids as integers;
 * `integer_text` columns hold integer ids as text (admin and team ids: compared as numbers by range);
 * `flag` columns hold booleans as 0/1.
 */
type Storage = 'text' | 'integer' | 'integer_text' | 'flag'

/** A field with one value per record, an expression of the searched row (`c` or `ct`, and `m`). */
interface ScalarField {
  kind: 'scalar'
  sql: string
  storage: Storage
  /** Reads the conversation's opening message, `m`. */
  message?: boolean
  /** A bound parameter `sql` needs (a custom attribute's JSON path). */
  param?: string
  /** Where its words are indexed: the FTS5 table, and the rowid of the row that holds the text. */
  words?: { table: string, rowid: string }
}

/** A field with several values per record: `test` is the SQL of "one of them matches `element`". */
interface SetField {
  kind: 'set'
  test: (element: (column: string) => Sql, workspaceId: number) => Sql
}

/** A set the store cannot read (segments: the domain replaces them by their filters): nothing is in it. */
interface EmptyField {
  kind: 'empty'
}

type Field = ScalarField | SetField | EmptyField

const scalar = (sql: string, storage: Storage = 'text', message = false): ScalarField => ({ kind: 'scalar', sql, storage, message })
const authorAttribute = (column: 'name' | 'email') => `CASE m.author_type
  WHEN 'admin' THEN (SELECT sa.${column} FROM admins sa WHERE sa.workspace_id = m.workspace_id AND sa.id = m.author_id)
  ELSE (SELECT sc.${column} FROM contacts sc WHERE sc.workspace_id = m.workspace_id AND sc.id = m.author_id) END`
const adminAuthored = (table: 'messages' | 'conversation_parts', alias: string, element: Sql): Sql => ({
  text: `EXISTS (SELECT 1 FROM ${table} ${alias} WHERE ${alias}.workspace_id = c.workspace_id AND ${alias}.conversation_id = c.id
    AND ${alias}.author_type = 'admin' AND ${element.text})`,
  params: element.params
})

/** Records one of whose tags matches: read through the tag links of the searched workspace. */
function taggedWith (table: string, column: string, owner: string): SetField {
  return {
    kind: 'set',
    test: (element, workspaceId) => {
      const matches = element('tl.tag_id')
      return { text: `${owner} IN (SELECT tl.${column} FROM ${table} tl WHERE tl.workspace_id = ? AND ${matches.text})`, params: [workspaceId, ...matches.params] }
    }
  }
}

const CONVERSATION_FIELDS: Readonly<Record<string, Field>> = {
  id: scalar('c.id', 'integer'),
  created_at: scalar('c.created_at', 'integer'),
  updated_at: scalar('c.updated_at', 'integer'),
  // 1.x and 2.x render an email's source as type "email" and every in-app message as "conversation".
  'source.type': scalar("CASE m.message_type WHEN 'email' THEN 'email' ELSE 'conversation' END", 'text', true),
  'source.id': scalar('c.message_id', 'integer'),
  'source.delivered_as': scalar('c.delivered_as'),
  'source.subject': scalar("coalesce(m.subject, '')", 'text', true),
  'source.body': { ...scalar('m.body', 'text', true), words: { table: 'message_words', rowid: 'm.rowid' } },
  'source.author.id': scalar('m.author_id', 'text', true),
  // A contact author is rendered with its role now: "user", or "lead" for a lead (or a former visitor).
  'source.author.type': scalar(`CASE m.author_type WHEN 'contact' THEN coalesce((SELECT CASE sr.role WHEN 'user' THEN 'user' ELSE 'lead' END
    FROM contacts sr WHERE sr.workspace_id = m.workspace_id AND sr.id = m.author_id), 'user') ELSE m.author_type END`, 'text', true),
  'source.author.name': scalar(authorAttribute('name'), 'text', true),
  // Contacts' emails are stored downcased; admins' are as the fixtures wrote them. The domain downcases the value.
  'source.author.email': scalar(`lower(${authorAttribute('email')})`, 'text', true),
  'source.url': scalar('m.url', 'text', true),
  // Read through the customer links' contact index: the conversations of one contact, not every conversation's contacts.
  contact_ids: {
    kind: 'set',
    test: (element, workspaceId) => {
      const matches = element('cc.contact_id')
      return { text: `c.id IN (SELECT cc.conversation_id FROM conversation_contacts cc WHERE cc.workspace_id = ? AND ${matches.text})`, params: [workspaceId, ...matches.params] }
    }
  },
  teammate_ids: {
    kind: 'set',
    test: (element) => {
      const message = adminAuthored('messages', 'tm', element('tm.author_id'))
      const part = adminAuthored('conversation_parts', 'tp', element('tp.author_id'))
      return { text: `(${message.text} OR ${part.text})`, params: [...message.params, ...part.params] }
    }
  },
  admin_assignee_id: scalar('c.admin_assignee_id', 'integer_text'),
  team_assignee_id: scalar('c.team_assignee_id', 'integer_text'),
  open: scalar('c.open', 'flag'),
  read: scalar('c.read', 'flag'),
  state: scalar('c.state'),
  waiting_since: scalar('c.waiting_since', 'integer'),
  snoozed_until: scalar('c.snoozed_until', 'integer'),
  tag_ids: taggedWith('conversation_tags', 'conversation_id', 'c.id'),
  priority: scalar("'not_priority'"),
  ai_agent_participated: scalar('0', 'flag')
}

const CONTACT_FIELDS: Readonly<Record<string, Field>> = {
  id: scalar('ct.id'),
  role: scalar('ct.role'),
  name: scalar('ct.name'),
  avatar: scalar('ct.avatar_url'),
  owner_id: scalar('NULL', 'integer'),
  email: scalar('ct.email'),
  email_domain: scalar("CASE WHEN instr(ct.email, '@') > 0 THEN substr(ct.email, instr(ct.email, '@') + 1) END"),
  phone: scalar('ct.phone'),
  external_id: scalar('ct.external_id'),
  created_at: scalar('ct.created_at', 'integer'),
  signed_up_at: scalar('ct.signed_up_at', 'integer'),
  updated_at: scalar('ct.updated_at', 'integer'),
  last_seen_at: scalar('ct.last_request_at', 'integer'),
  last_contacted_at: scalar('NULL', 'integer'),
  last_replied_at: scalar('ct.last_replied_at', 'integer'),
  last_email_opened_at: scalar('NULL', 'integer'),
  last_email_clicked_at: scalar('NULL', 'integer'),
  unsubscribed_from_emails: scalar('ct.unsubscribed_from_emails', 'flag'),
  marked_email_as_spam: scalar('0', 'flag'),
  has_hard_bounced: scalar('0', 'flag'),
  tag_id: taggedWith('contact_tags', 'contact_id', 'ct.id'),
  segment_id: { kind: 'empty' }
}

const CONTACT_IDS = CONVERSATION_FIELDS.contact_ids as Field
const TICKET_STATE = '(SELECT ts.category FROM ticket_states ts WHERE ts.workspace_id = t.workspace_id AND ts.id = t.ticket_state_id)'
const TICKET_CATEGORY = `(SELECT CASE tt.category WHEN 'Customer' THEN 'request' WHEN 'Back-office' THEN 'task' ELSE 'tracker' END
  FROM ticket_types tt WHERE tt.workspace_id = t.workspace_id AND tt.id = t.ticket_type_id)`

/** Tickets: conversations (`c`) joined to their ticket (`t`). */
const TICKET_FIELDS: Readonly<Record<string, Field>> = {
  id: scalar('c.id', 'integer'),
  created_at: scalar('t.created_at', 'integer'),
  updated_at: scalar('t.updated_at', 'integer'),
  title: scalar("json_extract(t.attributes, '$._default_title_')"),
  description: scalar("json_extract(t.attributes, '$._default_description_')"),
  category: scalar(TICKET_CATEGORY),
  ticket_type_id: scalar('t.ticket_type_id'),
  ticket_state_id: scalar('t.ticket_state_id'),
  state: scalar(TICKET_STATE),
  contact_ids: CONTACT_IDS,
  teammate_ids: CONVERSATION_FIELDS.teammate_ids as Field,
  admin_assignee_id: scalar('c.admin_assignee_id', 'integer_text'),
  team_assignee_id: scalar('c.team_assignee_id', 'integer_text'),
  open: scalar('c.open', 'flag'),
  snoozed_until: scalar('c.snoozed_until', 'integer')
}

const CUSTOM_ATTRIBUTE_PREFIX = 'custom_attributes.'

/** Users and leads that are neither deleted nor archived: what search, segments and lists see. */
const LISTED_CONTACT = "ct.workspace_id = ? AND ct.deleted_at IS NULL AND ct.archived = 0 AND ct.role IN ('user', 'lead')"

/**
 * A segment's members: `members` selects the ids, among a JSON array the caller appends as the last
 * parameter, that match; `count` counts every match.
 */
export function segmentMembersSql (where: Criterion, workspaceId: number, shape: 'members' | 'count' = 'members'): Sql {
  const condition = criterionSql('contacts', where, workspaceId)
  const filter = `WHERE ${LISTED_CONTACT} AND ${condition.text}`
  return shape === 'count'
    ? { text: `SELECT count(*) AS n FROM contacts ct ${filter}`, params: [workspaceId, ...condition.params] }
    // By the ids' keys: left to itself, the planner may read a range of the segment's own filter (every
    // contact created after a date: a million of them) to test a page of fifty.
    : { text: `SELECT ct.id FROM contacts ct INDEXED BY sqlite_autoindex_contacts_1 ${filter} AND ct.id IN (SELECT value FROM json_each(?))`, params: [workspaceId, ...condition.params] }
}

/** @internal The names the store can search, for the tests that keep the domain's fields and these equal. */
export const SEARCHABLE_FIELDS: Record<SearchTarget, readonly string[]> = {
  conversations: Object.keys(CONVERSATION_FIELDS),
  contacts: Object.keys(CONTACT_FIELDS),
  tickets: Object.keys(TICKET_FIELDS)
}

/** @internal The SQL and parameters of a search: `page` ends in a bound limit and `OFFSET ?`, whose values the caller appends. */
export function searchSql (target: SearchTarget, shape: 'page' | 'count', criteria: SearchCriteria, workspaceId: number): Sql {
  const fields = new Set<string>()
  collectFields(criteria.where, fields)
  if (shape === 'page') fields.add(criteria.sort.field)
  const byContact = target === 'conversations' && shape === 'page' && criteria.sort.field === 'created_at' ? contactCondition(criteria.where) : null
  const where = byContact === null ? criterionSql(target, criteria.where, workspaceId) : criterionSql(target, byContact.rest, workspaceId)
  const joinsMessage = [...fields].some(f => readsMessage(f)) ? ' JOIN messages m ON m.workspace_id = c.workspace_id AND m.id = c.message_id' : ''
  const from = byContact !== null
    // One contact's conversations, newest first, read from its customer links in creation order (ix_conversation_contacts_created):
    // a page reads its own rows, not every match, however many conversations the contact has.
    ? `FROM conversation_contacts cc INDEXED BY ix_conversation_contacts_created CROSS JOIN conversations c ON c.workspace_id = cc.workspace_id AND c.id = cc.conversation_id${joinsMessage}
      WHERE cc.workspace_id = ? AND cc.contact_id = ?`
    : target === 'contacts'
      ? `FROM contacts ct WHERE ${LISTED_CONTACT}`
      : target === 'tickets'
        ? 'FROM conversations c JOIN tickets t ON t.workspace_id = c.workspace_id AND t.conversation_id = c.id WHERE c.workspace_id = ?'
        : `FROM conversations c${joinsMessage}
      WHERE c.workspace_id = ?`
  const scope = byContact === null ? [workspaceId] : [workspaceId, byContact.contactId]
  const filter = `${from} AND ${where.text}`
  if (shape === 'count') return { text: `SELECT count(*) AS n ${filter}`, params: [...scope, ...where.params] }
  const sort = byContact === null ? sortSql(target, criteria.sort.field) : { text: 'cc.created_at', params: [] }
  const direction = criteria.sort.direction === 'asc' ? 'ASC' : 'DESC'
  // Ties break on creation order (the rowid grows with it), so pages never overlap.
  const order = `ORDER BY ${sort.text} ${direction}, ${target === 'contacts' ? 'ct' : 'c'}.rowid ${direction}`
  // Contacts are read from one table (no joins), so its unqualified columns are ct's.
  const columns = target === 'contacts' ? CONTACT_COLUMNS : CONVERSATION_COLUMNS
  return { text: `SELECT ${columns} ${filter} ${order} ${boundLimit('?')} OFFSET ?`, params: [...scope, ...where.params, ...sort.params] }
}

/**
 * The contact of a search for one contact's conversations (`contact_ids =` a contact, alone or in a
 * top-level AND), and the rest of the criteria; null for any other search.
 */
export function contactCondition (where: Criterion): { contactId: string | number, rest: Criterion } | null {
  const sole = (criterion: Criterion): criterion is Condition & { value: string | number } => !('conditions' in criterion) &&
    criterion.field === 'contact_ids' && criterion.comparison === '=' && (typeof criterion.value === 'string' || typeof criterion.value === 'number')
  if (sole(where)) return { contactId: where.value, rest: { operator: 'AND', conditions: [] } }
  if (!('conditions' in where) || where.operator !== 'AND') return null
  const at = where.conditions.findIndex(sole)
  const found = where.conditions[at]
  if (found === undefined || !sole(found)) return null
  return { contactId: found.value, rest: { operator: 'AND', conditions: where.conditions.filter((_, i) => i !== at) } }
}

function collectFields (criterion: Criterion, into: Set<string>): void {
  if ('conditions' in criterion) for (const c of criterion.conditions) collectFields(c, into)
  else into.add(criterion.field)
}

function readsMessage (field: string): boolean {
  const spec = CONVERSATION_FIELDS[field]
  return spec?.kind === 'scalar' && spec.message === true
}

function criterionSql (target: SearchTarget, criterion: Criterion, workspaceId: number): Sql {
  if ('conditions' in criterion) {
    if (criterion.operator === 'NOT') {
      const inner = criterionSql(target, { operator: 'AND', conditions: criterion.conditions }, workspaceId)
      return { text: `NOT coalesce(${inner.text}, 0)`, params: inner.params }
    }
    if (criterion.conditions.length === 0) return { text: criterion.operator === 'AND' ? '1' : '0', params: [] }
    const parts = criterion.conditions.map(c => criterionSql(target, c, workspaceId))
    return { text: `(${parts.map(p => p.text).join(` ${criterion.operator === 'AND' ? 'AND' : 'OR'} `)})`, params: parts.flatMap(p => p.params) }
  }
  return conditionSql(fieldOf(target, criterion.field), criterion, workspaceId)
}

function fieldOf (target: SearchTarget, name: string): Field {
  const fields = target === 'contacts' ? CONTACT_FIELDS : target === 'tickets' ? TICKET_FIELDS : CONVERSATION_FIELDS
  if (Object.hasOwn(fields, name)) return fields[name] as Field
  if (target === 'contacts' && name.startsWith(CUSTOM_ATTRIBUTE_PREFIX)) {
    const attribute = name.slice(CUSTOM_ATTRIBUTE_PREFIX.length)
    if (attribute === '') throw new Error('a custom attribute needs a name')
    // The label is quoted with JSON's escapes, which SQLite's JSON paths read: a backslash is a backslash.
    return { kind: 'scalar', sql: 'json_extract(ct.custom_attributes, ?)', storage: 'text', param: `$.${JSON.stringify(attribute)}` }
  }
  throw new Error(`${name} is not a searchable ${target} field`)
}

const NEGATIONS: Partial<Record<Comparison, Comparison>> = { '!=': '=', NIN: 'IN', not_contains: 'contains', lacks_word: 'has_word' }

function conditionSql (field: Field, condition: Condition, workspaceId: number): Sql {
  const positive = NEGATIONS[condition.comparison]
  if (field.kind === 'empty') return { text: positive === undefined ? '0' : '1', params: [] }
  if (field.kind === 'set') {
    // Some element matches; a negation is "no element matches" (so a conversation without any matches it).
    const element = { ...condition, comparison: positive ?? condition.comparison }
    const test = field.test(column => comparisonSql({ text: column, params: [] }, 'text', element), workspaceId)
    return positive === undefined ? test : { text: `NOT (${test.text})`, params: test.params }
  }
  if (condition.comparison === 'has_word' || condition.comparison === 'lacks_word') {
    if (field.words === undefined) throw new Error('only an indexed text can be matched by words')
    const match = wordMatch(list(condition.value))
    // No word can match a value that is not one word ("need support", "", "!").
    const has = match === null ? { text: '0', params: [] } : { text: `${field.words.rowid} IN (SELECT rowid FROM ${field.words.table} WHERE ${field.words.table} MATCH ?)`, params: [match] }
    return condition.comparison === 'has_word' ? has : { text: `NOT (${has.text})`, params: has.params }
  }
  return comparisonSql({ text: field.sql, params: field.param === undefined ? [] : [field.param] }, field.storage, condition)
}

let wordSegmenter: Intl.Segmenter | undefined

/**
 * An FTS5 query matching any of `values` as a whole word: a value is one word when Unicode's word
 * boundaries (UAX #29, as a search engine's standard tokenizer splits text) make it a single word; it
 * then matches the token sequence the index split it into ("don't" is the phrase "don" "t"). Null when
 * no value is one word.
 */
function wordMatch (values: Array<string | number | boolean>): string | null {
  wordSegmenter ??= new Intl.Segmenter('en', { granularity: 'word' })
  const phrases: string[] = []
  for (const value of values) {
    const text = String(value)
    const segments = [...wordSegmenter.segment(text)]
    if (segments.length !== 1 || segments[0]?.isWordLike !== true) continue
    const tokens = text.match(TOKEN)
    if (tokens !== null) phrases.push(`"${tokens.join(' ')}"`)
  }
  return phrases.length === 0 ? null : phrases.join(' OR ')
}

/**
 * One comparison of an expression. Negations hold where the expression is NULL (a contact without an
 * email has no email "!=" x), so each is `NOT coalesce(positive, 0)`; ranges never match NULL.
 */
function comparisonSql (expr: Sql, storage: Storage, condition: Condition): Sql {
  const { value } = condition
  const e = expr.text
  const bound = (text: string, param: unknown): Sql => ({ text, params: [...expr.params, param] })
  const not = (sql: Sql): Sql => ({ text: `NOT coalesce(${sql.text}, 0)`, params: sql.params })
  switch (condition.comparison) {
    case '=': return value === null ? { text: `${e} IS NULL`, params: expr.params } : bound(`${e} = ?`, bind(single(value), storage))
    case '!=': return value === null ? { text: `${e} IS NOT NULL`, params: expr.params } : not(bound(`${e} = ?`, bind(single(value), storage)))
    case 'IN': return bound(`${e} IN (SELECT value FROM json_each(?))`, JSON.stringify(list(value).map(v => bind(v, storage))))
    case 'NIN': return not(bound(`${e} IN (SELECT value FROM json_each(?))`, JSON.stringify(list(value).map(v => bind(v, storage)))))
    case '>': case '>=': case '<': case '<=': {
      const numeric = storage === 'integer_text' ? `CAST(${e} AS INTEGER)` : e
      return bound(`${numeric} ${condition.comparison} ?`, value)
    }
    // Compared as LIKE would (ASCII letters without case) but with instr, whose cost is linear in the
    // text where LIKE's '%…%' backtracks (a 255-character value over a 1 MiB body took LIKE 200 ms).
    case 'contains': return bound(`instr(lower(${e}), lower(?)) > 0`, value)
    case 'not_contains': return not(bound(`instr(lower(${e}), lower(?)) > 0`, value))
    case 'starts_with': return bound(`instr(lower(${e}), lower(?)) = 1`, value)
    case 'ends_with': {
      const text = String(value)
      return { text: `substr(lower(${e}), max(1, length(${e}) - ? + 1)) = lower(?)`, params: [...expr.params, ...expr.params, [...text].length, text] }
    }
    case 'has_word': case 'lacks_word': throw new Error('words are matched by their index')
  }
}

/** The ORDER BY expression of a sortable field (and its parameter, for a custom attribute). */
function sortSql (target: SearchTarget, name: string): Sql {
  const field = fieldOf(target, name)
  if (field.kind !== 'scalar') throw new Error(`${name} cannot be sorted on`)
  const text = field.storage === 'integer_text' ? `CAST(${field.sql} AS INTEGER)` : field.sql
  return { text, params: field.param === undefined ? [] : [field.param] }
}

/** A value as its column holds it. */
function bind (value: string | number | boolean | null, storage: Storage): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0
  if (storage === 'integer_text' && typeof value === 'number') return String(value)
  if (storage === 'integer' && typeof value === 'string' && /^-?\d{1,15}$/.test(value)) return Number(value)
  return value
}

function single (value: Condition['value']): string | number | boolean | null {
  if (Array.isArray(value)) throw new Error('= and != compare with one value, not a list')
  return value
}

function list (value: Condition['value']): Array<string | number | boolean> {
  return Array.isArray(value) ? value : value === null ? [] : [value]
}
