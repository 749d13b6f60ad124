import { createServer, type AddressInfo } from 'node:net'
import t, { type Test } from 'tap'
import { hubSignature, notificationBody } from '../../src/control/webhooks/index.js'
import { build, FIXTURE, T0, type TestApp } from '../helper.js'
import { CLIENT_SECRET, signatureValid, startReceiver, type Answer } from './receiver.js'

t.test('the reference test vector', async t => {
  const body = notificationBody({
    appId: 'abc12345', id: 'notif_00000000-0000-4000-8000-000000000000', topic: 'ping', item: '{"type":"ping","message":"hello"}',
    deliveryAttempts: 1, firstSentAt: 1700000000, createdAt: 1700000000
  })
  t.equal(Buffer.byteLength(body), 338)
  t.equal(hubSignature('test_client_secret', body), 'sha1=332f65b86efb83849335131e29ac0e8a5958edae')
})

async function setUp (t: Test, answers: Answer[], deps: { webhookTimeoutMs?: number } = {}) {
  const api = await build(t, {}, deps)
  const receiver = await startReceiver(t, answers)
  const res = await api.request({ method: 'POST', url: '/__mock/webhooks', payload: { url: receiver.url, topics: ['conversation.user.created'] } })
  t.equal(res.statusCode, 200)
  const subscription = res.json()
  await api.app.webhooks.idle() // the ping
  const message = async () => {
    const sent = await api.request({ method: 'POST', url: '/messages', payload: { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Hey' } })
    t.equal(sent.statusCode, 200)
    await api.app.webhooks.idle()
  }
  const log = async (query = '') => (await api.request({ url: `/__mock/webhooks/${subscription.id}/deliveries${query}` })).json().data
  const advance = async (api: TestApp, seconds: number) => {
    api.clock.advance(seconds)
    api.app.webhooks.wake()
    await api.app.webhooks.idle()
  }
  return { api, receiver, subscription, message, log, advance: (s: number) => advance(api, s) }
}

t.test('a subscription answers its object, pings, and logs every attempt', async t => {
  const { subscription, receiver, log } = await setUp(t, [])
  t.match(subscription, {
    type: 'notification_subscription', id: /^nsub_[0-9a-f-]{36}$/, created_at: T0, updated_at: T0, service_type: 'web',
    topics: ['conversation.user.created'], url: receiver.url, active: true, hub_secret: null, api_version: '1.4', state: 'active'
  })
  t.equal(receiver.received.length, 1)
  t.same(receiver.received[0]!.body.data.item, { type: 'ping', message: "shipping is your company's heartbeat" })
  const [entry] = await log()
  t.match(entry, { type: 'webhook_delivery', topic: 'ping', status: 'sent', delivery_attempts: 1, first_sent_at: T0, delivered_at: T0, next_attempt_at: null })
  t.equal(entry.attempts.length, 1)
  t.match(entry.attempts[0], { attempt: 1, outcome: 'delivered', request: { method: 'POST', url: receiver.url }, response: { status: 200, body: 'ok' }, error: null })
  t.equal(entry.attempts[0].request.body, receiver.received[0]!.raw, 'the log holds the exact bytes sent')
  t.equal(entry.attempts[0].request.headers['X-Hub-Signature'], receiver.received[0]!.headers['x-hub-signature'])
})

t.test('a 5xx is retried once 60 s later on the workspace clock, same id, then fails', async t => {
  const { receiver, message, log, advance } = await setUp(t, [{}, { status: 500 }, { status: 503 }])
  await message()
  t.equal(receiver.received.length, 2)
  let [entry] = await log('?topic=conversation.user.created')
  t.match(entry, { status: 'pending', delivery_attempts: 1, next_attempt_at: T0 + 60, failure: 'the endpoint answered 500' })
  await advance(59)
  t.equal(receiver.received.length, 2, 'not before 60 s')
  await advance(1)
  t.equal(receiver.received.length, 3)
  const [first, retry] = [receiver.received[1]!.body, receiver.received[2]!.body]
  t.equal(retry.id, first.id, 'the notification keeps its id')
  t.equal(retry.delivery_attempts, 2)
  t.equal(retry.first_sent_at, T0)
  t.ok(signatureValid(receiver.received[2]!, CLIENT_SECRET))
  ;[entry] = await log('?status=failed')
  t.match(entry, { status: 'failed', delivery_attempts: 2, failure: 'the endpoint answered 503' })
  t.same(entry.attempts.map((a: any) => a.outcome), ['retry', 'failed'])
  await advance(600)
  t.equal(receiver.received.length, 3, 'no third attempt')
})

t.test('a retry that succeeds is sent', async t => {
  const { receiver, message, log, advance } = await setUp(t, [{}, { status: 404 }])
  await message()
  await advance(60)
  t.equal(receiver.received.length, 3)
  const [entry] = await log('?status=sent&topic=conversation.user.created')
  t.match(entry, { status: 'sent', delivery_attempts: 2, delivered_at: T0 + 60 })
})

t.test('410 makes the subscription inactive: nothing more is sent', async t => {
  const { api, receiver, subscription, message, log } = await setUp(t, [{}, { status: 410 }])
  await message()
  const got = (await api.request({ url: `/__mock/webhooks/${subscription.id}` })).json()
  t.match(got, { active: false, state: 'inactive' })
  await message()
  t.equal(receiver.received.length, 2)
  const entries = await log()
  t.match(entries[0], { status: 'failed', failure: 'the endpoint answered 410 Gone' })
})

t.test('no answer within the timeout is a failure, retried once', async t => {
  const { receiver, message, log, advance } = await setUp(t, [{}, { delayMs: 1000 }], { webhookTimeoutMs: 200 })
  await message()
  const [entry] = await log()
  t.match(entry, { status: 'pending', failure: 'no answer within 200 ms' })
  t.equal(entry.attempts[0].response, null)
  t.equal(entry.attempts[0].error, 'no answer within 200 ms')
  await advance(60)
  t.equal(receiver.received.length, 3)
  t.match((await log())[0], { status: 'sent', delivery_attempts: 2 })
})

t.test('the default timeout is Intercom\'s 5 s', async t => {
  const { message, log } = await setUp(t, [{}, { delayMs: 6000 }])
  const started = Date.now()
  await message()
  const elapsed = Date.now() - started
  t.ok(elapsed >= 4900 && elapsed < 6000, `gave up after ${elapsed} ms`)
  t.match((await log())[0], { status: 'pending', failure: 'no answer within 5000 ms' })
})

t.test('429 throttles the subscription: 60 s, then doubling, and the retry budget is not spent', async t => {
  const { api, receiver, subscription, message, log, advance } = await setUp(t, [{}, { status: 429 }, { status: 429 }, { status: 500 }])
  await message()
  let got = (await api.request({ url: `/__mock/webhooks/${subscription.id}` })).json()
  t.match(got, { state: 'throttled', throttled_until: T0 + 60 })
  await message() // a second notification waits behind the throttle
  t.equal(receiver.received.length, 2)
  await advance(60)
  t.equal(receiver.received.length, 3)
  got = (await api.request({ url: `/__mock/webhooks/${subscription.id}` })).json()
  t.match(got, { state: 'throttled', throttled_until: T0 + 60 + 120 })
  await advance(119)
  t.equal(receiver.received.length, 3)
  await advance(1)
  t.equal(receiver.received.length, 5, 'the first answered 500 (its one retry now 60 s away); the second, waiting behind the throttle, went next')
  const [second, first] = await log('?topic=conversation.user.created')
  t.match(first, { status: 'pending', delivery_attempts: 3, next_attempt_at: T0 + 240 })
  t.match(second, { status: 'sent', delivery_attempts: 1 })
  t.same(receiver.received.slice(1).map(r => r.body.id), [first.notification_id, first.notification_id, first.notification_id, second.notification_id])
  await advance(60)
  t.equal(receiver.received.length, 6)
  t.match((await log('?topic=conversation.user.created'))[1], { status: 'sent', delivery_attempts: 4 })
  t.equal(receiver.received[5]!.body.delivery_attempts, 4)
})

t.test('throttled for more than 2 hours: dropped', async t => {
  const answers: Answer[] = [{}, ...Array.from({ length: 10 }, () => ({ status: 429 }))]
  const { receiver, message, log, advance } = await setUp(t, answers)
  await message()
  for (const step of [60, 120, 240, 480, 960, 1920, 3840]) await advance(step)
  const [entry] = await log('?topic=conversation.user.created')
  t.match(entry, { status: 'failed', failure: /held back by throttling/ })
  t.ok(receiver.received.length <= 8)
})

t.test('a failed (rolled-back) request notifies nothing', async t => {
  const { api, receiver, log } = await setUp(t, [])
  const res = await api.request({ method: 'POST', url: '/messages', payload: { from: { type: 'user', id: '000000000000000000000000' }, body: 'Hey' } })
  t.equal(res.statusCode, 404)
  await api.app.webhooks.idle()
  t.equal(receiver.received.length, 1, 'only the ping')
  t.equal((await log()).length, 1)
  const count = api.store.forWorkspace(api.ctxFor().workspace.id).webhooks.notifications((await log())[0].subscription_id, { limit: 100 }).length
  t.equal(count, 1, 'no outbox row')
})

t.test('the API answer never waits for the endpoint', async t => {
  const { api, receiver } = await setUp(t, [{}, { delayMs: 1500 }])
  const started = Date.now()
  const res = await api.request({ method: 'POST', url: '/messages', payload: { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Hey' } })
  t.equal(res.statusCode, 200)
  t.ok(Date.now() - started < 1000, 'answered before the endpoint did')
  await receiver.waitFor(2)
  await api.app.webhooks.idle()
})

t.test('deliveries are sent one at a time per subscription, in event order', async t => {
  const { api, receiver } = await setUp(t, [{}, { delayMs: 200 }, { delayMs: 0 }, { delayMs: 0 }])
  for (let i = 0; i < 3; i++) {
    await api.request({ method: 'POST', url: '/messages', payload: { from: { type: 'user', id: FIXTURE.mal.id }, body: `Message ${i}` } })
  }
  await api.app.webhooks.idle()
  const bodies = receiver.received.slice(1).map(r => r.body.data.item.conversation_message.body)
  t.same(bodies, ['<p>Message 0</p>', '<p>Message 1</p>', '<p>Message 2</p>'])
})

t.test('a refused connection is a failure, retried once', async t => {
  const api = await build(t)
  const spare = createServer()
  await new Promise<void>(resolve => spare.listen(0, '127.0.0.1', resolve))
  const port = (spare.address() as AddressInfo).port
  await new Promise(resolve => spare.close(resolve))
  const closed = `http://127.0.0.1:${port}/hooks`
  const { id } = (await api.request({ method: 'POST', url: '/__mock/webhooks', payload: { url: closed, topics: ['conversation'] } })).json()
  await api.app.webhooks.idle()
  const [entry] = (await api.request({ url: `/__mock/webhooks/${id}/deliveries` })).json().data
  t.match(entry, { topic: 'ping', status: 'pending', next_attempt_at: T0 + 60, failure: /ECONNREFUSED/ })
  t.match(entry.attempts[0], { outcome: 'retry', response: null, error: /ECONNREFUSED/ })
})

t.test('more than 1000 errors in a row within 15 minutes pause the subscription for 15 minutes', async t => {
  const { api, receiver, subscription, message, log, advance } = await setUp(t, [{}, { status: 500 }])
  const webhooks = api.ctxFor().store.webhooks
  webhooks.updateSubscription({ ...webhooks.findSubscription(subscription.id)!, errorStreak: 1000, errorStreakSince: T0 })
  await message()
  t.match((await api.request({ url: `/__mock/webhooks/${subscription.id}` })).json(), { state: 'paused', paused_until: T0 + 900 })
  await message()
  t.equal((await log('?topic=conversation.user.created')).length, 1, 'what happens during the pause is dropped')
  await advance(60)
  t.equal(receiver.received.length, 2, 'the retry waits for the pause to end')
  await advance(840)
  t.equal(receiver.received.length, 3)
  t.match((await api.request({ url: `/__mock/webhooks/${subscription.id}` })).json(), { state: 'active' })
})

t.test('failing for more than 7 days suspends the subscription until it is set live', async t => {
  const { api, receiver, subscription, message, advance } = await setUp(t, [{}, { status: 500 }])
  const webhooks = api.ctxFor().store.webhooks
  webhooks.updateSubscription({ ...webhooks.findSubscription(subscription.id)!, errorStreak: 3, errorStreakSince: T0 - 8 * 86400 })
  await message()
  t.match((await api.request({ url: `/__mock/webhooks/${subscription.id}` })).json(), { state: 'suspended' })
  await advance(60)
  t.equal(receiver.received.length, 2, 'nothing is sent while suspended')
  const live = await api.request({ method: 'POST', url: `/__mock/webhooks/${subscription.id}/live` })
  t.match(live.json(), { state: 'active' })
  await api.app.webhooks.idle()
  t.equal(receiver.received.length, 3, 'the held notification goes out')
  t.equal(receiver.received[2]!.body.delivery_attempts, 2)
})

t.test('app_id is the app id_code of GET /me; person times can be unix seconds', async t => {
  const api = await build(t)
  const receiver = await startReceiver(t)
  await api.request({ method: 'POST', url: '/__mock/webhooks', payload: { url: receiver.url, topics: ['user.created'], iso_person_times: false } })
  await api.request({ method: 'POST', url: '/users', payload: { user_id: 'u-9', email: 'u9@example.com' } })
  await api.app.webhooks.idle()
  const me = (await api.request({ url: '/me' })).json()
  const [ping, created] = receiver.received
  t.equal(ping!.body.app_id, me.app.id_code)
  t.equal(created!.body.data.item.created_at, T0)
})

t.test('faults on demand: duplicates, newest first, late', async t => {
  const api = await build(t)
  const receiver = await startReceiver(t)
  const subscribe = async (path: string, faults: Record<string, unknown>) =>
    (await api.request({ method: 'POST', url: '/__mock/webhooks', payload: { url: `${receiver.url}/${path}`, topics: ['conversation.user.created'], faults } })).json()
  const twice = await subscribe('twice', { duplicate: true })
  t.same(twice.faults, { duplicate: true })
  await api.app.webhooks.idle()
  const late = await subscribe('late', { delay_seconds: 30 })
  await api.app.webhooks.idle()
  const message = async (body: string) => {
    await api.request({ method: 'POST', url: '/messages', payload: { from: { type: 'user', id: FIXTURE.mal.id }, body } })
  }
  await message('one')
  await api.app.webhooks.idle()
  const atTwice = receiver.received.filter(r => r.path === '/hooks/twice' && r.body.topic !== 'ping')
  t.equal(atTwice.length, 2, 'sent twice')
  t.equal(atTwice[0]!.raw, atTwice[1]!.raw, 'the same bytes, the same id')
  const [entry] = (await api.request({ url: `/__mock/webhooks/${twice.id}/deliveries?topic=conversation.user.created` })).json().data
  t.same(entry.attempts.map((a: any) => a.outcome), ['delivered', 'duplicate'])
  t.equal(receiver.received.filter(r => r.path === '/hooks/late' && r.body.topic !== 'ping').length, 0, 'not yet')
  api.clock.advance(30)
  api.app.webhooks.wake()
  await api.app.webhooks.idle()
  t.equal(receiver.received.filter(r => r.path === '/hooks/late' && r.body.topic !== 'ping').length, 1, '30 s later on the workspace clock')
  await api.request({ method: 'DELETE', url: `/__mock/webhooks/${twice.id}` })
  await api.request({ method: 'DELETE', url: `/__mock/webhooks/${late.id}` })

  await subscribe('reordered', { reorder: true, delay_seconds: 10 })
  await api.app.webhooks.idle()
  await message('first')
  await message('second')
  api.clock.advance(10)
  api.app.webhooks.wake()
  await api.app.webhooks.idle()
  const bodies = receiver.received.filter(r => r.path === '/hooks/reordered' && r.body.topic !== 'ping').map(r => r.body.data.item.conversation_message.body)
  t.same(bodies, ['<p>second</p>', '<p>first</p>'], 'newest first')
  t.match((await api.request({ method: 'POST', url: '/__mock/webhooks', payload: { url: receiver.url, topics: ['ping'], faults: { delay_seconds: -1 } } })).json().errors[0], { field: 'faults.delay_seconds' })
})

t.test('closing the app does not wait for a slow endpoint', async t => {
  const { api, receiver } = await setUp(t, [{}, { delayMs: 3000 }])
  await api.request({ method: 'POST', url: '/messages', payload: { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Hey' } })
  await receiver.waitFor(2)
  const started = Date.now()
  await api.app.close()
  t.ok(Date.now() - started < 1000, 'closed at once (what was in flight is sent again on the next start)')
  t.equal(api.store.ping(), false, 'the store is closed')
})
