import t from 'tap'
import { assertError, build, FIXTURE } from '../helper.js'

const seed = { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Hey' }

t.test('every 1.x version, and none, is served with 1.x shapes', async t => {
  const api = await build(t)
  for (const version of [undefined, '1.0', '1.1', '1.2', '1.3', '1.4', ' 1.4 ']) {
    const res = await api.request({ method: 'POST', url: '/messages', payload: seed, ...(version === undefined ? {} : { version }) })
    t.equal(res.statusCode, 200, String(version))
    t.notOk('conversation_id' in res.json())
  }
})

t.test('an unknown Intercom-Version is 400 intercom_version_invalid', async t => {
  const api = await build(t)
  for (const version of ['1.5', '2.17', '3.0', 'latest', '1', 'v1.4']) {
    assertError(t, await api.request({ url: '/admins', version }), 400, { code: 'intercom_version_invalid', message: 'The requested version could not be found' })
    assertError(t, await api.request({ url: '/users', version }), 400, { code: 'intercom_version_invalid', message: 'The requested version could not be found' })
  }
})

t.test('a 1.x endpoint asked for in 2.x is 400 "not available in current API version"', async t => {
  const api = await build(t)
  for (const version of ['2.0', '2.11', 'Unstable', 'Preview']) {
    assertError(t, await api.request({ url: '/users', version }), 400, {
      code: 'intercom_version_invalid', message: 'Requested resource is not available in current API version.'
    })
  }
})

t.test('INTERCOM_MOCK_API_VERSION sets the version of requests that send none', async t => {
  const api = await build(t, { apiVersion: '2.11' })
  assertError(t, await api.request({ url: '/users' }), 400, {
    code: 'intercom_version_invalid', message: 'Requested resource is not available in current API version.'
  })
  t.equal((await api.request({ url: '/users', version: '1.4' })).statusCode, 200)
})
