import t from 'tap'
import { assertError, build, FIXTURE } from '../helper.js'

const basic = (credentials: string) => `Basic ${Buffer.from(credentials).toString('base64')}`

t.test('a missing, empty or malformed Authorization is 401 Access Token Invalid', async t => {
  const api = await build(t)
  const headers = [undefined, '', 'Bearer', 'Bearer   ', 'Token abc', basic(':'), basic(':secret'), 'Basic']
  for (const authorization of headers) {
    const res = await api.request({ url: '/admins', token: null, headers: authorization === undefined ? {} : { authorization } })
    assertError(t, res, 401, { code: 'unauthorized', message: 'Access Token Invalid' })
  }
})

t.test('Bearer and Basic base64(token:) reach the same workspace', async t => {
  const api = await build(t)
  await api.request({ method: 'POST', url: '/messages', token: 'shared', payload: { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Hi' } })
  const viaBasic = await api.request({ url: '/conversations', token: null, headers: { authorization: basic('shared:') } })
  t.equal(viaBasic.statusCode, 200)
  t.equal(viaBasic.json().conversations.length, 1)
  const viaLowercase = await api.request({ url: '/conversations', token: null, headers: { authorization: 'bearer shared' } })
  t.equal(viaLowercase.json().conversations.length, 1)
  const appIdPair = await api.request({ url: '/conversations', token: null, headers: { authorization: basic('app:key') } })
  t.equal(appIdPair.statusCode, 200, 'an appId:apiKey pair (intercom-client 1.x) is a token of its own')
  t.equal(appIdPair.json().conversations.length, 0)
})

t.test('two tokens are two isolated workspaces, each seeded from the fixtures', async t => {
  const api = await build(t)
  const [one, two] = ['suite-one', 'suite-two']
  await Promise.all([
    api.request({ method: 'POST', url: '/messages', token: one, payload: { from: { type: 'user', id: FIXTURE.mal.id }, body: 'From one' } }),
    api.request({ method: 'POST', url: '/users', token: two, payload: { user_id: 'only-in-two' } })
  ])
  const listOne = (await api.request({ url: '/conversations', token: one })).json()
  const listTwo = (await api.request({ url: '/conversations', token: two })).json()
  t.equal(listOne.conversations.length, 1)
  t.equal(listTwo.conversations.length, 0)
  t.equal((await api.request({ url: '/users?user_id=only-in-two', token: two })).statusCode, 200)
  assertError(t, await api.request({ url: '/users?user_id=only-in-two', token: one }), 404, { code: 'not_found', message: 'User Not Found' })
  t.equal((await api.request({ url: `/users/${FIXTURE.mal.id}`, token: two })).statusCode, 200, 'both have the fixture users')
  const idOne = (await api.request({ method: 'POST', url: '/messages', token: one, payload: { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Again' } })).json().id
  const idTwo = (await api.request({ method: 'POST', url: '/messages', token: two, payload: { from: { type: 'user', id: FIXTURE.mal.id }, body: 'First' } })).json().id
  t.equal(idOne, '2002')
  t.equal(idTwo, '2001', 'ids count per workspace')
})

t.test('strict mode accepts only INTERCOM_MOCK_TOKENS', async t => {
  const api = await build(t, { tokens: ['good', 'also-good'] })
  t.equal((await api.request({ url: '/admins', token: 'good' })).statusCode, 200)
  t.equal((await api.request({ url: '/admins', token: null, headers: { authorization: basic('also-good:') } })).statusCode, 200)
  assertError(t, await api.request({ url: '/admins', token: 'bad' }), 401, { code: 'unauthorized', message: 'Access Token Invalid' })
  assertError(t, await api.request({ method: 'POST', url: '/messages', token: 'bad', payload: { nonsense: true } }), 401, { code: 'unauthorized', message: 'Access Token Invalid' })
  const rows = api.store.workspaces.findByToken('bad')
  t.equal(rows, null, 'a refused token creates no workspace')
})
