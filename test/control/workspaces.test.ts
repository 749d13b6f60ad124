import t from 'tap'
import { connectIntercomMock } from '../../src/control/client/connect.js'
import { assertError, build, FIXTURE, listen, T0 } from '../helper.js'

const hey = { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Hey' }

t.test('GET /__mock/workspaces lists every workspace: token hint, created at, contacts, conversations, journal entries', async t => {
  const api = await build(t)
  await api.request({ method: 'POST', url: '/messages', payload: hey, token: 'alpha-token' })
  await api.request({ method: 'POST', url: '/messages', payload: hey, token: 'alpha-token' })
  api.clock.advance(10)
  await api.request({ url: '/admins', token: 'beta-token' })
  const res = await api.request({ url: '/__mock/workspaces', token: null })
  t.equal(res.statusCode, 200)
  t.strictSame(res.json(), {
    data: [
      { token_hint: 'alph', created_at: T0, contacts: 7, conversations: 2, journal_entries: 2 },
      { token_hint: 'beta', created_at: T0 + 10, contacts: 7, conversations: 0, journal_entries: 1 }
    ]
  })
})

t.test('DELETE /__mock/workspaces with a token drops that workspace only; 404 for a token without one, 400 without a token', async t => {
  const api = await build(t)
  await api.request({ method: 'POST', url: '/messages', payload: hey, token: 'drop-me' })
  await api.request({ method: 'POST', url: '/messages', payload: hey, token: 'keep-me' })
  const res = await api.request({ method: 'DELETE', url: '/__mock/workspaces', token: 'drop-me' })
  t.equal(res.statusCode, 204)
  t.strictSame((await api.request({ url: '/__mock/workspaces', token: null })).json().data.map((w: { token_hint: string }) => w.token_hint), ['keep'])
  assertError(t, await api.request({ method: 'DELETE', url: '/__mock/workspaces', token: 'drop-me' }), 404, { code: 'not_found', message: 'No workspace has this access token' })
  assertError(t, await api.request({ method: 'DELETE', url: '/__mock/workspaces', token: 'never-seen' }), 404, { code: 'not_found', message: 'No workspace has this access token' })
  t.strictSame((await api.request({ url: '/__mock/workspaces', token: null })).json().data.length, 1, 'a DELETE does not create the workspace it names')
  assertError(t, await api.request({ method: 'DELETE', url: '/__mock/workspaces', token: null }), 400, { code: 'parameter_not_found', message: /acts on one workspace/ })
  t.equal((await api.request({ method: 'POST', url: '/messages', payload: hey, token: 'drop-me' })).json().id, '2001', 'the token starts afresh')
})

t.test('workspaces through the handles, in process and over HTTP', async t => {
  const mock = await listen(t)
  for (const [name, control] of [['in process', mock], ['over HTTP', connectIntercomMock(mock.url)]] as const) {
    await control.resetAll()
    await control.workspace('w-one').clock.now()
    t.match(await control.workspaces(), [{ token_hint: 'w-on', contacts: 7, conversations: 0 }], name)
  }
})
