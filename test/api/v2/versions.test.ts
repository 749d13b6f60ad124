import t from 'tap'
import { validateFixtures } from '../../../src/control/fixtures.js'
import { assertError, build, fixtures, FIXTURE } from '../../helper.js'

const NOT_AVAILABLE = { code: 'intercom_version_invalid', message: 'Requested resource is not available in current API version.' }

t.test('every version Intercom has is accepted: 1.0–1.4, 2.0–2.16, Unstable, Preview', async t => {
  const api = await build(t)
  const versions = ['1.0', '1.1', '1.2', '1.3', '1.4', ...Array.from({ length: 17 }, (_, i) => `2.${i}`), 'Unstable', 'Preview']
  for (const version of versions) {
    const res = await api.request({ url: '/admins', version })
    t.equal(res.statusCode, 200, version)
    t.equal(res.json().type, 'admin.list')
    const teams = res.json().admins.filter((a: { type: string }) => a.type === 'team')
    t.equal(teams.length, version.startsWith('1.') ? 2 : 0, `${version}: 1.x lists teams among admins, 2.x does not`)
  }
})

t.test('an unknown version is 400 "The requested version could not be found"', async t => {
  const api = await build(t)
  for (const version of ['2.17', '1.5', '3', 'Latest', '2.11.0']) {
    assertError(t, await api.request({ url: '/conversations', version }), 400, { code: 'intercom_version_invalid', message: 'The requested version could not be found' })
  }
})

t.test('an endpoint the requested version does not have is 400 "not available in current API version"', async t => {
  const api = await build(t)
  const cases: Array<[string, 'GET' | 'POST' | 'DELETE', string, Record<string, unknown>?]> = [
    ['1.4', 'POST', '/conversations/search', { query: { field: 'open', operator: '=', value: true } }],
    ['1.4', 'POST', '/conversations', { from: { type: 'user', id: FIXTURE.mal.id }, body: 'x' }],
    ['1.4', 'POST', '/conversations/1000000001/parts', { message_type: 'close', admin_id: FIXTURE.wash.id }],
    ['1.4', 'POST', '/contacts/search', { query: { field: 'role', operator: '=', value: 'user' } }],
    ['1.4', 'POST', '/contacts/merge', { from: FIXTURE.simon.id, into: FIXTURE.mal.id }],
    ['2.11', 'GET', '/users'],
    ['2.11', 'POST', '/users', { user_id: 'x' }],
    ['2.11', 'POST', '/contacts/convert', { contact: { user_id: 'x' }, user: { email: 'x@example.com' } }],
    ['2.0', 'DELETE', `/users/${FIXTURE.mal.id}`],
    ['2.13', 'GET', '/contacts/find_by_external_id/25']
  ]
  for (const [version, method, url, payload] of cases) {
    assertError(t, await api.request({ method, url, version, ...(payload === undefined ? {} : { payload }) }), 400, NOT_AVAILABLE)
  }
})

t.test('INTERCOM_MOCK_API_VERSION is the version of requests that send none', async t => {
  const api = await build(t, { apiVersion: '2.14' })
  const me = await api.request({ url: `/contacts/${FIXTURE.mal.id}` })
  t.equal(me.json().type, 'contact', '/contacts is the 2.x contacts resource')
  t.equal((await api.request({ url: `/contacts/${FIXTURE.simon.id}`, version: '1.4' })).json().type, 'contact', '1.x still asks for leads')
  assertError(t, await api.request({ url: '/users' }), 400, NOT_AVAILABLE)
})

t.test('a fixture may pin the default version of the workspaces it seeds', async t => {
  const pinned = validateFixtures('pinned.json', { ...fixtures(), api_version: '2.11' })
  const api = await build(t, { apiVersion: '1.4' }, { fixtures: pinned })
  const res = await api.request({ method: 'POST', url: '/messages', payload: { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Hi' } })
  t.match(res.json().conversation_id, /^\d+$/, 'answered in 2.11')
  t.equal((await api.request({ url: '/users?user_id=25', version: '1.4' })).statusCode, 200, 'a header still wins')
  t.throws(() => validateFixtures('bad.json', { ...fixtures(), api_version: '3.0' }), { message: /^bad\.json: \/api_version: / })
})

t.test('2.x responses of shared endpoints follow the requested minor', async t => {
  const api = await build(t)
  const user = { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Hi' }
  for (const [version, hasConversationId] of [['2.0', false], ['2.5', false], ['2.6', true], ['2.11', true], ['Preview', true]] as const) {
    const message = (await api.request({ method: 'POST', url: '/messages', version, payload: user })).json()
    t.equal('conversation_id' in message, hasConversationId, version)
  }
})
