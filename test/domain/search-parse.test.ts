import t, { type Test } from 'tap'
import { IntercomError } from '../../src/domain/errors.js'
import { parseSearchRequest, type SearchKind } from '../../src/domain/search.js'
import { CONTACT_FIELDS, CONVERSATION_FIELDS, searchableFieldList } from '../../src/domain/search-fields.js'


/** Asserts the 400 parameter_invalid a search body is refused with: exact message and field. */
function refuses (t: Test, kind: SearchKind, body: unknown, field: string | undefined, message: string | RegExp): void {
  let thrown: unknown
  try {
    parseSearchRequest(body, kind)
  } catch (error) {
    thrown = error
  }
  if (!(thrown instanceof IntercomError)) {
    t.fail(`expected a 400 for ${JSON.stringify(body)}, got ${String(thrown)}`)
    return
  }
  t.equal(thrown.status, 400, 'status 400')
  t.equal(thrown.code, 'parameter_invalid')
  if (typeof message === 'string') t.equal(thrown.message, message)
  else t.match(thrown.message, message)
  t.equal(thrown.field, field, `field ${String(field)}`)
}

const filter = (field: string, operator: string, value: unknown) => ({ field, operator, value })
const and = (...value: unknown[]) => ({ operator: 'AND', value })
const or = (...value: unknown[]) => ({ operator: 'OR', value })

t.test("the OpenAPI's own example parses, its date string read as a number", async t => {
  const request = parseSearchRequest({ query: and(filter('created_at', '>', '1306054154')), pagination: { per_page: 5 } }, 'conversation')
  t.same(request, {
    kind: 'conversation',
    query: { operator: 'AND', value: [{ field: 'created_at', type: 'date', operator: '>', value: 1306054154 }] },
    pagination: { perPage: 5, startingAfter: null },
    sort: { field: 'created_at', order: 'descending' }
  })
})

t.test('values are normalised to the type of their field, as the SDKs send them', async t => {
  const parse = (f: unknown, kind: SearchKind = 'conversation') => parseSearchRequest({ query: f }, kind).query
  t.same(parse(filter('open', '=', 'true')), { field: 'open', type: 'boolean', operator: '=', value: true }, 'python-intercom sends "true"')
  t.same(parse(filter('read', '=', 'False')), { field: 'read', type: 'boolean', operator: '=', value: false })
  t.same(parse(filter('admin_assignee_id', 'IN', ['394051', 394052])), { field: 'admin_assignee_id', type: 'integer', operator: 'IN', value: [394051, 394052] })
  t.same(parse(filter('id', '=', 1000000001)), { field: 'id', type: 'id', operator: '=', value: '1000000001' }, 'an integer id becomes a string')
  t.same(parse(filter('source.author.email', '=', 'Mal@Serenity.IO')), { field: 'source.author.email', type: 'string', operator: '=', value: 'mal@serenity.io' })
  t.same(parse(filter('waiting_since', '=', null)), { field: 'waiting_since', type: 'date', operator: '=', value: null })
  t.same(parse(filter('email_domain', '$', 'SERENITY.io'), 'contact'), { field: 'email_domain', type: 'string', operator: '$', value: 'serenity.io' })
  t.same(parse(filter('custom_attributes.plan', '=', 'pro'), 'contact'), { field: 'custom_attributes.plan', type: 'string', operator: '=', value: 'pro' })
  t.same(parse(filter('custom_attributes.seats', '>', '10'), 'contact'), { field: 'custom_attributes.seats', type: 'number', operator: '>', value: 10 })
  t.same(parse(filter('custom_attributes.vip', 'IN', [true]), 'contact'), { field: 'custom_attributes.vip', type: 'boolean', operator: 'IN', value: [true] })
})

