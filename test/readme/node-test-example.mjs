import { after, beforeEach, test } from 'node:test'
import assert from 'node:assert/strict'
import { startIntercomMock } from '../../dist/index.js'

const mock = await startIntercomMock({ dbPath: ':memory:', logLevel: 'silent' })
after(() => mock.close())
const workspace = mock.workspace('node-test-suite')

beforeEach(async () => {
  await workspace.reset()
})

test('the journal shows what the product sent, with the token redacted', async () => {
  await fetch(`${mock.url}/messages`, {
    method: 'POST',
    headers: { authorization: 'Bearer node-test-suite', 'content-type': 'application/json' },
    body: JSON.stringify({ from: { type: 'user', id: '536e564f316c83104c000020' }, body: 'Hey' })
  })
  const [entry] = await workspace.requests({ path: '/messages' })
  assert.equal(entry.response.status, 200)
  assert.equal(entry.request.headers.authorization, 'Bearer [REDACTED]')
  assert.deepEqual(entry.request.body, { from: { type: 'user', id: '536e564f316c83104c000020' }, body: 'Hey' })
})

test('a reset empties the journal', async () => {
  assert.equal(await workspace.countRequests(), 0)
})
