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
    'unsubscribed_from_emails', 'tag_id', 'custom_attributes.plan', 'custom_attributes.\u0000', 'custom_attributes.', 'browser', 'nope']
}
const OPERATORS = ['=', '!=', 'IN', 'NIN', '>', '<', '>=', '<=', '~', '!~', '^', '$', 'AND', 'OR', 'and', 'LIKE', '', 1]

function searchQuery (kind: 'conversation' | 'contact'): fc.Arbitrary<unknown> {
  const filter = fc.record({
    field: fc.oneof(fc.constantFrom(...SEARCH_FIELDS[kind]), hostileString),
    operator: fc.constantFrom(...OPERATORS),
    value: fc.oneof(hostileJson, fc.array(hostileString, { maxLength: 5 }))
  }, { requiredKeys: [] })
  return fc.letrec<{ query: unknown }>(tie => ({
    query: fc.oneof({ depthSize: 'small' }, filter, fc.record({ operator: fc.constantFrom('AND', 'OR', 'NOT'), value: fc.array(tie('query'), { maxLength: 16 }) }))
  })).query
}

function searchBody (kind: 'conversation' | 'contact'): fc.Arbitrary<unknown> {
  return fc.record({
    query: searchQuery(kind),
    pagination: fc.oneof(hostileJson, fc.record({ per_page: fc.oneof(hostileNumber, hostileString), starting_after: hostileString }, { requiredKeys: [] })),
    sort: fc.oneof(hostileJson, fc.record({ field: fc.oneof(fc.constantFrom(...SEARCH_FIELDS[kind]), hostileString), order: hostileString }, { requiredKeys: [] }))
  }, { requiredKeys: ['query'] })
}

/** `depth` arrays or objects one inside the other, as text. */
const nestedJson: fc.Arbitrary<string> = fc.tuple(fc.integer({ min: 30, max: 20000 }), fc.boolean()).map(([depth, objects]) =>
  objects ? '{"a":'.repeat(depth) + '1' + '}'.repeat(depth) : '['.repeat(depth) + ']'.repeat(depth))

function bodyOf (route: RouteSpec, known: Known): fc.Arbitrary<string | Buffer | undefined> {
  const fields = route.body ?? []
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
    return hostileJson
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

function pathOf (route: RouteSpec, known: Known): fc.Arbitrary<string> {
  const segments = route.path.split('/').map(segment => {
    if (!segment.startsWith(':')) return fc.constant(segment)
    const real = known[segment.slice(1) as keyof Known] ?? []
    return fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...(real.length > 0 ? real : ['1'])) },
      { weight: 2, arbitrary: hostileString.map(encode) },
      { weight: 1, arbitrary: fc.constantFrom('%', '%zz', '%00', '%2F', '..', '.', '%E0%A4%A', '9'.repeat(40), '-1', '1.5', '0') }
    )
  })
  return fc.tuple(...segments).map(parts => parts.join('/'))
}

function queryOf (route: RouteSpec): fc.Arbitrary<string> {
  const keys = [...(route.query ?? []), 'page', 'per_page', 'display_as']
  const pair = fc.tuple(fc.oneof(fc.constantFrom(...keys), hostileKey), fc.oneof(hostileString, hostileNumber.map(String)), fc.boolean())
    .map(([key, value, raw]) => raw ? `${key}=${value}` : `${encode(key)}=${encode(value)}`)
  return fc.array(pair, { maxLength: 4 }).map(pairs => pairs.length === 0 ? '' : `?${pairs.join('&')}`)
}

const VERSIONS = ['1.0', '1.4', '2.0', '2.6', '2.11', '2.14', 'Unstable', 'Preview', '3.0', '', ' 2.11 ', 'latest', '1.4,2.11', '\u00e9']

function headersOf (route: RouteSpec, tokens: readonly string[]): fc.Arbitrary<Record<string, string>> {
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

/** Requests to the routes of ROUTES, now and then with another method. */
export function hostileRequest (known: Known, tokens: readonly string[]): fc.Arbitrary<HostileRequest> {
  return fc.constantFrom(...ROUTES).chain(route => fc.record({
    method: fc.oneof({ weight: 9, arbitrary: fc.constant(route.method) }, { weight: 1, arbitrary: fc.constantFrom(...METHODS) }),
    path: pathOf(route, known),
    query: queryOf(route),
    headers: headersOf(route, tokens),
    payload: route.method === 'GET' || route.method === 'DELETE' ? fc.option(bodyOf(route, known), { nil: undefined, freq: 10 }) : bodyOf(route, known)
  })).map(({ method, path, query, headers, payload }) => {
    const request: HostileRequest = { method, url: `${path}${query}`, headers }
    if (payload !== undefined && method !== 'GET' && method !== 'HEAD') request.payload = payload
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
