import type { IncomingMessage } from 'node:http'
import t from 'tap'
import { Client, type SdkResponse } from 'intercom-client-v2'
import { IntercomClient as IntercomClient6, IntercomError as IntercomError6 } from 'intercom-client-v6'
import { IntercomClient, IntercomError, IntercomTimeoutError } from 'intercom-client-v7'
import { FIXTURE, listen, T0 } from '../helper.js'

/**
 * The official SDKs against faults and rate limits, over real sockets, configured as their users
 * configure them. Each test counts the requests that reached the server (its `request` event).
 */
type Mock = Awaited<ReturnType<typeof listen>>

/** The times (ms since the epoch) at which requests for `path` reached the server. */
function arrivals (mock: Mock, path: string): number[] {
  const times: number[] = []
  mock.app.server.on('request', (req: IncomingMessage) => { if (req.url?.split('?')[0] === path) times.push(Date.now()) })
  return times
}

async function control (mock: Mock, token: string, method: string, path: string, body: unknown) {
  const res = await fetch(`${mock.url}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) })
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`)
  return res.json() as Promise<Record<string, unknown>>
}

const realNow = () => Math.floor(Date.now() / 1000)

t.test('intercom-client 7.0.3, default retries: a one-shot 429 with X-RateLimit-Reset a second ahead ends in success, after waiting for the reset', async t => {
  const mock = await listen(t)
  const client = new IntercomClient({ token: 'v7-429', baseUrl: mock.url })
  await client.admins.identify() // the first 2.14 answer compiles the OpenAPI check, which blocks the loop for a while
  // 1 s windows on a clock at the real time, started just after a second turns: Reset is ~1 s ahead.
  await control(mock, 'v7-429', 'PUT', '/__mock/rate-limit', { limit: 100, window_seconds: 1 })
  await control(mock, 'v7-429', 'POST', '/__mock/faults', { match: { path: '/me' }, respond: { status: 429 }, times: 1 })
  await new Promise(resolve => setTimeout(resolve, 1005 - Date.now() % 1000))
  mock.clock.set(realNow())
  const reset = mock.clock.now() + 1
  const times = arrivals(mock, '/me')
  const me = await client.admins.identify()
  t.match(me, { type: 'admin', id: FIXTURE.wash.id })
  t.equal(times.length, 2, 'the 429, then the retry')
  const afterReset = (times[1] ?? 0) - reset * 1000
  t.ok(afterReset >= -20 && afterReset < 400, `the retry came when the window reset (${afterReset} ms after it; the SDK adds up to 20 % jitter)`)
})

t.test('intercom-client 7.0.3, default retries: a one-shot 503 ends in success after its own backoff', async t => {
  const mock = await listen(t)
  const client = new IntercomClient({ token: 'v7-503', baseUrl: mock.url })
  await client.admins.identify() // compiles the OpenAPI check before anything is timed
  await control(mock, 'v7-503', 'POST', '/__mock/faults', { match: { method: 'POST', path: '/contacts' }, respond: { status: 503 }, times: 1 })
  const times = arrivals(mock, '/contacts')
  const contact = await client.contacts.create({ role: 'user', external_id: 'after-503', email: 'after503@example.com' })
  t.match(contact, { type: 'contact', external_id: 'after-503' })
  t.equal(times.length, 2)
  // X-RateLimit-Reset is on the workspace clock, frozen in 2024: already past, so the SDK backs off 1 s ± 10 %.
  const gap = (times[1] ?? 0) - (times[0] ?? 0)
  t.ok(gap >= 850 && gap < 1500, `retried after ${gap} ms`)
  const faults = await fetch(`${mock.url}/__mock/faults`, { headers: { authorization: 'Bearer v7-503' } })
  t.match(((await faults.json()) as { data: unknown[] }).data, [{ applied: 1, remaining: 0 }])
})

t.test('intercom-client 7.0.3, maxRetries: 0: over the rate limit it raises its typed error with Intercom\'s body', async t => {
  const mock = await listen(t)
  const client = new IntercomClient({ token: 'v7-limit', baseUrl: mock.url, maxRetries: 0 })
  await control(mock, 'v7-limit', 'PUT', '/__mock/rate-limit', { limit: 1 })
  const times = arrivals(mock, '/me')
  const { rawResponse } = await client.admins.identify().withRawResponse()
  t.same([rawResponse.headers.get('x-ratelimit-limit'), rawResponse.headers.get('x-ratelimit-remaining'), rawResponse.headers.get('x-ratelimit-reset')], ['1', '0', String(T0 + 10)], 'the headers as 7.x reads them')
  const error = await client.admins.identify().then(() => null, (e: unknown) => e)
  t.type(error, IntercomError)
  const typed = error as IntercomError
  t.equal(typed.statusCode, 429)
  t.match(typed.body, { type: 'error.list', request_id: String, errors: [{ code: 'rate_limit_exceeded', message: 'More than 1 requests received in 1 minute' }] })
  t.equal(times.length, 2, 'no retry')
})

