import fc from 'fast-check'
import { ROUTES, type RouteSpec } from './routes.js'

/**
 * fast-check arbitraries of hostile requests: malformed and extreme values in every place a request
 * has (path, query, headers, body), mixed with valid ones so that requests get past the first check.
 */

/** Real things of the workspace the requests go to: ids that exist, so deep code is reached. */
export interface Known {
  conversation: string[]
  contact: string[]
  external: string[]
  admin: string[]
  email: string[]
  tag?: string[]
  company?: string[]
  segment?: string[]
  subscription?: string[]
  team?: string[]
  note?: string[]
  attribute?: string[]
  ticket_type?: string[]
}

export interface HostileRequest {
  method: string
  url: string
  headers: Record<string, string>
  payload?: string | Buffer
}

const EXTREME_STRINGS = [
  '', ' ', '\u0000', 'a\u0000b', '\u001f', '\u007f', '"', "'", '\\', '%', '_', '%%', '*', 'a*', '"a" OR b', 'NEAR(a b)', 'OR', 'AND',
  '<b>', '<<<<<<<<', '&#99999999;', '&#x110000;', '&amp', '\ud800', '\udfff', '😀', '👩‍👩‍👧', 'é', 'e\u0301', 'Ω', '\u202e', '\ufeff',
  'null', 'true', '[]', '{}', '__proto__', 'constructor', '$.a', '$', '.', 'a.b', 'custom_attributes.', '../../etc/passwd',
  "'; DROP TABLE contacts; --", '1e309', '1e300', '-1', '-0', 'NaN', 'Infinity', '9223372036854775808', '9007199254740993',
  '253402300800', '0x10', '1.5', '00012', '+1', ' 1 ', 'WzFlMzAwXQ==', 'WzJd', '!!!', 'a'.repeat(256), 'a'.repeat(5000)
]

const EXTREME_NUMBERS = [0, -1, 1, 1.5, -0, 2 ** 31, 2 ** 31 - 1, 2 ** 53, 2 ** 63, 9007199254740993, 1e300, -1e300, 253402300799,
  253402300800, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 5e-324]

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...EXTREME_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('a', 'x ', '😀', '<', '&', 'w'), fc.integer({ min: 1000, max: 60000 })).map(([s, n]) => s.repeat(n)) }
)

const hostileNumber: fc.Arbitrary<number> = fc.oneof(fc.constantFrom(...EXTREME_NUMBERS), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }))

/** Numbers as a client may send them in a query string or as a JSON string: extreme, or not quite numbers. */
const numericText: fc.Arbitrary<string> = fc.oneof(
  hostileNumber.map(String),
  fc.constantFrom('1e300', '1e309', '-1e309', 'Infinity', '-Infinity', 'NaN', '9223372036854775808', '1000000000000000000', '9007199254740993', '0', '-1', '1.5', '', ' ', '0x1f', '1_000')
)

/** `starting_after` cursors: base64 of the JSON arrays the mock hands out, with extreme pages. */
const cursor: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(
    fc.oneof({ weight: 3, arbitrary: fc.constantFrom(1e300, 2 ** 63, 1e18, 2 ** 31, 2 ** 31 - 1, -1, 0, 1.5, 2) }, hostileNumber, hostileString, fc.constant(null)),
    hostileNumber
  ).map(pair => Buffer.from(JSON.stringify(pair)).toString('base64')),
  fc.constantFrom('WzFlMzAwXQ==', 'WzJd', 'W10=', 'bnVsbA==', '!!!', '', '=', 'WzEsMiwzXQ')
)

/** A value that suits the name of the field or parameter, or any hostile value. */
function valueFor (name: string, json: boolean, hostile = true): fc.Arbitrary<unknown> {
  const plausible = plausibleValue(name)
  if (!hostile) return plausible ?? fc.constantFrom('x', 'Hello')
  const any = json ? hostileJson : hostileString
  const extreme = name === 'starting_after'
    ? fc.oneof(cursor, any)
    : /(_at|_until|^before|^page|^per_page)$/.test(name) ? fc.oneof(numericText, json ? hostileNumber : numericText, any) : any
  return plausible === undefined ? extreme : fc.oneof({ weight: 1, arbitrary: plausible }, { weight: 3, arbitrary: extreme })
}

