import t from 'tap'
import { assertError, build, FIXTURE, T0 } from '../helper.js'

/** Regression tests for the hostile inputs of issue #8 that reach the routes (defects 3 to 7, and UTF-8). */

const json = { 'content-type': 'application/json' }
/** `depth` arrays, one inside the other, as JSON text (JSON.stringify itself would recurse). */
const nested = (depth: number): string => '['.repeat(depth) + '1' + ']'.repeat(depth)

t.test('bodies nested deeper than 32 are 400 naming the place, before anything recurses', async t => {
  const api = await build(t)
  const search = (body: string) => api.request({ method: 'POST', url: '/conversations/search', version: '2.11', payload: body, headers: json })
  const deepPath = (prefix: string, levels: number) => prefix + '[0]'.repeat(levels)
  assertError(t, await search(`{"query":${nested(5000)}}`), 400, {
    code: 'parameter_invalid', message: `${deepPath('query', 31)} nests objects and arrays more than 32 deep`, field: deepPath('query', 31)
  })
  assertError(t, await search(`{"query":{"field":"id","operator":"IN","value":${nested(100)}}}`), 400, {
    code: 'parameter_invalid', message: /^query\.value(\[0\]){30} nests objects and arrays more than 32 deep$/, field: deepPath('query.value', 30)
  })
  for (const key of ['sort', 'pagination']) {
    assertError(t, await search(`{"query":{"field":"id","operator":"=","value":"1"},"${key}":${nested(200)}}`), 400, {
      code: 'parameter_invalid', message: /nests objects and arrays more than 32 deep$/, field: deepPath(key, 31)
    })
  }
  // A 1 MiB body of nothing but brackets.
  const brackets = '['.repeat(500000) + ']'.repeat(500000)
  assertError(t, await api.request({ method: 'POST', url: '/users', payload: brackets, headers: json }), 400, {
    code: 'parameter_invalid', message: /^(\[0\]){32} nests/, field: '[0]'.repeat(32)
  })
  const attributes = `{"user_id":"deep","custom_attributes":{"plan":${nested(40)}}}`
  assertError(t, await api.request({ method: 'POST', url: '/users', payload: attributes, headers: json }), 400, {
    code: 'parameter_invalid', message: /^custom_attributes\.plan(\[0\]){30} nests/, field: 'custom_attributes.plan' + '[0]'.repeat(30)
  })
  const fine = await search(JSON.stringify({ query: { operator: 'AND', value: [{ operator: 'OR', value: [{ field: 'id', operator: 'IN', value: ['1'] }] }] } }))
  t.equal(fine.statusCode, 200, 'a search nested as deep as Intercom allows is fine')
})

t.test('search values are at most 255 characters', async t => {
  const api = await build(t)
  for (const operator of ['~', '!~', '^', '$', '=']) {
    const res = await api.request({ method: 'POST', url: '/conversations/search', version: '2.11', payload: { query: { field: 'source.body', operator, value: 'a'.repeat(50000) } } })
    assertError(t, res, 400, { code: 'parameter_invalid', message: 'query.value must be at most 255 characters long to search source.body; got 50000', field: 'query.value' })
  }
  const inList = await api.request({ method: 'POST', url: '/contacts/search', version: '2.11', payload: { query: { field: 'email', operator: 'IN', value: ['a', 'b'.repeat(256)] } } })
  assertError(t, inList, 400, { code: 'parameter_invalid', message: 'query.value[1] must be at most 255 characters long to search email; got 256', field: 'query.value[1]' })
  const longest = await api.request({ method: 'POST', url: '/conversations/search', version: '2.11', payload: { query: { field: 'source.body', operator: '~', value: 'a'.repeat(255) } } })
  t.equal(longest.statusCode, 200)
})

