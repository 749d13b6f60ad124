import fc from 'fast-check'
import type { FastifyInstance, InjectOptions } from 'fastify'
import t from 'tap'
import { buildApp } from '../../src/app.js'
import { defaultConfig } from '../../src/config.js'
import { fixedClock } from '../../src/domain/clock.js'
import { FIXTURE, fixtures, T0 } from '../helper.js'
import { asCurl, hostileRequest, type HostileRequest, type Known } from './hostile.js'
import { isErrorList, rawRequest, type RawAnswer } from './raw-http.js'
import { hostileBytes, showBytes } from './hostile-bytes.js'

/**
 * Hostile input on every run: fast-check generates malformed and extreme requests across every route
 * of routes.ts, in 1.x and 2.x, and byte-level framing cases on real sockets. Nothing may answer 5xx,
 * every error is an error.list, the seed flow still works afterwards and memory stays bounded. A failing
 * case is shrunk to the smallest request that reproduces it, printed as a curl command; rerun it with
 * INTERCOM_MOCK_FUZZ_SEED (printed below). INTERCOM_MOCK_FUZZ_RUNS sets how many requests are made.
 */
const SEED = Number(process.env.INTERCOM_MOCK_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31))
const RUNS = Number(process.env.INTERCOM_MOCK_FUZZ_RUNS ?? 2500)
/** However many runs are asked for, the requests stop after this long (CI shares 2 cores). */
const TIME_LIMIT_MS = 45000
const RSS_LIMIT_BYTES = 768 * 1024 * 1024
const TOKENS = ['fuzz-a', 'fuzz-b']

t.comment(`fast-check seed ${SEED} (rerun with INTERCOM_MOCK_FUZZ_SEED=${SEED})`)

function newApp (): FastifyInstance {
  return buildApp(defaultConfig({ dbPath: ':memory:', logLevel: 'silent' }), { fixtures: fixtures(), clock: fixedClock(T0) })
}

async function send (app: FastifyInstance, request: HostileRequest) {
  const options: InjectOptions = { method: request.method as InjectOptions['method'], url: request.url, headers: request.headers }
  if (request.payload !== undefined) options.payload = request.payload
  return await app.inject(options)
}

/** Real ids of the workspaces the requests use: conversations, leads and users that exist. */
async function arrange (app: FastifyInstance): Promise<Known> {
  const known: Known = { conversation: [], contact: [FIXTURE.mal.id, FIXTURE.simon.id, FIXTURE.visitor.id], external: [FIXTURE.mal.userId], admin: [FIXTURE.wash.id, FIXTURE.zoe.id, FIXTURE.crew.id], email: [FIXTURE.mal.email], tag: ['7000001', '7000002'], segment: ['5b8e0a1c2d3e4f5a6b7c8d90'], subscription: ['37846', '37847'], team: [FIXTURE.crew.id], attribute: ['1', '2'], ticket_type: ['1001', '1002'] }
  for (const token of TOKENS) {
    for (const body of ['Hello <b>there</b>', 'I need support']) {
      const res = await send(app, { method: 'POST', url: '/messages', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, payload: JSON.stringify({ from: { type: 'user', id: FIXTURE.mal.id }, body }) })
      known.conversation.push(String((res.json() as { conversation_id: string }).conversation_id))
    }
  }
  return known
}

/** Why `answer` breaks the rules, or null: no 5xx, and every 4xx an error.list whose id is in X-Request-Id. */
function violation (method: string, status: number, headers: Record<string, unknown>, body: string): string | null {
  if (status >= 500) return `answered ${status}: ${body.slice(0, 300)}`
  if (method === 'HEAD' || status < 400) return null
  if (!isErrorList(body)) return `answered ${status} with a body that is not an error.list: ${body.slice(0, 300)}`
  if (headers['x-request-id'] !== (JSON.parse(body) as { request_id: string }).request_id) return `answered ${status} without the request id in X-Request-Id`
  return null
}

