import t from 'tap'
import { listen } from '../helper.js'

/**
 * The journal is bounded whatever the traffic (WireMock's unbounded journal is a known cause of OOM):
 * resident memory after 100k requests is what it was after the first 20k, within noise. Over a real
 * socket, as a product sends them (light-my-request's `inject` itself keeps memory per request, so it
 * cannot show this).
 */
t.test('RSS stays flat over 100k journaled requests', async t => {
  const mock = await listen(t, { rateLimit: null })
  // A sender that does not exist: the body is journaled, the database does not grow.
  const body = JSON.stringify({ from: { type: 'user', id: 'ffffffffffffffffffffffff' }, body: 'x'.repeat(2000) })
  const send = async (i: number) => {
    const authorization = { authorization: 'Bearer memory' }
    const res = i % 4 === 0
      ? await fetch(`${mock.url}/messages`, { method: 'POST', body, headers: { ...authorization, 'content-type': 'application/json' } })
      : await fetch(`${mock.url}${i % 4 === 1 ? '/admins' : '/me'}`, { headers: i % 4 === 3 ? {} : authorization })
    await res.arrayBuffer()
  }
  const batch = async (from: number, to: number) => {
    for (let i = from; i < to; i += 50) await Promise.all(Array.from({ length: 50 }, (_, j) => send(i + j)))
  }
  await batch(0, 20_000)
  const warm = process.memoryUsage().rss
  await batch(20_000, 100_000)
  const growthMiB = (process.memoryUsage().rss - warm) / 2 ** 20
  t.ok(growthMiB < 48, `RSS grew ${growthMiB.toFixed(1)} MiB from 20k to 100k requests`)
  t.equal(await mock.workspace('memory').countRequests(), 1000)
  t.equal(await mock.countRequests(), 1000)
})
