import t from 'tap'
import { validateFixtures } from '../../src/control/fixtures.js'
import { resetWebhooks, webhooksAsFixtures } from '../../src/control/webhooks/index.js'
import { parseApiVersion } from '../../src/versions.js'
import { build, FIXTURE, fixtures, T0 } from '../helper.js'
import { CLIENT_SECRET, signatureValid, startReceiver } from './receiver.js'

t.test('validation errors name the field, in Intercom\'s error.list', async t => {
  const api = await build(t)
  const post = (payload: unknown) => api.request({ method: 'POST', url: '/__mock/webhooks', payload: payload as object })
  const cases: Array<[unknown, string, RegExp]> = [
    [{ url: 'ftp://example.com/hook', topics: ['ping'] }, 'url', /http or https URL/],
    [{ url: 'not a url', topics: ['ping'] }, 'url', /http or https URL/],
    [{ url: 'http://127.0.0.1:1/hook', topics: ['contact.user.created'], api_version: '1.4' }, 'topics[0]', /not a webhook topic of API version 1.4/],
    [{ url: 'http://127.0.0.1:1/hook', topics: ['user.created'], api_version: '2.11' }, 'topics[0]', /not a webhook topic of API version 2.11/],
    [{ url: 'http://127.0.0.1:1/hook', topics: [] }, 'topics', /at least one/],
    [{ url: 'http://127.0.0.1:1/hook', topics: ['ping'], api_version: '3.0' }, 'api_version', /not an Intercom API version/],
    [{ topics: ['ping'] }, 'url', /required/]
  ]
  for (const [payload, field, message] of cases) {
    const res = await post(payload)
    t.equal(res.statusCode, 400, JSON.stringify(payload))
    const body = res.json()
    t.equal(body.type, 'error.list')
    t.match(body.errors[0], { code: 'parameter_invalid', field, message })
  }
  const missing = await api.request({ url: '/__mock/webhooks/nsub_nope' })
  t.equal(missing.statusCode, 404)
  t.match(missing.json().errors[0], { code: 'not_found', message: 'Subscription Not Found' })
  t.equal((await api.request({ url: '/__mock/webhooks', token: null })).statusCode, 400, 'a control call names its workspace')
})

t.test('list, get, delete; subscriptions belong to the token\'s workspace', async t => {
  const api = await build(t)
  const receiver = await startReceiver(t)
  const created = (await api.request({ method: 'POST', url: '/__mock/webhooks', payload: { url: receiver.url, topics: ['conversation'], api_version: '2.11' } })).json()
  t.equal(created.api_version, '2.11')
  t.same((await api.request({ url: '/__mock/webhooks' })).json().data.map((s: any) => s.id), [created.id])
  t.same((await api.request({ url: '/__mock/webhooks', token: 'other' })).json().data, [], 'another token sees none')
  t.equal((await api.request({ url: `/__mock/webhooks/${created.id}`, token: 'other' })).statusCode, 404)
  t.equal((await api.request({ url: `/__mock/webhooks/${created.id}` })).json().id, created.id)
  const deleted = await api.request({ method: 'DELETE', url: `/__mock/webhooks/${created.id}` })
  t.match(deleted.json(), { id: created.id, deleted: true })
  t.equal((await api.request({ url: `/__mock/webhooks/${created.id}` })).statusCode, 404)
  await api.app.webhooks.idle()
})