t.test('page numbers and cursors beyond 2^31 - 1 are 400, not a database error', async t => {
  const api = await build(t)
  const pageError = { code: 'parameter_invalid', message: 'page must be at most 2147483647', field: 'page' }
  for (const url of ['/users?page=1e300', '/users?page=1e309', '/users?page=Infinity', '/users?page=1000000000000000000', '/contacts?page=2147483648', '/conversations?page=1e300']) {
    assertError(t, await api.request({ url }), 400, pageError)
  }
  assertError(t, await api.request({ url: '/users?per_page=1e300' }), 400, { code: 'parameter_invalid', message: 'per_page must be at most 2147483647', field: 'per_page' })
  assertError(t, await api.request({ url: '/contacts?page=1e300', version: '2.11' }), 400, pageError)
  const hugeCursor = Buffer.from('[1e300]').toString('base64')
  t.equal(hugeCursor, 'WzFlMzAwXQ==')
  const cursorMessage = 'starting_after is not a cursor this server handed out: pass pages.next.starting_after as it came'
  assertError(t, await api.request({ url: `/conversations?starting_after=${hugeCursor}`, version: '2.11' }), 400, { code: 'parameter_invalid', message: cursorMessage, field: 'starting_after' })
  assertError(t, await api.request({ url: `/contacts?starting_after=${hugeCursor}`, version: '2.11' }), 400, { code: 'parameter_invalid', message: cursorMessage, field: 'starting_after' })
  const search = await api.request({ method: 'POST', url: '/contacts/search', version: '2.11', payload: { query: { field: 'role', operator: '=', value: 'user' }, pagination: { starting_after: hugeCursor } } })
  assertError(t, search, 400, { code: 'parameter_invalid', message: `pagination.${cursorMessage}`, field: 'pagination.starting_after' })
  t.equal((await api.request({ url: '/users?page=2147483647' })).statusCode, 200, 'the last page allowed is an empty page')
})

