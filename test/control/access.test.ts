import t from 'tap'
import { connectIntercomMock } from '../../src/control/client/connect.js'
import { assertError, build, listen } from '../helper.js'

t.test('with INTERCOM_MOCK_ADMIN_TOKEN set, control calls need X-Intercom-Mock-Admin (401 otherwise); health does not', async t => {
  const api = await build(t, { adminToken: 's3cret' })
  assertError(t, await api.request({ url: '/__mock/clock' }), 401, { code: 'unauthorized', message: 'This mock requires the header X-Intercom-Mock-Admin for control calls' })
  assertError(t, await api.request({ url: '/__mock/clock', headers: { 'x-intercom-mock-admin': 'guess' } }), 401, { code: 'unauthorized', message: 'The X-Intercom-Mock-Admin header does not match this mock\'s admin token' })
  for (const [method, url] of [['POST', '/__mock/reset'], ['GET', '/__mock/requests'], ['GET', '/__mock/requests/count'], ['DELETE', '/__mock/requests'], ['GET', '/__mock/workspaces'], ['DELETE', '/__mock/workspaces'], ['GET', '/__mock/openapi.json'], ['PUT', '/__mock/clock'], ['POST', '/__mock/seed'], ['GET', '/__mock/state']] as const) {
    t.equal((await api.request({ method, url, token: null })).statusCode, 401, `${method} ${url} is guarded`)
  }
  const allowed = await api.request({ url: '/__mock/clock', headers: { 'x-intercom-mock-admin': 's3cret' } })
  t.equal(allowed.statusCode, 200)
  t.equal((await api.request({ url: '/__mock/health', token: null })).statusCode, 200)
  t.equal((await api.request({ url: '/admins' })).statusCode, 200, 'the Intercom API needs no admin token')
})

t.test('connectIntercomMock sends the admin token it is given', async t => {
  const mock = await listen(t, { adminToken: 's3cret' })
  t.equal(await connectIntercomMock(mock.url, { adminToken: 's3cret' }).workspace('w').clock.now(), (await mock.workspace('w').clock.now()))
  await t.rejects(connectIntercomMock(mock.url).workspace('w').clock.now(), { name: 'IntercomMockError', status: 401 })
})

t.test('control calls take the token as the API does (Bearer or Basic) and create the workspace on first use', async t => {
  const api = await build(t)
  await api.request({ method: 'PUT', url: '/__mock/clock', payload: { frozen_at: 1234 }, headers: { authorization: `Basic ${Buffer.from('basic-token:').toString('base64')}` }, token: null })
  t.equal((await api.request({ url: '/__mock/clock', token: 'basic-token' })).json().now, 1234)
  t.ok(api.app.control.workspaces.find('basic-token'), 'the workspace exists')
})

t.test('in strict mode (INTERCOM_MOCK_TOKENS) a token not listed names no workspace: 404', async t => {
  const api = await build(t, { tokens: ['good'] })
  assertError(t, await api.request({ url: '/__mock/clock', token: 'bad' }), 404, { code: 'not_found', message: 'No workspace has this access token' })
  t.equal((await api.request({ url: '/__mock/clock', token: 'good' })).statusCode, 200)
})
