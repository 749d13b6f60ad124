import t from 'tap'
import { build, FIXTURE, fixtures, T0 } from '../helper.js'
import { signatureValid, startReceiver } from './receiver.js'

// Webhooks on the control plane's own clock and reset: what a test does over HTTP.

t.test('PUT /__mock/clock {"advance": 60} makes a failed delivery\'s retry due at once', async t => {
  const api = await build(t)
  const receiver = await startReceiver(t, [{ status: 200 }, { status: 500 }])
  const subscription = (await api.request({ method: 'POST', url: '/__mock/webhooks', payload: { url: receiver.url, topics: ['conversation.user.created'] } })).json()
  await api.app.webhooks.idle() // the ping
  t.equal((await api.request({ method: 'POST', url: '/messages', payload: { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Hey' } })).statusCode, 200)
  await receiver.waitFor(2)
  await api.app.webhooks.idle()
  t.equal(receiver.received.length, 2, 'the 500, and nothing yet for its retry 60 s away')
  t.equal((await api.request({ method: 'PUT', url: '/__mock/clock', payload: { advance: 59 } })).statusCode, 200)
  await api.app.webhooks.idle()
  t.equal(receiver.received.length, 2, 'not yet due at 59 s')
  t.equal((await api.request({ method: 'PUT', url: '/__mock/clock', payload: { advance: 1 } })).statusCode, 200)
  const [, first, retry] = await receiver.waitFor(3)
  t.equal(retry?.body.id, first?.body.id, 'the same notification')
  t.equal(retry?.body.delivery_attempts, 2)
  t.ok(retry !== undefined && signatureValid(retry, fixtures().app?.client_secret ?? ''), 'signed with the app\'s client_secret')
  await api.app.webhooks.idle()
  const [entry] = (await api.request({ url: `/__mock/webhooks/${subscription.id}/deliveries?topic=conversation.user.created` })).json().data
  t.same(entry.attempts.map((a: { outcome: string }) => a.outcome), ['retry', 'delivered'])
})

t.test('a snooze the clock wakes notifies conversation.admin.unsnoozed (1.x and 2.x), carrying the timer_unsnooze part', async t => {
  const api = await build(t)
  const receiver = await startReceiver(t)
  for (const api_version of ['1.4', '2.11']) {
    t.equal((await api.request({ method: 'POST', url: '/__mock/webhooks', payload: { url: `${receiver.url}/${api_version}`, topics: ['conversation.admin.unsnoozed'], api_version } })).statusCode, 200)
  }
  await receiver.waitFor(2) // the pings
  const message = (await api.request({ method: 'POST', url: '/messages', payload: { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Hey' } })).json()
  const conversation = (await api.request({ url: `/conversations?type=user&intercom_user_id=${FIXTURE.mal.id}` })).json().conversations[0]
  t.ok(message.id)
  const snooze = await api.request({
    method: 'POST',
    url: `/conversations/${conversation.id}/reply`,
    payload: { type: 'admin', admin_id: FIXTURE.wash.id, message_type: 'snoozed', snoozed_until: T0 + 3600 }
  })
  t.equal(snooze.statusCode, 200)
  t.equal((await api.request({ method: 'PUT', url: '/__mock/clock', payload: { advance: 3600 } })).statusCode, 200)
  const received = await receiver.waitFor(4)
  const woken = received.slice(2).sort((a, b) => a.path.localeCompare(b.path))
  t.same(woken.map(r => [r.path, r.body.topic]), [['/hooks/1.4', 'conversation.admin.unsnoozed'], ['/hooks/2.11', 'conversation.admin.unsnoozed']])
  t.same(woken[0]?.body.data.item.conversation_parts.conversation_parts.map((p: { part_type: string }) => p.part_type), ['timer_unsnooze'])
  t.same(woken[1]?.body.data.item.conversation_parts.conversation_parts.map((p: { part_type: string }) => p.part_type), ['timer_unsnooze'])
  t.equal(woken[1]?.body.data.item.state, 'open')
})

t.test('a reset drops the workspace\'s subscriptions, outbox and log back to its fixtures\'; the state dump lists them', async t => {
  const receiver = await startReceiver(t)
  const api = await build(t, {}, { fixtures: { ...fixtures(), webhooks: [{ url: `${receiver.url}/fixture`, topics: ['contact'] }] } })
  t.equal((await api.request({ method: 'POST', url: '/__mock/webhooks', payload: { url: `${receiver.url}/added`, topics: ['conversation'] } })).statusCode, 200)
  const before = (await api.request({ url: '/__mock/webhooks' })).json().data.map((s: { url: string }) => s.url)
  t.same(before, [`${receiver.url}/fixture`, `${receiver.url}/added`])
  t.match((await api.request({ url: '/__mock/state' })).json().webhooks, [{ url: `${receiver.url}/fixture`, topics: ['contact'] }, { url: `${receiver.url}/added`, topics: ['conversation'] }])
  t.equal((await api.request({ method: 'POST', url: '/__mock/reset' })).statusCode, 200)
  const after = (await api.request({ url: '/__mock/webhooks' })).json().data
  t.same(after.map((s: { url: string }) => s.url), [`${receiver.url}/fixture`])
  t.same((await api.request({ url: `/__mock/webhooks/${after[0].id}/deliveries?topic=contact.created` })).json().data, [], 'a fresh log')
})