t.test('groups nest two deep, (a OR b) AND (c OR d), and hold up to 15 filters', async t => {
  const fifteen = Array.from({ length: 15 }, (_, i) => filter('id', '=', String(i)))
  const query = and(or(...fifteen), or(filter('open', '=', true), filter('read', '=', false)))
  t.match(parseSearchRequest({ query }, 'conversation').query, { operator: 'AND', value: [{ operator: 'OR' }, { operator: 'OR' }] })
  t.same(parseSearchRequest({ query: and(...fifteen) }, 'contact').query, { operator: 'AND', value: fifteen.map(f => ({ ...f, type: 'id' })) })
})

t.test('pagination defaults to 20 conversations or 50 contacts a page, and caps per_page at 150', async t => {
  t.same(parseSearchRequest({ query: filter('open', '=', true) }, 'conversation').pagination, { perPage: 20, startingAfter: null })
  t.same(parseSearchRequest({ query: filter('role', '=', 'user') }, 'contact').pagination, { perPage: 50, startingAfter: null })
  t.same(parseSearchRequest({ query: filter('role', '=', 'user'), pagination: { per_page: 500 } }, 'contact').pagination, { perPage: 150, startingAfter: null })
  t.same(parseSearchRequest({ query: filter('role', '=', 'user'), pagination: { per_page: '7', starting_after: null } }, 'contact').pagination, { perPage: 7, startingAfter: null })
  t.same(parseSearchRequest({ query: filter('role', '=', 'user'), pagination: null }, 'contact').pagination, { perPage: 50, startingAfter: null })
})

t.test('sort defaults to created_at descending; a field alone sorts descending, an order alone by created_at', async t => {
  const sortOf = (sort: unknown, kind: SearchKind = 'conversation') => parseSearchRequest({ query: filter('id', '!=', 'x'), sort }, kind).sort
  t.same(sortOf(undefined), { field: 'created_at', order: 'descending' })
  t.same(sortOf({ field: 'updated_at' }), { field: 'updated_at', order: 'descending' })
  t.same(sortOf({ order: 'ascending' }), { field: 'created_at', order: 'ascending' })
  t.same(sortOf({ field: 'custom_attributes.plan', order: 'ascending' }, 'contact'), { field: 'custom_attributes.plan', order: 'ascending' })
})

t.test('a body that is not an object, or has no query, is refused', async t => {
  const shape = '{"query": {"field": "created_at", "operator": ">", "value": 1306054154}}'
  refuses(t, 'conversation', [], undefined, `The search body must be a JSON object with a query, e.g. ${shape}`)
  refuses(t, 'conversation', 'query', undefined, `The search body must be a JSON object with a query, e.g. ${shape}`)
  refuses(t, 'conversation', {}, 'query', `query is required: a filter {"field", "operator", "value"} or a group {"operator": "AND" | "OR", "value": [...]}, e.g. ${shape}`)
  refuses(t, 'conversation', { query: 'open' }, 'query', 'query must be a filter {"field", "operator", "value"} or a group {"operator": "AND" | "OR", "value": [...]}; got "open"')
  refuses(t, 'conversation', { query: and(filter('open', '=', true), [1]) }, 'query.value[1]', 'query.value[1] must be a filter {"field", "operator", "value"} or a group {"operator": "AND" | "OR", "value": [...]}; got [1]')
})

t.test('groups must hold an array of 1 to 15 filters', async t => {
  refuses(t, 'conversation', { query: { operator: 'AND', value: filter('open', '=', true) } }, 'query.value',
    'query.value of an AND group must be an array of filters or groups; got {"field":"open","operator":"=","value":true}')
  refuses(t, 'conversation', { query: or() }, 'query.value', 'query.value of an OR group needs at least one filter')
  const sixteen = Array.from({ length: 16 }, (_, i) => filter('id', '=', String(i)))
  refuses(t, 'conversation', { query: and(filter('open', '=', true), or(...sixteen)) }, 'query.value[1].value',
    'query.value[1].value holds 16 filters: an OR group takes at most 15; match several values of one field with IN or NIN, or split the group')
})

