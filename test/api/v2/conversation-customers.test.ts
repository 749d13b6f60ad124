import t from 'tap'
import { assertError, build, FIXTURE, T0, type TestApp } from '../../helper.js'

const call = (api: TestApp, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown, version = '2.11') =>
  api.request({ method, url, version, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) })

async function start (api: TestApp): Promise<string> {
  const res = await call(api, 'POST', '/conversations', { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Hello there' })
  return res.json().conversation_id
}

t.test('POST /conversations/{id}/customers adds a participant, recorded as participant_added; the participant may reply', async t => {
  const api = await build(t)
  const id = await start(api)
  api.clock.advance(10)
  const res = await call(api, 'POST', `/conversations/${id}/customers`, { admin_id: FIXTURE.wash.id, customer: { intercom_user_id: FIXTURE.inara.id } })
  t.equal(res.statusCode, 200)
  const conversation = res.json()
  t.strictSame(conversation.contacts.contacts, [
    { type: 'contact', id: FIXTURE.mal.id, external_id: FIXTURE.mal.userId },
    { type: 'contact', id: FIXTURE.inara.id, external_id: FIXTURE.inara.userId }
  ])
  t.match(conversation.conversation_parts.conversation_parts, [{ part_type: 'participant_added', body: null, created_at: T0 + 10, author: { type: 'admin', id: FIXTURE.wash.id } }])
  t.equal(conversation.updated_at, T0 + 10)

  const reply = await call(api, 'POST', `/conversations/${id}/reply`, { type: 'user', message_type: 'comment', intercom_user_id: FIXTURE.inara.id, body: 'I am here too' })
  t.equal(reply.statusCode, 200)
  t.match(reply.json().conversation_parts.conversation_parts[1], { part_type: 'comment', author: { type: 'user', id: FIXTURE.inara.id } })

  // By user_id (the external id) and by email; an email nobody has becomes a new lead.
  const byUserId = (await call(api, 'POST', `/conversations/${id}/customers`, { admin_id: FIXTURE.wash.id, customer: { user_id: FIXTURE.jayne.userId } })).json()
  t.equal(byUserId.contacts.contacts.length, 3)
  const byEmail = (await call(api, 'POST', `/conversations/${id}/customers`, { admin_id: FIXTURE.wash.id, customer: { email: 'Newcomer@Example.com' } })).json()
  const newcomer = byEmail.contacts.contacts[3]
  t.match((await call(api, 'GET', `/contacts/${newcomer.id}`)).json(), { role: 'lead', email: 'newcomer@example.com' })
})

t.test('POST /conversations/{id}/customers errors', async t => {
  const api = await build(t)
  const id = await start(api)
  const add = (payload: unknown, conversation = id) => call(api, 'POST', `/conversations/${conversation}/customers`, payload)
  assertError(t, await add({ admin_id: FIXTURE.wash.id, customer: { intercom_user_id: FIXTURE.mal.id } }), 400, {
    code: 'parameter_invalid', message: 'The contact is already a participant of this conversation', field: 'customer'
  })
  assertError(t, await add({ admin_id: FIXTURE.wash.id, customer: { intercom_user_id: '000000000000000000000000' } }), 404, { code: 'not_found', message: 'User Not Found' })
  assertError(t, await add({ admin_id: FIXTURE.wash.id, customer: {} }), 400, { code: 'parameter_invalid', message: 'customer needs one of intercom_user_id, user_id or email', field: 'customer' })
  assertError(t, await add({ customer: { intercom_user_id: FIXTURE.inara.id } }), 400, { code: 'parameter_invalid', message: 'admin_id is required', field: 'admin_id' })
  assertError(t, await add({ admin_id: '999', customer: { intercom_user_id: FIXTURE.inara.id } }), 404, { code: 'not_found', message: 'Resource Not Found' })
  assertError(t, await add({ admin_id: FIXTURE.wash.id, customer: { intercom_user_id: FIXTURE.inara.id } }, '123'), 404, { code: 'not_found', message: 'Resource Not Found' })
})

t.test('DELETE /conversations/{id}/customers/{contact_id} removes a participant, never the last', async t => {
  const api = await build(t)
  const id = await start(api)
  await call(api, 'POST', `/conversations/${id}/customers`, { admin_id: FIXTURE.wash.id, customer: { intercom_user_id: FIXTURE.inara.id } })
  api.clock.advance(5)
  const res = await call(api, 'DELETE', `/conversations/${id}/customers/${FIXTURE.mal.id}`, { admin_id: FIXTURE.zoe.id })
  t.equal(res.statusCode, 200)
  const conversation = res.json()
  t.strictSame(conversation.contacts.contacts.map((c: { id: string }) => c.id), [FIXTURE.inara.id])
  t.match(conversation.conversation_parts.conversation_parts.at(-1), { part_type: 'participant_removed', created_at: T0 + 5, author: { type: 'admin', id: FIXTURE.zoe.id } })
  // A removed customer no longer finds the conversation among theirs, nor may reply.
  t.equal((await call(api, 'GET', `/conversations?type=user&intercom_user_id=${FIXTURE.mal.id}`)).json().total_count, 0)
  assertError(t, await call(api, 'POST', `/conversations/${id}/reply`, { type: 'user', message_type: 'comment', intercom_user_id: FIXTURE.mal.id, body: 'x' }), 403, {
    code: 'action_forbidden', message: 'The user is not a customer of this conversation'
  })

  assertError(t, await call(api, 'DELETE', `/conversations/${id}/customers/${FIXTURE.inara.id}`, { admin_id: FIXTURE.wash.id }), 422, {
    code: 'parameter_invalid', message: 'Removing the last customer is not allowed'
  })
  assertError(t, await call(api, 'DELETE', `/conversations/${id}/customers/${FIXTURE.mal.id}`, { admin_id: FIXTURE.wash.id }), 404, { code: 'not_found', message: 'User Not Found' })
  assertError(t, await call(api, 'DELETE', `/conversations/${id}/customers/${FIXTURE.inara.id}`), 400, { code: 'parameter_invalid', message: 'admin_id is required', field: 'admin_id' })
  assertError(t, await call(api, 'DELETE', `/conversations/999/customers/${FIXTURE.inara.id}`, { admin_id: FIXTURE.wash.id }), 404, { code: 'not_found', message: 'Resource Not Found' })
})

t.test('1.x: customers are added by top-level identifiers and listed as customers', async t => {
  const api = await build(t)
  const message = (await call(api, 'POST', '/messages', { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Hello' }, '1.4')).json()
  const list = (await call(api, 'GET', `/conversations?type=user&intercom_user_id=${FIXTURE.mal.id}`, undefined, '1.4')).json()
  const id = list.conversations[0].id
  t.ok(message.id)
  const res = await call(api, 'POST', `/conversations/${id}/customers`, { admin_id: FIXTURE.wash.id, email: FIXTURE.simon.email }, '1.4')
  t.equal(res.statusCode, 200)
  t.strictSame(res.json().customers, [{ type: 'user', id: FIXTURE.mal.id }, { type: 'lead', id: FIXTURE.simon.id }])
  t.match(res.json().conversation_parts.conversation_parts, [{ part_type: 'participant_added', author: { type: 'admin', id: FIXTURE.wash.id } }])
  const removed = await call(api, 'DELETE', `/conversations/${id}/customers/${FIXTURE.simon.id}?admin_id=${FIXTURE.wash.id}`, undefined, '1.4')
  t.strictSame(removed.json().customers, [{ type: 'user', id: FIXTURE.mal.id }])
})
