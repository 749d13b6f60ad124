import t from 'tap'
import { assertError, build, FIXTURE, T0, type TestApp } from '../../helper.js'

/** Each difference between 1.x minors: the same request under two minors, both answers asserted. */
const call = (api: TestApp, version: string, method: 'GET' | 'POST', url: string, payload?: unknown) =>
  api.request({ method, url, version, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) })

t.test('GET /users?email=: 1.0 answers the single user (409 for several, 404 for none); 1.1 a user.list', async t => {
  const api = await build(t)
  const single = await call(api, '1.0', 'GET', `/users?email=${FIXTURE.mal.email}`)
  t.equal(single.statusCode, 200)
  t.match(single.json(), { type: 'user', id: FIXTURE.mal.id, email: FIXTURE.mal.email })
  const list = await call(api, '1.1', 'GET', `/users?email=${FIXTURE.mal.email}`)
  t.match(list.json(), { type: 'user.list', total_count: 1, users: [{ type: 'user', id: FIXTURE.mal.id }] })

  assertError(t, await call(api, '1.0', 'GET', '/users?email=nobody@example.com'), 404, { code: 'not_found', message: 'User Not Found' })
  t.match((await call(api, '1.1', 'GET', '/users?email=nobody@example.com')).json(), { type: 'user.list', total_count: 0, users: [] })

  await call(api, '1.0', 'POST', '/users', { user_id: 'mal-twin', email: FIXTURE.mal.email })
  assertError(t, await call(api, '1.0', 'GET', `/users?email=${FIXTURE.mal.email}`), 409, {
    code: 'conflict', message: 'Multiple existing users match this email address - must be more specific using user_id', field: 'email'
  })
  t.equal((await call(api, '1.1', 'GET', `/users?email=${FIXTURE.mal.email}`)).json().total_count, 2)
})

t.test('GET /users?email=: 1.1 lists leads with the email too; 1.2 users only', async t => {
  const api = await build(t)
  const lead = (await call(api, '1.1', 'POST', '/contacts', { email: FIXTURE.mal.email, name: 'Mal the lead' })).json()
  const withLeads = (await call(api, '1.1', 'GET', `/users?email=${FIXTURE.mal.email}`)).json()
  t.same(withLeads.users.map((p: { id: string, type: string }) => [p.type, p.id]).sort(), [['contact', lead.id], ['user', FIXTURE.mal.id]].sort())
  t.equal(withLeads.total_count, 2)
  const usersOnly = (await call(api, '1.2', 'GET', `/users?email=${FIXTURE.mal.email}`)).json()
  t.same(usersOnly.users.map((p: { id: string }) => p.id), [FIXTURE.mal.id])
})

t.test('people carry last_seen_ip and user_agent_data before 1.2, not from 1.2', async t => {
  const api = await build(t)
  const before = (await call(api, '1.1', 'GET', `/users/${FIXTURE.mal.id}`)).json()
  t.equal(before.last_seen_ip, null)
  t.equal(before.user_agent_data, null)
  t.strictSame(before.location_data, {})
  const after = (await call(api, '1.2', 'GET', `/users/${FIXTURE.mal.id}`)).json()
  t.notOk('last_seen_ip' in after)
  t.notOk('user_agent_data' in after)
  t.strictSame(after.location_data, {})
  t.notOk('last_seen_ip' in (await call(api, '1.4', 'GET', `/contacts/${FIXTURE.simon.id}`)).json(), 'leads too')
})

async function conversationAnsweredByAdmin (api: TestApp): Promise<string> {
  await call(api, '1.4', 'POST', '/messages', { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Help' })
  const id = (await call(api, '1.4', 'GET', `/conversations?type=user&intercom_user_id=${FIXTURE.mal.id}`)).json().conversations[0].id
  api.clock.advance(60)
  await call(api, '1.4', 'POST', `/conversations/${id}/reply`, { type: 'admin', message_type: 'comment', admin_id: FIXTURE.wash.id, body: 'On it' })
  return id
}

t.test('after an admin\'s reply, waiting_since is 2000 years after it before 1.2, and null from 1.2', async t => {
  const api = await build(t)
  const id = await conversationAnsweredByAdmin(api)
  t.equal((await call(api, '1.1', 'GET', `/conversations/${id}`)).json().waiting_since, T0 + 60 + 2000 * 31_556_952)
  t.equal((await call(api, '1.2', 'GET', `/conversations/${id}`)).json().waiting_since, null)
  t.equal((await call(api, '1.0', 'GET', '/conversations')).json().conversations[0].waiting_since, T0 + 60 + 2000 * 31_556_952, 'in lists too')
  // A customer's reply makes it wait again, for real, in every minor.
  await call(api, '1.4', 'POST', `/conversations/${id}/reply`, { type: 'user', message_type: 'comment', intercom_user_id: FIXTURE.mal.id, body: 'Thanks' })
  t.equal((await call(api, '1.1', 'GET', `/conversations/${id}`)).json().waiting_since, T0 + 60)
})

t.test('from 1.3 the authors of messages and parts carry name and email', async t => {
  const api = await build(t)
  const id = await conversationAnsweredByAdmin(api)
  const before = (await call(api, '1.2', 'GET', `/conversations/${id}`)).json()
  t.strictSame(before.conversation_message.author, { type: 'user', id: FIXTURE.mal.id })
  t.strictSame(before.conversation_parts.conversation_parts[0].author, { type: 'admin', id: FIXTURE.wash.id })
  const after = (await call(api, '1.3', 'GET', `/conversations/${id}`)).json()
  t.strictSame(after.conversation_message.author, { type: 'user', id: FIXTURE.mal.id, name: 'Malcolm Reynolds', email: FIXTURE.mal.email })
  t.strictSame(after.conversation_parts.conversation_parts[0].author, { type: 'admin', id: FIXTURE.wash.id, name: FIXTURE.wash.name, email: FIXTURE.wash.email })
  t.strictSame(after.customers, [{ type: 'user', id: FIXTURE.mal.id }], 'customers stay references')
})

t.test('customer_first_reply is there from 1.1, not in 1.0', async t => {
  const api = await build(t)
  const id = await conversationAnsweredByAdmin(api)
  t.notOk('customer_first_reply' in (await call(api, '1.0', 'GET', `/conversations/${id}`)).json())
  t.equal((await call(api, '1.1', 'GET', `/conversations/${id}`)).json().customer_first_reply, null)
})

t.test('unsubscribed_from_emails: null on a user: accepted (nothing changes) before 1.3, refused from 1.3', async t => {
  const api = await build(t)
  const before = await call(api, '1.2', 'POST', '/users', { user_id: FIXTURE.jayne.userId, unsubscribed_from_emails: null })
  t.equal(before.statusCode, 200)
  t.equal(before.json().unsubscribed_from_emails, true)
  assertError(t, await call(api, '1.3', 'POST', '/users', { user_id: FIXTURE.jayne.userId, unsubscribed_from_emails: null }), 400, {
    code: 'parameter_invalid', message: 'unsubscribed_from_emails must be true or false, not null', field: 'unsubscribed_from_emails'
  })
  t.equal((await call(api, '1.3', 'POST', '/users', { user_id: FIXTURE.jayne.userId, unsubscribed_from_emails: false })).json().unsubscribed_from_emails, false)
})