t.test('a third level of groups is refused at the group that goes too deep', async t => {
  const deep = and(filter('open', '=', true), or(filter('read', '=', true), and(filter('state', '=', 'open'))))
  refuses(t, 'conversation', { query: deep }, 'query.value[1].value[1]',
    'query.value[1].value[1] nests a third level of AND/OR groups: groups nest at most 2 deep, as in (a OR b) AND (c OR d); move its filters into the group that holds it')
})

t.test('operators and fields must be ones Intercom accepts', async t => {
  const operators = '=, !=, IN, NIN, >, <, >=, <=, ~, !~, ^, $'
  refuses(t, 'conversation', { query: and(filter('open', '=', true), filter('id', '=', '1'), filter('source.body', 'like', 'x')) },
    'query.value[2].operator', `query.value[2].operator must be one of ${operators}; got "like"`)
  refuses(t, 'conversation', { query: { operator: 'and', value: [] } }, 'query.operator', `query.operator must be AND or OR for a group, or one of ${operators} for a filter; got "and"`)
  refuses(t, 'conversation', { query: { operator: '=', value: 'x' } }, 'query.field', 'query.field is required: the name of the field to search, e.g. "created_at"')
  refuses(t, 'conversation', { query: { field: 7, operator: '=', value: 'x' } }, 'query.field', 'query.field must be the name of a field to search, e.g. "created_at"; got 7')
  refuses(t, 'conversation', { query: { field: 'open', operator: 'AND', value: [] } }, 'query.operator',
    `query.operator AND combines a group of filters and takes no field; a filter's operator is one of ${operators}`)
  refuses(t, 'conversation', { query: filter('subject', '=', 'x') }, 'query.field',
    `subject is not a searchable conversation field; search one of: ${searchableFieldList('conversation')}`)
  refuses(t, 'contact', { query: filter('state', '=', 'open') }, 'query.field',
    `state is not a searchable contact field; search one of: ${searchableFieldList('contact')}`)
  refuses(t, 'conversation', { query: filter('statistics.time_to_assignment', '>', 5) }, 'query.field',
    `statistics.time_to_assignment is searchable in Intercom, but this mock keeps no data behind it; search one of: ${searchableFieldList('conversation')}`)
  refuses(t, 'contact', { query: filter('location.city', '=', 'Dublin') }, 'query.field',
    /^location\.city is searchable in Intercom, but this mock keeps no data behind it; search one of: id, role, .*custom_attributes\.<name>$/)
  t.match(searchableFieldList('conversation'), /^id, created_at, updated_at, source\.type, .*priority, ai_agent_participated$/)
})

t.test("each field type allows only its operators", async t => {
  refuses(t, 'conversation', { query: filter('source.author.name', '>', 'M') }, 'query.operator',
    'query.operator > cannot be used on source.author.name, a string field: use one of =, !=, IN, NIN, ~, !~, ^, $')
  refuses(t, 'conversation', { query: filter('open', '~', 'tr') }, 'query.operator',
    'query.operator ~ cannot be used on open, a boolean field: use one of =, !=, IN, NIN')
  refuses(t, 'conversation', { query: filter('created_at', '^', '17') }, 'query.operator',
    'query.operator ^ cannot be used on created_at, a date field: use one of =, !=, IN, NIN, >, <, >=, <=')
  refuses(t, 'contact', { query: filter('owner_id', '~', 1) }, 'query.operator',
    'query.operator ~ cannot be used on owner_id, an integer field: use one of =, !=, IN, NIN, >, <, >=, <=')
  refuses(t, 'contact', { query: filter('tag_id', 'IN', ['1']) }, 'query.operator',
    'query.operator IN cannot be used on tag_id, a string id field: use one of =, !=')
})

t.test("contact dates take only =, > and <: they match by calendar day", async t => {
  for (const operator of ['!=', '<=', '>=', 'IN', 'NIN']) {
    refuses(t, 'contact', { query: filter('created_at', operator, operator.endsWith('IN') ? [1306054154] : 1306054154) }, 'query.operator',
      `query.operator ${operator} cannot be used on created_at, a date field: use one of =, >, <; Intercom matches contact dates by calendar day`)
  }
  t.same(parseSearchRequest({ query: filter('last_seen_at', '<', 1306054154) }, 'contact').query,
    { field: 'last_seen_at', type: 'date', operator: '<', value: 1306054154 })
})

