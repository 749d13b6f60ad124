import t from 'tap'
import { assertError, build, FIXTURE, type TestApp } from '../../helper.js'

const simonWritesIn = (api: TestApp) =>
  api.request({ method: 'POST', url: '/messages', payload: { from: { type: 'contact', id: FIXTURE.simon.id }, body: 'Hello from a lead' } })

t.test('POST /contacts/convert turns a lead into a new user; its conversations follow', async t => {
  const api = await build(t)
  await simonWritesIn(api)
  const res = await api.request({ method: 'POST', url: '/contacts/convert', payload: { contact: { user_id: FIXTURE.simon.userId }, user: { user_id: 'simon-1' } } })
  t.equal(res.statusCode, 200)
  t.match(res.json(), { type: 'user', id: FIXTURE.simon.id, user_id: 'simon-1', email: FIXTURE.simon.email, anonymous: false })
  assertError(t, await api.request({ url: `/contacts/${FIXTURE.simon.id}` }), 404, { code: 'not_found', message: 'User Not Found' })
  const [conversation] = (await api.request({ url: '/conversations?type=user&user_id=simon-1' })).json().conversations
  t.same(conversation.user, { type: 'user', id: FIXTURE.simon.id })
  t.same(conversation.conversation_message.author, { type: 'user', id: FIXTURE.simon.id, name: 'Simon Tam', email: FIXTURE.simon.email })
})

t.test('POST /contacts/convert merges a lead into an existing user; its conversations follow', async t => {
  const api = await build(t)
  await simonWritesIn(api)
  const res = await api.request({ method: 'POST', url: '/contacts/convert', payload: { contact: { id: FIXTURE.simon.id }, user: { email: FIXTURE.inara.email } } })
  t.equal(res.statusCode, 200)
  t.match(res.json(), { type: 'user', id: FIXTURE.inara.id, user_id: FIXTURE.inara.userId, email: FIXTURE.inara.email })
  assertError(t, await api.request({ url: `/contacts/${FIXTURE.simon.id}` }), 404, { code: 'not_found', message: 'User Not Found' })
  const [conversation] = (await api.request({ url: `/conversations?type=user&user_id=${FIXTURE.inara.userId}` })).json().conversations
  t.same(conversation.user, { type: 'user', id: FIXTURE.inara.id })
  const replied = await api.request({ method: 'POST', url: `/conversations/${conversation.id}/reply`, payload: { type: 'user', user_id: FIXTURE.inara.userId, message_type: 'comment', body: 'Me, now' } })
  t.equal(replied.statusCode, 200, 'the user can reply in the lead\'s conversation')
})

t.test('POST /contacts/convert errors', async t => {
  const api = await build(t)
  const convert = (payload: Record<string, unknown>) => api.request({ method: 'POST', url: '/contacts/convert', payload })
  assertError(t, await convert({ user: { email: 'x@example.com' } }), 400, { code: 'parameter_invalid', message: 'contact is required', field: 'contact' })
  assertError(t, await convert({ contact: { user_id: FIXTURE.simon.userId }, user: {} }), 400, { code: 'parameter_invalid', message: 'Converting a lead needs user.id, user.user_id or user.email', field: 'user' })
  assertError(t, await convert({ contact: {}, user: { email: 'x@example.com' } }), 400, { code: 'parameter_invalid', message: 'contact must identify the contact by one of contact.id, contact.user_id or contact.email', field: 'contact' })
  assertError(t, await convert({ contact: { user_id: 'nobody' }, user: { email: 'x@example.com' } }), 404, { code: 'not_found', message: 'User Not Found' })
  assertError(t, await convert({ contact: { id: FIXTURE.mal.id }, user: { email: 'x@example.com' } }), 404, { code: 'not_found', message: 'User Not Found' })
})

t.test('PUT /contacts/{id} updates a lead', async t => {
  const api = await build(t)
  const res = await api.request({ method: 'PUT', url: `/contacts/${FIXTURE.simon.id}`, payload: { name: 'Dr. Simon Tam', custom_attributes: { ship: 'Serenity' } } })
  t.match(res.json(), { type: 'contact', id: FIXTURE.simon.id, name: 'Dr. Simon Tam', custom_attributes: { ship: 'Serenity' } })
  assertError(t, await api.request({ method: 'PUT', url: '/contacts/000000000000000000000000', payload: { name: 'x' } }), 404, { code: 'not_found', message: 'User Not Found' })
})