function plausibleValue (name: string): fc.Arbitrary<unknown> | undefined {
  return Object.hasOwn(PLAUSIBLE, name) ? PLAUSIBLE[name] : undefined
}

const T0 = 1714564800
const PLAUSIBLE: Record<string, fc.Arbitrary<unknown>> = {
  page: fc.integer({ min: 1, max: 3 }),
  per_page: fc.integer({ min: 1, max: 60 }),
  before: fc.integer({ min: T0 - 1e6, max: T0 + 1e6 }),
  created_at: fc.integer({ min: T0 - 1e6, max: T0 + 1e6 }),
  signed_up_at: fc.integer({ min: 0, max: T0 }),
  snoozed_until: fc.integer({ min: T0, max: T0 + 1e7 }),
  display_as: fc.constant('plaintext'),
  open: fc.constantFrom('true', 'false'),
  unread: fc.constantFrom('true', 'false'),
  read: fc.boolean(),
  order: fc.constantFrom('asc', 'desc'),
  type: fc.constantFrom('user', 'admin', 'lead'),
  body: fc.constantFrom('Hello', '<p>Hi <b>there</b></p>', 'I need support'),
  name: fc.constantFrom('Zoë', 'Mal'),
  role: fc.constantFrom('user', 'lead')
}

const hostileKey: fc.Arbitrary<string> = fc.oneof(fc.constantFrom('a', 'plan', '__proto__', 'constructor', 'a.b', '$x', '', ' ', '\u0000', 'x'.repeat(200)), fc.string({ unit: 'binary', maxLength: 10 }))

/** Any JSON value, nested a little; deep nesting comes as text (nestedJson) so no JSON.stringify recurses. */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>(tie => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileString, hostileNumber, fc.boolean(), fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(hostileKey, tie('value'), { maxKeys: 4 })
  )
})).value

const SEARCH_FIELDS = {
  conversation: ['id', 'created_at', 'updated_at', 'source.type', 'source.body', 'source.subject', 'source.author.email', 'source.author.name',
    'contact_ids', 'teammate_ids', 'admin_assignee_id', 'open', 'read', 'state', 'snoozed_until', 'tag_ids', 'statistics.x', 'nope'],
  contact: ['id', 'role', 'name', 'email', 'email_domain', 'external_id', 'created_at', 'signed_up_at', 'last_seen_at', 'owner_id',
    'unsubscribed_from_emails', 'tag_id', 'custom_attributes.plan', 'custom_attributes.\u0000', 'custom_attributes.', 'browser', 'nope'],
  ticket: ['id', 'created_at', 'updated_at', 'title', 'description', 'category', 'ticket_type_id', 'ticket_state_id', 'state', 'contact_ids',
    'admin_assignee_id', 'team_assignee_id', 'open', 'snoozed_until', 'ticket_attribute.1', 'nope']
}
const OPERATORS = ['=', '!=', 'IN', 'NIN', '>', '<', '>=', '<=', '~', '!~', '^', '$', 'AND', 'OR', 'and', 'LIKE', '', 1]

function searchQuery (kind: 'conversation' | 'contact' | 'ticket'): fc.Arbitrary<unknown> {
  const filter = fc.oneof(fc.constantFrom(...SEARCH_FIELDS[kind]), hostileString).chain(field => fc.record({
    field: fc.constant(field),
    operator: fc.constantFrom(...OPERATORS),
    value: fc.oneof(valueFor(field, true), fc.array(valueFor(field, true), { maxLength: 5 }))
  }, { requiredKeys: [] }))
  return fc.letrec<{ query: unknown }>(tie => ({
    query: fc.oneof({ depthSize: 'small' }, filter, fc.record({ operator: fc.constantFrom('AND', 'OR', 'NOT'), value: fc.array(tie('query'), { maxLength: 16 }) }))
  })).query
}