t.test('values must match the type of their field', async t => {
  refuses(t, 'conversation', { query: filter('created_at', '>', 'foorbar') }, 'query.value',
    'query.value must be a UNIX timestamp in seconds from 0 to 253402300799, e.g. 1306054154 or "1306054154" to search created_at; got "foorbar"')
  refuses(t, 'conversation', { query: filter('created_at', '>', 1306054154.5) }, 'query.value', /^query\.value must be a UNIX timestamp in seconds/)
  refuses(t, 'conversation', { query: filter('created_at', '>', -1) }, 'query.value', /^query\.value must be a UNIX timestamp in seconds/)
  refuses(t, 'conversation', { query: filter('open', '=', 'yes') }, 'query.value', 'query.value must be true or false (or the string "true" or "false") to search open; got "yes"')
  refuses(t, 'conversation', { query: filter('admin_assignee_id', '=', 'wash') }, 'query.value', 'query.value must be an integer (or a string of digits) to search admin_assignee_id; got "wash"')
  refuses(t, 'conversation', { query: filter('source.subject', '=', 5) }, 'query.value', 'query.value must be a string to search source.subject; got 5')
  refuses(t, 'conversation', { query: filter('contact_ids', '=', true) }, 'query.value', 'query.value must be a string or integer id to search contact_ids; got true')
  refuses(t, 'conversation', { query: filter('state', '=', 'pending') }, 'query.value', 'query.value must be one of open, closed, snoozed to search state; got "pending"')
  refuses(t, 'conversation', { query: filter('source.type', 'IN', ['email', 'chat']) }, 'query.value[1]',
    'query.value[1] must be one of conversation, email, facebook, instagram, phone_call, phone_switch, push, sms, twitter, whatsapp to search source.type; got "chat"')
  refuses(t, 'contact', { query: filter('role', '=', 'visitor') }, 'query.value', 'query.value must be one of user, lead to search role; got "visitor"')
  refuses(t, 'conversation', { query: { field: 'open', operator: '=' } }, 'query.value', 'query.value is required: the value to compare open with')
})

t.test('IN and NIN take a non-empty array; the other operators one value; null only = and !=', async t => {
  refuses(t, 'conversation', { query: filter('state', 'IN', 'open') }, 'query.value', 'query.value must be an array for IN, e.g. ["a", "b"]; got "open"')
  refuses(t, 'conversation', { query: filter('created_at', 'NIN', 5) }, 'query.value', 'query.value must be an array for NIN, e.g. [1306054154, 1306140554]; got 5')
  refuses(t, 'conversation', { query: filter('state', 'NIN', []) }, 'query.value', 'query.value must hold at least one value for NIN')
  refuses(t, 'conversation', { query: filter('state', '=', ['open']) }, 'query.value', 'query.value must be a single value for =; use IN or NIN to match any of several values')
  refuses(t, 'conversation', { query: filter('created_at', '>', null) }, 'query.value',
    'query.value cannot be null for > on created_at: null only finds records without a created_at, with = or !=')
  refuses(t, 'conversation', { query: filter('contact_ids', '=', null) }, 'query.value',
    'query.value cannot be null for contact_ids, a list: compare its members with a value of their type')
  refuses(t, 'conversation', { query: filter('id', 'IN', ['1', null]) }, 'query.value[1]', 'query.value[1] must be a string or integer id to search id; got null')
})

