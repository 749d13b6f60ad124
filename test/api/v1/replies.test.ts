import t from 'tap'
import { assertError, build, FIXTURE, T0, type TestApp } from '../../helper.js'

/** Mal writes in: conversation 1000000001, open, unread, waiting since T0. */
async function malWritesIn (api: TestApp, body = 'Is the new thing in stock?'): Promise<string> {
  const res = await api.request({ method: 'POST', url: '/messages', payload: { from: { type: 'user', id: FIXTURE.mal.id }, body } })
  if (res.statusCode !== 200) throw new Error(res.body)
  const list = await api.request({ url: `/conversations?type=user&intercom_user_id=${FIXTURE.mal.id}&per_page=1` })
  return list.json().conversations[0].id
}

const reply = (api: TestApp, id: string, payload: Record<string, unknown>) =>
  api.request({ method: 'POST', url: `/conversations/${id}/reply`, payload })
const asAdmin = (payload: Record<string, unknown>) => ({ type: 'admin', admin_id: FIXTURE.wash.id, ...payload })
const asMal = (payload: Record<string, unknown>) => ({ type: 'user', intercom_user_id: FIXTURE.mal.id, message_type: 'comment', ...payload })

t.test('a user reply appends a comment part and answers the full conversation', async t => {
  const api = await build(t)
  const id = await malWritesIn(api)
  api.clock.advance(30)
  const res = await reply(api, id, asMal({ body: 'Hello?', id, conversation_id: id }))
  t.equal(res.statusCode, 200)
  const conversation = res.json()
  t.match(conversation, { type: 'conversation', id, state: 'open', read: false, waiting_since: T0, updated_at: T0 + 30 })
  t.strictSame(conversation.conversation_parts, {
    type: 'conversation_part.list',
    conversation_parts: [{
      type: 'conversation_part',
      id: '3000000001',
      part_type: 'comment',
      body: '<p>Hello?</p>',
      created_at: T0 + 30,
      updated_at: T0 + 30,
      notified_at: T0 + 30,
      assigned_to: null,
      author: { type: 'user', id: FIXTURE.mal.id, name: 'Malcolm Reynolds', email: FIXTURE.mal.email },
      attachments: [],
      external_id: null
    }],
    total_count: 1
  })
  t.same((await api.request({ url: `/conversations/${id}` })).json(), conversation, 'GET shows the same')
})

t.test('the user replying is named by intercom_user_id, user_id or email', async t => {
  const api = await build(t)
  const id = await malWritesIn(api)
  for (const who of [{ intercom_user_id: FIXTURE.mal.id }, { user_id: FIXTURE.mal.userId }, { email: FIXTURE.mal.email }]) {
    const res = await reply(api, id, { type: 'user', message_type: 'comment', body: 'Me again', ...who })
    t.equal(res.statusCode, 200, JSON.stringify(who))
  }
  t.equal((await api.request({ url: `/conversations/${id}` })).json().conversation_parts.total_count, 3)
})

t.test('an admin comment stops the wait and reads the conversation; a note changes neither', async t => {
  const api = await build(t)
  const id = await malWritesIn(api)
  api.clock.advance(10)
  const noted = (await reply(api, id, asAdmin({ message_type: 'note', body: '<p>VIP, be quick</p>' }))).json()
  t.match(noted, { waiting_since: T0, read: false, updated_at: T0 + 10 })
  t.match(noted.conversation_parts.conversation_parts[0], { part_type: 'note', body: '<p>VIP, be quick</p>', author: { type: 'admin', id: FIXTURE.wash.id } })
  api.clock.advance(10)
  const answered = (await reply(api, id, asAdmin({ message_type: 'comment', body: 'Yes, in stock' }))).json()
  t.match(answered, { waiting_since: null, read: true, state: 'open', updated_at: T0 + 20 })
  t.match(answered.conversation_parts.conversation_parts[1], { part_type: 'comment', body: '<p>Yes, in stock</p>' })
  api.clock.advance(10)
  const again = (await reply(api, id, asMal({ body: 'Great' }))).json()
  t.match(again, { waiting_since: T0 + 30, read: false }, 'the user is waiting again')
})

