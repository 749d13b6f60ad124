import t, { type Test } from 'tap'
import { workspaceKey } from '../../src/ui/key.js'
import { assertError, build, FIXTURE, listen, type TestApp } from '../helper.js'

/** The UI's server side over HTTP: its page and assets, its read endpoints, its actions, its control passthrough and its event stream. */

const ui = (app: TestApp, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
  app.app.inject({ method, url: `/__mock/ui/api${url}`, headers: { ...headers, ...(payload === undefined ? {} : { 'content-type': 'application/json' }) }, ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }) })

async function conversation (t: Test, app: TestApp, token: string, body: string): Promise<string> {
  const started = await app.request({ method: 'POST', url: '/conversations', token, version: '2.11', payload: { from: { type: 'user', id: FIXTURE.mal.id }, body } })
  t.equal(started.statusCode, 200)
  return String(started.json().conversation_id)
}

t.test('GET /__mock and /__mock/ redirect to /__mock/ui, which serves the page and its bundled assets, same-origin only', async t => {
  const app = await build(t)
  for (const url of ['/__mock', '/__mock/']) {
    const redirect = await app.app.inject({ url })
    t.equal(redirect.statusCode, 302, url)
    t.equal(redirect.headers.location, '/__mock/ui')
  }
  const page = await app.app.inject({ url: '/__mock/ui' })
  t.equal(page.statusCode, 200)
  t.match(page.headers['content-type'], 'text/html')
  t.match(page.headers['content-security-policy'], "default-src 'self'")
  t.match(page.body, '<script type="module" src="/__mock/ui/assets/app.js"></script>')
  for (const [name, type] of [['app.js', 'text/javascript'], ['app.css', 'text/css']] as const) {
    const served = await app.app.inject({ url: `/__mock/ui/assets/${name}` })
    t.equal(served.statusCode, 200, name)
    t.match(served.headers['content-type'], type)
    t.ok(served.body.length > 1000)
  }
  assertError(t, await app.app.inject({ url: '/__mock/ui/assets/secrets.json' }), 404, { code: 'not_found', message: 'No UI asset secrets.json (was the UI built? npm run build)' })
  t.equal(app.app.control.requests('test-token', {}).length, 0, 'nothing of it in the journal')
})

t.test('workspaces are named by a hash of their token: listed, opened by token, 404 for a key no workspace has', async t => {
  const app = await build(t)
  t.same((await ui(app, 'GET', '/workspaces')).json(), { data: [] })
  const opened = await ui(app, 'POST', '/workspaces', { token: 'secret-token-1' })
  t.equal(opened.statusCode, 200)
  t.match(opened.json(), { key: workspaceKey('secret-token-1'), token_hint: 'secr', contacts: 7, conversations: 0, journal_entries: 0 })
  const list = (await ui(app, 'GET', '/workspaces')).json()
  t.equal(list.data.length, 1)
  t.notMatch(JSON.stringify(list), 'secret-token-1', 'the token itself is never shown')
  assertError(t, await ui(app, 'GET', '/w/0123456789abcdef'), 404, { code: 'not_found', message: 'No workspace has this key' })
  t.equal((await ui(app, 'GET', '/w/not-a-key')).statusCode, 400)
  t.equal((await ui(app, 'POST', '/workspaces', { token: '' })).statusCode, 400)
  t.equal((await ui(app, 'POST', '/workspaces', { token: 'x', extra: 1 })).statusCode, 400)
})

t.test('the overview, the inbox (2.x conversations with their last part), a thread and the people of one workspace', async t => {
  const app = await build(t)
  const id = await conversation(t, app, 'reads', 'Where is my parcel?')
  await conversation(t, app, 'other', 'Not yours')
  const key = workspaceKey('reads')
  const overview = (await ui(app, 'GET', `/w/${key}`)).json()
  t.match(overview, { workspace: { key, conversations: 1 }, app: { name: 'Serenity' }, clock: { mode: 'real' }, api_version: '2.11' })
  t.same(overview.admins.map((a: { name: string }) => a.name), ['Wash', 'Zoe Washburne', 'Kaylee Frye'])
  const inbox = (await ui(app, 'GET', `/w/${key}/conversations`)).json()
  t.equal(inbox.data.length, 1)
  t.match(inbox.data[0], { conversation: { type: 'conversation', id, state: 'open', read: false }, last: { part_type: 'source', body: 'Where is my parcel?', author_type: 'user', author_name: 'Malcolm Reynolds' } })
  t.notOk('conversation_parts' in inbox.data[0].conversation)
  const thread = (await ui(app, 'GET', `/w/${key}/conversations/${id}`)).json()
  t.match(thread, { id, conversation_parts: { type: 'conversation_part.list', conversation_parts: [] } })
  assertError(t, await ui(app, 'GET', `/w/${key}/conversations/99`), 404, { code: 'not_found', message: 'Conversation Not Found' })
  await conversation(t, app, 'only-theirs', 'Elsewhere')
  const theirs = await conversation(t, app, 'only-theirs', 'Elsewhere again')
  t.not(theirs, id, 'an id the other workspace has and this one has not')
  assertError(t, await ui(app, 'GET', `/w/${key}/conversations/${theirs}`), 404, { code: 'not_found', message: 'Conversation Not Found' })
  t.notMatch((await ui(app, 'GET', `/w/${key}/conversations`)).body, 'Elsewhere', 'another workspace\'s conversation never lists')
  const people = (await ui(app, 'GET', `/w/${key}/people`)).json()
  t.equal(people.data.length, 7)
  t.match(people.data.find((p: { id: string }) => p.id === FIXTURE.mal.id), { type: 'contact', role: 'user', email: FIXTURE.mal.email, deleted_at: null })
  t.equal(app.app.control.requests('reads', {}).length, 1, 'reads stay out of the journal: only the API call that started the conversation is there')
})

