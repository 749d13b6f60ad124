import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { CLIENT_SECRET, signatureValid, type Received } from './receiver.js'

/** The CLI as built by `npm run build` (npm test builds first). */
const CLI = 'dist/cli.js'

function start (db: string) {
  const child = spawn(process.execPath, [CLI], { env: { PATH: process.env.PATH ?? '', PORT: '0', LOG_LEVEL: 'info', INTERCOM_MOCK_DB: db } })
  let output = ''
  const url = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += String(chunk)
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output)
      if (match?.[1] !== undefined) resolve(match[1])
    })
    child.once('exit', code => reject(new Error(`exited ${String(code)}: ${output}`)))
  })
  const exited = new Promise<void>(resolve => child.once('exit', () => resolve()))
  return { child, url, exited }
}

t.test('a committed change is delivered after a kill -9 between commit and delivery', async t => {
  const db = join(mkdtempSync(join(tmpdir(), 'intercom-mock-crash-')), 'state.sqlite')
  const received: Received[] = []
  let hold = true
  const held: ServerResponse[] = []
  const receiver = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8')
      received.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, raw, body: JSON.parse(raw) })
      const body = JSON.parse(raw) as { topic: string }
      // The first process never gets an answer for the conversation: it dies while it waits.
      if (hold && body.topic === 'conversation.user.created') held.push(res)
      else res.writeHead(200).end('ok')
    })
  })
  await new Promise<void>(resolve => receiver.listen(0, '127.0.0.1', resolve))
  t.teardown(() => { receiver.closeAllConnections(); receiver.close() })
  const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`
  const headers = { authorization: 'Bearer crash', 'content-type': 'application/json', accept: 'application/json' }

  const first = start(db)
  t.teardown(() => { first.child.kill('SIGKILL') })
  const url = await first.url
  const subscribed = await fetch(`${url}/__mock/webhooks`, { method: 'POST', headers, body: JSON.stringify({ url: hook, topics: ['conversation.user.created'] }) })
  t.equal(subscribed.status, 200)
  const sent = await fetch(`${url}/messages`, { method: 'POST', headers, body: JSON.stringify({ from: { type: 'user', id: '536e564f316c83104c000020' }, body: 'Hey' }) })
  t.equal(sent.status, 200)
  const deadline = Date.now() + 10000
  while (held.length === 0 && Date.now() < deadline) await new Promise(resolve => setTimeout(resolve, 20))
  t.equal(held.length, 1, 'the delivery was in flight')
  first.child.kill('SIGKILL')
  await first.exited
  hold = false

  const second = start(db)
  t.teardown(() => { second.child.kill('SIGTERM') })
  const url2 = await second.url
  while (received.filter(r => r.body.topic === 'conversation.user.created').length < 2 && Date.now() < deadline + 10000) {
    await new Promise(resolve => setTimeout(resolve, 20))
  }
  const [lost, redelivered] = received.filter(r => r.body.topic === 'conversation.user.created')
  t.ok(redelivered, 'the restarted mock delivered it')
  t.equal(redelivered?.body.id, lost?.body.id, 'the same notification')
  t.ok(redelivered !== undefined && signatureValid(redelivered, CLIENT_SECRET))
  const subscription = (await subscribed.json()) as { id: string }
  const log = await (await fetch(`${url2}/__mock/webhooks/${subscription.id}/deliveries?topic=conversation.user.created`, { headers })).json() as { data: Array<{ status: string }> }
  t.equal(log.data[0]?.status, 'sent')
  second.child.kill('SIGTERM')
  await second.exited
})
