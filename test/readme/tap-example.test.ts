import t from 'tap'
import { IntercomClient } from 'intercom-client-v7'
import { startIntercomMock } from '../../src/index.js'

// The product code under test: acknowledge a customer's new conversation, then snooze it for an hour.
async function acknowledge (client: IntercomClient, conversationId: string, adminId: string): Promise<void> {
  const conversation = await client.conversations.find({ conversation_id: conversationId })
  if (conversation.state !== 'open') return
  await client.conversations.reply({
    conversation_id: conversationId,
    body: { message_type: 'comment', type: 'admin', admin_id: adminId, body: 'Thanks, we are on it.' }
  })
  await client.conversations.manage({
    conversation_id: conversationId,
    body: { message_type: 'snoozed', admin_id: adminId, snoozed_until: Math.floor(Date.now() / 1000) + 3600 }
  })
}

const MAL = '536e564f316c83104c000020' // a user of the default fixtures
const WASH = '394051' // an admin of the default fixtures

const mock = await startIntercomMock({ dbPath: ':memory:', logLevel: 'silent' })
t.teardown(() => mock.close())
const workspace = mock.workspace('support-suite')
const client = new IntercomClient({ token: 'support-suite', baseUrl: mock.url })

t.beforeEach(async () => {
  await workspace.reset() // the fixtures again, an empty journal, a real clock
  await workspace.clock.freeze() // time stands still at now until the test moves it
})

t.test('acknowledges a waiting conversation and snoozes it for an hour', async t => {
  await workspace.seed({
    conversations: [{
      id: '1000000100',
      customers: [MAL],
      source: { author: { type: 'user', id: MAL }, body: 'Where is my order?' }
    }]
  })

  await acknowledge(client, '1000000100', WASH)

  const [snooze, reply] = await workspace.requests({ method: 'POST', path: '/conversations/1000000100/*' })
  t.match(reply?.request.body, { message_type: 'comment', type: 'admin', body: 'Thanks, we are on it.' })
  t.match(snooze?.request.body, { message_type: 'snoozed' })
  t.equal(await workspace.countRequests({ status: '4xx' }), 0, 'the product sent nothing Intercom refuses')

  await workspace.clock.advance(3601) // past the snooze
  const woken = await client.conversations.find({ conversation_id: '1000000100' })
  t.equal(woken.state, 'open')
  t.equal(woken.conversation_parts?.conversation_parts?.at(-1)?.part_type, 'timer_unsnooze')
})

t.test('leaves a closed conversation alone', async t => {
  await workspace.seed({
    conversations: [{
      id: '1000000200',
      state: 'closed',
      customers: [MAL],
      source: { author: { type: 'user', id: MAL }, body: 'Never mind' }
    }]
  })

  await acknowledge(client, '1000000200', WASH)

  t.equal(await workspace.countRequests({ method: 'POST' }), 0)
})
