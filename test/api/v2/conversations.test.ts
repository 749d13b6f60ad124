import t from 'tap'
import { assertError, build, FIXTURE, T0, type TestApp } from '../../helper.js'

const V = '2.11'
const call = (api: TestApp, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, version = V) =>
  api.request({ method, url, version, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) })

async function start (api: TestApp, from: Record<string, string>, body = 'Hello there'): Promise<string> {
  const res = await call(api, 'POST', '/conversations', { from, body })
  if (res.statusCode !== 200) throw new Error(res.body)
  return res.json().conversation_id
}

t.test('POST /conversations from a user answers the message with its conversation_id', async t => {
  const api = await build(t)
  const res = await call(api, 'POST', '/conversations', { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Hello there' })
  t.equal(res.statusCode, 200)
  t.strictSame(res.json(), { type: 'user_message', id: '2001', created_at: T0, subject: '', body: 'Hello there', message_type: 'inapp', conversation_id: '1000000001' })
  const conversation = (await call(api, 'GET', '/conversations/1000000001')).json()
  t.match(conversation, {
    type: 'conversation',
    id: '1000000001',
    state: 'open',
    open: true,
    read: false,
    waiting_since: T0,
    admin_assignee_id: null,
    source: { type: 'conversation', id: '2001', delivered_as: 'customer_initiated', body: '<p>Hello there</p>', author: { type: 'user', id: FIXTURE.mal.id, name: 'Malcolm Reynolds', email: FIXTURE.mal.email } },
    contacts: { type: 'contact.list', contacts: [{ type: 'contact', id: FIXTURE.mal.id, external_id: FIXTURE.mal.userId }] },
    first_contact_reply: { created_at: T0, type: 'conversation', url: null },
    conversation_parts: { type: 'conversation_part.list', conversation_parts: [], total_count: 0 }
  })
})

t.test('POST /conversations from a lead, and from a visitor named by its user_id (it becomes a lead)', async t => {
  const api = await build(t)
  const fromLead = await start(api, { type: 'lead', id: FIXTURE.simon.id })
  t.equal((await call(api, 'GET', `/conversations/${fromLead}`)).json().source.author.type, 'lead')
  const fromVisitor = await start(api, { type: 'contact', id: FIXTURE.visitor.userId }, 'Hi from visitor')
  const conversation = (await call(api, 'GET', `/conversations/${fromVisitor}`)).json()
  t.same(conversation.contacts.contacts.map((c: { id: string }) => c.id), [FIXTURE.visitor.id])
  t.equal((await call(api, 'GET', `/contacts/${FIXTURE.visitor.id}`)).json().role, 'lead')
})

t.test('POST /conversations errors', async t => {
  const api = await build(t)
  assertError(t, await call(api, 'POST', '/conversations', { from: { type: 'user', id: '000000000000000000000000' }, body: 'x' }), 404, { code: 'not_found', message: 'User Not Found' })
  assertError(t, await call(api, 'POST', '/conversations', { from: { type: 'user', id: FIXTURE.mal.id } }), 400, { code: 'parameter_invalid', message: 'Body is required' })
  assertError(t, await call(api, 'POST', '/conversations', { from: { type: 'admin', id: FIXTURE.wash.id }, body: 'x' }), 400, {
    code: 'parameter_invalid', message: 'from.type must be one of user, lead, contact', field: 'from.type'
  })
  assertError(t, await call(api, 'POST', '/conversations', { from: { type: 'user', id: FIXTURE.mal.id }, body: 'x' }, '1.4'), 400, {
    code: 'intercom_version_invalid', message: 'Requested resource is not available in current API version.'
  })
})

t.test('GET /conversations pages by cursor, up to 150 a page, with total_count', async t => {
  const api = await build(t)
  for (let i = 0; i < 7; i++) {
    await start(api, { type: 'user', id: FIXTURE.mal.id }, `Number ${i}`)
    api.clock.advance(1)
  }
  const first = (await call(api, 'GET', '/conversations?per_page=3')).json()
  t.match(first, { type: 'conversation.list', total_count: 7, pages: { type: 'pages', page: 1, per_page: 3, total_pages: 3 } })
  t.notOk('conversation_parts' in first.conversations[0])
  const seen: string[] = first.conversations.map((c: { id: string }) => c.id)
  let next = first.pages.next
  while (next !== undefined && next !== null) {
    const page = (await call(api, 'GET', `/conversations?per_page=3&starting_after=${encodeURIComponent(next.starting_after)}`)).json()
    seen.push(...page.conversations.map((c: { id: string }) => c.id))
    next = page.pages.next
  }
  t.equal(seen.length, 7)
  t.equal(new Set(seen).size, 7)
  t.equal((await call(api, 'GET', '/conversations?per_page=500')).json().pages.per_page, 150)
})

t.test('a 2.x client may pass the 1.x list filters as query parameters', async t => {
  const api = await build(t)
  const mal = await start(api, { type: 'user', id: FIXTURE.mal.id })
  await start(api, { type: 'user', id: FIXTURE.inara.id })
  const res = (await call(api, 'GET', `/conversations?type=user&intercom_user_id=${FIXTURE.mal.id}&open=true`, undefined, '2.14')).json()
  t.same(res.conversations.map((c: { id: string }) => c.id), [mal])
  t.equal(res.total_count, 1)
})

t.test('replies in 2.x: a contact by user_id (its external_id) and an admin; last', async t => {
  const api = await build(t)
  const id = await start(api, { type: 'user', id: FIXTURE.mal.id })
  api.clock.advance(5)
  const byUser = (await call(api, 'POST', `/conversations/${id}/reply`, { message_type: 'comment', type: 'user', body: 'Thanks again :)', user_id: FIXTURE.mal.userId })).json()
  t.match(byUser.conversation_parts.conversation_parts[0], {
    type: 'conversation_part', part_type: 'comment', body: '<p>Thanks again :)</p>', created_at: T0 + 5,
    author: { type: 'user', id: FIXTURE.mal.id, name: 'Malcolm Reynolds', email: FIXTURE.mal.email }, redacted: false
  })
  const byAdmin = (await call(api, 'POST', `/conversations/${id}/reply`, { message_type: 'note', type: 'admin', admin_id: FIXTURE.wash.id, body: '<p>Note</p>' })).json()
  t.match(byAdmin.conversation_parts.conversation_parts[1], { part_type: 'note', author: { type: 'admin', id: FIXTURE.wash.id, name: 'Wash' } })
  t.same(byAdmin.teammates, { type: 'admin.list', teammates: [{ type: 'admin', id: FIXTURE.wash.id }] })
  const toLast = await call(api, 'POST', '/conversations/last/reply', { message_type: 'comment', type: 'user', body: 'to last', intercom_user_id: FIXTURE.mal.id })
  t.equal(toLast.json().id, id)
  const attachments = Array.from({ length: 10 }, (_, i) => `https://cdn.test/${i}.png`)
  t.equal((await call(api, 'POST', `/conversations/${id}/reply`, { message_type: 'comment', type: 'user', body: 'ten', intercom_user_id: FIXTURE.mal.id, attachment_urls: attachments })).statusCode, 200, '2.x allows 10 attachments')
})

t.test('POST /conversations/{id}/parts closes, opens, snoozes and assigns', async t => {
  const api = await build(t)
  const id = await start(api, { type: 'user', id: FIXTURE.mal.id })
  const closed = (await call(api, 'POST', `/conversations/${id}/parts`, { message_type: 'close', type: 'admin', admin_id: FIXTURE.wash.id, body: 'Goodbye :)' })).json()
  t.match(closed, { state: 'closed', open: false })
  t.match(closed.conversation_parts.conversation_parts.at(-1), { part_type: 'close', body: '<p>Goodbye :)</p>' })
  const assigned = (await call(api, 'POST', `/conversations/${id}/parts`, { message_type: 'assignment', type: 'admin', admin_id: FIXTURE.wash.id, assignee_id: FIXTURE.zoe.id })).json()
  t.match(assigned, { state: 'open', admin_assignee_id: Number(FIXTURE.zoe.id) })
  t.match(assigned.conversation_parts.conversation_parts.at(-1), { part_type: 'assign_and_reopen', assigned_to: { type: 'admin', id: FIXTURE.zoe.id } })
  const toTeam = (await call(api, 'POST', `/conversations/${id}/parts`, { message_type: 'assignment', type: 'team', admin_id: FIXTURE.wash.id, assignee_id: FIXTURE.crew.id })).json()
  t.match(toTeam, { team_assignee_id: Number(FIXTURE.crew.id), admin_assignee_id: Number(FIXTURE.zoe.id) })
  const snoozed = (await call(api, 'POST', `/conversations/${id}/parts`, { message_type: 'snoozed', admin_id: FIXTURE.wash.id, snoozed_until: T0 + 3600 })).json()
  t.match(snoozed, { state: 'snoozed', snoozed_until: T0 + 3600 })
  const opened = (await call(api, 'POST', `/conversations/${id}/parts`, { message_type: 'open', admin_id: FIXTURE.wash.id })).json()
  t.match(opened, { state: 'open', snoozed_until: null })
  t.match(opened.statistics, { type: 'conversation_statistics', count_assignments: 2, count_reopens: 1, last_closed_by_id: FIXTURE.wash.id })
  assertError(t, await call(api, 'POST', `/conversations/${id}/parts`, { message_type: 'comment', admin_id: FIXTURE.wash.id, body: 'x' }), 400, {
    code: 'parameter_invalid', message: 'message_type must be one of close, open, snoozed, assignment', field: 'message_type'
  })
  assertError(t, await call(api, 'POST', '/conversations/1000000099/parts', { message_type: 'close', admin_id: FIXTURE.wash.id }), 404, { code: 'not_found', message: 'Resource Not Found' })
})

t.test('PUT /conversations/{id} sets read, title and custom attributes', async t => {
  const api = await build(t)
  const id = await start(api, { type: 'user', id: FIXTURE.mal.id })
  api.clock.advance(3)
  const res = (await call(api, 'PUT', `/conversations/${id}?display_as=plaintext`, { read: true, title: 'Stock question', custom_attributes: { issue_type: 'stock' } }, '2.14')).json()
  t.match(res, { read: true, title: 'Stock question', custom_attributes: { issue_type: 'stock' }, updated_at: T0 + 3, source: { body: 'Hello there' } })
})

t.test('the same conversation reads in each version\'s shape', async t => {
  const api = await build(t)
  const id = await start(api, { type: 'user', id: FIXTURE.mal.id })
  const v1 = (await call(api, 'GET', `/conversations/${id}`, undefined, '1.4')).json()
  t.ok('conversation_message' in v1)
  t.notOk('source' in v1)
  for (const version of ['2.0', '2.7', '2.11', '2.14', '2.16', 'Unstable', 'Preview']) {
    const v2 = (await call(api, 'GET', `/conversations/${id}`, undefined, version)).json()
    t.ok('source' in v2, version)
    t.notOk('conversation_message' in v2, version)
  }
  t.equal((await call(api, 'GET', `/conversations/${id}`, undefined, '2.15')).json().priority, 'not_priority')
  t.equal((await call(api, 'GET', `/conversations/${id}`, undefined, '2.16')).json().priority, 'none')
})
