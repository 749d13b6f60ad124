import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import t, { type Test } from 'tap'
import { WebhookPoster } from '../../src/control/webhooks/http-post.js'
import { build, FIXTURE } from '../helper.js'

/**
 * How notifications travel (control/webhooks/http-post.ts): node:http on kept-alive connections, the
 * endpoint's answer recorded as it came, and exactly the headers a notification has on the wire.
 */
async function endpoint (t: Test, answer: (req: IncomingMessage, res: ServerResponse) => void) {
  const requests: IncomingMessage[] = []
  let connections = 0
  const server = createServer((req, res) => {
    requests.push(req)
    req.resume()
    req.on('end', () => { answer(req, res) })
  })
  server.on('connection', () => { connections++ })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  t.teardown(() => new Promise<void>(resolve => { server.closeAllConnections(); server.close(() => resolve()) }))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, requests, connections: () => connections }
}

async function subscribed (t: Test, url: string) {
  const api = await build(t)
  const res = await api.request({ method: 'POST', url: '/__mock/webhooks', payload: { url, topics: ['conversation.user.created'] } })
  t.equal(res.statusCode, 200)
  await api.app.webhooks.idle() // the ping
  const send = async (count: number) => {
    for (let i = 0; i < count; i++) {
      t.equal((await api.request({ method: 'POST', url: '/messages', payload: { from: { type: 'user', id: FIXTURE.mal.id }, body: `Hey ${i}` } })).statusCode, 200)
    }
    await api.app.webhooks.idle()
  }
  const attempts = async () => ((await api.request({ url: `/__mock/webhooks/${res.json().id as string}/deliveries` })).json().data as Array<{ attempts: any[] }>)
    .flatMap(entry => entry.attempts)
  return { api, send, attempts }
}

t.test('notifications reuse one kept-alive connection and carry only their own headers', async t => {
  const receiver = await endpoint(t, (_req, res) => { res.end('ok') })
  const { send, attempts } = await subscribed(t, receiver.url)
  await send(5)
  t.equal(receiver.requests.length, 6, 'the ping and five notifications')
  t.equal(receiver.connections(), 1, 'one after another on the same connection')
  const headers = receiver.requests.at(-1)?.headers ?? {}
  t.same(Object.keys(headers).sort(), ['accept', 'connection', 'content-length', 'content-type', 'host', 'user-agent', 'x-hub-signature'])
  t.equal(headers['content-length'], String((await attempts())[0].request.body.length))
  t.equal(headers.connection, 'keep-alive')
})

t.test('the answer is recorded as it came: status, headers by name in order with repeats joined, the body cut at 4 KiB', async t => {
  const receiver = await endpoint(t, (_req, res) => {
    res.setHeader('X-Zeta', 'last')
    res.setHeader('X-Alpha', ['one', 'two'])
    res.setHeader('Set-Cookie', ['a=1', 'b=2'])
    res.writeHead(202, { 'Content-Type': 'text/plain' })
    res.end('x'.repeat(10_000))
  })
  const { send, attempts } = await subscribed(t, receiver.url)
  await send(1)
  const [ping, notification] = await attempts()
  for (const attempt of [ping, notification]) {
    t.equal(attempt.outcome, 'delivered')
    t.equal(attempt.response.status, 202)
    t.equal(attempt.response.body, 'x'.repeat(4096))
    t.same(Object.keys(attempt.response.headers), [...Object.keys(attempt.response.headers)].sort(), 'names in order')
    t.match(attempt.response.headers, { 'content-type': 'text/plain', 'set-cookie': 'b=2', 'x-alpha': 'one, two', 'x-zeta': 'last' })
  }
})

t.test('a redirect is an answer like any other: not followed, and not a delivery', async t => {
  const receiver = await endpoint(t, (_req, res) => { res.writeHead(302, { location: 'http://127.0.0.1:9/elsewhere' }).end() })
  const { attempts } = await subscribed(t, receiver.url)
  const [ping] = await attempts()
  t.match(ping, { outcome: 'retry', response: { status: 302, headers: { location: 'http://127.0.0.1:9/elsewhere' } }, error: null })
  t.equal(receiver.requests.length, 1)
})

t.test('an endpoint that closes the connection without answering is a failure, retried', async t => {
  const receiver = await endpoint(t, (req) => { req.socket.destroy() })
  const { attempts } = await subscribed(t, receiver.url)
  const [ping] = await attempts()
  t.match(ping, { outcome: 'retry', response: null, error: 'socket hang up: ECONNRESET' })
})

t.test('a URL node:http refuses outright answers a failed attempt, not an exception', async t => {
  const poster = new WebhookPoster(1000, new AbortController().signal, 4096)
  t.teardown(() => { poster.close() })
  t.same(await poster.post('ftp://127.0.0.1/hooks', {}, '{}'), { response: null, error: 'Protocol "ftp:" not supported. Expected "http:"' })
  t.same(await poster.post('not a url', {}, '{}'), { response: null, error: 'Invalid URL' })
})