t.test('every timestamp is whole unix seconds from 0 to 9999-12-31, else 400 naming the field', async t => {
  const api = await build(t)
  const tooLate = (field: string) => ({ code: 'parameter_invalid', message: `${field} must be at most 253402300799`, field })
  for (const field of ['signed_up_at', 'remote_created_at', 'last_request_at']) {
    for (const value of [9223372036854775808, 9007199254740993, 1e300, '1e309', 253402300800]) {
      assertError(t, await api.request({ method: 'POST', url: '/users', payload: JSON.stringify({ user_id: 'r1', [field]: value }), headers: json }), 400, tooLate(field))
    }
  }
  for (const field of ['signed_up_at', 'last_seen_at']) {
    assertError(t, await api.request({ method: 'POST', url: '/contacts', version: '2.11', payload: { role: 'user', external_id: 'c1', [field]: 1e20 } }), 400, tooLate(field))
  }
  const message = { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Hi', created_at: 2 ** 63 }
  assertError(t, await api.request({ method: 'POST', url: '/messages', payload: message }), 400, tooLate('created_at'))
  assertError(t, await api.request({ method: 'POST', url: '/conversations', version: '2.11', payload: { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Hi', created_at: 1e300 } }), 400, tooLate('created_at'))
  assertError(t, await api.request({ url: '/conversations?before=1e300' }), 400, tooLate('before'))
  const started = (await api.request({ method: 'POST', url: '/messages', payload: { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Hi' } })).json() as { conversation_id: string }
  const snooze = { type: 'admin', admin_id: FIXTURE.wash.id, message_type: 'snoozed', snoozed_until: 9223372036854775808 }
  assertError(t, await api.request({ method: 'POST', url: `/conversations/${started.conversation_id}/reply`, payload: snooze }), 400, tooLate('snoozed_until'))
  assertError(t, await api.request({ method: 'POST', url: `/conversations/${started.conversation_id}/parts`, version: '2.11', payload: { ...snooze, snoozed_until: '1e309' } }), 400, tooLate('snoozed_until'))
  assertError(t, await api.request({ method: 'POST', url: '/users', payload: { user_id: 'r1', signed_up_at: -1 } }), 400, { code: 'parameter_invalid', message: 'signed_up_at must be at least 0', field: 'signed_up_at' })

  const latest = await api.request({ method: 'POST', url: '/users', payload: { user_id: 'r2', signed_up_at: 253402300799, last_request_at: T0 } })
  t.equal(latest.statusCode, 200)
  t.match(latest.json(), { signed_up_at: 253402300799, last_request_at: T0 }, 'the last second of year 9999 is kept exactly')
})

t.test('custom attribute names are checked before they reach a JSON path', async t => {
  const api = await build(t)
  const message = 'must name a custom attribute as custom_attributes.<name>, where the name has at most 190 characters and no ".", "$", \'"\' or control characters'
  for (const name of ['\u0000', 'a\u0000b', '\u001f', 'x\u007f', 'a'.repeat(191), 'a.b', '$x', 'q"']) {
    const res = await api.request({ method: 'POST', url: '/contacts/search', version: '2.11', payload: { query: { field: `custom_attributes.${name}`, operator: '=', value: 'x' } } })
    assertError(t, res, 400, { code: 'parameter_invalid', message: new RegExp(`^query\\.field ${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}; got `), field: 'query.field' })
    const sorted = await api.request({ method: 'POST', url: '/contacts/search', version: '2.11', payload: { query: { field: 'role', operator: '=', value: 'user' }, sort: { field: `custom_attributes.${name}` } } })
    assertError(t, sorted, 400, { code: 'parameter_invalid', message: /^sort\.field must name a custom attribute/, field: 'sort.field' })
  }
  // Found by the generator: a name ending in a backslash once made the JSON path malformed (a 500).
  const created = await api.request({ method: 'POST', url: '/users', payload: { user_id: 'slashes', custom_attributes: { 'q\\': 'yes', 'a\\b': 'yes', '[0]': 'yes' } } })
  t.equal(created.statusCode, 200)
  for (const name of ['q\\', 'a\\b', '[0]']) {
    const res = await api.request({ method: 'POST', url: '/contacts/search', version: '2.11', payload: { query: { field: `custom_attributes.${name}`, operator: '=', value: 'yes' } } })
    t.equal(res.statusCode, 200)
    t.match(res.json(), { total_count: 1, data: [{ external_id: 'slashes' }] }, `custom_attributes.${name} finds the attribute of that very name`)
  }
  for (const name of ['plan', 'a'.repeat(190), 'ünïcødé', 'with space', 'back\\slash', '\\', '[0]']) {
    const res = await api.request({ method: 'POST', url: '/contacts/search', version: '2.11', payload: { query: { field: `custom_attributes.${name}`, operator: '=', value: 'x' }, sort: { field: `custom_attributes.${name}` } } })
    t.equal(res.statusCode, 200, `custom_attributes.${name.slice(0, 20)} is searchable`)
  }
})

t.test('bodies must be UTF-8: bytes that are not, or another charset, are refused rather than altered', async t => {
  const api = await build(t)
  const invalid = Buffer.concat([Buffer.from('{"user_id":"caf'), Buffer.from([0xe9]), Buffer.from('"}')])
  for (const contentType of ['application/json', 'application/json; charset=utf-8']) {
    assertError(t, await api.request({ method: 'POST', url: '/users', payload: invalid, headers: { 'content-type': contentType } }), 400, {
      code: 'parameter_invalid', message: 'The request body is not valid UTF-8: send JSON encoded as UTF-8'
    })
  }
  for (const charset of ['latin1', 'ISO-8859-1', 'utf-16', '']) {
    assertError(t, await api.request({ method: 'POST', url: '/users', payload: invalid, headers: { 'content-type': `application/json; charset=${charset}` } }), 415, {
      code: 'unsupported', message: `The Content-Type charset should be utf-8, not ${charset}: send JSON encoded as UTF-8`
    })
  }
  t.equal((await api.request({ url: '/users?user_id=caf%EF%BF%BD' })).statusCode, 404, 'nothing was stored')
  for (const contentType of ['application/json; charset=utf-8', 'application/json; charset="UTF-8"', 'application/json;charset=utf8', 'application/vnd.intercom.3+json; charset=utf-8']) {
    const res = await api.request({ method: 'POST', url: '/users', payload: Buffer.from('{"user_id":"café","name":"Zoë 😀"}', 'utf8'), headers: { 'content-type': contentType } })
    t.equal(res.statusCode, 200, contentType)
    t.match(res.json(), { user_id: 'café', name: 'Zoë 😀' }, 'stored exactly')
  }
  const withBom = await api.request({ method: 'POST', url: '/users', payload: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"user_id":"bom"}')]), headers: json })
  t.equal(withBom.statusCode, 200, 'a byte order mark is not part of the JSON')
})

t.test('plaintext rendering of entities that name no character keeps them as written', async t => {
  const api = await build(t)
  const started = await api.request({ method: 'POST', url: '/messages', payload: { from: { type: 'admin', id: FIXTURE.wash.id }, to: { type: 'user', id: FIXTURE.mal.id }, message_type: 'inapp', body: '<p>a &#99999999; b &#x110000; c &#65;</p>' } })
  t.equal(started.statusCode, 200)
  const conversations = (await api.request({ url: '/conversations?display_as=plaintext' })).json() as { conversations: Array<{ conversation_message: { body: string } }> }
  t.equal(conversations.conversations[0]?.conversation_message.body, 'a &#99999999; b &#x110000; c A')
})
