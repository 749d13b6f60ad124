import t from 'tap'
import { assertError, build, FIXTURE, T0 } from '../../helper.js'

t.test('the seed document: a user-initiated message answers the 1.x user_message', async t => {
  const { request } = await build(t)
  const res = await request({
    method: 'POST',
    url: '/messages',
    payload: { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Hey' }
  })
  t.equal(res.statusCode, 200)
  t.match(res.headers['content-type'], /^application\/json/)
  t.strictSame(res.json(), { type: 'user_message', id: '2001', created_at: T0, body: 'Hey', message_type: 'inapp' })
})

t.test('the conversation a message opened lists first under its user, open', async t => {
  const { request, clock } = await build(t)
  await request({ method: 'POST', url: '/messages', payload: { from: { type: 'user', id: FIXTURE.mal.id }, body: 'First' } })
  clock.advance(60)
  const sent = (await request({ method: 'POST', url: '/messages', payload: { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Hey' } })).json()

  const res = await request({ url: `/conversations?type=user&intercom_user_id=${FIXTURE.mal.id}&open=true` })
  t.equal(res.statusCode, 200)
  const [latest, earlier] = res.json().conversations
  t.equal(res.json().conversations.length, 2)
  t.equal(latest.conversation_message.id, sent.id, 'the newest conversation is the one the message opened')
  t.equal(latest.conversation_message.body, '<p>Hey</p>')
  t.equal(earlier.conversation_message.body, '<p>First</p>')
  t.match(latest, {
    type: 'conversation',
    open: true,
    state: 'open',
    read: false,
    waiting_since: T0 + 60,
    assignee: { type: 'nobody_admin', id: null },
    user: { type: 'user', id: FIXTURE.mal.id },
    customers: [{ type: 'user', id: FIXTURE.mal.id }],
    conversation_message: { type: 'conversation', delivered_as: 'customer_initiated', author: { type: 'user', id: FIXTURE.mal.id } }
  })
})

t.test('the sender can be named by user_id or by email', async t => {
  const { request } = await build(t)
  for (const from of [{ type: 'user', user_id: FIXTURE.mal.userId }, { type: 'user', email: 'MAL@serenity.io' }]) {
    const res = await request({ method: 'POST', url: '/messages', payload: { from, body: 'Hi' } })
    t.equal(res.statusCode, 200, JSON.stringify(from))
    t.equal(res.json().type, 'user_message')
  }
  const list = await request({ url: `/conversations?type=user&user_id=${FIXTURE.mal.userId}` })
  t.equal(list.json().conversations.length, 2)
})

t.test('a lead sends with from.type contact or lead', async t => {
  const { request } = await build(t)
  for (const type of ['contact', 'lead']) {
    const res = await request({ method: 'POST', url: '/messages', payload: { from: { type, id: FIXTURE.simon.id }, body: `As ${type}` } })
    t.equal(res.statusCode, 200, type)
  }
  const byUserId = await request({ method: 'POST', url: '/messages', payload: { from: { type: 'contact', user_id: FIXTURE.simon.userId }, body: 'By user_id' } })
  t.equal(byUserId.statusCode, 200)
  const list = (await request({ url: `/conversations?type=user&intercom_user_id=${FIXTURE.simon.id}` })).json()
  t.equal(list.conversations.length, 3)
  t.same(list.conversations[0].user, { type: 'lead', id: FIXTURE.simon.id })
})

t.test('a visitor sender becomes a lead with the same id, and its message is authored by that lead', async t => {
  const { request } = await build(t)
  const res = await request({ method: 'POST', url: '/messages', payload: { from: { type: 'contact', user_id: FIXTURE.visitor.userId }, body: 'Anyone there?' } })
  t.equal(res.statusCode, 200)

  const lead = await request({ url: `/contacts/${FIXTURE.visitor.id}` })
  t.equal(lead.statusCode, 200)
  t.match(lead.json(), { type: 'contact', id: FIXTURE.visitor.id, user_id: FIXTURE.visitor.userId, anonymous: true })
  const visitor = await request({ url: `/visitors?user_id=${FIXTURE.visitor.userId}` })
  assertError(t, visitor, 404, { code: 'not_found', message: 'Visitor Not Found' })

  const [conversation] = (await request({ url: `/conversations?type=user&intercom_user_id=${FIXTURE.visitor.id}` })).json().conversations
  t.same(conversation.conversation_message.author, { type: 'lead', id: FIXTURE.visitor.id, name: null, email: null })
})

t.test('a visitor named by its id converts too', async t => {
  const { request } = await build(t)
  const res = await request({ method: 'POST', url: '/messages', payload: { from: { type: 'contact', id: FIXTURE.book.id }, body: 'Hello' } })
  t.equal(res.statusCode, 200)
  t.equal((await request({ url: `/contacts/${FIXTURE.book.id}` })).json().type, 'contact')
})

t.test('the body is stored verbatim and escaped in HTML renderings', async t => {
  const { request } = await build(t)
  const body = 'Is <b>this</b> & "that" in stock?\nThanks'
  const message = (await request({ method: 'POST', url: '/messages', payload: { from: { type: 'user', id: FIXTURE.mal.id }, body } })).json()
  t.equal(message.body, body)
  const [conversation] = (await request({ url: `/conversations?type=user&intercom_user_id=${FIXTURE.mal.id}` })).json().conversations
  t.equal(conversation.conversation_message.body, '<p>Is &lt;b&gt;this&lt;/b&gt; &amp; &quot;that&quot; in stock?</p><p>Thanks</p>')
  const plain = (await request({ url: `/conversations/${conversation.id}?display_as=plaintext` })).json()
  t.equal(plain.conversation_message.body, body)
})

t.test('message_type inapp is accepted; email is refused for user-initiated messages', async t => {
  const { request } = await build(t)
  const ok = await request({ method: 'POST', url: '/messages', payload: { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Hi', message_type: 'inapp' } })
  t.equal(ok.statusCode, 200)
  t.equal(ok.json().message_type, 'inapp')

  const email = await request({ method: 'POST', url: '/messages', payload: { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Hi', message_type: 'email' } })
  assertError(t, email, 400, { code: 'parameter_invalid', message: 'Email messages are not supported for user initiated messages: message_type must be inapp', field: 'message_type' })

  const other = await request({ method: 'POST', url: '/messages', payload: { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Hi', message_type: 'sms' } })
  assertError(t, other, 400, { code: 'parameter_invalid', message: 'message_type sms is not valid for a user initiated message: use inapp', field: 'message_type' })
})

t.test('a user-initiated message with a to field is refused', async t => {
  const { request } = await build(t)
  const res = await request({
    method: 'POST',
    url: '/messages',
    payload: { from: { type: 'user', id: FIXTURE.mal.id }, to: { type: 'admin', id: '394051' }, body: 'Hi' }
  })
  assertError(t, res, 400, { code: 'parameter_invalid', message: 'User initiated messages can not be sent to specific admins: leave out the to field', field: 'to' })
})

t.test('a missing, empty or blank body is "Body is required"', async t => {
  const { request } = await build(t)
  for (const body of [undefined, '', '   ', null]) {
    const payload: Record<string, unknown> = { from: { type: 'user', id: FIXTURE.mal.id } }
    if (body !== undefined) payload.body = body
    const res = await request({ method: 'POST', url: '/messages', payload })
    assertError(t, res, 400, { code: 'parameter_invalid', message: 'Body is required' })
  }
})

t.test('an unknown sender is 404 User Not Found, by each identifier and type', async t => {
  const { request } = await build(t)
  const senders = [
    { type: 'user', id: '000000000000000000000000' },
    { type: 'user', user_id: 'nobody' },
    { type: 'user', email: 'nobody@example.com' },
    { type: 'contact', email: 'nobody@example.com' },
    // a user is not a lead and a lead is not a user
    { type: 'contact', id: FIXTURE.mal.id },
    { type: 'user', id: FIXTURE.simon.id }
  ]
  for (const from of senders) {
    const res = await request({ method: 'POST', url: '/messages', payload: { from, body: 'Hi' } })
    assertError(t, res, 404, { code: 'not_found', message: 'User Not Found' })
  }
  const list = await request({ url: '/conversations' })
  t.same(list.json().conversations, [], 'nothing was written')
})

t.test('the sender needs exactly one of id, user_id and email', async t => {
  const { request } = await build(t)
  const none = await request({ method: 'POST', url: '/messages', payload: { from: { type: 'user' }, body: 'Hi' } })
  assertError(t, none, 400, { code: 'parameter_invalid', message: 'from must identify the contact by one of from.id, from.user_id or from.email', field: 'from' })
  const two = await request({ method: 'POST', url: '/messages', payload: { from: { type: 'user', id: FIXTURE.mal.id, email: FIXTURE.mal.email }, body: 'Hi' } })
  assertError(t, two, 400, { code: 'parameter_invalid', message: 'from must identify the contact by exactly one of from.id, from.user_id or from.email, not from.id and from.email', field: 'from' })
})

t.test('schema errors name the field', async t => {
  const { request } = await build(t)
  const cases: Array<[unknown, string, string]> = [
    [{ body: 'Hi' }, 'from', 'from is required'],
    [{ from: 'mal', body: 'Hi' }, 'from', 'from must be an object'],
    [{ from: { id: FIXTURE.mal.id }, body: 'Hi' }, 'from.type', 'from.type is required'],
    [{ from: { type: 'robot', id: FIXTURE.mal.id }, body: 'Hi' }, 'from.type', 'from.type must be one of user, contact, lead, admin'],
    [{ from: { type: 'user', id: FIXTURE.mal.id }, body: { text: 'Hi' } }, 'body', 'body must be a string']
  ]
  for (const [payload, field, message] of cases) {
    const res = await request({ method: 'POST', url: '/messages', payload: payload as Record<string, unknown> })
    assertError(t, res, 400, { code: 'parameter_invalid', message, field })
  }
})

t.test('from.type admin needs a to (the admin-initiated message)', async t => {
  const { request } = await build(t)
  const res = await request({ method: 'POST', url: '/messages', payload: { from: { type: 'admin', id: '394051' }, body: 'Hi' } })
  assertError(t, res, 400, { code: 'parameter_invalid', message: 'to is required for a message from an admin', field: 'to' })
})