t.test('close, open, snooze: state, open and snoozed_until follow, each with its part', async t => {
  const api = await build(t)
  const id = await malWritesIn(api)
  api.clock.advance(1)
  const closed = (await reply(api, id, asAdmin({ message_type: 'close', body: 'Goodbye :)' }))).json()
  t.match(closed, { state: 'closed', open: false, snoozed_until: null })
  t.match(closed.conversation_parts.conversation_parts.at(-1), { part_type: 'close', body: '<p>Goodbye :)</p>', author: { type: 'admin', id: FIXTURE.wash.id } })
  api.clock.advance(1)
  const opened = (await reply(api, id, asAdmin({ message_type: 'open' }))).json()
  t.match(opened, { state: 'open', open: true })
  t.match(opened.conversation_parts.conversation_parts.at(-1), { part_type: 'open', body: null })
  api.clock.advance(1)
  const snoozed = (await reply(api, id, asAdmin({ message_type: 'snoozed', snoozed_until: T0 + 86400 }))).json()
  t.match(snoozed, { state: 'snoozed', open: true, snoozed_until: T0 + 86400 })
  t.match(snoozed.conversation_parts.conversation_parts.at(-1), { part_type: 'snoozed' })
  api.clock.advance(1)
  const unsnoozed = (await reply(api, id, asAdmin({ message_type: 'open' }))).json()
  t.match(unsnoozed, { state: 'open', snoozed_until: null, updated_at: T0 + 4 })
  t.same(unsnoozed.conversation_parts.conversation_parts.map((p: { part_type: string }) => p.part_type), ['close', 'open', 'snoozed', 'open'])
})

t.test('invalid transitions are 400 naming the field', async t => {
  const api = await build(t)
  const id = await malWritesIn(api)
  assertError(t, await reply(api, id, asAdmin({ message_type: 'open' })), 400, { code: 'parameter_invalid', message: 'The conversation is already open', field: 'message_type' })
  assertError(t, await reply(api, id, asAdmin({ message_type: 'snoozed' })), 400, { code: 'parameter_invalid', message: 'snoozed_until is required to snooze a conversation', field: 'snoozed_until' })
  assertError(t, await reply(api, id, asAdmin({ message_type: 'snoozed', snoozed_until: T0 })), 400, { code: 'parameter_invalid', message: 'snoozed_until must be a time in the future', field: 'snoozed_until' })
  await reply(api, id, asAdmin({ message_type: 'close' }))
  assertError(t, await reply(api, id, asAdmin({ message_type: 'close' })), 400, { code: 'parameter_invalid', message: 'The conversation is already closed', field: 'message_type' })
  assertError(t, await reply(api, id, asAdmin({ message_type: 'snoozed', snoozed_until: T0 + 60 })), 400, {
    code: 'parameter_invalid', message: 'A closed conversation cannot be snoozed: open it first', field: 'message_type'
  })
  t.equal((await api.request({ url: `/conversations/${id}` })).json().conversation_parts.total_count, 1, 'refused actions wrote nothing')
})

t.test('assignment to an admin, to a team, and "0" to unassign', async t => {
  const api = await build(t)
  const id = await malWritesIn(api)
  const toZoe = (await reply(api, id, asAdmin({ message_type: 'assignment', assignee_id: FIXTURE.zoe.id, body: 'Yours' }))).json()
  t.same(toZoe.assignee, { type: 'admin', id: FIXTURE.zoe.id })
  t.match(toZoe.conversation_parts.conversation_parts.at(-1), { part_type: 'assignment', assigned_to: { type: 'admin', id: FIXTURE.zoe.id }, body: '<p>Yours</p>' })
  t.same((await api.request({ url: `/conversations?type=admin&admin_id=${FIXTURE.zoe.id}` })).json().conversations.map((c: { id: string }) => c.id), [id])

  const unassigned = (await reply(api, id, asAdmin({ message_type: 'assignment', assignee_id: '0' }))).json()
  t.same(unassigned.assignee, { type: 'nobody_admin', id: null })
  t.equal(unassigned.conversation_parts.conversation_parts.at(-1).assigned_to, null)
  t.same((await api.request({ url: '/conversations?type=admin&admin_id=nobody' })).json().conversations.map((c: { id: string }) => c.id), [id])

  const toTeam = (await reply(api, id, asAdmin({ message_type: 'assignment', assignee_id: FIXTURE.crew.id }))).json()
  t.same(toTeam.assignee, { type: 'team', id: FIXTURE.crew.id })
  t.same(toTeam.conversation_parts.conversation_parts.at(-1).assigned_to, { type: 'team', id: FIXTURE.crew.id })

  assertError(t, await reply(api, id, asAdmin({ message_type: 'assignment', assignee_id: '999' })), 404, { code: 'not_found', message: 'Resource Not Found' })
  assertError(t, await reply(api, id, asAdmin({ message_type: 'assignment' })), 400, { code: 'parameter_invalid', message: 'assignee_id is required for an assignment', field: 'assignee_id' })
})

