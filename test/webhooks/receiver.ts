import { createHmac, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Test } from 'tap'

export interface Received {
  method: string
  path: string
  headers: IncomingHttpHeaders
  /** The exact bytes, as a string. */
  raw: string
  body: Record<string, any>
}

export interface Answer {
  status?: number
  /** Milliseconds to wait before answering. */
  delayMs?: number
  body?: string
}

/**
 * A webhook endpoint on 127.0.0.1, as a product's own handler would be: records every request and
 * answers from `answers` (in order; 200 once they run out). Closed when the test ends.
 */
export async function startReceiver (t: Test, answers: Answer[] = []): Promise<{
  url: string
  received: Received[]
  answers: Answer[]
  /** Resolves with the first `count` requests once they have arrived. */
  waitFor: (count: number, timeoutMs?: number) => Promise<Received[]>
}> {
  const received: Received[] = []
  let waiters: Array<() => void> = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8')
      received.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, raw, body: JSON.parse(raw) })
      for (const wake of waiters) wake()
      waiters = []
      const answer = answers.shift() ?? {}
      const reply = () => { res.writeHead(answer.status ?? 200, { 'content-type': 'text/plain' }).end(answer.body ?? 'ok') }
      if (answer.delayMs === undefined) reply()
      else setTimeout(reply, answer.delayMs).unref()
    })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  t.teardown(() => new Promise<void>(resolve => { server.closeAllConnections(); server.close(() => resolve()) }))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    answers,
    waitFor: async (count, timeoutMs = 5000) => {
      const deadline = Date.now() + timeoutMs
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} webhook requests, got ${received.length}`)
        await new Promise<void>(resolve => { waiters.push(resolve); setTimeout(resolve, 50).unref() })
      }
      return received.slice(0, count)
    }
  }
}

/** Verifies `X-Hub-Signature` as a product's handler does: HMAC-SHA1 of the raw body, constant-time compare. */
export function signatureValid (request: Received, secret: string): boolean {
  const header = request.headers['x-hub-signature']
  if (typeof header !== 'string') return false
  const expected = Buffer.from(`sha1=${createHmac('sha1', secret).update(request.raw).digest('hex')}`)
  const given = Buffer.from(header)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

export const CLIENT_SECRET = '5c9e6f3a-8b1d-4e7a-9f2c-1a3b5d7e9f00'

export const ENVELOPE_KEYS = ['type', 'app_id', 'data', 'links', 'id', 'topic', 'delivery_status', 'delivery_attempts', 'delivered_at', 'first_sent_at', 'created_at', 'self']
