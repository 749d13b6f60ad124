import t from 'tap'
import { IntercomClient } from 'intercom-client-v7'
import { httpRequester } from '../../src/control/client/requester.js'
import { webhooksClient } from '../../src/control/client/webhooks.js'
import { fixedClock } from '../../src/domain/clock.js'
import { startIntercomMock } from '../../src/server.js'
import { FIXTURE, T0 } from '../helper.js'
import { CLIENT_SECRET, signatureValid, startReceiver } from './receiver.js'

/** The requester `connectIntercomMock` uses: fetch against a listening mock, with the workspace's token. */
const fetchRequester = (baseUrl: string, token: string) => httpRequester(baseUrl, { token })

t.test('the in-process webhooks handle against a listening mock', async t => {
  const mock = await startIntercomMock({ dbPath: ':memory:', logLevel: 'silent', clock: fixedClock(T0) })
  t.teardown(() => mock.close())
  const receiver = await startReceiver(t)
  const webhooks = webhooksClient(fetchRequester(mock.url, 'handle'))
  const subscription = await webhooks.subscribe({ url: receiver.url, topics: ['conversation.user.created'], apiVersion: '2.11' })
  t.match(subscription, { id: /^nsub_/, api_version: '2.11', topics: ['conversation.user.created'] })
  t.same((await webhooks.list()).map(s => s.id), [subscription.id])
  const ping = await webhooks.waitForDelivery({ topic: 'ping' })
  t.equal(ping.notification.topic, 'ping')

  const waiting = webhooks.waitForDelivery({ topic: 'conversation.user.created', timeoutMs: 5000 })
  // A 2.x SDK makes the change; the subscription renders it in its own 2.11.
  const intercom = new IntercomClient({ token: 'handle', baseUrl: mock.url })
  const message = await intercom.conversations.create({ from: { type: 'user', id: FIXTURE.mal.id }, body: 'Hey' })
  const delivery = await waiting
  t.equal((delivery.notification.data.item as { id: string }).id, message.conversation_id)
  t.equal(delivery.status, 'sent')
  t.equal((delivery.notification.data.item as { type: string }).type, 'conversation')
  const got = receiver.received.find(r => r.body.id === delivery.notification_id)
  t.ok(got !== undefined && signatureValid(got, CLIENT_SECRET))
  t.same((await webhooks.deliveries({ topic: 'conversation.user.created' })).map(d => d.notification_id), [delivery.notification_id])
  t.equal((await webhooks.deliveries()).length, 2)
  await t.rejects(webhooks.waitForDelivery({ topic: 'conversation.user.created', timeoutMs: 100 }), /no conversation.user.created webhook was delivered within 100 ms/)
})
