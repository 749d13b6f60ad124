import t from 'tap'
import { assertError, build, FIXTURE, T0, type TestApp } from '../../helper.js'

const wash = { type: 'admin', id: FIXTURE.wash.id }
const owner = { type: 'admin', id: FIXTURE.wash.id, name: 'Wash', email: 'wash@serenity.io' }

const send = (api: TestApp, payload: Record<string, unknown>) => api.request({ method: 'POST', url: '/messages', payload })

t.test('an admin email answers the 1.x admin_message with its owner', async t => {
  const api = await build(t)
  const res = await send(api, {
    message_type: 'email',
    subject: 'Hey',
    body: 'Ponies, cute small horses or something more sinister?',
    template: 'plain',
    from: wash,
    to: { type: 'user', id: FIXTURE.mal.id }
  })
  t.equal(res.statusCode, 200)
  t.strictSame(res.json(), {
    type: 'admin_message',
    id: '2001',
    created_at: T0,
    message_type: 'email',
    subject: 'Hey',
    body: 'Ponies, cute small horses or something more sinister?',
    template: 'plain',
    owner
  })
})

t.test('an admin in-app message: inapp, in_app, conversation or no message_type', async t => {
  const api = await build(t)
  for (const messageType of ['inapp', 'in_app', 'conversation', undefined]) {
    const payload: Record<string, unknown> = { body: 'In-app', from: wash, to: { type: 'user', user_id: FIXTURE.mal.userId } }
    if (messageType !== undefined) payload.message_type = messageType
    const res = await send(api, payload)
    t.equal(res.statusCode, 200, String(messageType))
    t.match(res.json(), { type: 'admin_message', message_type: 'inapp', subject: '', body: 'In-app', template: 'plain', owner })
  }
})

t.test('the admin id may be a number (intercom-client 6/7, python-intercom 5)', async t => {
  const api = await build(t)
  const res = await send(api, { message_type: 'inapp', body: 'Hi', from: { type: 'admin', id: 394051 }, to: { type: 'user', id: FIXTURE.mal.id } })
  t.equal(res.statusCode, 200)
  t.equal(res.json().owner.id, '394051')
})

t.test('leads are reached with to.type contact or lead, by id, user_id or email', async t => {
  const api = await build(t)
  const recipients = [
    { type: 'contact', id: FIXTURE.simon.id },
    { type: 'lead', user_id: FIXTURE.simon.userId },
    { type: 'contact', email: FIXTURE.simon.email }
  ]
  for (const to of recipients) {
    const res = await send(api, { message_type: 'email', subject: 'Hello', body: 'Hi', template: 'personal', from: wash, to })
    t.equal(res.statusCode, 200, JSON.stringify(to))
    t.equal(res.json().template, 'personal')
  }
  t.equal((await api.request({ url: `/conversations?type=user&intercom_user_id=${FIXTURE.simon.id}` })).json().conversations.length, 3)
})

t.test('the message starts a conversation authored by the admin, listed under the recipient and the admin', async t => {
  const api = await build(t)
  const message = (await send(api, { message_type: 'email', subject: 'Thanks', body: '<p>Thanks for flying</p>', from: wash, to: { type: 'user', id: FIXTURE.mal.id } })).json()
  const [underUser] = (await api.request({ url: `/conversations?type=user&intercom_user_id=${FIXTURE.mal.id}` })).json().conversations
  const [underAdmin] = (await api.request({ url: `/conversations?type=admin&admin_id=${FIXTURE.wash.id}` })).json().conversations
  t.equal(underUser.id, underAdmin.id)
  t.match(underUser, {
    state: 'closed',
    open: false,
    read: true,
    waiting_since: null,
    assignee: { type: 'admin', id: FIXTURE.wash.id },
    user: { type: 'user', id: FIXTURE.mal.id },
    customer_first_reply: null,
    conversation_message: {
      type: 'email',
      id: message.id,
      delivered_as: 'admin_initiated',
      subject: 'Thanks',
      body: '<p>Thanks for flying</p>',
      author: { type: 'admin', id: FIXTURE.wash.id }
    }
  })
  const plain = (await api.request({ url: `/conversations/${underUser.id}?display_as=plaintext` })).json()
  t.equal(plain.conversation_message.body, 'Thanks for flying')
})

t.test('admin message errors', async t => {
  const api = await build(t)
  const to = { type: 'user', id: FIXTURE.mal.id }
  assertError(t, await send(api, { message_type: 'email', body: 'No subject', from: wash, to }), 422, {
    code: 'parameter_not_found', message: 'No subject supplied for email message'
  })
  assertError(t, await send(api, { message_type: 'email', subject: 'S', from: wash, to }), 400, { code: 'parameter_invalid', message: 'Body is required' })
  assertError(t, await send(api, { message_type: 'inapp', body: '', from: wash, to }), 400, { code: 'parameter_invalid', message: 'Body is required' })
  assertError(t, await send(api, { message_type: 'email', subject: 'S', body: 'B', template: 'fancy', from: wash, to }), 400, {
    code: 'parameter_invalid', message: 'template must be plain or personal, not fancy', field: 'template'
  })
  assertError(t, await send(api, { message_type: 'sms', body: 'B', from: wash, to }), 400, {
    code: 'parameter_invalid', message: 'message_type must be inapp or email, not sms', field: 'message_type'
  })
  assertError(t, await send(api, { body: 'B', from: wash }), 400, { code: 'parameter_invalid', message: 'to is required for a message from an admin', field: 'to' })
  assertError(t, await send(api, { body: 'B', from: wash, to: { type: 'admin', id: '394052' } }), 400, {
    code: 'parameter_invalid', message: 'to.type must be one of user, contact, lead', field: 'to.type'
  })
  assertError(t, await send(api, { body: 'B', from: { type: 'admin' }, to }), 400, { code: 'parameter_invalid', message: 'from.id is required', field: 'from.id' })
  assertError(t, await send(api, { body: 'B', from: { type: 'admin', id: '1' }, to }), 404, { code: 'not_found', message: 'Resource Not Found' })
  assertError(t, await send(api, { body: 'B', from: wash, to: { type: 'user', id: '000000000000000000000000' } }), 404, { code: 'not_found', message: 'User Not Found' })
  assertError(t, await send(api, { body: 'B', from: wash, to: { type: 'user', id: FIXTURE.simon.id } }), 404, { code: 'not_found', message: 'User Not Found' })
  assertError(t, await send(api, { body: 'B', from: wash, to: { type: 'user' } }), 400, {
    code: 'parameter_invalid', message: 'to must identify the contact by one of to.id, to.user_id or to.email', field: 'to'
  })
  t.same((await api.request({ url: '/conversations' })).json().conversations, [], 'nothing was written')
})

t.test('an email to a contact unsubscribed from emails is 403; in-app still reaches them', async t => {
  const api = await build(t)
  const to = { type: 'user', id: FIXTURE.jayne.id }
  assertError(t, await send(api, { message_type: 'email', subject: 'Deal', body: 'B', from: wash, to }), 403, {
    code: 'action_forbidden', message: 'This user is unsubscribed from emails'
  })
  t.equal((await send(api, { message_type: 'inapp', body: 'B', from: wash, to })).statusCode, 200)
})