t.test('assigning a closed conversation reopens it', async t => {
  const api = await build(t)
  const id = await malWritesIn(api)
  await reply(api, id, asAdmin({ message_type: 'close' }))
  const res = (await reply(api, id, asAdmin({ message_type: 'assignment', assignee_id: FIXTURE.kaylee.id }))).json()
  t.match(res, { state: 'open', open: true, assignee: { type: 'admin', id: FIXTURE.kaylee.id } })
  t.equal(res.conversation_parts.conversation_parts.at(-1).part_type, 'assign_and_reopen')
})

t.test('a user reply reopens a closed or snoozed conversation and waits again', async t => {
  const api = await build(t)
  const id = await malWritesIn(api)
  await reply(api, id, asAdmin({ message_type: 'comment', body: 'Done' }))
  await reply(api, id, asAdmin({ message_type: 'close' }))
  api.clock.advance(100)
  const reopened = (await reply(api, id, asMal({ body: 'Not done' }))).json()
  t.match(reopened, { state: 'open', open: true, waiting_since: T0 + 100, read: false })
  t.match(reopened.conversation_parts.conversation_parts.at(-1), { part_type: 'open', body: '<p>Not done</p>', author: { type: 'user', id: FIXTURE.mal.id } })

  await reply(api, id, asAdmin({ message_type: 'snoozed', snoozed_until: T0 + 9999 }))
  const woken = (await reply(api, id, asMal({ body: 'Wake up' }))).json()
  t.match(woken, { state: 'open', snoozed_until: null })
  t.equal(woken.conversation_parts.conversation_parts.at(-1).part_type, 'open')
})

t.test('the customer\'s first reply to an admin-initiated conversation is recorded once', async t => {
  const api = await build(t)
  await api.request({ method: 'POST', url: '/messages', payload: { body: 'Hi Mal', from: { type: 'admin', id: FIXTURE.wash.id }, to: { type: 'user', id: FIXTURE.mal.id } } })
  const id = '1000000001'
  api.clock.advance(50)
  const first = (await reply(api, id, asMal({ body: 'Hi Wash' }))).json()
  t.same(first.customer_first_reply, { created_at: T0 + 50, type: 'conversation', url: null })
  t.match(first, { state: 'open', waiting_since: T0 + 50 })
  api.clock.advance(50)
  const second = (await reply(api, id, asMal({ body: 'Still there?' }))).json()
  t.same(second.customer_first_reply, { created_at: T0 + 50, type: 'conversation', url: null })
})

t.test('last: a user reply goes to the user\'s most recent conversation', async t => {
  const api = await build(t)
  await malWritesIn(api, 'First')
  api.clock.advance(1)
  const latest = await malWritesIn(api, 'Second')
  const res = await reply(api, 'last', asMal({ body: 'To the latest' }))
  t.equal(res.statusCode, 200)
  t.equal(res.json().id, latest)
  assertError(t, await reply(api, 'last', asAdmin({ message_type: 'comment', body: 'x' })), 400, {
    code: 'parameter_invalid', message: 'Only a reply from a user can go to the last conversation', field: 'type'
  })
  assertError(t, await reply(api, 'last', { type: 'user', intercom_user_id: FIXTURE.inara.id, message_type: 'comment', body: 'x' }), 404, {
    code: 'not_found', message: 'Resource Not Found'
  })
})

t.test('a user who is not a customer of the conversation is refused with 403', async t => {
  const api = await build(t)
  const id = await malWritesIn(api)
  assertError(t, await reply(api, id, { type: 'user', intercom_user_id: FIXTURE.inara.id, message_type: 'comment', body: 'Butting in' }), 403, {
    code: 'action_forbidden', message: 'The user is not a customer of this conversation'
  })
})