function searchBody (kind: 'conversation' | 'contact' | 'ticket'): fc.Arbitrary<unknown> {
  return fc.record({
    query: searchQuery(kind),
    pagination: fc.oneof(hostileJson, fc.record({ per_page: valueFor('per_page', true), starting_after: valueFor('starting_after', true) }, { requiredKeys: [] })),
    sort: fc.oneof(hostileJson, fc.record({ field: fc.oneof(fc.constantFrom(...SEARCH_FIELDS[kind]), hostileString), order: hostileString }, { requiredKeys: [] }))
  }, { requiredKeys: ['query'] })
}

/** `depth` arrays or objects one inside the other, as text. */
const nestedJson: fc.Arbitrary<string> = fc.tuple(fc.integer({ min: 30, max: 20000 }), fc.boolean()).map(([depth, objects]) =>
  objects ? '{"a":'.repeat(depth) + '1' + '}'.repeat(depth) : '['.repeat(depth) + ']'.repeat(depth))

function bodyOf (route: RouteSpec, known: Known, hostile: boolean): fc.Arbitrary<string | Buffer | undefined> {
  const fields = route.body ?? []
  if (!hostile) {
    // A body that passes validation, as far as plausible values go: the one hostile part is elsewhere.
    const party = fc.record({ type: fc.constantFrom('user', 'admin'), id: fc.constantFrom(...known.contact, ...known.admin) })
    const plausible = (name: string): fc.Arbitrary<unknown> | undefined =>
      ['from', 'to', 'contact', 'user', 'visitor'].includes(name) ? party
        : ['admin_id', 'assignee_id'].includes(name) ? fc.constantFrom(...known.admin)
          : name === 'message_type' ? fc.constantFrom('comment', 'note', 'close', 'open', 'inapp') : plausibleValue(name)
    const entries = fields.flatMap(name => { const value = plausible(name); return value === undefined ? [] : [[name, value] as const] })
    if (route.search !== undefined) return searchBody(route.search).map(body => JSON.stringify(body))
    return fc.record(Object.fromEntries(entries), { requiredKeys: [] }).map(body => JSON.stringify(body))
  }
  const party = fc.record({
    type: fc.oneof(fc.constantFrom('user', 'lead', 'contact', 'admin', 'visitor'), hostileString),
    id: fc.oneof(fc.constantFrom(...known.contact, ...known.admin), hostileString),
    user_id: hostileString,
    email: fc.oneof(fc.constantFrom(...known.email), hostileString)
  }, { requiredKeys: [] })
  const fieldValue = (name: string): fc.Arbitrary<unknown> => {
    if (['from', 'to', 'contact', 'user', 'visitor'].includes(name)) return fc.oneof(party, hostileJson)
    if (['admin_id', 'assignee_id'].includes(name)) return fc.oneof(fc.constantFrom(...known.admin), hostileJson)
    if (name === 'message_type') return fc.oneof(fc.constantFrom('comment', 'note', 'close', 'open', 'snoozed', 'assignment', 'inapp', 'email'), hostileJson)
    return valueFor(name, true)
  }
  const object: fc.Arbitrary<unknown> = route.search !== undefined
    ? searchBody(route.search)
    : fc.record(Object.fromEntries(fields.map(name => [name, fieldValue(name)])), { requiredKeys: [] })
  const json = fc.tuple(object, fc.dictionary(hostileKey, hostileJson, { maxKeys: 2 }), fc.boolean())
    .map(([base, extra, withExtra]) => JSON.stringify(withExtra && typeof base === 'object' && base !== null ? { ...extra, ...base } : base))
  return fc.oneof(
    { weight: 12, arbitrary: json },
    { weight: 1, arbitrary: hostileJson.map(value => JSON.stringify(value) ?? 'null') },
    { weight: 1, arbitrary: nestedJson },
    { weight: 1, arbitrary: fc.constantFrom('', ' ', '{', '{"a":', 'null', '[1,', '{"a":1}x', '\u0000', '{"__proto__":{"x":1}}', '{"a":1,"a":2}', '"\\ud800"', '1e999999') },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }).map(bytes => Buffer.concat([Buffer.from('{"body":"'), Buffer.from(bytes), Buffer.from('"}')])) },
    { weight: 1, arbitrary: fc.constantFrom(undefined, Buffer.alloc(1024 * 1024 + 1, 'a')) }
  )
}

