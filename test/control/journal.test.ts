import t from 'tap'
import { buildApp } from '../../src/app.js'
import { defaultConfig } from '../../src/config.js'
import { connectIntercomMock } from '../../src/control/client/connect.js'
import { fixedClock } from '../../src/domain/clock.js'
import { inProcessControl } from '../../src/server.js'
import { assertError, build, fixtures, FIXTURE, inject, listen, T0 } from '../helper.js'

const hey = { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Hey' }

t.test('every API request is recorded in its workspace\'s journal, newest first, in this shape', async t => {
  const api = await build(t)
  const sent = await api.request({ method: 'POST', url: '/messages', payload: hey, headers: { 'content-type': 'application/json', cookie: 'session=abc', 'x-api-key': 'k' } })
  api.clock.advance(5)
  const listed = await api.request({ url: '/conversations?type=user&intercom_user_id=' + FIXTURE.mal.id + '&open=true', version: '2.11' })
  const res = await api.request({ url: '/__mock/requests' })
  t.equal(res.statusCode, 200)
  const { data } = res.json()
  t.equal(data.length, 2)
  t.strictSame(Object.keys(data[1]).sort(), ['api_version', 'duration_ms', 'id', 'method', 'path', 'query', 'request', 'response', 'time'])
  t.match(data[1], {
    id: sent.headers['x-request-id'],
    time: T0,
    method: 'POST',
    path: '/messages',
    query: {},
    api_version: '1.4',
    request: {
      headers: { authorization: 'Bearer [REDACTED]', cookie: '[REDACTED]', 'x-api-key': '[REDACTED]', 'content-type': 'application/json' },
      body: hey,
      body_truncated: false
    },
    response: { status: 200, body: sent.json(), body_truncated: false }
  })
  t.type(data[1].duration_ms, 'number')
  t.match(data[0], {
    id: listed.headers['x-request-id'],
    time: T0 + 5,
    method: 'GET',
    path: '/conversations',
    query: { type: 'user', intercom_user_id: FIXTURE.mal.id, open: 'true' },
    api_version: '2.11',
    request: { body: null },
    response: { status: 200, body: listed.json() }
  })
})

t.test('filters: method, exact path, * glob, status or status class, since a request id or a time, limit; and count', async t => {
  const api = await build(t)
  const ids: string[] = []
  const send = async (options: Parameters<typeof api.request>[0]) => { ids.push((await api.request(options)).headers['x-request-id'] as string) }
  await send({ method: 'POST', url: '/messages', payload: hey }) // 0
  await send({ method: 'POST', url: '/conversations/1000000001/reply', payload: { type: 'admin', admin_id: FIXTURE.wash.id, message_type: 'comment', body: 'Hi' } }) // 1
  api.clock.advance(100)
  await send({ method: 'POST', url: '/conversations/1000000009/reply', payload: { type: 'admin', admin_id: FIXTURE.wash.id, message_type: 'comment', body: 'Hi' } }) // 2: 404
  await send({ url: '/conversations/1000000001' }) // 3
  await send({ method: 'POST', url: '/messages', payload: {} }) // 4: 400
  const list = async (query: string) => (await api.request({ url: `/__mock/requests${query}` })).json().data.map((e: { id: string }) => ids.indexOf(e.id))
  const count = async (query: string) => (await api.request({ url: `/__mock/requests/count${query}` })).json()
  t.strictSame(await list(''), [4, 3, 2, 1, 0])
  t.strictSame(await list('?method=post'), [4, 2, 1, 0])
  t.strictSame(await list('?path=/messages'), [4, 0])
  t.strictSame(await list('?path=/conversations/*/reply'), [2, 1])
  t.strictSame(await list('?path=/conversations/*'), [3])
  t.strictSame(await list('?path=/conversations/**'), [3, 2, 1])
  t.strictSame(await list('?status=404'), [2])
  t.strictSame(await list('?status=4xx'), [4, 2])
  t.strictSame(await list(`?since=${ids[1] as string}`), [4, 3, 2])
  t.strictSame(await list(`?since=${T0 + 100}`), [4, 3, 2])
  t.strictSame(await list('?limit=2'), [4, 3])
  t.strictSame(await list('?method=POST&path=/conversations/*/reply&status=2xx'), [1])
  t.strictSame(await count('?method=POST'), { count: 4 })
  t.strictSame(await count(''), { count: 5 })
  t.strictSame(await count(`?since=${ids[3] as string}`), { count: 1 })

  assertError(t, await api.request({ url: '/__mock/requests?since=nope' }), 400, { code: 'parameter_invalid', message: /^since names no request in this journal: nope/, field: 'since' })
  assertError(t, await api.request({ url: '/__mock/requests/count?status=44' }), 400, { code: 'parameter_invalid', message: /status/, field: 'status' })
  assertError(t, await api.request({ url: '/__mock/requests?limit=0' }), 400, { code: 'parameter_invalid', message: /limit/, field: 'limit' })

  const cleared = await api.request({ method: 'DELETE', url: '/__mock/requests' })
  t.equal(cleared.statusCode, 204)
  t.equal(cleared.body, '')
  t.strictSame(await count(''), { count: 0 })
})

t.test('control calls are not journaled; workspaces never see each other\'s requests', async t => {
  const api = await build(t)
  await api.request({ method: 'POST', url: '/messages', payload: hey, token: 'a' })
  await api.request({ url: '/__mock/clock', token: 'a' })
  await api.request({ url: '/__mock/health', token: 'a' })
  await api.request({ url: '/__mock/nothing-here', token: 'a' })
  t.strictSame((await api.request({ url: '/__mock/requests', token: 'a' })).json().data.map((e: { path: string }) => e.path), ['/messages'])
  t.strictSame((await api.request({ url: '/__mock/requests', token: 'b' })).json().data, [])
})

t.test('requests that reach no workspace go to the server-wide journal, listed without a token', async t => {
  const api = await build(t, { tokens: ['good'] })
  const noToken = await api.request({ url: '/admins', token: null })
  const refused = await api.request({ url: '/admins', token: 'wrong' })
  const good = await api.request({ url: '/admins', token: 'good' })
  const noRoute = await api.request({ url: '/no-such-route', token: 'good' })
  t.equal(noRoute.statusCode, 404)
  t.equal(noToken.statusCode, 401)
  t.equal(refused.statusCode, 401)
  const server = (await api.request({ url: '/__mock/requests', token: null })).json().data
  t.strictSame(server.map((e: { id: string }) => e.id), [noRoute.headers['x-request-id'], refused.headers['x-request-id'], noToken.headers['x-request-id']])
  t.match(server[0], { path: '/no-such-route', response: { status: 404 } }, 'a route the API does not have, before auth')
  t.match(server[1], { path: '/admins', api_version: null, request: { headers: { authorization: 'Bearer [REDACTED]' } }, response: { status: 401, body: { type: 'error.list', errors: [{ code: 'unauthorized' }] } } })
  t.strictSame((await api.request({ url: '/__mock/requests', token: 'good' })).json().data.map((e: { id: string }) => e.id), [good.headers['x-request-id']])
  t.strictSame((await api.request({ url: '/__mock/requests/count', token: null })).json(), { count: 3 })
  await api.request({ method: 'DELETE', url: '/__mock/requests', token: null })
  t.strictSame((await api.request({ url: '/__mock/requests/count', token: null })).json(), { count: 0 })
  t.strictSame((await api.request({ url: '/__mock/requests/count', token: 'good' })).json(), { count: 1 }, 'the workspace journal is untouched')
})

t.test('bodies over 64 KiB are cut with body_truncated; a ring keeps the newest INTERCOM_MOCK_JOURNAL_SIZE', async t => {
  const api = await build(t, { journalSize: 3 })
  const long = 'x'.repeat(70 * 1024)
  await api.request({ method: 'POST', url: '/messages', payload: { ...hey, body: long } })
  const [entry] = (await api.request({ url: '/__mock/requests' })).json().data
  t.equal(entry.request.body_truncated, true)
  t.equal(entry.request.body.length, 64 * 1024)
  t.equal(entry.response.body_truncated, true, 'the message echoes its body')
  await api.request({ url: '/conversations/1000000001' })
  const [read] = (await api.request({ url: '/__mock/requests' })).json().data
  t.equal(read.response.body_truncated, true, 'the conversation holding the long body is a long response')
  t.equal(read.response.body.length, 64 * 1024)
  for (let i = 0; i < 5; i++) await api.request({ url: '/admins' })
  t.strictSame((await api.request({ url: '/__mock/requests/count' })).json(), { count: 3 })
})

t.test('a request a fault rule answered carries its request.mockFault in the entry', async t => {
  const app = buildApp(defaultConfig({ dbPath: ':memory:', logLevel: 'silent' }), { fixtures: fixtures(), clock: fixedClock(T0) })
  app.addHook('onRequest', async (request) => { if (request.url === '/admins') request.mockFault = { rule_id: 'r1', action: 'status', when: 'before' } })
  t.teardown(() => app.close())
  await inject(app, { url: '/admins' })
  await inject(app, { url: '/me' })
  const [me, admins] = (await inject(app, { url: '/__mock/requests' })).json().data
  t.strictSame(admins.fault, { rule_id: 'r1', action: 'status', when: 'before' })
  t.notOk('fault' in me)
})

t.test('the journal through the handles: requests, countRequests, clearRequests, in process and over HTTP', async t => {
  const mock = await listen(t)
  for (const [name, control] of [['in process', inProcessControl(mock.app, null)], ['over HTTP', connectIntercomMock(mock.url)]] as const) {
    const token = `journal-${name}`
    const workspace = control.workspace(token)
    await fetch(`${mock.url}/messages`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(hey) })
    await fetch(`${mock.url}/conversations/1000000001`, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } })
    t.match(await workspace.requests({ method: 'POST' }), [{ path: '/messages', request: { body: hey }, response: { status: 200 } }], name)
    t.equal(await workspace.countRequests(), 2, name)
    t.equal(await workspace.countRequests({ path: '/conversations/*', status: 200 }), 1, name)
    t.equal((await workspace.requests({ limit: 1 }))[0]?.path, '/conversations/1000000001', name)
    await workspace.clearRequests()
    t.equal(await workspace.countRequests(), 0, name)
    await fetch(`${mock.url}/admins`)
    t.match(await control.requests({ status: 401 }), [{ path: '/admins' }], `${name}: server-wide`)
    t.equal(await control.countRequests(), 1, name)
    await control.clearRequests()
    t.equal(await control.countRequests(), 0, name)
  }
})

t.test('query keys are only keys: constructor, __proto__ and repeats are listed as sent (found by the hostile-input generator)', async t => {
  const api = await build(t)
  await api.request({ url: '/me?constructor=1&__proto__=2&toString=3&a=1&a=2' })
  const res = await api.request({ url: '/__mock/requests' })
  t.equal(res.statusCode, 200)
  t.same(res.json().data[0].query, JSON.parse('{"constructor":"1","__proto__":"2","toString":"3","a":["1","2"]}'))
})

t.test('a path filter is at most 2048 characters: a longer glob is a 400 naming it, never a regular expression too large (found by the hostile-input generator)', async t => {
  const api = await build(t)
  await api.request({ url: '/me' })
  t.equal((await api.request({ url: `/__mock/requests?path=/${'a'.repeat(2047)}` })).statusCode, 200)
  const res = await api.request({ url: `/__mock/requests?path=${'a'.repeat(32768)}` })
  assertError(t, res, 400, { code: 'parameter_invalid', message: /path/, field: 'path' })
})