t.test('a deleted user is then not found, as sender, recipient or replier; its conversations remain', async t => {
  const api = await build(t)
  await api.request({ method: 'POST', url: '/messages', payload: { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Before' } })
  const deleted = await api.request({ method: 'DELETE', url: `/users/${FIXTURE.mal.id}` })
  t.equal(deleted.statusCode, 200)
  t.match(deleted.json(), { type: 'user', id: FIXTURE.mal.id, user_id: FIXTURE.mal.userId })
  assertError(t, await api.request({ url: `/users/${FIXTURE.mal.id}` }), 404, { code: 'not_found', message: 'User Not Found' })
  assertError(t, await api.request({ method: 'POST', url: '/messages', payload: { from: { type: 'user', id: FIXTURE.mal.id }, body: 'After' } }), 404, { code: 'not_found', message: 'User Not Found' })
  assertError(t, await api.request({ method: 'POST', url: '/messages', payload: { body: 'Hi', from: { type: 'admin', id: FIXTURE.wash.id }, to: { type: 'user', id: FIXTURE.mal.id } } }), 404, { code: 'not_found', message: 'User Not Found' })
  assertError(t, await api.request({ method: 'POST', url: '/conversations/1000000001/reply', payload: { type: 'user', intercom_user_id: FIXTURE.mal.id, message_type: 'comment', body: 'x' } }), 404, { code: 'not_found', message: 'User Not Found' })
  assertError(t, await api.request({ method: 'DELETE', url: `/users/${FIXTURE.mal.id}` }), 404, { code: 'not_found', message: 'User Not Found' })
  const conversation = (await api.request({ url: '/conversations/1000000001' })).json()
  t.same(conversation.user, { type: 'user', id: FIXTURE.mal.id }, 'the conversation still shows who wrote it')
})

t.test('DELETE /users by user_id or email, and DELETE /contacts/{id}', async t => {
  const api = await build(t)
  t.equal((await api.request({ method: 'DELETE', url: `/users?user_id=${FIXTURE.inara.userId}` })).json().id, FIXTURE.inara.id)
  t.equal((await api.request({ method: 'DELETE', url: `/users?email=${FIXTURE.jayne.email}` })).json().id, FIXTURE.jayne.id)
  assertError(t, await api.request({ method: 'DELETE', url: '/users' }), 400, { code: 'parameter_invalid', message: 'Deleting a user needs an id, a user_id or an email', field: 'user_id' })
  t.equal((await api.request({ method: 'DELETE', url: `/contacts/${FIXTURE.simon.id}` })).json().type, 'contact')
  assertError(t, await api.request({ method: 'POST', url: '/messages', payload: { from: { type: 'contact', id: FIXTURE.simon.id }, body: 'x' } }), 404, { code: 'not_found', message: 'User Not Found' })
  assertError(t, await api.request({ method: 'DELETE', url: `/contacts/${FIXTURE.mal.id}` }), 404, { code: 'not_found', message: 'User Not Found' })
})

t.test('visitors: view by id, update, delete', async t => {
  const api = await build(t)
  t.equal((await api.request({ url: `/visitors/${FIXTURE.visitor.id}` })).json().user_id, FIXTURE.visitor.userId)
  const updated = await api.request({ method: 'POST', url: '/visitors', payload: { user_id: FIXTURE.visitor.userId, name: 'Curious', custom_attributes: { page: '/pricing' } } })
  t.match(updated.json(), { type: 'visitor', name: 'Curious', custom_attributes: { page: '/pricing' }, user_id: FIXTURE.visitor.userId })
  t.equal((await api.request({ method: 'DELETE', url: `/visitors/${FIXTURE.visitor.id}` })).statusCode, 200)
  assertError(t, await api.request({ url: `/visitors/${FIXTURE.visitor.id}` }), 404, { code: 'not_found', message: 'Visitor Not Found' })
})
