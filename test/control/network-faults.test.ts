import { connect } from 'node:net'
import t from 'tap'
import { FIXTURE, listen } from '../helper.js'

/**
 * Network faults as a client's socket sees them: raw TCP, so a reset (RST) and a clean close with
 * no answer (FIN) are told apart exactly, and the bytes that did arrive can be read.
 */
interface Exchange {
  received: Buffer
  /** How the connection ended: `end` (the server closed it), `ECONNRESET`, or `open` (still waiting). */
  outcome: string
}

function exchange (port: number, request: string, waitMs = 1500): Promise<Exchange> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    const chunks: Buffer[] = []
    let settled = false
    const settle = (outcome: string) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      socket.destroy()
      resolve({ received: Buffer.concat(chunks), outcome })
    }
    const timer = setTimeout(() => settle('open'), waitMs)
    socket.on('data', chunk => chunks.push(chunk))
    socket.on('end', () => settle('end'))
    socket.on('error', (error: NodeJS.ErrnoException) => settle(error.code ?? error.message))
    socket.write(request)
  })
}

const body = JSON.stringify({ from: { type: 'user', id: FIXTURE.mal.id }, body: 'Hey' })
const postMessage = (token: string) =>
  `POST /messages HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${token}\r\nAccept: application/json\r\n` +
  `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`

async function control (url: string, token: string, method: string, path: string, payload?: unknown) {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(payload === undefined ? {} : { body: JSON.stringify(payload) })
  })
  return res.json() as Promise<Record<string, unknown>>
}

async function messagesWritten (url: string, token: string): Promise<number> {
  const res = await fetch(`${url}/conversations?type=user&intercom_user_id=${FIXTURE.mal.id}`, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } })
  return ((await res.json()) as { conversations: unknown[] }).conversations.length
}

const failures = [
  { network: 'reset', what: 'the connection is reset by the peer', outcome: 'ECONNRESET', answered: false },
  { network: 'empty', what: 'the connection closes cleanly with no answer', outcome: 'end', answered: false },
  { network: 'malformed', what: 'bytes that are not HTTP, then the close', outcome: 'end', answered: true },
  { network: 'hang', what: 'accepted and never answered: still open after 700 ms, until the client gives up', outcome: 'open', answered: false }
] as const

for (const when of ['before', 'after'] as const) {
  t.test(`network faults, when: ${when} (${when === 'before' ? 'nothing is written' : 'the message is written'})`, async t => {
    const mock = await listen(t)
    for (const failure of failures) {
      await t.test(`${failure.network}: ${failure.what}`, async t => {
        const token = `${failure.network}-${when}`
        await control(mock.url, token, 'POST', '/__mock/faults', { match: { path: '/messages' }, network: failure.network, when, times: 1 })
        const result = await exchange(mock.port, postMessage(token), failure.network === 'hang' ? 700 : 1500)
        t.equal(result.outcome, failure.outcome)
        if (failure.answered) {
          t.ok(result.received.length > 0)
          t.notOk(result.received.toString('latin1').startsWith('HTTP/'), 'no status line')
        } else t.equal(result.received.length, 0, 'not a byte of an answer')
        t.equal(await messagesWritten(mock.url, token), when === 'before' ? 0 : 1)
        await new Promise(resolve => setTimeout(resolve, 50)) // the connection's close reaches the journal
        const [entry] = await mock.workspace(token).requests({ path: '/messages' })
        t.match(entry, { method: 'POST', fault: { action: `network ${failure.network}`, when } }, 'the journal shows the faulted request')
        t.equal(entry?.response.status, when === 'before' ? 0 : 200, 'status 0: no answer was ever sent')
      })
    }
  })
}

t.test('truncated (when: after): the real status and headers, half the body, then the close', async t => {
  const mock = await listen(t)
  await control(mock.url, 'cut', 'POST', '/__mock/faults', { match: { path: '/messages' }, network: 'truncated', when: 'after', times: 1 })
  const result = await exchange(mock.port, postMessage('cut'))
  t.equal(result.outcome, 'end')
  const text = result.received.toString('utf8')
  const [head = '', received = ''] = text.split('\r\n\r\n')
  t.match(head, /^HTTP\/1\.1 200 OK\r\n/)
  const length = Number(/content-length: (\d+)/i.exec(head)?.[1])
  t.ok(length > 20, `Content-Length ${length}`)
  t.equal(Buffer.byteLength(received), Math.floor(length / 2), 'half of it arrived')
  t.ok('{"type":"user_message","id":"2001"'.startsWith(received.slice(0, 20)), 'the start of the real answer')
  t.equal(await messagesWritten(mock.url, 'cut'), 1)
})

t.test('a faulted request leaves the connection pool and the next request healthy; closing the server ends hung requests', async t => {
  const mock = await listen(t)
  await control(mock.url, 'pool', 'POST', '/__mock/faults', { match: { path: '/me' }, network: 'reset', times: 1 })
  await t.rejects(fetch(`${mock.url}/me`, { headers: { authorization: 'Bearer pool' } }))
  const next = await fetch(`${mock.url}/me`, { headers: { authorization: 'Bearer pool', accept: 'application/json' } })
  t.equal(next.status, 200)

  await control(mock.url, 'pool', 'POST', '/__mock/faults', { match: { path: '/me' }, network: 'hang' })
  const hung = exchange(mock.port, 'GET /me HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer pool\r\n\r\n', 10_000)
  await new Promise(resolve => setTimeout(resolve, 200))
  const started = performance.now()
  await mock.close()
  t.ok(performance.now() - started < 2000, 'close does not wait for the hung request')
  t.equal((await hung).outcome, 'end')
})