t.test('intercom-client 6.4.0: fixed 1 s, 2 s backoff on 429, whatever X-RateLimit-Reset says, then its error', async t => {
  const mock = await listen(t)
  const client = new IntercomClient6({ token: 'v6-429', baseUrl: mock.url })
  await client.admins.identify() // compiles the OpenAPI check before anything is timed
  const reset = realNow() + 30
  await control(mock, 'v6-429', 'POST', '/__mock/faults', { match: { path: '/me' }, respond: { status: 429, headers: { 'X-RateLimit-Reset': String(reset) } } })
  const times = arrivals(mock, '/me')
  const error = await client.admins.identify().then(() => null, (e: unknown) => e)
  t.type(error, IntercomError6)
  t.equal((error as IntercomError6).statusCode, 429)
  t.match((error as IntercomError6).body, { type: 'error.list', errors: [{ code: 'rate_limit_exceeded' }] })
  t.equal(times.length, 3, 'the first try and two retries')
  const gaps = [(times[1] ?? 0) - (times[0] ?? 0), (times[2] ?? 0) - (times[1] ?? 0)]
  t.ok(gaps[0]! >= 750 && gaps[0]! < 1400, `first backoff ${gaps[0]} ms (1 s ± 20 %)`)
  t.ok(gaps[1]! >= 1550 && gaps[1]! < 2600, `second backoff ${gaps[1]} ms (2 s ± 20 %)`)
  t.ok((times[2] ?? 0) < reset * 1000 - 20_000, 'all long before the X-RateLimit-Reset it was sent')
})

t.test('network reset after POST /conversations/{id}/reply: the SDK raises, the reply is there once; a retry makes it twice', async t => {
  const mock = await listen(t)
  const client = new IntercomClient({ token: 'v7-reset', baseUrl: mock.url })
  const message = await client.conversations.create({ from: { type: 'user', id: FIXTURE.mal.id }, body: 'Where is my order?' })
  const conversationId = message.conversation_id as string
  await control(mock, 'v7-reset', 'POST', '/__mock/faults', { match: { method: 'POST', path: '/conversations/*/reply' }, network: 'reset', when: 'after', times: 1 })
  const reply = () => client.conversations.reply({ conversation_id: conversationId, body: { message_type: 'comment', type: 'admin', admin_id: FIXTURE.wash.id, body: 'On its way' } })
  const error = await reply().then(() => null, (e: unknown) => e)
  t.type(error, IntercomError, 'the connection reset surfaces as the SDK\'s error')
  t.equal((error as IntercomError).statusCode, undefined, 'with no status: there was no answer')
  const replies = async () => (await client.conversations.find({ conversation_id: conversationId })).conversation_parts?.conversation_parts?.filter(part => part.body === '<p>On its way</p>').length
  t.equal(await replies(), 1, 'the reply went through once')
  await reply()
  t.equal(await replies(), 2, 'retrying it posts it again, as Intercom would')
})

t.test('hang against the SDK\'s timeout; delay_ms measured', async t => {
  const mock = await listen(t)
  const client = new IntercomClient({ token: 'v7-slow', baseUrl: mock.url })
  await client.admins.list() // compiles the OpenAPI check before anything is timed
  await control(mock, 'v7-slow', 'POST', '/__mock/faults', { match: { path: '/admins' }, network: 'hang', times: 1 })
  const started = performance.now()
  const error = await client.admins.list({ timeoutInSeconds: 0.5 }).then(() => null, (e: unknown) => e)
  const waited = performance.now() - started
  // 7.0.3 aborts with the reason "timeout", which Node's fetch rethrows as is (not an AbortError), so the
  // SDK raises its generic IntercomError rather than IntercomTimeoutError.
  t.type(error, IntercomError)
  t.notOk(error instanceof IntercomTimeoutError)
  t.match((error as IntercomError).message, /timeout/)
  t.equal((error as IntercomError).statusCode, undefined)
  t.ok(waited >= 480 && waited < 1500, `timed out after ${waited.toFixed(0)} ms`)

  await control(mock, 'v7-slow', 'POST', '/__mock/faults', { match: { path: '/admins' }, delay_ms: 400, times: 1 })
  const slowStart = performance.now()
  const admins = await client.admins.list()
  const took = performance.now() - slowStart
  t.equal(admins.admins?.length, 3, 'the real answer')
  t.ok(took >= 395 && took < 1500, `answered after ${took.toFixed(0)} ms`)
})

t.test('intercom-client 2.11.2 (API 1.x) reads the rate-limit headers, and the 429 as an error with them', async t => {
  const mock = await listen(t)
  const client = new Client({ token: 'v2-limit' })
  client.useRequestOpts({ baseUrl: mock.url })
  await control(mock, 'v2-limit', 'PUT', '/__mock/rate-limit', { limit: 2 })
  const first = await client.admins.me() as SdkResponse & { headers: Record<string, string> }
  t.same([first.headers['x-ratelimit-limit'], first.headers['x-ratelimit-remaining'], first.headers['x-ratelimit-reset']], ['2', '1', String(T0 + 10)])
  await client.admins.me()
  const error = await client.admins.me().then(() => null, (e: unknown) => e) as (Error & { statusCode: number, body: unknown, headers: Record<string, string> }) | null
  t.equal(error?.message, 'More than 2 requests received in 1 minute')
  t.equal(error?.statusCode, 429)
  t.match(error?.body, { type: 'error.list', errors: [{ code: 'rate_limit_exceeded' }] })
  t.equal(error?.headers['x-ratelimit-remaining'], '0')
  mock.clock.advance(10)
  t.equal((await client.admins.me()).statusCode, 200, 'the next window')
})