t.test('actions are API requests of the workspace: they answer as the API does and land in its journal', async t => {
  const app = await build(t)
  const id = await conversation(t, app, 'acts', 'Hello?')
  const key = workspaceKey('acts')
  const act = async (body: Record<string, unknown>) => await ui(app, 'POST', `/w/${key}/conversations/${id}/actions`, body)
  const replied = await act({ action: 'reply', admin_id: FIXTURE.wash.id, body: 'Hi!' })
  t.equal(replied.statusCode, 200)
  t.match(replied.json().conversation_parts.conversation_parts.at(-1), { part_type: 'comment', body: '<p>Hi!</p>', author: { type: 'admin', id: FIXTURE.wash.id } })
  t.equal((await act({ action: 'note', admin_id: FIXTURE.wash.id, body: 'internal' })).json().conversation_parts.conversation_parts.at(-1).part_type, 'note')
  t.equal((await act({ action: 'customer_reply', contact_id: FIXTURE.mal.id, body: 'Thanks' })).json().conversation_parts.conversation_parts.at(-1).author.type, 'user')
  t.match((await act({ action: 'assign', admin_id: FIXTURE.wash.id, assignee_id: FIXTURE.crew.id, assignee_type: 'team' })).json(), { team_assignee_id: Number(FIXTURE.crew.id) })
  t.match((await act({ action: 'snooze', admin_id: FIXTURE.wash.id, snoozed_until: app.clock.now() + 3600 })).json(), { state: 'snoozed' })
  t.match((await act({ action: 'open', admin_id: FIXTURE.wash.id })).json(), { state: 'open' })
  t.match((await act({ action: 'close', admin_id: FIXTURE.wash.id })).json(), { state: 'closed' })
  const refused = await act({ action: 'reply', body: 'who am I?' })
  t.equal(refused.statusCode, 400, 'the API\'s answer, passed on')
  t.equal(refused.json().type, 'error.list')
  const journal = app.app.control.requests('acts', {})
  t.equal(journal.length, 9)
  t.equal(refused.headers['x-request-id'], refused.json().request_id, 'under the id of the API request made for it')
  t.equal(journal[0]?.id, refused.json().request_id, 'which is its journal entry\'s')
  t.same(journal.map(e => e.request.headers['user-agent']).slice(0, 8), Array(8).fill('intercom-mock-ui'))
  t.equal(journal[0]?.api_version, '2.11')
  t.equal((await act({ action: 'explode' })).statusCode, 400)
  t.equal((await act({ action: 'reply', admin_id: FIXTURE.wash.id, body: 'x', surprise: true })).statusCode, 400)
})

t.test('the control passthrough calls the workspace\'s own control routes, and only those the UI needs', async t => {
  const app = await build(t)
  await conversation(t, app, 'ctl', 'Hi')
  const key = workspaceKey('ctl')
  const requests = (await ui(app, 'GET', `/w/${key}/control/requests?limit=5&method=POST`)).json()
  t.equal(requests.data.length, 1)
  t.same((await ui(app, 'GET', `/w/${key}/control/clock`)).json(), { now: app.clock.now(), mode: 'real' })
  t.equal((await ui(app, 'PUT', `/w/${key}/control/clock`, { advance: 60 })).json().mode, 'offset')
  const fault = await ui(app, 'POST', `/w/${key}/control/faults`, { match: { path: '/me' }, respond: { status: 503 } })
  t.equal(fault.statusCode, 201)
  t.equal((await ui(app, 'DELETE', `/w/${key}/control/faults/${fault.json().id as string}`)).statusCode, 200)
  assertError(t, await ui(app, 'GET', `/w/${key}/control/seed`), 404, { code: 'not_found', message: 'The UI does not call /__mock/seed' })
  t.equal((await ui(app, 'GET', `/w/${key}/control/../health`)).statusCode, 404)
  const reset = await ui(app, 'POST', `/w/${key}/control/reset`)
  t.equal(reset.statusCode, 200)
  t.equal((await ui(app, 'GET', `/w/${key}/conversations`)).json().data.length, 0, 'the key names the token\'s new workspace')
})

