// Run with `node --test` in a scratch project that installed the packed tarball (test/package/consumer.test.ts):
// what a product's own test suite does with the mock and the official SDK.
import assert from 'node:assert/strict'
import { readdirSync } from 'node:fs'
import { after, before, test } from 'node:test'
import { IntercomClient } from 'intercom-client'
import { startIntercomMock } from 'intercom-mock'

const MAL = '536e564f316c83104c000020' // Malcolm Reynolds, from the package's default fixtures

let mock
before(async () => { mock = await startIntercomMock() })
after(async () => { await mock.close() })

test('the seed flow through intercom-client 7 against startIntercomMock() with no options', async () => {
  assert.match(mock.url, /^http:\/\/127\.0\.0\.1:\d+$/)
  const client = new IntercomClient({ token: 'consumer-suite', baseUrl: mock.url })
  const message = await client.conversations.create({ from: { type: 'user', id: MAL }, body: 'Hey' })
  assert.equal(message.type, 'user_message')
  assert.equal(message.body, 'Hey')
  const conversation = await client.conversations.find({ conversation_id: String(message.conversation_id) })
  assert.equal(conversation.state, 'open')
  assert.equal(conversation.source.body, '<p>Hey</p>')
  assert.equal(conversation.contacts.contacts[0].id, MAL)
  const page = await client.conversations.list()
  assert.deepEqual(page.data.map(c => c.id), [conversation.id])
  assert.deepEqual(readdirSync('.').filter(name => name === 'data'), [], 'no database file in the project')
})