function pathOf (route: RouteSpec, known: Known, hostile: boolean): fc.Arbitrary<string> {
  const segments = route.path.split('/').map(segment => {
    if (!segment.startsWith(':')) return fc.constant(segment)
    const real = known[segment.slice(1) as keyof Known] ?? []
    if (!hostile) return fc.constantFrom(...(real.length > 0 ? real : ['1']))
    return fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...(real.length > 0 ? real : ['1'])) },
      { weight: 2, arbitrary: hostileString.map(encode) },
      { weight: 1, arbitrary: fc.constantFrom('%', '%zz', '%00', '%2F', '..', '.', '%E0%A4%A', '9'.repeat(40), '-1', '1.5', '0') }
    )
  })
  return fc.tuple(...segments).map(parts => parts.join('/'))
}

function queryOf (route: RouteSpec, hostile: boolean): fc.Arbitrary<string> {
  const keys = [...(route.query ?? []), 'page', 'per_page', 'display_as']
  if (!hostile) {
    const pair = fc.constantFrom(...keys.filter(key => plausibleValue(key) !== undefined)).chain(key => valueFor(key, false, false).map(value => `${key}=${encode(String(value))}`))
    return fc.array(pair, { maxLength: 2 }).map(pairs => pairs.length === 0 ? '' : `?${pairs.join('&')}`)
  }
  const pair = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...keys) }, { weight: 1, arbitrary: hostileKey })
    .chain(key => fc.tuple(fc.constant(key), valueFor(key, false).map(String), fc.boolean()))
    .map(([key, value, raw]) => raw ? `${key}=${value}` : `${encode(key)}=${encode(value)}`)
  return fc.array(pair, { maxLength: 3 }).map(pairs => pairs.length === 0 ? '' : `?${pairs.join('&')}`)
}

const VERSIONS = ['1.0', '1.4', '2.0', '2.6', '2.11', '2.14', 'Unstable', 'Preview', '3.0', '', ' 2.11 ', 'latest', '1.4,2.11', '\u00e9']

function headersOf (route: RouteSpec, tokens: readonly string[], hostile: boolean): fc.Arbitrary<Record<string, string>> {
  if (!hostile) {
    return fc.record({ token: fc.constantFrom(...tokens), version: fc.constantFrom(...(route.versions === 'control' ? ['1.4'] : route.versions.map(v => v === '1.x' ? '1.4' : '2.11'))) })
      .map(({ token, version }) => ({ authorization: `Bearer ${token}`, 'intercom-version': version, 'content-type': 'application/json' }))
  }
  const version = route.versions === 'control'
    ? fc.constant(undefined)
    : fc.oneof({ weight: 4, arbitrary: fc.constantFrom(route.versions.includes('2.x') ? '2.11' : '1.4', route.versions.includes('1.x') ? '1.4' : '2.11') }, { weight: 1, arbitrary: fc.constantFrom(...VERSIONS) })
  const authorization = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...tokens).map(token => `Bearer ${token}`) },
    { weight: 1, arbitrary: fc.constantFrom('', 'Bearer', 'Bearer  ', 'Basic', 'Basic !!!', `Basic ${Buffer.from(`${tokens[0] ?? ''}:`).toString('base64')}`, 'Token x', 'Bearer \u00e9') },
    { weight: 1, arbitrary: hostileString.map(s => `Bearer ${s.replace(/[\r\n]/g, '')}`) }
  )
  const contentType = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom('application/json', 'application/json; charset=utf-8') },
    { weight: 1, arbitrary: fc.constantFrom('application/json; charset=latin1', 'application/vnd.intercom.3+json', 'text/plain', 'application/x-www-form-urlencoded',
      'application/json; charset=', 'multipart/form-data; boundary=x', '', 'application/json; charset=utf-16') })
  const forwarded = fc.option(fc.constantFrom('[', 'a b', 'x:99999', ':::', '%41%00', 'a, b', '127.0.0.1:99999', '', 'ht tp', 'https', 'example.com'), { nil: undefined })
  return fc.record({
    authorization: fc.option(authorization, { nil: undefined, freq: 20 }),
    'intercom-version': version,
    'content-type': fc.option(contentType, { nil: undefined, freq: 10 }),
    accept: fc.option(fc.constantFrom('application/json', 'text/html', '*/*', ''), { nil: undefined }),
    'x-forwarded-host': forwarded,
    'x-forwarded-proto': forwarded,
    host: fc.option(fc.constantFrom('[', 'a b', ':::', '%41%00', '127.0.0.1:99999', 'localhost', 'mock:8080'), { nil: undefined })
  }).map(headers => Object.fromEntries(Object.entries(headers).filter((entry): entry is [string, string] => entry[1] !== undefined)))
}

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS']

