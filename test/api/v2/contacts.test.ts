import t from 'tap'
import { assertError, build, FIXTURE, T0, type TestApp } from '../../helper.js'

const V = '2.14'
const v2 = (api: TestApp, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: Record<string, unknown>, version = V) =>
  api.request({ method, url, version, ...(payload === undefined ? {} : { payload }) })

t.test('POST /contacts with only an email creates a user; role lead and external_id are kept', async t => {
  const api = await build(t)
  const user = await v2(api, 'POST', '/contacts', { email: 'JoeBloggs@intercom.io' })
  t.equal(user.statusCode, 200)
  const appId = (await api.request({ url: '/me', version: V })).json().app.id_code
  t.match(user.json(), {
    type: 'contact',
    workspace_id: appId,
    role: 'user',
    email: 'joebloggs@intercom.io',
    external_id: null,
    created_at: T0,
    updated_at: T0,
    custom_attributes: {},
    tags: { type: 'list', data: [] },
    location: { type: 'location' }
  })
  t.match(user.json().id, /^[0-9a-f]{24}$/)
  const lead = (await v2(api, 'POST', '/contacts', { role: 'lead', name: 'Lead' })).json()
  t.match(lead, { type: 'contact', role: 'lead', name: 'Lead', external_id: null })
  const withExternal = (await v2(api, 'POST', '/contacts', { role: 'user', external_id: 'ext-1', email: 'joe@example.com', name: 'Joe', custom_attributes: { plan: 'pro' } })).json()
  t.match(withExternal, { role: 'user', external_id: 'ext-1', email: 'joe@example.com', custom_attributes: { plan: 'pro' } })
})

t.test('POST /contacts errors: nothing to go on, a bad role, a conflict', async t => {
  const api = await build(t)
  assertError(t, await v2(api, 'POST', '/contacts', { name: 'Nameless' }), 400, { code: 'parameter_invalid', message: 'A contact needs at least one of email, external_id or role', field: 'role' })
  assertError(t, await v2(api, 'POST', '/contacts', { role: 'admin' }), 400, { code: 'parameter_invalid', message: 'role must be user or lead, not admin', field: 'role' })
  assertError(t, await v2(api, 'POST', '/contacts', { external_id: FIXTURE.mal.userId }), 409, {
    code: 'conflict', message: `A contact matching those details already exists with id=${FIXTURE.mal.id}`
  })
  assertError(t, await v2(api, 'POST', '/contacts', { email: FIXTURE.mal.email }), 409, {
    code: 'conflict', message: `A contact matching those details already exists with id=${FIXTURE.mal.id}`
  })
  t.equal((await v2(api, 'POST', '/contacts', { role: 'lead', email: FIXTURE.mal.email })).statusCode, 200, 'a lead may share a user\'s email')
})

t.test('GET /contacts/{id} shows users and leads; visitors, deleted and unknown contacts are 404', async t => {
  const api = await build(t)
  t.match((await v2(api, 'GET', `/contacts/${FIXTURE.mal.id}`)).json(), { id: FIXTURE.mal.id, role: 'user', external_id: FIXTURE.mal.userId, email: FIXTURE.mal.email, name: 'Malcolm Reynolds' })
  t.match((await v2(api, 'GET', `/contacts/${FIXTURE.simon.id}`)).json(), { id: FIXTURE.simon.id, role: 'lead', email: FIXTURE.simon.email })
  for (const id of [FIXTURE.visitor.id, '000000000000000000000000']) {
    assertError(t, await v2(api, 'GET', `/contacts/${id}`), 404, { code: 'not_found', message: 'User Not Found' })
  }
})

