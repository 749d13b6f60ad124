import t from 'tap'
import { build } from '../helper.js'

/**
 * The journal is bounded whatever the traffic (WireMock's unbounded journal is a known cause of OOM):
 * resident memory after 100k requests is what it was after the first 20k, within noise.
 */
t.test('RSS stays flat over 100k journaled requests', async t => {
  const api = await build(t)
  // A sender that does not exist: the body is journaled, the database does not grow.
  const payload = { from: { type: 'user', id: 'ffffffffffffffffffffffff' }, body: 'x'.repeat(2000) }
  const send = (i: number) => i % 4 === 0
    ? api.app.inject({ method: 'POST', url: '/messages', headers: { authorization: 'Bearer memory', 'content-type': 'application/json' }, payload })
    : api.app.inject({ url: i % 4 === 1 ? '/admins' : '/me', headers: i % 4 === 3 ? {} : { authorization: 'Bearer memory' } })
  const batch = async (from: number, to: number) => {
    for (let i = from; i < to; i += 50) await Promise.all(Array.from({ length: 50 }, (_, j) => send(i + j)))
  }
  await batch(0, 20_000)
  const warm = process.memoryUsage().rss
  await batch(20_000, 100_000)
  const after = process.memoryUsage().rss
  const growthMiB = (after - warm) / 2 ** 20
  t.ok(growthMiB < 48, `RSS grew ${growthMiB.toFixed(1)} MiB from 20k to 100k requests`)
  t.equal((await api.request({ url: '/__mock/requests/count', token: 'memory' })).json().count, 1000)
  t.equal((await api.request({ url: '/__mock/requests/count', token: null })).json().count, 1000)
})
