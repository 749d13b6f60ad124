import t from 'tap'
import { faultsClient } from '../../src/control/client/faults.js'
import { rateLimitClient } from '../../src/control/client/rate-limit.js'
import { httpRequester } from '../../src/control/client/requester.js'
import { listen, T0 } from '../helper.js'

/** The requester `connectIntercomMock` uses: fetch against a listening mock, with the workspace's token. */
const fetchRequester = (baseUrl: string, token: string) => httpRequester(baseUrl, { token })

t.test('faults.add / list / remove / clear over a real socket', async t => {
  const mock = await listen(t)
  const faults = faultsClient(fetchRequester(mock.url, 'handle'))
  const api = (path: string) => fetch(`${mock.url}${path}`, { headers: { authorization: 'Bearer handle', accept: 'application/json' } })

  const outage = await faults.add({ match: { path: '/me' }, respond: { status: 503 } })
  t.match(outage, { id: 'fault_1', respond: { status: 503 }, when: 'before', times: null, applied: 0 })
  const slow = await faults.add({ match: { path: '/admins' }, delay_ms: 1, times: 1 })
  t.equal((await api('/me')).status, 503)
  t.same((await faults.list()).map(rule => [rule.id, rule.applied]), [['fault_1', 1], ['fault_2', 0]])

  const removed = await outage.remove()
  t.match(removed, { id: 'fault_1', applied: 1 })
  t.equal((await api('/me')).status, 200, 'the outage is over')
  await t.rejects(outage.remove(), /answered 404: \w+: No fault rule has id fault_1/)
  await t.rejects(faults.add({ network: 'truncated' }), /answered 400: \w+: network "truncated" cuts the real answer short/)

  t.equal(await faults.clear(), 1)
  t.same(await faults.list(), [])
  t.equal(slow.id, 'fault_2')
})

t.test('rateLimit.set / disable / restore / get over a real socket', async t => {
  const mock = await listen(t)
  const rateLimit = rateLimitClient(fetchRequester(mock.url, 'handle'))
  const me = () => fetch(`${mock.url}/me`, { headers: { authorization: 'Bearer handle', accept: 'application/json' } })

  t.strictSame(await rateLimit.set({ limit: 2 }), { enabled: true, limit: 2, window_seconds: 10, remaining: 2, reset_at: T0 + 10, overridden: true })
  t.equal((await me()).status, 200)
  t.equal((await me()).status, 200)
  const refused = await me()
  t.equal(refused.status, 429)
  t.equal(refused.headers.get('x-ratelimit-remaining'), '0')
  t.match(await rateLimit.get(), { limit: 2, remaining: 0 })
  mock.clock.advance(10)
  t.equal((await me()).status, 200, 'the next window')

  t.match(await rateLimit.set({ limit: 5, windowSeconds: 60 }), { limit: 5, window_seconds: 60, reset_at: T0 + 60 })
  t.match(await rateLimit.disable(), { enabled: false, limit: null })
  t.equal((await me()).headers.get('x-ratelimit-limit'), null)
  t.match(await rateLimit.restore(), { enabled: true, limit: 1666, overridden: false })
})