t.test('generated hostile requests across every route and version: no 5xx, every error an error.list', async t => {
  const app = newApp()
  t.teardown(() => app.close())
  await app.ready()
  const known = await arrange(app)
  const statuses = new Map<number, number>()
  let slowest = { ms: 0, request: '' }
  let runs = 0
  const startedAt = performance.now()
  await fc.assert(fc.asyncProperty(hostileRequest(known, TOKENS), async request => {
    const started = performance.now()
    const res = await send(app, request)
    const ms = performance.now() - started
    runs++
    if (ms > slowest.ms) slowest = { ms, request: asCurl(request) }
    statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1)
    const problem = violation(request.method, res.statusCode, res.headers, res.body)
    if (problem !== null) throw new Error(`${problem}\n  the request: ${asCurl(request)}`)
  }), { seed: SEED, numRuns: RUNS, endOnFailure: false, plugins: [fc.interruptAfterTimeLimit(TIME_LIMIT_MS)] })
  const seconds = (performance.now() - startedAt) / 1000
  t.comment(`${runs} requests in ${seconds.toFixed(1)} s; statuses ${[...statuses].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}×${n}`).join(' ')}`)
  t.comment(`slowest ${Math.round(slowest.ms)} ms: ${slowest.request.slice(0, 300)}`)
  t.ok(runs >= Math.min(RUNS, 300), `at least ${Math.min(RUNS, 300)} requests were made`)
  t.ok([...statuses.keys()].some(s => s < 300), 'some requests got through to a 2xx')

  // Afterwards the seed flow works as ever (in a new workspace: the requests may well have deleted Mal from
  // theirs), and the workspaces the requests used still answer.
  for (const token of TOKENS) {
    const conversations = await send(app, { method: 'GET', url: '/conversations', headers: { authorization: `Bearer ${token}` } })
    t.equal(conversations.statusCode, 200, `workspace ${token} still lists its conversations`)
  }
  const seed = await send(app, { method: 'POST', url: '/messages', headers: { authorization: 'Bearer after-fuzz', 'content-type': 'application/json' }, payload: JSON.stringify({ from: { type: 'user', id: FIXTURE.mal.id }, body: 'Hey' }) })
  t.equal(seed.statusCode, 200, 'the seed document still answers')
  t.match(seed.json(), { type: 'user_message', body: 'Hey', message_type: 'inapp', created_at: T0 })
  const listed = await send(app, { method: 'GET', url: `/conversations?type=user&intercom_user_id=${FIXTURE.mal.id}`, headers: { authorization: 'Bearer after-fuzz' } })
  t.equal(listed.statusCode, 200)
  t.ok((listed.json() as { conversations: Array<{ conversation_message: { id: string } }> }).conversations.some(c => c.conversation_message.id === (seed.json() as { id: string }).id), 'and its conversation is listed')
  const rss = process.memoryUsage().rss
  t.comment(`RSS ${Math.round(rss / 1024 / 1024)} MiB`)
  t.ok(rss < RSS_LIMIT_BYTES, `RSS stays under ${RSS_LIMIT_BYTES / 1024 / 1024} MiB`)
})

t.test('generated byte-level framing cases on real sockets: an error.list or a closed connection', async t => {
  const app = newApp()
  t.teardown(() => app.close())
  await app.listen({ port: 0, host: '127.0.0.1' })
  const port = (app.server.address() as { port: number }).port
  let runs = 0
  let slowest = { ms: 0, bytes: '' }
  const outcomes = new Map<string, number>()
  await fc.assert(fc.asyncProperty(hostileBytes, async bytes => {
    runs++
    const started = performance.now()
    const answer: RawAnswer = await rawRequest(port, bytes, { timeoutMs: 1000, idleMs: 20, halfClose: true })
    const ms = performance.now() - started
    if (ms > slowest.ms) slowest = { ms, bytes: showBytes(bytes) }
    const outcome = answer.status === null ? `closed${answer.error === undefined ? '' : ` (${answer.error})`}` : String(answer.status)
    outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1)
    if (answer.status === null) return
    const problem = violation('GET', answer.status, answer.headers, answer.body)
    if (problem !== null) throw new Error(`${problem}\n  the bytes: ${showBytes(bytes)}`)
  }), { seed: SEED, numRuns: 250, endOnFailure: false, plugins: [fc.interruptAfterTimeLimit(20000)] })
  t.comment(`${runs} raw requests; outcomes ${[...outcomes].map(([o, n]) => `${o}×${n}`).join(' ')}; slowest ${Math.round(slowest.ms)} ms: ${slowest.bytes.slice(0, 200)}`)
  t.ok(runs >= 50)
  const health = await rawRequest(port, 'GET /__mock/health HTTP/1.1\r\nHost: x\r\n\r\n')
  t.equal(health.status, 200, 'the server still answers')
})
