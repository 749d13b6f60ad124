import t from 'tap'
import { assertError, build, FIXTURE } from '../../helper.js'

t.test('GET /visitors?user_id= shows a visitor; an unknown one is 404 Visitor Not Found', async t => {
  const api = await build(t)
  const res = await api.request({ url: `/visitors?user_id=${FIXTURE.visitor.userId}` })
  t.equal(res.statusCode, 200)
  t.match(res.json(), { type: 'visitor', id: FIXTURE.visitor.id, user_id: FIXTURE.visitor.userId, anonymous: true })
  assertError(t, await api.request({ url: '/visitors?user_id=nobody' }), 404, { code: 'not_found', message: 'Visitor Not Found' })
  assertError(t, await api.request({ url: `/visitors?user_id=${FIXTURE.simon.userId}` }), 404, { code: 'not_found', message: 'Visitor Not Found' })
  assertError(t, await api.request({ url: '/visitors' }), 400, {
    code: 'parameter_invalid', message: 'visitor must identify the contact by one of visitor.id, visitor.user_id or visitor.email', field: 'visitor'
  })
})

t.test('POST /visitors/convert to a lead keeps the id and user_id', async t => {
  const api = await build(t)
  const res = await api.request({ method: 'POST', url: '/visitors/convert', payload: { visitor: { user_id: FIXTURE.visitor.userId }, type: 'lead' } })
  t.equal(res.statusCode, 200)
  t.match(res.json(), { type: 'contact', id: FIXTURE.visitor.id, user_id: FIXTURE.visitor.userId })
  assertError(t, await api.request({ url: `/visitors?user_id=${FIXTURE.visitor.userId}` }), 404, { code: 'not_found', message: 'Visitor Not Found' })
})

t.test('POST /visitors/convert to a new user: the visitor becomes the user, keeping its email but not its user_id', async t => {
  const api = await build(t)
  const res = await api.request({
    method: 'POST', url: '/visitors/convert', payload: { visitor: { user_id: FIXTURE.book.userId }, user: { user_id: 'book-1' }, type: 'user' }
  })
  t.equal(res.statusCode, 200)
  t.match(res.json(), { type: 'user', id: FIXTURE.book.id, user_id: 'book-1', email: FIXTURE.book.email, anonymous: false, pseudonym: null })
  t.equal((await api.request({ url: '/users?user_id=book-1' })).json().id, FIXTURE.book.id)
})

t.test('POST /visitors/convert to an existing user merges the visitor into it, adding none of its identifiers', async t => {
  const api = await build(t)
  const visitor = await api.request({ method: 'POST', url: '/visitors/convert', payload: { visitor: { user_id: FIXTURE.visitor.userId }, user: { email: FIXTURE.mal.email }, type: 'user' } })
  t.equal(visitor.statusCode, 200)
  t.match(visitor.json(), { type: 'user', id: FIXTURE.mal.id, user_id: FIXTURE.mal.userId, email: FIXTURE.mal.email })
  assertError(t, await api.request({ url: `/visitors?user_id=${FIXTURE.visitor.userId}` }), 404, { code: 'not_found', message: 'Visitor Not Found' })
})

t.test('a merged visitor\'s conversation lists under the user', async t => {
  const api = await build(t)
  const { ctxFor } = api
  // A visitor with a conversation (arranged through the store: messaging would make it a lead first).
  const ctx = ctxFor()
  const visitor = ctx.store.contacts.findById(FIXTURE.visitor.id)
  t.ok(visitor)
  const { startConversation } = await import('../../../src/domain/start-conversation.js')
  ctx.store.transaction(() => startConversation(ctx, {
    author: { type: 'contact', id: FIXTURE.visitor.id },
    customers: [visitor!],
    deliveredAs: 'customer_initiated',
    messageType: 'inapp',
    subject: null,
    body: { text: 'Hello', format: 'plaintext' },
    template: null
  }))
  await api.request({ method: 'POST', url: '/visitors/convert', payload: { visitor: { id: FIXTURE.visitor.id }, user: { user_id: FIXTURE.inara.userId }, type: 'user' } })
  const [conversation] = (await api.request({ url: `/conversations?type=user&intercom_user_id=${FIXTURE.inara.id}` })).json().conversations
  t.same(conversation.user, { type: 'user', id: FIXTURE.inara.id })
  t.same(conversation.conversation_message.author, { type: 'user', id: FIXTURE.inara.id, name: 'Inara Serra', email: FIXTURE.inara.email })
})

t.test('POST /visitors/convert errors', async t => {
  const api = await build(t)
  const convert = (payload: Record<string, unknown>) => api.request({ method: 'POST', url: '/visitors/convert', payload })
  assertError(t, await convert({ visitor: { user_id: FIXTURE.visitor.userId } }), 400, { code: 'parameter_invalid', message: 'type is required', field: 'type' })
  assertError(t, await convert({ visitor: { user_id: FIXTURE.visitor.userId }, type: 'admin' }), 400, { code: 'parameter_invalid', message: 'type must be one of lead, user', field: 'type' })
  assertError(t, await convert({ type: 'lead' }), 400, { code: 'parameter_invalid', message: 'visitor is required', field: 'visitor' })
  assertError(t, await convert({ visitor: { user_id: FIXTURE.visitor.userId }, type: 'user' }), 400, {
    code: 'parameter_invalid', message: 'Converting a visitor to a user needs user.id, user.user_id or user.email', field: 'user'
  })
  assertError(t, await convert({ visitor: { user_id: 'nobody' }, type: 'lead' }), 404, { code: 'not_found', message: 'Visitor Not Found' })
  assertError(t, await convert({ visitor: { user_id: FIXTURE.visitor.userId }, user: { id: '000000000000000000000000' }, type: 'user' }), 404, { code: 'not_found', message: 'User Not Found' })
  t.equal((await api.request({ url: `/visitors?user_id=${FIXTURE.visitor.userId}` })).statusCode, 200, 'a refused conversion leaves the visitor')
})
