import t from 'tap'
import { assertError, build, FIXTURE, T0, type TestApp } from '../../helper.js'

const send = (api: TestApp, payload: Record<string, unknown>, version = '2.14') =>
  api.request({ method: 'POST', url: '/messages', version, payload })

t.test('an admin in-app message (numeric admin id, message_type inapp, in_app or conversation)', async t => {
  const api = await build(t)
  for (const messageType of ['inapp', 'in_app', 'conversation']) {
    const res = await send(api, { message_type: messageType, body: 'In-app hi', template: 'plain', from: { type: 'admin', id: 394051 }, to: { type: 'user', id: FIXTURE.mal.id } })
    t.equal(res.statusCode, 200, messageType)
    t.match(res.json(), { type: 'admin_message', message_type: 'inapp', body: 'In-app hi', owner: { type: 'admin', id: FIXTURE.wash.id, name: 'Wash', email: 'wash@serenity.io' } })
    t.match(res.json().conversation_id, /^\d+$/)
  }
})

t.test('an admin email: without create_conversation_without_contact_reply the conversation waits closed; with it, it is open now', async t => {
  const api = await build(t)
  const quiet = (await send(api, { message_type: 'email', subject: 'Thanks', body: 'Hello there', template: 'plain', from: { type: 'admin', id: FIXTURE.wash.id }, to: { type: 'lead', id: FIXTURE.simon.id } })).json()
  t.match(quiet, { type: 'admin_message', message_type: 'email', subject: 'Thanks' })
  t.match((await api.request({ url: `/conversations/${quiet.conversation_id}`, version: '2.14' })).json(), { state: 'closed', open: false, source: { type: 'email', delivered_as: 'admin_initiated', author: { type: 'admin' } } })
  const opened = (await send(api, { message_type: 'email', subject: 'Thanks', body: 'Hello', template: 'plain', from: { type: 'admin', id: FIXTURE.wash.id }, to: { type: 'lead', id: FIXTURE.simon.id }, created_at: 1590000000, create_conversation_without_contact_reply: true })).json()
  t.equal(opened.created_at, 1590000000, 'created_at (2.11+) is honoured')
  t.match((await api.request({ url: `/conversations/${opened.conversation_id}`, version: '2.14' })).json(), { state: 'open', open: true, created_at: 1590000000 })
})

t.test('2.14: to may be a list, with cc and bcc on email; every recipient but the bcc ones joins the conversation', async t => {
  const api = await build(t)
  const res = await send(api, {
    message_type: 'email',
    subject: 'Crew meeting',
    body: 'All hands',
    from: { type: 'admin', id: FIXTURE.wash.id },
    to: [{ type: 'user', id: FIXTURE.mal.id }, { type: 'user', email: FIXTURE.inara.email }],
    cc: [{ type: 'lead', id: FIXTURE.simon.id }],
    bcc: [{ type: 'lead', id: FIXTURE.river.id }]
  })
  t.equal(res.statusCode, 200)
  const conversation = (await api.request({ url: `/conversations/${res.json().conversation_id}`, version: '2.14' })).json()
  t.same(conversation.contacts.contacts.map((c: { id: string }) => c.id), [FIXTURE.mal.id, FIXTURE.inara.id, FIXTURE.simon.id])
})

t.test('before 2.14 a list of recipients, cc or bcc is refused; cc is for email only', async t => {
  const api = await build(t)
  const to = [{ type: 'user', id: FIXTURE.mal.id }]
  assertError(t, await send(api, { message_type: 'inapp', body: 'x', from: { type: 'admin', id: FIXTURE.wash.id }, to }, '2.11'), 400, {
    code: 'parameter_invalid', message: 'to must be one recipient: lists of recipients need Intercom-Version 2.14 or later', field: 'to'
  })
  assertError(t, await send(api, { message_type: 'email', subject: 's', body: 'x', from: { type: 'admin', id: FIXTURE.wash.id }, to: to[0], cc: to }, '2.13'), 400, {
    code: 'parameter_invalid', message: 'cc needs Intercom-Version 2.14 or later', field: 'cc'
  })
  assertError(t, await send(api, { message_type: 'inapp', body: 'x', from: { type: 'admin', id: FIXTURE.wash.id }, to: to[0], cc: to }), 400, {
    code: 'parameter_invalid', message: 'cc is only for email messages', field: 'cc'
  })
  assertError(t, await send(api, { message_type: 'email', subject: 's', body: 'x', from: { type: 'admin', id: FIXTURE.wash.id }, to: [] }), 400, {
    code: 'parameter_invalid', message: 'to must name at least one recipient', field: 'to'
  })
  assertError(t, await send(api, { message_type: 'email', subject: 's', body: 'x', from: { type: 'admin', id: FIXTURE.wash.id }, to, bcc: [{ type: 'user', id: FIXTURE.jayne.id }] }), 403, {
    code: 'action_forbidden', message: 'This user is unsubscribed from emails'
  })
})

t.test('documented 2.x errors of POST /messages', async t => {
  const api = await build(t)
  const to = { type: 'user', id: FIXTURE.mal.id }
  assertError(t, await send(api, { message_type: 'inapp', body: null, from: { type: 'admin', id: FIXTURE.wash.id }, to }), 400, { code: 'parameter_invalid', message: 'Body is required' })
  assertError(t, await send(api, { message_type: 'email', subject: 's', from: { type: 'admin', id: FIXTURE.wash.id }, to }), 400, { code: 'parameter_invalid', message: 'Body is required' })
  assertError(t, await send(api, { message_type: 'email', body: 'b', from: { type: 'admin', id: FIXTURE.wash.id }, to }), 422, { code: 'parameter_not_found', message: 'No subject supplied for email message' })
  assertError(t, await send(api, { message_type: 'inapp', body: 'b', from: { type: 'admin', id: FIXTURE.wash.id }, to: { type: 'user', id: '000000000000000000000000' } }), 404, { code: 'not_found', message: 'User Not Found' })
})

t.test('user and lead messages through /messages carry conversation_id from 2.6, not before', async t => {
  const api = await build(t)
  const v26 = (await send(api, { from: { type: 'user', id: FIXTURE.mal.id }, body: 'heyy', referer: 'https://twitter.com/bob' }, '2.6')).json()
  t.match(v26, { type: 'user_message', body: 'heyy', message_type: 'inapp', created_at: T0 })
  t.match(v26.conversation_id, /^\d+$/)
  const lead = (await send(api, { from: { type: 'lead', id: FIXTURE.simon.id }, body: 'heyy' }, '2.16')).json()
  t.match(lead.conversation_id, /^\d+$/)
  const v25 = (await send(api, { from: { type: 'user', id: FIXTURE.mal.id }, body: 'old' }, '2.5')).json()
  t.notOk('conversation_id' in v25)
})
