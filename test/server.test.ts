import t from 'tap'
import { fixedClock } from '../src/domain/clock.js'
import { startIntercomMock } from '../src/index.js'
import { fixtures, T0 } from './helper.js'

t.test('startIntercomMock starts the mock in-process on a free port and closes it', async t => {
  const mock = await startIntercomMock({ dbPath: ':memory:', logLevel: 'silent', fixtures: fixtures(), clock: fixedClock(T0) })
  t.match(mock.url, /^http:\/\/127\.0\.0\.1:\d+$/)
  t.not(mock.port, 0)
  const res = await fetch(`${mock.url}/messages`, {
    method: 'POST',
    headers: { authorization: 'Bearer in-process', 'content-type': 'application/json' },
    body: JSON.stringify({ from: { type: 'user', id: '536e564f316c83104c000020' }, body: 'Hey' })
  })
  t.equal(res.status, 200)
  t.match(await res.json(), { type: 'user_message', created_at: T0 })
  await mock.close()
  await t.rejects(fetch(`${mock.url}/__mock/health`), 'no longer listening')
})

t.test('two mocks side by side get different ports', async t => {
  const [a, b] = await Promise.all([startIntercomMock({ dbPath: ':memory:', logLevel: 'silent' }), startIntercomMock({ dbPath: ':memory:', logLevel: 'silent' })])
  t.teardown(async () => { await a.close(); await b.close() })
  t.not(a.port, b.port)
})