t.test('custom attributes are named safely and typed by their value', async t => {
  refuses(t, 'contact', { query: filter('custom_attributes.', '=', 'x') }, 'query.field',
    'query.field must name a custom attribute as custom_attributes.<name>, where the name has at most 190 characters and no ".", "$", \'"\' or control characters; got "custom_attributes."')
  refuses(t, 'contact', { query: filter('custom_attributes.a"b', '=', 'x') }, 'query.field', /^query\.field must name a custom attribute/)
  refuses(t, 'contact', { query: filter('custom_attributes.a.b', '=', 'x') }, 'query.field', /^query\.field must name a custom attribute/)
  refuses(t, 'contact', { query: filter('custom_attributes.seats', 'IN', [1, 'two']) }, 'query.value',
    'query.value must hold values of one type for custom_attributes.seats: all strings, all numbers or all booleans')
  refuses(t, 'contact', { query: filter('custom_attributes.seats', '>', 'many') }, 'query.value', 'query.value must be a number to search custom_attributes.seats; got "many"')
  refuses(t, 'contact', { query: filter('custom_attributes.vip', '~', true) }, 'query.value', 'query.value must be a string to search custom_attributes.vip; got true')
  refuses(t, 'conversation', { query: filter('custom_attributes.plan', '=', 'x') }, 'query.field', /^custom_attributes\.plan is not a searchable conversation field/)
})

t.test('pagination must be per_page 1 to 150 and a cursor this mock handed out', async t => {
  const query = filter('open', '=', true)
  refuses(t, 'conversation', { query, pagination: 5 }, 'pagination', 'pagination must be an object {"per_page": 1 to 150, "starting_after": the cursor of pages.next}; got 5')
  refuses(t, 'conversation', { query, pagination: { per_page: 0 } }, 'pagination.per_page', 'pagination.per_page must be an integer from 1 to 150; got 0')
  refuses(t, 'conversation', { query, pagination: { per_page: 2.5 } }, 'pagination.per_page', 'pagination.per_page must be an integer from 1 to 150; got 2.5')
  refuses(t, 'conversation', { query, pagination: { per_page: 'ten' } }, 'pagination.per_page', 'pagination.per_page must be an integer from 1 to 150; got "ten"')
  refuses(t, 'conversation', { query, pagination: { starting_after: 3 } }, 'pagination.starting_after', 'pagination.starting_after must be the string of pages.next.starting_after; got 3')
  refuses(t, 'conversation', { query, pagination: { starting_after: 'WzXXXXXXXXXXXXXX' } }, 'pagination.starting_after',
    'pagination.starting_after is not a cursor this server handed out: pass pages.next.starting_after as it came')
})

t.test('sort must name a sortable field and ascending or descending', async t => {
  const query = filter('open', '=', true)
  refuses(t, 'conversation', { query, sort: 'created_at' }, 'sort', 'sort must be an object {"field": a sortable field, "order": "ascending" | "descending"}; got "created_at"')
  refuses(t, 'conversation', { query, sort: { field: 'created_at', order: 'desc' } }, 'sort.order', "Invalid sort order 'desc'. Must be one of: ascending, descending")
  refuses(t, 'conversation', { query, sort: { field: 'contact_ids' } }, 'sort.field',
    'sort.field "contact_ids" cannot be sorted on; sort conversations by one of: id, created_at, updated_at, admin_assignee_id, team_assignee_id, open, read, state, waiting_since, snoozed_until')
  refuses(t, 'contact', { query: filter('role', '=', 'lead'), sort: { field: 'last_request_at' } }, 'sort.field',
    /^sort\.field "last_request_at" cannot be sorted on; sort contacts by one of: id, role, name, .*custom_attributes\.<name>$/)
  refuses(t, 'contact', { query: filter('role', '=', 'lead'), sort: { field: 'custom_attributes.a.b' } }, 'sort.field', /^sort\.field must name a custom attribute/)
})

t.test('every field of both kinds parses with = and a value of its type', async t => {
  const sample = { string: 'x', id: '1', integer: 1, date: 1306054154, boolean: true, number: 1 } as const
  for (const [kind, fields] of [['conversation', CONVERSATION_FIELDS], ['contact', CONTACT_FIELDS]] as const) {
    for (const [name, spec] of Object.entries(fields)) {
      const value = spec.values?.[0] ?? sample[spec.type]
      t.doesNotThrow(() => parseSearchRequest({ query: filter(name, '=', value) }, kind), `${kind} ${name}`)
    }
  }
})
