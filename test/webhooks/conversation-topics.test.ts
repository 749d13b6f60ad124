import t from 'tap'
import { build, FIXTURE, T0, type TestApp } from '../helper.js'
import { CLIENT_SECRET, ENVELOPE_KEYS, signatureValid, startReceiver, type Received } from './receiver.js'

async function subscribe (api: TestApp, url: string, topics: string[], apiVersion: string): Promise<string> {
  const res = await api.request({ method: 'POST', url: '/__mock/webhooks', payload: { url, topics, api_version: apiVersion } })
  if (res.statusCode !== 200) throw new Error(res.body)
  return res.json().id
}

t.test('a user message notifies conversation.user.created, signed, in each subscription\'s version', async t => {
  const api = await build(t)
  const receiver = await startReceiver(t)
  await subscribe(api, `${receiver.url}/v1`, ['conversation.user.created'], '1.4')
  await subscribe(api, `${receiver.url}/v2`, ['conversation'], '2.11')
  const pings = await receiver.waitFor(2)
  t.same(pings.map(p => p.body.topic), ['ping', 'ping'])
  const res = await api.request({ method: 'POST', url: '/messages', version: '2.11', payload: { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Hey' } })
  t.equal(res.statusCode, 200)
  const [, , a, b] = await receiver.waitFor(4)
  const byPath = new Map<string, Received>([[a!.path, a!], [b!.path, b!]])
  const v1 = byPath.get('/hooks/v1')!
  const v2 = byPath.get('/hooks/v2')!
  for (const r of [v1, v2]) {
    t.ok(signatureValid(r, CLIENT_SECRET), 'signed with the client secret')
    t.same(Object.keys(r.body), ENVELOPE_KEYS)
    t.equal(r.body.topic, 'conversation.user.created')
    t.equal(r.headers['user-agent'], 'intercom-parrot-service-client/1.0')
    t.equal(r.headers['content-type'], 'application/json')
    t.equal(r.headers.accept, 'application/json')
    t.match(r.body.id, /^notif_[0-9a-f-]{36}$/)
    t.equal(r.body.created_at, T0)
    t.equal(r.body.first_sent_at, T0)
    t.equal(r.body.delivery_attempts, 1)
  }
  t.ok(v1.body.data.item.conversation_message, '1.x item')
  t.equal(v1.body.data.item.user.id, FIXTURE.mal.id)
  t.same(v1.body.data.item.conversation_parts.conversation_parts, [])
  t.ok(v2.body.data.item.source, '2.x item')
  t.same(v2.body.data.item.conversation_parts.conversation_parts, [])
})

t.test('2.15+ subscriptions get plain-text bodies, as Intercom\'s webhooks send them', async t => {
  const api = await build(t)
  const receiver = await startReceiver(t)
  await subscribe(api, receiver.url, ['conversation.admin.replied'], '2.15')
  await api.request({ method: 'POST', url: '/messages', payload: { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Hey' } })
  const conversationId = (await api.request({ url: `/conversations?type=user&intercom_user_id=${FIXTURE.mal.id}` })).json().conversations[0].id
  await api.request({ method: 'POST', url: `/conversations/${conversationId}/reply`, payload: { type: 'admin', admin_id: FIXTURE.wash.id, message_type: 'comment', body: '<p>On its <b>way</b></p>' } })
  await api.app.webhooks.idle()
  const item = receiver.received.find(r => r.body.topic === 'conversation.admin.replied')!.body.data.item
  t.equal(item.source.body, 'Hey')
  t.equal(item.conversation_parts.conversation_parts[0].body, 'On its way')
})
