import t from 'tap'
import { connectIntercomMock } from '../../src/control/client/connect.js'
import { assertError, build, fixtures, FIXTURE, listen, T0 } from '../helper.js'

const hey = { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Hey' }

t.test('POST /__mock/reset with a token: the workspace is as if the token were new', async t => {
  const api = await build(t)
  await api.request({ method: 'POST', url: '/messages', payload: hey })
  await api.request({ method: 'POST', url: '/users', payload: { user_id: 'temp', email: 'temp@example.com' } })
  await api.request({ method: 'PUT', url: '/__mock/clock', payload: { frozen_at: 1600000000 } })
  await api.request({ method: 'POST', url: '/messages', payload: hey, token: 'neighbour' })
  const res = await api.request({ method: 'POST', url: '/__mock/reset' })
  t.equal(res.statusCode, 200)
  t.strictSame(res.json(), { workspace: { token_hint: 'test', created_at: T0, contacts: 7, conversations: 0, journal_entries: 0 }, dropped: 1 })
  t.strictSame((await api.request({ url: '/__mock/clock' })).json(), { now: T0, mode: 'real' }, 'the clock setting is gone')
  t.strictSame((await api.request({ url: '/__mock/requests' })).json(), { data: [] }, 'the journal is empty')
  t.equal((await api.request({ url: '/users' })).json().total_count, fixtures().users?.length, 'only the fixtures\' users')
  t.equal((await api.request({ url: '/conversations' })).json().conversations.length, 0)
  const again = (await api.request({ method: 'POST', url: '/messages', payload: hey })).json()
  t.equal(again.id, '2001', 'ids count from the start again')
  t.equal((await api.request({ url: '/conversations/1000000002', token: 'neighbour' })).statusCode, 404)
  t.equal((await api.request({ url: '/conversations/1000000001', token: 'neighbour' })).statusCode, 200, 'another workspace is untouched')
})

t.test('reset is a valid first call, and the dropped workspace\'s rows are purged in the background', async t => {
  const api = await build(t)
  t.strictSame((await api.request({ method: 'POST', url: '/__mock/reset', token: 'first' })).json().dropped, 0)
  for (let i = 0; i < 30; i++) await api.request({ method: 'POST', url: '/messages', payload: hey, token: 'first' })
  await api.request({ method: 'POST', url: '/__mock/reset', token: 'first' })
  t.equal((await api.request({ url: '/conversations', token: 'first' })).json().conversations.length, 0, 'the reset answers before the purge is done')
  for (let i = 0; i < 500; i++) await new Promise(resolve => setImmediate(resolve))
  t.equal(api.store.purgeStep(), false, 'the background purge deleted every row of the dropped workspace')
})

t.test('reset with a fixture document resets to it, checked as the fixture file is', async t => {
  const api = await build(t)
  const custom = { admins: [{ id: '1', name: 'Solo', email: 'solo@example.com' }], users: [{ id: 'aaaaaaaaaaaaaaaaaaaaaaaa', user_id: 'u1', email: 'u1@example.com' }] }
  t.equal((await api.request({ method: 'POST', url: '/__mock/reset', payload: custom })).statusCode, 200)
  t.match((await api.request({ url: '/admins' })).json().admins, [{ id: '1', name: 'Solo' }])
  t.equal((await api.request({ url: '/users' })).json().total_count, 1)
  t.match((await api.request({ url: '/me' })).json(), { id: '1' })
  assertError(t, await api.request({ method: 'POST', url: '/__mock/reset', payload: { admins: [] } }), 400, { code: 'parameter_invalid', message: '/admins: Expected array length to be greater or equal to 1', field: '/admins' })
  assertError(t, await api.request({ method: 'POST', url: '/__mock/reset', payload: { ...custom, users: [{ id: 'nope' }] } }), 400, { code: 'parameter_invalid', message: /^\/users\/0\/id: Expected string to match/, field: '/users/0/id' })
  assertError(t, await api.request({ method: 'POST', url: '/__mock/reset', payload: { ...custom, teams: [{ id: '9', name: 'T', admin_ids: ['2'] }] } }), 400, { code: 'parameter_invalid', message: '/teams/0/admin_ids/0: no admin has id 2', field: '/teams/0/admin_ids/0' })
  assertError(t, await api.request({ method: 'POST', url: '/__mock/reset', payload: { ...custom, conversations: [{ customers: ['bbbbbbbbbbbbbbbbbbbbbbbb'], source: { author: { type: 'user', id: 'aaaaaaaaaaaaaaaaaaaaaaaa' }, body: 'x' } }] } }), 400, { code: 'parameter_invalid', message: '/conversations/0/customers/0: no contact has id bbbbbbbbbbbbbbbbbbbbbbbb', field: '/conversations/0/customers/0' })
  assertError(t, await api.request({ method: 'POST', url: '/__mock/reset', payload: '[1' as unknown as object, headers: { 'content-type': 'application/json' } }), 400, { code: 'parameter_invalid', message: 'The request body is not valid JSON' })
  t.equal((await api.request({ url: '/users' })).json().total_count, 1, 'a refused reset changes nothing')
})

t.test('reset without a token drops every workspace, and the server-wide journal', async t => {
  const api = await build(t)
  await api.request({ method: 'POST', url: '/messages', payload: hey, token: 'a' })
  await api.request({ method: 'POST', url: '/messages', payload: hey, token: 'b' })
  await api.request({ url: '/admins', token: null })
  t.strictSame((await api.request({ method: 'POST', url: '/__mock/reset', token: null })).json(), { workspace: null, dropped: 2 })
  t.strictSame((await api.request({ url: '/__mock/workspaces', token: null })).json(), { data: [] })
  t.strictSame((await api.request({ url: '/__mock/requests/count', token: null })).json(), { count: 0 })
  t.equal((await api.request({ method: 'POST', url: '/messages', payload: hey, token: 'a' })).json().id, '2001')
})

t.test('reset through the handles, in process and over HTTP: reset(), reset(fixtures), resetAll()', async t => {
  const mock = await listen(t)
  for (const [name, control] of [['in process', mock], ['over HTTP', connectIntercomMock(mock.url)]] as const) {
    const token = `reset-${name}`
    const workspace = control.workspace(token)
    const send = () => fetch(`${mock.url}/messages`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(hey) }).then(async r => await r.json() as { id: string })
    t.equal((await send()).id, '2001', name)
    t.match(await workspace.reset(), { dropped: 1, workspace: { token_hint: 'rese', conversations: 0 } }, name)
    t.equal((await send()).id, '2001', name)
    await workspace.reset({ ...fixtures(), users: [], leads: [], visitors: [] })
    t.equal((await workspace.state()).users?.length, 0, name)
    await t.rejects(workspace.reset({ admins: [] } as never), { name: 'IntercomMockError', status: 400, errors: [{ field: '/admins' }] }, name)
    t.match(await control.resetAll(), { workspace: null }, name)
    t.strictSame(await control.workspaces(), [], name)
  }
})
