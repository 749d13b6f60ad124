import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { buildApp } from '../../src/app.js'
import { defaultConfig } from '../../src/config.js'
import { connectIntercomMock } from '../../src/control/client/connect.js'
import { IntercomMockError } from '../../src/control/client/requester.js'
import { fixedClock } from '../../src/domain/clock.js'
import { inProcessControl } from '../../src/server.js'
import { openStore } from '../../src/store/index.js'
import { assertError, build, fixtures, FIXTURE, listen, T0 } from '../helper.js'

const admin = { type: 'admin', admin_id: FIXTURE.wash.id }

t.test('GET /__mock/clock answers the workspace\'s time and mode; PUT freezes, advances and frees it', async t => {
  const api = await build(t)
  const clock = async (payload?: object) => (await api.request({ method: payload === undefined ? 'GET' : 'PUT', url: '/__mock/clock', payload })).json()
  t.strictSame(await clock(), { now: T0, mode: 'real' })
  t.strictSame(await clock({ frozen_at: T0 + 1000 }), { now: T0 + 1000, mode: 'frozen' })
  api.clock.advance(50)
  t.strictSame(await clock(), { now: T0 + 1000, mode: 'frozen' }, 'a frozen clock stands still')
  t.strictSame(await clock({ advance: 60 }), { now: T0 + 1060, mode: 'frozen' }, 'advancing a frozen clock keeps it frozen')
  t.strictSame(await clock({ real: true }), { now: T0 + 50, mode: 'real' })
  t.strictSame(await clock({ advance: 3600 }), { now: T0 + 3650, mode: 'offset' }, 'advancing a real clock reports offset')
  api.clock.advance(10)
  t.strictSame(await clock(), { now: T0 + 3660, mode: 'offset' }, 'an offset clock runs')
  t.strictSame(await clock({ advance: 40 }), { now: T0 + 3700, mode: 'offset' })
})