t.test('PUT /contacts/{id} updates, turns a lead into a user, and refuses a user becoming a lead', async t => {
  const api = await build(t)
  api.clock.advance(10)
  const updated = (await v2(api, 'PUT', `/contacts/${FIXTURE.simon.id}`, { role: 'user', external_id: 'simon-ext', name: 'Dr. Simon Tam', custom_attributes: { ship: 'Serenity' } })).json()
  t.match(updated, { id: FIXTURE.simon.id, role: 'user', external_id: 'simon-ext', name: 'Dr. Simon Tam', custom_attributes: { ship: 'Serenity' }, updated_at: T0 + 10 })
  t.equal((await api.request({ url: '/users?user_id=simon-ext', version: '1.4' })).json().id, FIXTURE.simon.id, 'a user in 1.x now')
  assertError(t, await v2(api, 'PUT', `/contacts/${FIXTURE.mal.id}`, { role: 'lead' }), 400, { code: 'parameter_invalid', message: 'A user cannot become a lead', field: 'role' })
  assertError(t, await v2(api, 'PUT', `/contacts/${FIXTURE.inara.id}`, { external_id: 'simon-ext' }), 409, {
    code: 'conflict', message: `A contact matching those details already exists with id=${FIXTURE.simon.id}`, field: 'external_id'
  })
  assertError(t, await v2(api, 'PUT', '/contacts/000000000000000000000000', { name: 'x' }), 404, { code: 'not_found', message: 'User Not Found' })
})

t.test('DELETE /contacts/{id} answers the deleted contact; it is then not found', async t => {
  const api = await build(t)
  const res = await v2(api, 'DELETE', `/contacts/${FIXTURE.inara.id}`)
  t.equal(res.statusCode, 200)
  t.match(res.json(), { id: FIXTURE.inara.id, external_id: FIXTURE.inara.userId, type: 'contact', deleted: true })
  assertError(t, await v2(api, 'GET', `/contacts/${FIXTURE.inara.id}`), 404, { code: 'not_found', message: 'User Not Found' })
  assertError(t, await v2(api, 'DELETE', `/contacts/${FIXTURE.inara.id}`), 404, { code: 'not_found', message: 'User Not Found' })
})

t.test('GET /contacts pages users and leads (not visitors) with the starting_after cursor', async t => {
  const api = await build(t)
  for (let i = 0; i < 6; i++) {
    api.clock.advance(1)
    await v2(api, 'POST', '/contacts', { role: 'lead', name: `Lead ${i}` })
  }
  const first = (await v2(api, 'GET', '/contacts?per_page=4')).json()
  t.match(first, { type: 'list', total_count: 11, pages: { type: 'pages', page: 1, per_page: 4, total_pages: 3 } })
  t.same(first.data.map((c: { name: string }) => c.name), ['Lead 5', 'Lead 4', 'Lead 3', 'Lead 2'], 'newest first')
  const seen: string[] = first.data.map((c: { id: string }) => c.id)
  let next = first.pages.next
  while (next !== undefined && next !== null) {
    t.equal(next.per_page, 4)
    const page = (await v2(api, 'GET', `/contacts?per_page=4&starting_after=${encodeURIComponent(next.starting_after)}`)).json()
    seen.push(...page.data.map((c: { id: string }) => c.id))
    next = page.pages.next
  }
  t.equal(seen.length, 11)
  t.equal(new Set(seen).size, 11)
  t.notOk(seen.includes(FIXTURE.visitor.id))
  assertError(t, await v2(api, 'GET', '/contacts?starting_after=nonsense'), 400, {
    code: 'parameter_invalid', message: 'starting_after is not a cursor this server handed out: pass pages.next.starting_after as it came', field: 'starting_after'
  })
})

t.test('GET /contacts/find_by_external_id/{external_id} exists from 2.14', async t => {
  const api = await build(t)
  t.equal((await v2(api, 'GET', `/contacts/find_by_external_id/${FIXTURE.mal.userId}`)).json().id, FIXTURE.mal.id)
  t.equal((await v2(api, 'GET', `/contacts/find_by_external_id/${FIXTURE.mal.userId}`, undefined, 'Preview')).json().id, FIXTURE.mal.id)
  assertError(t, await v2(api, 'GET', '/contacts/find_by_external_id/nobody'), 404, { code: 'not_found', message: 'User Not Found' })
  assertError(t, await v2(api, 'GET', `/contacts/find_by_external_id/${FIXTURE.mal.userId}`, undefined, '2.11'), 400, {
    code: 'intercom_version_invalid', message: 'Requested resource is not available in current API version.'
  })
})