t.test('ping, trigger and redeliver send now', async t => {
  const api = await build(t)
  const receiver = await startReceiver(t)
  const { id } = (await api.request({ method: 'POST', url: '/__mock/webhooks', payload: { url: receiver.url, topics: ['user.created'] } })).json()
  await api.app.webhooks.idle()
  const ping = await api.request({ method: 'POST', url: `/__mock/webhooks/${id}/ping` })
  t.match(ping.json(), { type: 'webhook_delivery', topic: 'ping', status: 'pending' })
  await api.app.webhooks.idle()
  t.equal(receiver.received.length, 2)

  await api.request({ method: 'POST', url: '/messages', payload: { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Hey' } })
  const conversationId = (await api.request({ url: `/conversations?type=user&intercom_user_id=${FIXTURE.mal.id}` })).json().conversations[0].id
  await api.app.webhooks.idle()
  t.equal(receiver.received.length, 2, 'not subscribed to conversation topics')
  const triggered = await api.request({ method: 'POST', url: `/__mock/webhooks/${id}/trigger`, payload: { topic: 'conversation.user.created', item_id: conversationId } })
  t.equal(triggered.statusCode, 200)
  await api.app.webhooks.idle()
  const sent = receiver.received[2]!
  t.equal(sent.body.topic, 'conversation.user.created')
  t.equal(sent.body.data.item.id, conversationId)
  t.ok(signatureValid(sent, CLIENT_SECRET))

  const userTrigger = await api.request({ method: 'POST', url: `/__mock/webhooks/${id}/trigger`, payload: { topic: 'user.created', item_id: FIXTURE.mal.id } })
  t.equal(userTrigger.statusCode, 200)
  const bad = await api.request({ method: 'POST', url: `/__mock/webhooks/${id}/trigger`, payload: { topic: 'conversation.user.created', item_id: '999' } })
  t.match(bad.json().errors[0], { code: 'parameter_invalid', field: 'item_id' })
  const wrongVersion = await api.request({ method: 'POST', url: `/__mock/webhooks/${id}/trigger`, payload: { topic: 'contact.user.created', item_id: FIXTURE.mal.id } })
  t.match(wrongVersion.json().errors[0], { field: 'topic' })
  await api.app.webhooks.idle()

  const again = await api.request({ method: 'POST', url: `/__mock/webhooks/${id}/deliveries/${sent.body.id}/redeliver` })
  t.match(again.json(), { notification_id: sent.body.id, status: 'pending' })
  await api.app.webhooks.idle()
  const last = receiver.received.at(-1)!
  t.equal(last.body.id, sent.body.id, 'the same notification')
  t.equal(last.body.delivery_attempts, 2)
  t.equal((await api.request({ method: 'POST', url: `/__mock/webhooks/${id}/deliveries/notif_nope/redeliver` })).statusCode, 404)
  const one = await api.request({ url: `/__mock/webhooks/${id}/deliveries/${sent.body.id}` })
  t.equal(one.json().attempts.length, 2)
  const limited = (await api.request({ url: `/__mock/webhooks/${id}/deliveries?limit=2` })).json().data
  t.equal(limited.length, 2)
  t.equal((await api.request({ url: `/__mock/webhooks/${id}/deliveries?status=bogus` })).json().errors[0].field, 'status')
})

t.test('fixture webhooks: every new workspace starts subscribed, signed with app.client_secret', async t => {
  const receiver = await startReceiver(t)
  const seed = { ...fixtures(), app: { ...fixtures().app, client_secret: 'fixture-secret' }, webhooks: [{ url: receiver.url, topics: ['conversation.user.created'], api_version: '2.11' }] }
  const api = await build(t, {}, { fixtures: seed })
  const list = (await api.request({ url: '/__mock/webhooks' })).json().data
  t.match(list, [{ url: receiver.url, topics: ['conversation.user.created'], api_version: '2.11', origin: 'fixtures', created_at: T0 }])
  await api.request({ method: 'POST', url: '/messages', payload: { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Hey' } })
  await api.app.webhooks.idle()
  t.same(receiver.received.map(r => r.body.topic), ['ping', 'conversation.user.created'])
  t.ok(receiver.received.every(r => signatureValid(r, 'fixture-secret')))
})

t.test('the legacy 1.x /subscriptions API: same subscriptions, hub_secret signing, feeds', async t => {
  const api = await build(t)
  const receiver = await startReceiver(t, [{}, { status: 500 }])
  const created = await api.request({ method: 'POST', url: '/subscriptions', version: '1.4', payload: { service_type: 'web', url: receiver.url, topics: ['user'], hub_secret: 'hub' } })
  t.equal(created.statusCode, 200)
  const sub = created.json()
  t.same(Object.keys(sub), ['type', 'id', 'created_at', 'updated_at', 'service_type', 'topics', 'url', 'active', 'hub_secret', 'metadata'])
  t.match(sub, { type: 'notification_subscription', service_type: 'web', topics: ['user'], active: true, hub_secret: 'hub' })
  t.same((await api.request({ url: '/subscriptions', version: '1.4' })).json(), { type: 'notification_subscription.list', items: [sub] })
  t.equal((await api.request({ url: `/__mock/webhooks/${sub.id}` })).json().origin, 'api', 'the control plane sees it')
  await api.app.webhooks.idle()
  t.ok(signatureValid(receiver.received[0]!, 'hub'), 'signed with hub_secret')
  await api.request({ method: 'POST', url: '/users', version: '1.4', payload: { user_id: 'u-1', email: 'u1@example.com' } })
  await api.app.webhooks.idle()
  const errorFeed = (await api.request({ url: `/subscriptions/${sub.id}/error`, version: '1.4' })).json()
  t.equal(errorFeed.type, 'notification.list')
  t.match(errorFeed.notifications[0], { type: 'notification_event', topic: 'user.created', http_request: { request_method: 'POST', request_uri: receiver.url, response_status_code: 500, response_entity: 'ok' } })
  const sentFeed = (await api.request({ url: `/subscriptions/${sub.id}/sent`, version: '1.4' })).json()
  t.same(sentFeed.notifications.map((n: any) => n.topic), ['ping'])
  t.equal((await api.request({ method: 'POST', url: `/subscriptions/${sub.id}/ping`, version: '1.4' })).statusCode, 200)
  await api.app.webhooks.idle()
  t.equal(receiver.received.at(-1)!.body.topic, 'ping')

  const unsigned = (await api.request({ method: 'POST', url: '/subscriptions', version: '1.4', payload: { url: `${receiver.url}/plain`, topics: ['user.created'] } })).json()
  await api.app.webhooks.idle()
  const plain = receiver.received.find(r => r.path === '/hooks/plain')!
  t.equal(plain.headers['x-hub-signature'], undefined, 'no hub_secret: unsigned')
  t.equal((await api.request({ method: 'DELETE', url: `/subscriptions/${unsigned.id}`, version: '1.4' })).json().id, unsigned.id)
  t.equal((await api.request({ url: `/subscriptions/${unsigned.id}`, version: '1.4' })).statusCode, 404)
  const v2 = await api.request({ url: '/subscriptions', version: '2.11' })
  t.equal(v2.statusCode, 400)
  t.equal(v2.json().errors[0].code, 'intercom_version_invalid')
})

t.test('reset and dump, for the control plane: back to the fixtures\' subscriptions; subscriptions in fixture format', async t => {
  const receiver = await startReceiver(t)
  const seed = { ...fixtures(), webhooks: [{ url: `${receiver.url}/fixture`, topics: ['conversation'] }] }
  const api = await build(t, {}, { fixtures: seed })
  await api.request({ method: 'POST', url: '/__mock/webhooks', payload: { url: `${receiver.url}/extra`, topics: ['user'], api_version: '1.2', iso_person_times: false } })
  await api.request({ method: 'POST', url: '/messages', payload: { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Hey' } })
  await api.app.webhooks.idle()
  const ctx = api.ctxFor()
  const dump = webhooksAsFixtures(ctx)
  t.same(dump, [
    { url: `${receiver.url}/fixture`, topics: ['conversation'], api_version: '1.4' },
    { url: `${receiver.url}/extra`, topics: ['user'], api_version: '1.2', iso_person_times: false }
  ])
  t.doesNotThrow(() => validateFixtures('dump', { ...seed, webhooks: dump }), 'the dump is valid fixtures')
  const before = (await api.request({ url: '/__mock/webhooks' })).json().data
  ctx.store.transaction(() => resetWebhooks(ctx, seed, parseApiVersion('1.4')!))
  const after = (await api.request({ url: '/__mock/webhooks' })).json().data
  t.equal(after.length, 1)
  t.equal(after[0].url, `${receiver.url}/fixture`)
  t.not(after[0].id, before[0].id, 'a new subscription')
  const log = (await api.request({ url: `/__mock/webhooks/${after[0].id}/deliveries` })).json().data
  t.same(log.map((d: any) => d.topic), ['ping'], 'the old log is gone; the new subscription pinged')
  await api.app.webhooks.idle()
})

t.test('fixture webhooks are checked when the fixtures load', async t => {
  const bad = { ...fixtures(), webhooks: [{ url: 'http://127.0.0.1:9/hooks', topics: ['conversation', 'user.created'], api_version: '2.11' }] }
  t.throws(() => validateFixtures('mine.json', bad), { message: 'mine.json: /webhooks/0/topics/1: user.created is not a webhook topic of API version 2.11' })
  t.throws(() => validateFixtures('mine.json', { ...fixtures(), webhooks: [{ url: 'ftp://x', topics: ['ping'] }] }), { message: /^mine.json: \/webhooks\/0\/url: .*http or https URL/ })
  t.doesNotThrow(() => validateFixtures('mine.json', { ...fixtures(), webhooks: [{ url: 'http://127.0.0.1:9/hooks', topics: ['contact.user.created'] }] }))
})