t.test('every time the API writes is the workspace\'s, and other workspaces keep theirs', async t => {
  const api = await build(t)
  await api.request({ method: 'PUT', url: '/__mock/clock', payload: { frozen_at: 1600000000 }, token: 'frozen' })
  const frozen = (await api.request({ method: 'POST', url: '/messages', token: 'frozen', payload: { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Hi' } })).json()
  const real = (await api.request({ method: 'POST', url: '/messages', token: 'real', payload: { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Hi' } })).json()
  t.equal(frozen.created_at, 1600000000)
  t.equal(real.created_at, T0)
  const conversation = (await api.request({ url: '/conversations/1000000001', token: 'frozen' })).json()
  t.match(conversation, { created_at: 1600000000, updated_at: 1600000000, waiting_since: 1600000000 })
})

t.test('a snooze wakes when an advance passes it: open again with a timer_unsnooze part, listed as open', async t => {
  const api = await build(t)
  await api.request({ method: 'POST', url: '/messages', payload: { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Hi' } })
  const snoozed = await api.request({ method: 'POST', url: '/conversations/1000000001/reply', payload: { ...admin, message_type: 'snoozed', snoozed_until: T0 + 3600 } })
  t.equal(snoozed.json().state, 'snoozed')
  t.strictSame((await api.request({ method: 'PUT', url: '/__mock/clock', payload: { advance: 3599 } })).json(), { now: T0 + 3599, mode: 'offset' })
  t.equal((await api.request({ url: '/conversations/1000000001' })).json().state, 'snoozed', 'not yet')
  await api.request({ method: 'PUT', url: '/__mock/clock', payload: { advance: 7200 } })
  const woken = (await api.request({ url: '/conversations/1000000001' })).json()
  t.match(woken, { state: 'open', open: true, snoozed_until: null, updated_at: T0 + 3600 })
  const parts = woken.conversation_parts.conversation_parts
  t.match(parts.at(-1), { part_type: 'timer_unsnooze', created_at: T0 + 3600, author: { type: 'admin', id: FIXTURE.wash.id }, body: null })
  const open = (await api.request({ url: `/conversations?type=user&intercom_user_id=${FIXTURE.mal.id}&open=true` })).json()
  t.match(open.conversations, [{ id: '1000000001', state: 'open' }])

  const v2 = (await api.request({ url: '/conversations/1000000001', version: '2.11' })).json()
  t.match(v2.conversation_parts.conversation_parts.at(-1), { part_type: 'timer_unsnooze', author: { type: 'admin', id: FIXTURE.wash.id } })
  t.equal(v2.state, 'open')
})

t.test('a snooze wakes by real time too, on the next request that reads the workspace', async t => {
  const api = await build(t)
  await api.request({ method: 'POST', url: '/messages', payload: { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Hi' } })
  await api.request({ method: 'POST', url: '/conversations/1000000001/reply', payload: { ...admin, message_type: 'snoozed', snoozed_until: T0 + 60 } })
  api.clock.advance(61)
  t.match((await api.request({ url: '/conversations/1000000001' })).json(), { state: 'open', updated_at: T0 + 60 })
})

t.test('a snooze another process writes on the same file wakes here too, though this one had found none due', async t => {
  const path = join(mkdtempSync(join(tmpdir(), 'intercom-mock-snooze-')), 'db.sqlite')
  const here = await build(t, {}, { store: openStore(path) })
  const there = await build(t, {}, { store: openStore(path) })
  await here.request({ method: 'POST', url: '/messages', payload: { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Hi' } })
  t.equal((await here.request({ url: '/conversations/1000000001' })).json().state, 'open', 'none snoozed: nothing is due')
  const snoozed = await there.request({ method: 'POST', url: '/conversations/1000000001/reply', payload: { ...admin, message_type: 'snoozed', snoozed_until: T0 + 60 } })
  t.equal(snoozed.json().state, 'snoozed')
  t.equal((await here.request({ url: '/conversations/1000000001' })).json().state, 'snoozed', 'seen here, not yet due')
  here.clock.advance(61)
  t.match((await here.request({ url: '/conversations/1000000001' })).json(), { state: 'open', updated_at: T0 + 60 })
})

t.test('a wake rolled back with its transaction leaves the snooze to wake again', async t => {
  const api = await build(t)
  await api.request({ method: 'POST', url: '/messages', payload: { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Hi' } })
  await api.request({ method: 'POST', url: '/conversations/1000000001/reply', payload: { ...admin, message_type: 'snoozed', snoozed_until: T0 + 60 } })
  const { store } = api.ctxFor()
  t.throws(() => store.transaction(() => {
    const [due] = store.conversations.dueSnoozes(T0 + 61)
    if (due === undefined) throw new Error('nothing due')
    store.conversations.update({ ...due, state: 'open', snoozedUntil: null })
    t.strictSame(store.conversations.dueSnoozes(T0 + 61), [], 'woken inside the transaction')
    throw new Error('the request failed')
  }), /the request failed/)
  t.match(store.conversations.dueSnoozes(T0 + 61), [{ id: '1000000001', state: 'snoozed', snoozedUntil: T0 + 60 }], 'due again once rolled back')
})

t.test('clock listeners hear every change of their workspace\'s clock (what webhook retries and rate limits follow)', async t => {
  const api = await build(t)
  const workspace = api.app.control.workspace('listened')
  const heard: number[] = []
  const stop = api.app.control.workspaces.events.onClockChange(workspace.id, now => heard.push(now))
  await api.request({ method: 'PUT', url: '/__mock/clock', payload: { frozen_at: T0 + 5 }, token: 'listened' })
  await api.request({ method: 'PUT', url: '/__mock/clock', payload: { advance: 10 }, token: 'listened' })
  await api.request({ method: 'PUT', url: '/__mock/clock', payload: { advance: 10 }, token: 'someone-else' })
  stop()
  await api.request({ method: 'PUT', url: '/__mock/clock', payload: { real: true }, token: 'listened' })
  t.strictSame(heard, [T0 + 5, T0 + 15])
})

t.test('a workspace\'s clock survives a restart on a database file', async t => {
  const dbPath = join(mkdtempSync(join(tmpdir(), 'intercom-mock-clock-')), 'state.sqlite')
  const open = async () => {
    const app = buildApp(defaultConfig({ dbPath, logLevel: 'silent' }), { fixtures: fixtures(), clock: fixedClock(T0) })
    await app.ready()
    return app
  }
  const first = await open()
  await first.inject({ method: 'PUT', url: '/__mock/clock', headers: { authorization: 'Bearer kept' }, payload: { frozen_at: 1500000000 } })
  await first.close()
  const second = await open()
  t.teardown(() => second.close())
  t.strictSame((await second.inject({ url: '/__mock/clock', headers: { authorization: 'Bearer kept' } })).json(), { now: 1500000000, mode: 'frozen' })
})

t.test('PUT /__mock/clock errors: 400 naming the field, 400 without a token', async t => {
  const api = await build(t)
  const put = (payload: unknown, token: string | null = 'test-token') => api.request({ method: 'PUT', url: '/__mock/clock', payload: payload as object, token })
  assertError(t, await put({}), 400, { code: 'parameter_invalid', message: 'Send one of frozen_at (unix seconds), advance (seconds) or real (true)', field: 'frozen_at' })
  assertError(t, await put({ frozen_at: T0, advance: 5 }), 400, { code: 'parameter_invalid', message: 'Send only one of frozen_at, advance and real, not frozen_at and advance', field: 'advance' })
  assertError(t, await put({ real: false }), 400, { code: 'parameter_invalid', message: 'real must be true: send frozen_at or advance to stop or move the clock', field: 'real' })
  assertError(t, await put({ advance: -5 }), 400, { code: 'parameter_invalid', message: /advance/, field: 'advance' })
  assertError(t, await put({ frozen_at: 'soon' }), 400, { code: 'parameter_invalid', message: /frozen_at/, field: 'frozen_at' })
  assertError(t, await put({ tick: 1 }), 400, { code: 'parameter_invalid', message: 'Send one of frozen_at (unix seconds), advance (seconds) or real (true)', field: 'frozen_at' })
  assertError(t, await put({ advance: 5 }, null), 400, { code: 'parameter_not_found', message: 'This control call acts on one workspace: name it with its access token (Authorization: Bearer <token>)' })
  assertError(t, await api.request({ url: '/__mock/clock', token: null }), 400, { code: 'parameter_not_found', message: /acts on one workspace/ })
})

t.test('the clock handle, in process and over HTTP (connectIntercomMock), drives the same routes', async t => {
  const mock = await listen(t)
  for (const [name, handle] of [['in process', mock.workspace('handle')], ['over HTTP', connectIntercomMock(mock.url).workspace('remote')]] as const) {
    t.equal(await handle.clock.now(), T0, name)
    t.strictSame(await handle.clock.freeze(T0 + 100), { now: T0 + 100, mode: 'frozen' }, name)
    t.strictSame(await handle.clock.advance(20), { now: T0 + 120, mode: 'frozen' }, name)
    t.strictSame(await handle.clock.real(), { now: T0, mode: 'real' }, name)
    t.strictSame(await handle.clock.advance(5), { now: T0 + 5, mode: 'offset' }, name)
    t.strictSame(await handle.clock.freeze(), { now: T0 + 5, mode: 'frozen' }, `${name}: freeze() stops the clock where it is`)
    const error = await handle.clock.advance(-1).catch((e: unknown) => e)
    t.type(error, IntercomMockError, name)
    t.match(error, { status: 400, errors: [{ code: 'parameter_invalid', field: 'advance' }] }, name)
  }
  t.equal((await inProcessControl(mock.app, null).workspace('remote').clock.state()).mode, 'frozen', 'both saw one workspace')
})