type Part = 'path' | 'query' | 'headers' | 'body'

/**
 * Requests to the routes of ROUTES, now and then with another method. Half of them are hostile in one
 * part only (path, query, headers or body) and plausible elsewhere, so they get past the first check and
 * reach deep code; the rest are hostile everywhere.
 */
export function hostileRequest (known: Known, tokens: readonly string[]): fc.Arbitrary<HostileRequest> {
  const hostileParts = fc.oneof(
    fc.constantFrom<Part[]>(['path'], ['query'], ['headers'], ['body']),
    fc.constant<Part[]>(['path', 'query', 'headers', 'body'])
  )
  return fc.oneof({ weight: 2, arbitrary: anyRequest(known, tokens, hostileParts) }, { weight: 1, arbitrary: knownClasses(known, tokens) })
}

function anyRequest (known: Known, tokens: readonly string[], hostileParts: fc.Arbitrary<Part[]>): fc.Arbitrary<HostileRequest> {
  return fc.tuple(fc.constantFrom(...ROUTES), hostileParts).chain(([route, parts]) => fc.record({
    method: parts.length === 1 ? fc.constant(route.method) : fc.oneof({ weight: 9, arbitrary: fc.constant(route.method) }, { weight: 1, arbitrary: fc.constantFrom(...METHODS) }),
    path: pathOf(route, known, parts.includes('path')),
    query: queryOf(route, parts.includes('query')),
    headers: headersOf(route, tokens, parts.includes('headers')),
    payload: route.method === 'GET' || route.method === 'DELETE'
      ? fc.option(bodyOf(route, known, parts.includes('body')), { nil: undefined, freq: 10 })
      : bodyOf(route, known, parts.includes('body'))
  })).map(({ method, path, query, headers, payload }) => {
    const request: HostileRequest = { method, url: `${path}${query}`, headers }
    if (payload !== undefined && method !== 'GET' && method !== 'HEAD') request.payload = payload
    return request
  })
}

/**
 * The classes of hostile input issue #8 found, each varied: extreme pages and cursors on every list,
 * extreme timestamps in every timestamp field, long and odd search values, odd attribute names, deep
 * nesting, odd Host and X-Forwarded-* headers, bodies that are not UTF-8. A third of the requests.
 */
