import { Writable } from 'node:stream'
import t from 'tap'
import { assertError, build, FIXTURE } from '../helper.js'

const seedMessage = { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Hey' }

t.test('malformed JSON is 400 parameter_invalid', async t => {
  const api = await build(t)
  for (const payload of ['{"from":', '{from: 1}', 'null x']) {
    const res = await api.request({ method: 'POST', url: '/messages', payload, headers: { 'content-type': 'application/json' } })
    assertError(t, res, 400, { code: 'parameter_invalid', message: 'The request body is not valid JSON' })
  }
})

t.test('a JSON body that is not an object is 400', async t => {
  const api = await build(t)
  for (const payload of ['[]', '"text"', '42']) {
    const res = await api.request({ method: 'POST', url: '/messages', payload, headers: { 'content-type': 'application/json' } })
    assertError(t, res, 400, { code: 'parameter_invalid', message: 'The request body must be a JSON object' })
  }
})

t.test('prototype pollution attempts are refused as invalid JSON', async t => {
  const api = await build(t)
  const res = await api.request({ method: 'POST', url: '/users', payload: '{"user_id":"x","__proto__":{"admin":true}}', headers: { 'content-type': 'application/json' } })
  assertError(t, res, 400, { code: 'parameter_invalid', message: 'The request body is not valid JSON' })
})

t.test('a body that is not JSON is 415', async t => {
  const api = await build(t)
  for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) {
    const res = await api.request({ method: 'POST', url: '/messages', payload: 'from=user', headers: { 'content-type': contentType } })
    assertError(t, res, 415, { code: 'unsupported', message: `The Content-Type header should send a media type of application/json, not ${contentType}` })
  }
})

t.test('a body over 1 MiB is 413, and nothing is written', async t => {
  const api = await build(t)
  const res = await api.request({ method: 'POST', url: '/messages', payload: { ...seedMessage, body: 'x'.repeat(1024 * 1024) } })
  assertError(t, res, 413, { code: 'client_error', message: 'The request body is larger than the limit of 1048576 bytes' })
  t.same((await api.request({ url: '/conversations' })).json().conversations, [])
})

t.test('an unknown route is 404 not_found', async t => {
  const api = await build(t)
  for (const [method, url] of [['GET', '/nothing'], ['DELETE', '/messages'], ['GET', '/conversations/1/nothing'], ['PATCH', '/admins']] as const) {
    assertError(t, await api.request({ method, url }), 404, { code: 'not_found', message: 'Resource Not Found' })
  }
})

t.test('a URL that cannot be decoded is 400', async t => {
  const api = await build(t)
  assertError(t, await api.request({ url: '/users/%E0%A4%A' }), 400, { code: 'parameter_invalid', message: 'The request URL is malformed' })
})

t.test('an unexpected failure is a logged 500 server_error error.list', async t => {
  const lines: string[] = []
  const logStream = new Writable({ write (chunk, _encoding, done) { lines.push(String(chunk)); done() } })
  const api = await build(t, { logLevel: 'error' }, { logStream })
  // Break the store under the app: a closed database makes the next query throw.
  api.store.close()
  const res = await api.request({ url: '/conversations' })
  assertError(t, res, 500, { code: 'server_error', message: 'An unexpected error occurred; the mock logged it' })
  const entry = lines.map(line => JSON.parse(line) as { level: number, msg: string, reqId: string, err: { message: string } }).find(e => e.level === 50)
  t.ok(entry, 'an error line was logged')
  t.equal(entry?.msg, 'unexpected error answered as server_error')
  t.equal(entry?.reqId, res.headers['x-request-id'])
  t.match(entry?.err.message, /database connection is not open/)
})

t.test('every response carries X-Request-Id, successes too', async t => {
  const api = await build(t)
  const ok = await api.request({ url: '/admins' })
  t.match(ok.headers['x-request-id'], /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  const other = await api.request({ url: '/admins' })
  t.not(other.headers['x-request-id'], ok.headers['x-request-id'])
})
