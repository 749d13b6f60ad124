import t from 'tap'
import { assertError, build, fixtures, FIXTURE, T0 } from '../helper.js'

const message = { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Hey' }
const windowEnd = (now: number, seconds = 10) => (Math.floor(now / seconds) + 1) * seconds

function rateHeaders (res: { headers: Record<string, unknown> }) {
  return {
    limit: res.headers['x-ratelimit-limit'],
    remaining: res.headers['x-ratelimit-remaining'],
    reset: res.headers['x-ratelimit-reset']
  }
}

t.test('every authenticated API answer carries the rate-limit headers; Intercom\'s default is 1666 a 10 s window', async t => {
  const api = await build(t)
  const first = await api.request({ url: '/admins' })
  t.same(rateHeaders(first), { limit: '1666', remaining: '1665', reset: String(windowEnd(T0)) })
  const notFound = await api.request({ url: '/conversations/999' })
  t.equal(notFound.statusCode, 404)
  t.same(rateHeaders(notFound), { limit: '1666', remaining: '1664', reset: String(windowEnd(T0)) }, 'errors count and carry them too')
  const badVersion = await api.request({ url: '/admins', version: '9.9' })
  t.equal(badVersion.statusCode, 400)
  t.equal(badVersion.headers['x-ratelimit-remaining'], '1663')
  const v2 = await api.request({ url: '/admins', version: '2.11' })
  t.equal(v2.headers['x-ratelimit-remaining'], '1662', 'every version alike')
})

t.test('unauthenticated answers and control calls carry none and count for nothing', async t => {
  const api = await build(t)
  const refused = await api.request({ url: '/admins', token: null })
  t.equal(refused.statusCode, 401)
  t.same(rateHeaders(refused), { limit: undefined, remaining: undefined, reset: undefined })
  for (let i = 0; i < 3; i++) {
    const control = await api.request({ url: '/__mock/rate-limit' })
    t.equal(control.statusCode, 200)
    t.equal(control.headers['x-ratelimit-limit'], undefined)
  }
  const health = await api.request({ url: '/__mock/health' })
  t.equal(health.headers['x-ratelimit-limit'], undefined)
  t.equal((await api.request({ url: '/admins' })).headers['x-ratelimit-remaining'], '1665', 'the first API request of the workspace')
})

t.test('a limit of 3: the fourth request is refused with Intercom\'s 429 and writes nothing; 10 s on, it passes', async t => {
  const api = await build(t)
  const set = await api.request({ method: 'PUT', url: '/__mock/rate-limit', payload: { limit: 3 } })
  t.equal(set.statusCode, 200)
  t.strictSame(set.json(), { enabled: true, limit: 3, window_seconds: 10, remaining: 3, reset_at: windowEnd(T0), overridden: true })
  for (const remaining of ['2', '1', '0']) {
    const res = await api.request({ method: 'POST', url: '/messages', payload: message })
    t.equal(res.statusCode, 200)
    t.equal(res.headers['x-ratelimit-remaining'], remaining)
  }
  const refused = await api.request({ method: 'POST', url: '/messages', payload: message })
  assertError(t, refused, 429, { code: 'rate_limit_exceeded', message: 'More than 3 requests received in 1 minute' })
  t.same(rateHeaders(refused), { limit: '3', remaining: '0', reset: String(windowEnd(T0)) })

  api.clock.advance(10)
  const listed = await api.request({ url: `/conversations?type=user&intercom_user_id=${FIXTURE.mal.id}` })
  t.equal(listed.statusCode, 200, 'a new window')
  t.same(rateHeaders(listed), { limit: '3', remaining: '2', reset: String(windowEnd(T0 + 10)) })
  t.equal(listed.json().conversations.length, 3, 'three messages went through; the refused one wrote nothing')
})

t.test('X-RateLimit-Reset follows the workspace clock: windows end on multiples of the window length', async t => {
  const api = await build(t)
  await api.request({ method: 'PUT', url: '/__mock/rate-limit', payload: { limit: 2, window_seconds: 60 } })
  api.clock.set(T0 + 59)
  t.same(rateHeaders(await api.request({ url: '/me' })), { limit: '2', remaining: '1', reset: String(T0 + 60) })
  api.clock.set(T0 + 60)
  t.same(rateHeaders(await api.request({ url: '/me' })), { limit: '2', remaining: '1', reset: String(T0 + 120) })
  t.same(rateHeaders(await api.request({ url: '/me' })), { limit: '2', remaining: '0', reset: String(T0 + 120) })
  api.clock.set(T0 - 3600)
  t.same(rateHeaders(await api.request({ url: '/me' })), { limit: '2', remaining: '1', reset: String(T0 - 3600 + 60) }, 'a clock set back starts that window afresh')
  t.match((await api.request({ url: '/__mock/rate-limit' })).json(), { remaining: 1, reset_at: T0 - 3540 })
})

t.test('rate limits are per workspace', async t => {
  const api = await build(t)
  await api.request({ method: 'PUT', url: '/__mock/rate-limit', payload: { limit: 1 }, token: 'tight' })
  t.equal((await api.request({ url: '/me', token: 'tight' })).statusCode, 200)
  t.equal((await api.request({ url: '/me', token: 'tight' })).statusCode, 429)
  const other = await api.request({ url: '/me', token: 'roomy' })
  t.equal(other.statusCode, 200)
  t.equal(other.headers['x-ratelimit-limit'], '1666')
})

t.test('{"enabled": false} turns it off (no headers, no limit); {"enabled": true} restores the default', async t => {
  const api = await build(t)
  const off = await api.request({ method: 'PUT', url: '/__mock/rate-limit', payload: { enabled: false } })
  t.strictSame(off.json(), { enabled: false, limit: null, window_seconds: null, remaining: null, reset_at: null, overridden: true })
  const res = await api.request({ url: '/me' })
  t.equal(res.statusCode, 200)
  t.equal(res.headers['x-ratelimit-limit'], undefined)
  const on = await api.request({ method: 'PUT', url: '/__mock/rate-limit', payload: { enabled: true } })
  t.strictSame(on.json(), { enabled: true, limit: 1666, window_seconds: 10, remaining: 1666, reset_at: windowEnd(T0), overridden: false })
  t.equal((await api.request({ url: '/me' })).headers['x-ratelimit-remaining'], '1665')
})

t.test('bad rate-limit bodies are 400s naming the field', async t => {
  const api = await build(t)
  const cases: Array<[unknown, string]> = [
    [{}, 'limit'],
    [{ limit: 0 }, 'limit'],
    [{ limit: 'many' }, 'limit'],
    [{ limit: 5, window_seconds: 0 }, 'window_seconds'],
    [{ limit: 5, window_seconds: 3601 }, 'window_seconds'],
    [{ enabled: false, limit: 5 }, 'limit'],
    [{ enabled: false, window_seconds: 5 }, 'window_seconds'],
    [{ window_seconds: 5 }, 'limit'],
    [{ limit: 5, per: 'minute' }, 'per']
  ]
  for (const [payload, field] of cases) {
    const res = await api.request({ method: 'PUT', url: '/__mock/rate-limit', payload: payload as object })
    assertError(t, res, 400, { code: 'parameter_invalid', message: /./, field })
  }
  t.equal((await api.request({ url: '/__mock/rate-limit', token: null })).statusCode, 400, 'control calls need a token')
})

t.test('the fixtures\' rate_limit is every workspace\'s default; the server setting applies when they set none', async t => {
  const api = await build(t, {}, { fixtures: { ...fixtures(), rate_limit: { limit: 2, window_seconds: 5 } } })
  t.same(rateHeaders(await api.request({ url: '/me' })), { limit: '2', remaining: '1', reset: String(windowEnd(T0, 5)) })
  const off = await build(t, {}, { fixtures: { ...fixtures(), rate_limit: { enabled: false } } })
  t.equal((await off.request({ url: '/me' })).headers['x-ratelimit-limit'], undefined)
  const server = await build(t, { rateLimit: { limit: 7, windowSeconds: 10 } })
  t.equal((await server.request({ url: '/me' })).headers['x-ratelimit-limit'], '7')
  const serverOff = await build(t, { rateLimit: null })
  t.equal((await serverOff.request({ url: '/me' })).headers['x-ratelimit-limit'], undefined)
})