t.test('POST /contacts/merge merges a lead into a user; its conversations follow', async t => {
  const api = await build(t)
  await api.request({ method: 'POST', url: '/conversations', version: V, payload: { from: { type: 'lead', id: FIXTURE.simon.id }, body: 'From the lead' } })
  const res = await v2(api, 'POST', '/contacts/merge', { from: FIXTURE.simon.id, into: FIXTURE.inara.id })
  t.equal(res.statusCode, 200)
  t.match(res.json(), { id: FIXTURE.inara.id, role: 'user' })
  assertError(t, await v2(api, 'GET', `/contacts/${FIXTURE.simon.id}`), 404, { code: 'not_found', message: 'User Not Found' })
  const conversation = (await v2(api, 'GET', '/conversations/1000000001')).json()
  t.same(conversation.contacts.contacts.map((c: { id: string }) => c.id), [FIXTURE.inara.id])
})

t.test('POST /contacts/merge errors', async t => {
  const api = await build(t)
  assertError(t, await v2(api, 'POST', '/contacts/merge', { into: FIXTURE.mal.id }), 400, { code: 'parameter_invalid', message: 'from is required: the id of the lead to merge', field: 'from' })
  assertError(t, await v2(api, 'POST', '/contacts/merge', { from: FIXTURE.simon.id }), 400, { code: 'parameter_invalid', message: 'into is required: the id of the user to merge the lead into', field: 'into' })
  assertError(t, await v2(api, 'POST', '/contacts/merge', { from: FIXTURE.mal.id, into: FIXTURE.inara.id }), 400, { code: 'parameter_invalid', message: 'from must be a lead: only a lead can be merged into a user', field: 'from' })
  assertError(t, await v2(api, 'POST', '/contacts/merge', { from: FIXTURE.simon.id, into: FIXTURE.river.id }), 400, { code: 'parameter_invalid', message: 'into must be a user: a lead can only be merged into a user', field: 'into' })
  assertError(t, await v2(api, 'POST', '/contacts/merge', { from: '000000000000000000000000', into: FIXTURE.mal.id }), 404, { code: 'not_found', message: 'User Not Found' })
})

t.test('1.x users and leads are the same rows as 2.x contacts', async t => {
  const api = await build(t)
  const user = (await api.request({ method: 'POST', url: '/users', version: '1.4', payload: { user_id: 'both-1', email: 'both@example.com' } })).json()
  t.match((await v2(api, 'GET', `/contacts/${user.id}`)).json(), { role: 'user', external_id: 'both-1', email: 'both@example.com' })
  const contact = (await v2(api, 'POST', '/contacts', { role: 'lead', email: 'lead2@example.com' })).json()
  const lead = (await api.request({ url: `/contacts/${contact.id}`, version: '1.4' })).json()
  t.match(lead, { type: 'contact', id: contact.id, email: 'lead2@example.com' })
  t.match(lead.user_id, /^[0-9a-f-]{36}$/, 'a 2.x lead has the anonymous user_id Intercom gives leads in 1.x')
})

t.test('PUT /contacts/{id} with unsubscribed_from_emails false re-subscribes (false is not taken for null)', async t => {
  const api = await build(t)
  const res = await api.request({ method: 'PUT', url: `/contacts/${FIXTURE.jayne.id}`, version: '2.11', payload: { unsubscribed_from_emails: false } })
  t.equal(res.json().unsubscribed_from_emails, false)
  const kept = await api.request({ method: 'PUT', url: `/contacts/${FIXTURE.jayne.id}`, version: '2.11', payload: { unsubscribed_from_emails: null } })
  t.equal(kept.json().unsubscribed_from_emails, false)
})