t.test('with INTERCOM_MOCK_ADMIN_TOKEN the page loads (its login form) but every API call wants the token; the event stream takes a proof of it instead', async t => {
  const app = await build(t, { adminToken: 'sesame' })
  t.equal((await app.app.inject({ url: '/__mock/ui' })).statusCode, 200)
  t.equal((await app.app.inject({ url: '/__mock/ui/assets/app.js' })).statusCode, 200)
  assertError(t, await ui(app, 'GET', '/workspaces'), 401, { code: 'unauthorized', message: 'This mock requires the header X-Intercom-Mock-Admin for control calls' })
  assertError(t, await ui(app, 'GET', '/workspaces', undefined, { 'x-intercom-mock-admin': 'nope' }), 401, { code: 'unauthorized', message: /does not match/ })
  const opened = await ui(app, 'POST', '/workspaces', { token: 'g' }, { 'x-intercom-mock-admin': 'sesame' })
  t.equal(opened.statusCode, 200)
  const key = opened.json().key as string
  t.equal((await ui(app, 'GET', `/w/${key}/control/clock`, undefined, { 'x-intercom-mock-admin': 'sesame' })).statusCode, 200, 'the passthrough carries the admin token on')
  const stream = (await ui(app, 'GET', `/w/${key}/stream`, undefined, { 'x-intercom-mock-admin': 'sesame' })).json() as { url: string }
  t.match(stream.url, new RegExp(`^/__mock/ui/api/w/${key}/events\\?stream=[0-9a-f]{64}$`), 'a proof for this stream, not the admin token')
  t.notMatch(stream.url, 'sesame')
  t.equal((await ui(app, 'GET', `/w/${key}/events?stream=${'0'.repeat(64)}`)).statusCode, 401, 'a wrong proof is refused')
  t.equal((await ui(app, 'GET', `/w/${key}/events?admin=sesame`)).statusCode, 401, 'the admin token in the query is not taken')
  const other = await ui(app, 'POST', '/workspaces', { token: 'h' }, { 'x-intercom-mock-admin': 'sesame' })
  const proof = stream.url.split('=')[1] ?? ''
  t.equal((await ui(app, 'GET', `/w/${other.json().key as string}/events?stream=${proof}`)).statusCode, 401, 'nor one workspace\'s proof for another\'s stream')
})

t.test('the event stream tells of API requests, control changes and nothing of other workspaces', async t => {
  const mock = await listen(t)
  const key = workspaceKey('sse')
  await fetch(`${mock.url}/admins`, { headers: { authorization: 'Bearer sse' } })
  const controller = new AbortController()
  t.teardown(() => controller.abort())
  const response = await fetch(`${mock.url}/__mock/ui/api/w/${key}/events`, { signal: controller.signal })
  t.equal(response.status, 200)
  t.match(response.headers.get('content-type'), 'text/event-stream')
  const reader = (response.body as ReadableStream<Uint8Array>).getReader()
  const decoder = new TextDecoder()
  let text = ''
  const until = async (pattern: RegExp): Promise<void> => {
    while (!pattern.test(text)) {
      const { value, done } = await reader.read()
      if (done) throw new Error(`stream ended: ${text}`)
      text += decoder.decode(value)
    }
  }
  await until(/event: ready/)
  t.match(text, /^retry: 1000\n/)
  await fetch(`${mock.url}/admins`, { headers: { authorization: 'Bearer someone-else' } })
  await fetch(`${mock.url}/admins`, { headers: { authorization: 'Bearer sse' } })
  await until(/event: change\ndata: \{"kind":"request"\}/)
  t.equal(text.match(/event: change/g)?.length, 1, 'the other workspace\'s request told nothing')
  await fetch(`${mock.url}/__mock/clock`, { method: 'PUT', headers: { authorization: 'Bearer sse', 'content-type': 'application/json' }, body: JSON.stringify({ advance: 5 }) })
  await until(/"kind":"control"/)
  await fetch(`${mock.url}/__mock/reset`, { method: 'POST' })
  await until(/("kind":"control"[\s\S]*){2}/)
  t.pass('a server-wide reset tells every stream')
  controller.abort()
  await mock.close() // open streams do not hold the server up
})