function knownClasses (known: Known, tokens: readonly string[]): fc.Arbitrary<HostileRequest> {
  const auth = fc.tuple(fc.constantFrom(...tokens), fc.constantFrom('1.4', '2.11', '2.0', 'Preview'))
    .map(([token, version]) => ({ authorization: `Bearer ${token}`, 'intercom-version': version, 'content-type': 'application/json' }))
  const list = fc.constantFrom('/users', '/contacts', '/conversations', '/visitors')
  const post = (url: string, body: unknown) => ({ method: 'POST', url, body })
  const mal = known.contact[0] ?? '1'
  const conversation = fc.constantFrom(...(known.conversation.length > 0 ? known.conversation : ['1']))
  const searchField = fc.constantFrom(['conversation', 'source.body'], ['conversation', 'source.subject'], ['contact', 'name'], ['contact', 'email'], ['contact', 'custom_attributes.plan'], ['conversation', 'created_at'], ['contact', 'signed_up_at'])
  const extremeTime = fc.oneof(hostileNumber, numericText)
  const shape = fc.oneof(
    fc.tuple(list, fc.constantFrom('page', 'per_page', 'starting_after'), fc.oneof(numericText, cursor)).map(([path, key, value]) => ({ method: 'GET', url: `${path}?${key}=${encode(value)}`, body: undefined as unknown })),
    fc.tuple(fc.constantFrom('conversation', 'contact'), fc.oneof(cursor, numericText), fc.oneof(hostileNumber, numericText))
      .map(([kind, startingAfter, perPage]) => post(`/${kind}s/search`, { query: { field: 'id', operator: '!=', value: '0' }, pagination: { starting_after: startingAfter, per_page: perPage } })),
    fc.tuple(fc.constantFrom('signed_up_at', 'remote_created_at', 'last_request_at'), extremeTime).map(([field, value]) => post('/users', { user_id: 'extreme', [field]: value })),
    fc.tuple(fc.constantFrom('signed_up_at', 'last_seen_at'), extremeTime).map(([field, value]) => post('/contacts', { role: 'user', external_id: 'extreme', [field]: value })),
    extremeTime.map(value => post('/messages', { from: { type: 'user', id: mal }, body: 'Hi', created_at: value })),
    fc.tuple(conversation, extremeTime, fc.constantFrom('reply', 'parts')).map(([id, value, action]) => post(`/conversations/${id}/${action}`, { type: 'admin', admin_id: known.admin[0], message_type: 'snoozed', snoozed_until: value })),
    extremeTime.map(value => ({ method: 'GET', url: `/conversations?before=${encode(String(value))}`, body: undefined as unknown })),
    fc.tuple(searchField, fc.constantFrom(...OPERATORS), fc.oneof(hostileString, fc.array(hostileString, { maxLength: 4 }), extremeTime))
      .map(([[kind, field], operator, value]) => post(`/${kind}s/search`, { query: { field, operator, value } })),
    fc.tuple(fc.constantFrom('contact'), hostileString, fc.boolean()).map(([kind, name, sort]) => post(`/${kind}s/search`, sort
      ? { query: { field: 'role', operator: '=', value: 'user' }, sort: { field: `custom_attributes.${name}`, order: 'ascending' } }
      : { query: { field: `custom_attributes.${name}`, operator: '=', value: 'x' } }))
  )
  const headers = fc.tuple(auth, fc.option(fc.record({
    'x-forwarded-host': fc.constantFrom('[', 'a b', 'x:99999', ':::', '%41%00', 'a, b', ''),
    'x-forwarded-proto': fc.constantFrom('ht tp', 'javascript', '', 'HTTPS'),
    host: fc.constantFrom('[', 'a b', ':::', '%41%00', '127.0.0.1:99999', '')
  }, { requiredKeys: [] }), { nil: undefined })).map(([a, odd]) => ({ ...a, ...odd }))
  return fc.tuple(shape, headers, fc.constantFrom('json', 'json', 'json', 'latin1', 'nested')).map(([{ method, url, body }, h, encoding]) => {
    const request: HostileRequest = { method, url, headers: h }
    if (body === undefined) return request
    const json = JSON.stringify(body)
    request.payload = encoding === 'json' ? json : encoding === 'latin1' ? Buffer.from(json.replace(/"Hi"/, '"H\u00e9"'), 'latin1') : json.replace(/"x"|"0"|"user"/, '['.repeat(40) + ']'.repeat(40))
    return request
  })
}

/** Percent-encoded; a lone surrogate (which has no UTF-8) as U+FFFD. */
function encode (text: string): string {
  return encodeURIComponent(text.replace(/\p{Cs}/gu, '\ufffd'))
}

/** A request as a shell command would send it, for the report of a failing case. */
export function asCurl (request: HostileRequest): string {
  const headers = Object.entries(request.headers).map(([name, value]) => ` -H ${JSON.stringify(`${name}: ${value}`)}`).join('')
  const payload = request.payload === undefined
    ? ''
    : Buffer.isBuffer(request.payload)
      ? request.payload.length > 300 ? ` --data-binary @<(head -c ${request.payload.length} /dev/zero | tr '\\0' a)` : ` --data-binary ${JSON.stringify(request.payload.toString('latin1'))} # bytes as latin1`
      : ` --data-raw ${JSON.stringify(request.payload.length > 300 ? `${request.payload.slice(0, 300)}…(${request.payload.length} characters)` : request.payload)}`
  return `curl -X ${request.method} ${JSON.stringify(`http://localhost:8080${request.url}`)}${headers}${payload}`
}