t.test('reply errors', async t => {
  const api = await build(t)
  const id = await malWritesIn(api)
  const cases: Array<[string, Record<string, unknown>, number, { code: string, message: string, field?: string }]> = [
    [id, asMal({ message_type: 'note', body: 'x' }), 400, { code: 'parameter_invalid', message: 'message_type must be comment for a reply from a user', field: 'message_type' }],
    [id, asMal({}), 400, { code: 'parameter_invalid', message: 'Body is required' }],
    [id, asAdmin({ message_type: 'comment' }), 400, { code: 'parameter_invalid', message: 'Body is required' }],
    [id, asAdmin({ message_type: 'note', body: '  ' }), 400, { code: 'parameter_invalid', message: 'Body is required' }],
    [id, asAdmin({ message_type: 'wave', body: 'x' }), 400, { code: 'parameter_invalid', message: 'message_type must be one of comment, note, assignment, open, close, snoozed for a reply from an admin', field: 'message_type' }],
    [id, { type: 'admin', message_type: 'comment', body: 'x' }, 400, { code: 'parameter_invalid', message: 'admin_id is required', field: 'admin_id' }],
    [id, asAdmin({ admin_id: '1', message_type: 'comment', body: 'x' }), 404, { code: 'not_found', message: 'Resource Not Found' }],
    [id, { type: 'user', message_type: 'comment', body: 'x' }, 400, { code: 'parameter_invalid', message: 'A reply from a user needs one of intercom_user_id, user_id or email', field: 'intercom_user_id' }],
    [id, { type: 'user', user_id: 'nobody', message_type: 'comment', body: 'x' }, 404, { code: 'not_found', message: 'User Not Found' }],
    [id, { type: 'robot', message_type: 'comment', body: 'x' }, 400, { code: 'parameter_invalid', message: 'type must be one of user, contact, lead, admin', field: 'type' }],
    [id, { type: 'admin', admin_id: FIXTURE.wash.id, body: 'x' }, 400, { code: 'parameter_invalid', message: 'message_type is required', field: 'message_type' }],
    [id, asMal({ body: 'x', attachment_urls: ['https://a.test/1.png', 'https://a.test/2.png', 'https://a.test/3.png', 'https://a.test/4.png', 'https://a.test/5.png', 'https://a.test/6.png'] }), 400, { code: 'parameter_invalid', message: 'attachment_urls can hold at most 5 URLs', field: 'attachment_urls' }],
    [id, asMal({ body: 'x', attachment_urls: ['not a url'] }), 400, { code: 'parameter_invalid', message: 'attachment_urls must be http or https URLs, not not a url', field: 'attachment_urls' }],
    [id, asAdmin({ message_type: 'snoozed', snoozed_until: 'tomorrow' }), 400, { code: 'parameter_invalid', message: 'snoozed_until must be an integer', field: 'snoozed_until' }],
    ['1000000099', asMal({ body: 'x' }), 404, { code: 'not_found', message: 'Resource Not Found' }],
    ['nope', asAdmin({ message_type: 'comment', body: 'x' }), 404, { code: 'not_found', message: 'Resource Not Found' }]
  ]
  for (const [conversation, payload, status, error] of cases) {
    assertError(t, await reply(api, conversation, payload), status, error)
  }
  t.equal((await api.request({ url: `/conversations/${id}` })).json().conversation_parts.total_count, 0, 'nothing was written')
})

t.test('attachment URLs become part attachments', async t => {
  const api = await build(t)
  const id = await malWritesIn(api)
  const res = (await reply(api, id, asMal({ body: 'See photo', attachment_urls: ['https://cdn.test/photos/thing%201.jpg'] }))).json()
  t.same(res.conversation_parts.conversation_parts[0].attachments, [{
    type: 'upload', name: 'thing 1.jpg', url: 'https://cdn.test/photos/thing%201.jpg', content_type: 'image/jpeg', filesize: 0, width: null, height: null
  }])
})

t.test('display_as=plaintext strips the HTML of every body', async t => {
  const api = await build(t)
  const id = await malWritesIn(api, 'Fish & chips?')
  await reply(api, id, asAdmin({ message_type: 'comment', body: '<p>Yes <b>we</b> have&nbsp;them</p><p>Enjoy</p>' }))
  const html = (await api.request({ url: `/conversations/${id}` })).json()
  t.equal(html.conversation_message.body, '<p>Fish &amp; chips?</p>')
  t.equal(html.conversation_parts.conversation_parts[0].body, '<p>Yes <b>we</b> have&nbsp;them</p><p>Enjoy</p>')
  const plain = (await api.request({ url: `/conversations/${id}?display_as=plaintext` })).json()
  t.equal(plain.conversation_message.body, 'Fish & chips?')
  t.equal(plain.conversation_parts.conversation_parts[0].body, 'Yes we have them\nEnjoy')
  const replied = (await api.request({ method: 'POST', url: `/conversations/${id}/reply?display_as=plaintext`, payload: asMal({ body: '<3 <i>thanks</i>' }) })).json()
  t.equal(replied.conversation_parts.conversation_parts[1].body, '<3 <i>thanks</i>')
})

t.test('sorting by waiting_since leaves out conversations an admin answered last, and closed ones', async t => {
  const api = await build(t)
  const answered = await malWritesIn(api, 'A')
  api.clock.advance(1)
  const closed = await malWritesIn(api, 'B')
  api.clock.advance(1)
  const waiting = await malWritesIn(api, 'C')
  await reply(api, answered, asAdmin({ message_type: 'comment', body: 'Answered' }))
  await reply(api, closed, asAdmin({ message_type: 'close' }))
  const list = (await api.request({ url: `/conversations?type=user&intercom_user_id=${FIXTURE.mal.id}&order=waiting_since&sort=asc` })).json()
  t.same(list.conversations.map((c: { id: string }) => c.id), [waiting])
  t.not(answered, closed)
})
