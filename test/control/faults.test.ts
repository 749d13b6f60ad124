import t from 'tap'
import { assertError, build, FIXTURE, T0, type TestApp } from '../helper.js'

const message = { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Hey' }
const addFault = async (api: TestApp, rule: object, token?: string) => {
  const res = await api.request({ method: 'POST', url: '/__mock/faults', payload: rule, ...(token === undefined ? {} : { token }) })
  if (res.statusCode !== 201) throw new Error(`fault rule refused: ${res.body}`)
  return res.json() as { id: string }
}
const conversationsOf = async (api: TestApp) =>
  (await api.request({ url: `/conversations?type=user&intercom_user_id=${FIXTURE.mal.id}` })).json().conversations as unknown[]

t.test('a rule is created, listed, deleted one by one or all at once', async t => {
  const api = await build(t)
  const created = await api.request({ method: 'POST', url: '/__mock/faults', payload: { match: { method: 'POST', path: '/conversations/*/reply' }, respond: { status: 500 }, times: 2 } })
  t.equal(created.statusCode, 201)
  t.strictSame(created.json(), {
    id: 'fault_1',
    match: { method: 'POST', path: '/conversations/*/reply' },
    respond: { status: 500 },
    when: 'before',
    times: 2,
    remaining: 2,
    probability: 1,
    applied: 0
  })
  await addFault(api, { network: 'reset', when: 'after', probability: 0.5 })
  await addFault(api, { delay_ms: 10 })
  const list = await api.request({ url: '/__mock/faults' })
  t.equal(list.statusCode, 200)
  t.same(list.json().type, 'list')
  t.same(list.json().data.map((r: { id: string }) => r.id), ['fault_1', 'fault_2', 'fault_3'])
  t.strictSame(list.json().data[1], { id: 'fault_2', match: {}, network: 'reset', when: 'after', times: null, remaining: null, probability: 0.5, applied: 0 })

  const removed = await api.request({ method: 'DELETE', url: '/__mock/faults/fault_2' })
  t.equal(removed.statusCode, 200)
  t.equal(removed.json().id, 'fault_2')
  assertError(t, await api.request({ method: 'DELETE', url: '/__mock/faults/fault_2' }), 404, { code: 'not_found', message: 'No fault rule has id fault_2', field: 'id' })
  t.same((await api.request({ url: '/__mock/faults', token: 'another-workspace' })).json().data, [], 'rules are per workspace')

  const cleared = await api.request({ method: 'DELETE', url: '/__mock/faults' })
  t.strictSame(cleared.json(), { deleted: 2 })
  t.same((await api.request({ url: '/__mock/faults' })).json().data, [])
  t.equal((await addFault(api, { delay_ms: 1 })).id, 'fault_4', 'ids are never reused within a workspace')
})

t.test('respond before: Intercom\'s own error body for the status, nothing written, rate-limit headers kept', async t => {
  const api = await build(t)
  const cases: Array<[number, string, string, string?]> = [
    [500, 'server_error', 'Request failed due to an internal error. Please reach out to support'],
    [502, 'server_error', 'Bad Gateway'],
    [503, 'service_unavailable', 'Service Unavailable'],
    [504, 'request_timeout', 'Gateway Timeout'],
    [401, 'unauthorized', 'Access Token Invalid', '2.11'],
    [401, 'token_revoked', 'Unauthorized', '1.4'],
    [403, 'api_plan_restricted', 'Active subscription needed.'],
    [404, 'not_found', 'Resource Not Found'],
    [418, 'client_error', 'I\'m a Teapot']
  ]
  for (const [status, code, text, version] of cases) {
    await addFault(api, { match: { path: '/messages' }, respond: { status }, times: 1 })
    const res = await api.request({ method: 'POST', url: '/messages', payload: message, ...(version === undefined ? {} : { version }) })
    assertError(t, res, status, { code, message: text })
    t.ok(res.headers['x-ratelimit-remaining'], 'the rate-limit headers of an authenticated answer')
  }
  t.same(await conversationsOf(api), [], 'no faulted message was written')
})

t.test('a 429 fault carries the rate-limit headers with Remaining 0; errors and headers can be given', async t => {
  const api = await build(t)
  await api.request({ method: 'PUT', url: '/__mock/rate-limit', payload: { limit: 50 } })
  await addFault(api, { respond: { status: 429 }, times: 1 })
  const limited = await api.request({ url: '/me' })
  assertError(t, limited, 429, { code: 'rate_limit_exceeded', message: 'More than 50 requests received in 1 minute' })
  t.same([limited.headers['x-ratelimit-limit'], limited.headers['x-ratelimit-remaining'], limited.headers['x-ratelimit-reset']], ['50', '0', String(T0 + 10)])

  const withHeadersRule = await addFault(api, { respond: { status: 429, headers: { 'Retry-After': '2', 'X-RateLimit-Reset': String(T0 + 1) } }, times: 1 })
  t.strictSame((withHeadersRule as { respond?: unknown }).respond, { status: 429, headers: { 'Retry-After': '2', 'X-RateLimit-Reset': String(T0 + 1) } }, 'the rule shows its headers')
  const withHeaders = await api.request({ url: '/me' })
  t.equal(withHeaders.headers['retry-after'], '2')
  t.equal(withHeaders.headers['x-ratelimit-reset'], String(T0 + 1), 'the rule\'s headers win')

  await addFault(api, { respond: { status: 401, errors: [{ code: 'token_revoked', message: 'Token revoked' }, { code: 'other', message: 'And this', field: 'x' }] }, times: 1 })
  const custom = await api.request({ url: '/me' })
  t.equal(custom.statusCode, 401)
  t.strictSame(custom.json(), { type: 'error.list', request_id: custom.headers['x-request-id'], errors: [{ code: 'token_revoked', message: 'Token revoked' }, { code: 'other', message: 'And this', field: 'x' }] })
  t.equal((await api.request({ url: '/me' })).statusCode, 200, 'all three were one-shot')
})

t.test('respond after: the request is processed and committed, then the answer is the error', async t => {
  const api = await build(t)
  await addFault(api, { match: { method: 'POST', path: '/messages' }, respond: { status: 503, headers: { 'X-Fault': 'yes' } }, when: 'after', times: 1 })
  const res = await api.request({ method: 'POST', url: '/messages', payload: message })
  assertError(t, res, 503, { code: 'service_unavailable', message: 'Service Unavailable' })
  t.equal(res.headers['x-fault'], 'yes')
  t.equal((await conversationsOf(api)).length, 1, 'the message went through')
})

t.test('delay_ms before and after: the real answer, late', async t => {
  const api = await build(t)
  await addFault(api, { match: { path: '/me' }, delay_ms: 150, times: 1 })
  await addFault(api, { match: { path: '/me' }, delay_ms: 150, when: 'after', times: 1 })
  for (const when of ['before', 'after']) {
    const started = performance.now()
    const res = await api.request({ url: '/me' })
    const took = performance.now() - started
    t.equal(res.statusCode, 200)
    t.equal(res.json().id, FIXTURE.wash.id)
    t.ok(took >= 145, `${when}: answered after ${took.toFixed(0)} ms`)
  }
  const started = performance.now()
  await api.request({ url: '/me' })
  t.ok(performance.now() - started < 145, 'both rules are spent')
})

t.test('times: the next n matching requests, then the rule is spent (and stays listed)', async t => {
  const api = await build(t)
  await addFault(api, { match: { path: '/admins' }, respond: { status: 500 }, times: 2 })
  t.equal((await api.request({ url: '/me' })).statusCode, 200, 'not matching: not counted')
  t.equal((await api.request({ url: '/admins' })).statusCode, 500)
  t.equal((await api.request({ url: '/admins' })).statusCode, 500)
  t.equal((await api.request({ url: '/admins' })).statusCode, 200)
  t.match((await api.request({ url: '/__mock/faults' })).json().data[0], { id: 'fault_1', times: 2, remaining: 0, applied: 2 })
})

t.test('sticky until deleted; rules apply in creation order, first match wins', async t => {
  const api = await build(t)
  const first = await addFault(api, { match: { path: '/admins' }, respond: { status: 502 } })
  await addFault(api, { respond: { status: 503 } })
  for (let i = 0; i < 3; i++) t.equal((await api.request({ url: '/admins' })).statusCode, 502)
  t.equal((await api.request({ url: '/me' })).statusCode, 503, 'the catch-all rule')
  await api.request({ method: 'DELETE', url: `/__mock/faults/${first.id}` })
  t.equal((await api.request({ url: '/admins' })).statusCode, 503)
  t.match((await api.request({ url: '/__mock/faults' })).json().data, [{ applied: 2, remaining: null }])
})

t.test('match: method, exact path, * and ** globs, trailing slash, api_version by major or exact', async t => {
  const api = await build(t)
  const conversation = await api.request({ method: 'POST', url: '/messages', payload: message })
  t.equal(conversation.statusCode, 200)
  const rules: Array<[object, Array<[string, string, string | undefined, boolean]>]> = [
    [{ method: 'POST' }, [['POST', '/messages', undefined, true], ['GET', '/me', undefined, false]]],
    [{ path: '/conversations/*/reply' }, [['POST', '/conversations/1000000001/reply', undefined, true], ['GET', '/conversations/1000000001', undefined, false], ['POST', '/conversations/1000000001/parts', '2.11', false]]],
    [{ path: '/conversations/*' }, [['GET', '/conversations/1000000001', undefined, true], ['POST', '/conversations/1000000001/reply', undefined, false], ['GET', '/conversations/', undefined, false]]],
    [{ path: '/conversations/**' }, [['POST', '/conversations/1000000001/reply', undefined, true], ['GET', '/conversations/1000000001', undefined, true], ['GET', '/conversations', undefined, false]]],
    [{ path: '/admins/' }, [['GET', '/admins', undefined, true], ['GET', '/admins/', undefined, true]]],
    [{ path: '/contacts' }, [['GET', '/contacts?per_page=1', undefined, true], ['GET', '/contacts/abc', undefined, false]]],
    [{ api_version: '2' }, [['GET', '/me', '2.11', true], ['GET', '/me', 'Preview', true], ['GET', '/me', '1.4', false], ['GET', '/me', undefined, false]]],
    [{ api_version: '2.11' }, [['GET', '/me', '2.11', true], ['GET', '/me', '2.10', false]]],
    [{ api_version: '1.4', method: 'GET', path: '/me' }, [['GET', '/me', undefined, true], ['GET', '/me', '1.3', false]]]
  ]
  for (const [match, requests] of rules) {
    const rule = await addFault(api, { match, respond: { status: 418 } })
    for (const [method, url, version, faulted] of requests) {
      const res = await api.request({ method: method as 'GET', url, ...(version === undefined ? {} : { version }), ...(method === 'POST' ? { payload: {} } : {}) })
      t.equal(res.statusCode === 418, faulted, `${JSON.stringify(match)} ${faulted ? 'faults' : 'leaves'} ${method} ${url} ${version ?? ''}`)
    }
    await api.request({ method: 'DELETE', url: `/__mock/faults/${rule.id}` })
  }
})

t.test('probability is drawn from the workspace\'s seed: the same rules fire on the same requests in every run', async t => {
  const pattern = async (token: string) => {
    const api = await build(t)
    await addFault(api, { match: { path: '/me' }, respond: { status: 500 }, probability: 0.3 }, token)
    const statuses: number[] = []
    for (let i = 0; i < 40; i++) statuses.push((await api.request({ url: '/me', token })).statusCode)
    return statuses
  }
  const first = await pattern('seeded')
  t.same(await pattern('seeded'), first, 'a second run repeats the first')
  const faulted = first.filter(s => s === 500).length
  t.ok(faulted > 4 && faulted < 24, `${faulted} of 40 faulted at probability 0.3`)
  t.notSame(await pattern('another-seed'), first, 'another workspace draws differently')

  const api = await build(t)
  await addFault(api, { respond: { status: 500 }, probability: 0 })
  await addFault(api, { respond: { status: 502 }, probability: 1, times: 1 })
  t.equal((await api.request({ url: '/me' })).statusCode, 502, 'a rule that does not fire lets the next one match')
  t.equal((await api.request({ url: '/me' })).statusCode, 200, 'probability 0 never fires')
  t.match((await api.request({ url: '/__mock/faults' })).json().data[0], { applied: 0 })
})

t.test('bad rules are 400s naming the field', async t => {
  const api = await build(t)
  const cases: Array<[unknown, string, RegExp?]> = [
    [{}, 'respond', /needs one action/],
    [{ match: { path: '/me' } }, 'respond', /needs one action/],
    [{ respond: { status: 500 }, delay_ms: 5 }, 'delay_ms', /not both respond and delay_ms/],
    [{ delay_ms: 5, network: 'reset' }, 'network'],
    [{ respond: {} }, 'respond.status'],
    [{ respond: { status: 200 } }, 'respond.status'],
    [{ respond: { status: 600 } }, 'respond.status'],
    [{ respond: { status: 500, errors: [] } }, 'respond.errors'],
    [{ respond: { status: 500, errors: [{ message: 'no code' }] } }, 'respond.errors.0.code'],
    [{ respond: { status: 500, errors: [{ code: 'x', message: 'y', extra: 1 }] } }, 'respond.errors.0.extra'],
    [{ respond: { status: 500, headers: { 'Content-Length': '5' } } }, 'respond.headers.Content-Length'],
    [{ respond: { status: 500, headers: { 'bad header': 'x' } } }, 'respond.headers.bad header'],
    [{ delay_ms: -1 }, 'delay_ms'],
    [{ delay_ms: 300001 }, 'delay_ms'],
    [{ network: 'explode' }, 'network'],
    [{ network: 'truncated' }, 'when', /needs "when": "after"/],
    [{ network: 'reset', when: 'during' }, 'when'],
    [{ delay_ms: 1, times: 0 }, 'times'],
    [{ delay_ms: 1, times: 1.5 }, 'times'],
    [{ delay_ms: 1, probability: 1.5 }, 'probability'],
    [{ delay_ms: 1, probability: -0.1 }, 'probability'],
    [{ delay_ms: 1, time: 1 }, 'time', /is not allowed here/],
    [{ delay_ms: 1, match: { method: 'FETCH' } }, 'match.method'],
    [{ delay_ms: 1, match: { path: 'messages' } }, 'match.path'],
    [{ delay_ms: 1, match: { api_version: '3' } }, 'match.api_version'],
    [{ delay_ms: 1, match: { verb: 'GET' } }, 'match.verb'],
    [{ delay_ms: 1, match: { path: '/__mock/health' } }, 'match.path', /Control routes/],
    [{ respond: { status: 503 }, match: { path: '/__mock/faults' } }, 'match.path', /Control routes/],
    [{ respond: { status: 503 }, match: { path: '/__mock' } }, 'match.path', /Control routes/]
  ]
  for (const [payload, field, text] of cases) {
    const res = await api.request({ method: 'POST', url: '/__mock/faults', payload: payload as object })
    assertError(t, res, 400, { code: 'parameter_invalid', message: text ?? /./, field })
  }
  assertError(t, await api.request({ method: 'POST', url: '/__mock/faults', payload: [] }), 400, { code: 'parameter_invalid', message: 'The request body must be a JSON object' })
  t.same((await api.request({ url: '/__mock/faults' })).json().data, [], 'none was created')
  assertError(t, await api.request({ method: 'POST', url: '/__mock/faults', payload: { delay_ms: 1 }, token: null }), 400, { code: 'parameter_not_found', message: /access token/ })
})

t.test('control routes are never faulted, whatever the rules', async t => {
  const api = await build(t)
  await addFault(api, { respond: { status: 503 } })
  await addFault(api, { match: { path: '/**' }, respond: { status: 500 } })
  t.equal((await api.request({ url: '/me' })).statusCode, 503)
  t.equal((await api.request({ url: '/__mock/faults' })).statusCode, 200, 'the test can still see its rules')
  t.equal((await api.request({ url: '/__mock/rate-limit' })).statusCode, 200)
  t.equal((await api.request({ url: '/__mock/health' })).statusCode, 200)
  t.equal((await api.request({ method: 'DELETE', url: '/__mock/faults' })).statusCode, 200, 'and remove them')
  t.equal((await api.request({ url: '/me' })).statusCode, 200)
})

t.test('a request over the rate limit is refused before any fault applies, and spends no rule', async t => {
  const api = await build(t)
  await api.request({ method: 'PUT', url: '/__mock/rate-limit', payload: { limit: 1 } })
  await addFault(api, { respond: { status: 500 }, when: 'after', times: 2 })
  t.equal((await api.request({ url: '/me' })).statusCode, 500)
  t.equal((await api.request({ url: '/me' })).statusCode, 429)
  t.match((await api.request({ url: '/__mock/faults' })).json().data[0], { applied: 1, remaining: 1 })
})
