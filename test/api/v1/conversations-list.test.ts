import t from 'tap'
import type { ConversationRecord } from '../../../src/store/index.js'
import { assertError, build, FIXTURE, T0, type TestApp } from '../../helper.js'

/** Starts a conversation from `from` at the current clock time and returns its id. */
async function start (api: TestApp, from: Record<string, string>, body = 'Hi'): Promise<string> {
  const res = await api.request({ method: 'POST', url: '/messages', payload: { from, body } })
  const list = await api.request({ url: `/conversations?type=user&intercom_user_id=${await contactId(api, from)}&per_page=1` })
  if (res.statusCode !== 200) throw new Error(res.body)
  return list.json().conversations[0].id
}

async function contactId (api: TestApp, from: Record<string, string>): Promise<string> {
  if (from.id !== undefined) return from.id
  const res = await api.request({ url: `/users?user_id=${from.user_id ?? ''}` })
  return res.json().id
}

/** Arranges state the 1.x API of this issue cannot reach (assignment, closing): written through the store. */
function patch (api: TestApp, id: string, changes: Partial<ConversationRecord>): void {
  const conversations = api.ctxFor().store.conversations
  const record = conversations.findById(id)
  if (record === null) throw new Error(`no conversation ${id}`)
  conversations.update({ ...record, ...changes })
}

const mal = { type: 'user', id: FIXTURE.mal.id }
const inara = { type: 'user', id: FIXTURE.inara.id }
const simon = { type: 'contact', id: FIXTURE.simon.id }

const ids = (res: { json: () => { conversations: Array<{ id: string }> } }) => res.json().conversations.map(c => c.id)

/**
 * Three conversations: a (mal, oldest, updated last), b (inara), c (simon, newest).
 * created: a < b < c; updated: b < c < a.
 */
async function threeConversations (api: TestApp) {
  const a = await start(api, mal)
  api.clock.advance(10)
  const b = await start(api, inara)
  api.clock.advance(10)
  const c = await start(api, simon)
  patch(api, a, { updatedAt: T0 + 30 })
  return { a, b, c }
}

t.test('with no filter, every conversation, most recently updated first', async t => {
  const api = await build(t)
  const { a, b, c } = await threeConversations(api)
  const res = await api.request({ url: '/conversations' })
  t.equal(res.statusCode, 200)
  t.same(ids(res), [a, c, b])
  t.strictSame(res.json().pages, { type: 'pages', next: null, page: 1, per_page: 20, total_pages: 1 })
  t.equal(res.json().type, 'conversation.list')
})

t.test('list items carry no conversation_parts', async t => {
  const api = await build(t)
  await threeConversations(api)
  for (const item of (await api.request({ url: '/conversations' })).json().conversations) {
    t.notOk('conversation_parts' in item)
    t.ok('conversation_message' in item)
  }
})

t.test('unfiltered lists take sort as the field and order as the direction', async t => {
  const api = await build(t)
  const { a, b, c } = await threeConversations(api)
  t.same(ids(await api.request({ url: '/conversations?sort=created_at&order=asc' })), [a, b, c])
  t.same(ids(await api.request({ url: '/conversations?sort=created_at&order=desc' })), [c, b, a])
  t.same(ids(await api.request({ url: '/conversations?sort=updated_at&order=asc' })), [b, c, a])
  t.same(ids(await api.request({ url: '/conversations?sort=created_at' })), [c, b, a], 'direction defaults to desc')
})

t.test('an invalid order is not an error: the list comes back ascending', async t => {
  const api = await build(t)
  const { a, b, c } = await threeConversations(api)
  const res = await api.request({ url: '/conversations?order=sideways' })
  t.equal(res.statusCode, 200)
  t.same(ids(res), [b, c, a], 'updated_at ascending')
  t.same(ids(await api.request({ url: '/conversations?sort=colour' })), [a, c, b], 'an unknown field falls back to updated_at')
})

t.test('filtered lists swap them: order is the field and sort the direction', async t => {
  const api = await build(t)
  const first = await start(api, mal)
  api.clock.advance(10)
  const second = await start(api, mal)
  patch(api, first, { updatedAt: T0 + 20 })
  const base = `/conversations?type=user&intercom_user_id=${FIXTURE.mal.id}`
  t.same(ids(await api.request({ url: base })), [first, second], 'updated_at desc by default')
  t.same(ids(await api.request({ url: `${base}&order=created_at&sort=desc` })), [second, first])
  t.same(ids(await api.request({ url: `${base}&order=created_at&sort=asc` })), [first, second])
  // The unfiltered convention here means order=desc (not a field) and sort=created_at (not a direction).
  t.same(ids(await api.request({ url: `${base}&sort=created_at&order=desc` })), [second, first], 'updated_at ascending')
})

t.test('type=user finds the customer by intercom_user_id, user_id or email', async t => {
  const api = await build(t)
  const { a } = await threeConversations(api)
  for (const query of [`intercom_user_id=${FIXTURE.mal.id}`, `user_id=${FIXTURE.mal.userId}`, `email=${encodeURIComponent(FIXTURE.mal.email)}`]) {
    const res = await api.request({ url: `/conversations?type=user&${query}` })
    t.same(ids(res), [a], query)
  }
})

t.test('type=user lists a lead only by intercom_user_id', async t => {
  const api = await build(t)
  const { c } = await threeConversations(api)
  t.same(ids(await api.request({ url: `/conversations?type=user&intercom_user_id=${FIXTURE.simon.id}` })), [c])
  const byUserId = await api.request({ url: `/conversations?type=user&user_id=${FIXTURE.simon.userId}` })
  assertError(t, byUserId, 404, { code: 'not_found', message: 'User Not Found' })
})

t.test('type=user with an unknown user is 404, and with no identifier 400', async t => {
  const api = await build(t)
  for (const query of ['intercom_user_id=000000000000000000000000', 'user_id=nobody', 'email=nobody%40example.com']) {
    assertError(t, await api.request({ url: `/conversations?type=user&${query}` }), 404, { code: 'not_found', message: 'User Not Found' })
  }
  assertError(t, await api.request({ url: '/conversations?type=user' }), 400, {
    code: 'parameter_invalid', message: 'type=user needs one of intercom_user_id, user_id or email', field: 'intercom_user_id'
  })
})

t.test('unread=true lists only unread conversations', async t => {
  const api = await build(t)
  const first = await start(api, mal)
  api.clock.advance(1)
  const second = await start(api, mal)
  patch(api, first, { read: true })
  const base = `/conversations?type=user&intercom_user_id=${FIXTURE.mal.id}`
  t.same(ids(await api.request({ url: `${base}&unread=true` })), [second])
  t.same(ids(await api.request({ url: `${base}&unread=false` })), [second, first], 'unread=false does not filter')
  t.same((await api.request({ url: base })).json().conversations.map((c: { read: boolean }) => c.read), [false, true])
})

t.test('type=admin lists an admin\'s conversations by admin_id or id, and nobody\'s', async t => {
  const api = await build(t)
  const { a, b, c } = await threeConversations(api)
  patch(api, a, { adminAssigneeId: FIXTURE.wash.id })
  patch(api, b, { adminAssigneeId: FIXTURE.zoe.id })
  t.same(ids(await api.request({ url: `/conversations?type=admin&admin_id=${FIXTURE.wash.id}` })), [a])
  t.same(ids(await api.request({ url: `/conversations?type=admin&id=${FIXTURE.zoe.id}` })), [b])
  t.same(ids(await api.request({ url: '/conversations?type=admin&admin_id=nobody' })), [c])
  t.same(ids(await api.request({ url: `/conversations?type=admin&admin_id=${FIXTURE.kaylee.id}` })), [])
  const [assigned] = (await api.request({ url: `/conversations?type=admin&admin_id=${FIXTURE.wash.id}` })).json().conversations
  t.same(assigned.assignee, { type: 'admin', id: FIXTURE.wash.id })
})

t.test('type=admin errors: unknown admin 404, no admin 400', async t => {
  const api = await build(t)
  assertError(t, await api.request({ url: '/conversations?type=admin&admin_id=999' }), 404, { code: 'admin_not_found', message: 'Admin not found' })
  assertError(t, await api.request({ url: '/conversations?type=admin' }), 400, {
    code: 'parameter_invalid', message: 'type=admin needs admin_id: an admin id, or nobody for unassigned conversations', field: 'admin_id'
  })
})

t.test('an unknown type is 400', async t => {
  const api = await build(t)
  assertError(t, await api.request({ url: '/conversations?type=contact&intercom_user_id=x' }), 400, {
    code: 'parameter_invalid', message: 'type must be user or admin, not contact', field: 'type'
  })
})

t.test('open filters everywhere: true is open or snoozed, false is closed', async t => {
  const api = await build(t)
  const { a, b, c } = await threeConversations(api)
  patch(api, a, { state: 'closed', adminAssigneeId: FIXTURE.wash.id })
  patch(api, b, { state: 'snoozed', snoozedUntil: T0 + 3600, adminAssigneeId: FIXTURE.wash.id })
  t.same(ids(await api.request({ url: '/conversations?open=true' })), [c, b])
  t.same(ids(await api.request({ url: '/conversations?open=false' })), [a])
  t.same(ids(await api.request({ url: `/conversations?type=admin&admin_id=${FIXTURE.wash.id}&open=true` })), [b])
  t.same(ids(await api.request({ url: `/conversations?type=admin&admin_id=${FIXTURE.wash.id}&open=false` })), [a])
  t.same(ids(await api.request({ url: `/conversations?type=user&intercom_user_id=${FIXTURE.mal.id}&open=false` })), [a])
  const [closed] = (await api.request({ url: '/conversations?open=false' })).json().conversations
  t.match(closed, { open: false, state: 'closed' })
})

t.test('sorting by waiting_since leaves out closed conversations and those an admin answered last', async t => {
  const api = await build(t)
  const { a, b, c } = await threeConversations(api)
  patch(api, a, { state: 'closed' })
  patch(api, b, { waitingSince: null, lastAuthorType: 'admin' })
  const res = await api.request({ url: '/conversations?sort=waiting_since&order=asc' })
  t.same(ids(res), [c])
})

t.test('before lists conversations updated before a time', async t => {
  const api = await build(t)
  const { b, c } = await threeConversations(api)
  t.same(ids(await api.request({ url: `/conversations?before=${T0 + 25}` })), [c, b])
})

t.test('display_as=plaintext renders list bodies as text', async t => {
  const api = await build(t)
  await start(api, mal, 'Fish & <chips>')
  const [html] = (await api.request({ url: '/conversations' })).json().conversations
  const [text] = (await api.request({ url: '/conversations?display_as=plaintext' })).json().conversations
  t.equal(html.conversation_message.body, '<p>Fish &amp; &lt;chips&gt;</p>')
  t.equal(text.conversation_message.body, 'Fish & <chips>')
})

t.test('pages: per_page defaults to 20; next is an absolute URL on the mock\'s origin, followed to the last page', async t => {
  const api = await build(t)
  for (let i = 0; i < 45; i++) {
    await api.request({ method: 'POST', url: '/messages', payload: { from: mal, body: `Message ${i}` } })
    api.clock.advance(1)
  }
  const first = await api.request({ url: `/conversations?type=user&intercom_user_id=${FIXTURE.mal.id}&open=true`, headers: { host: 'mock.test:9000' } })
  t.strictSame(first.json().pages, {
    type: 'pages',
    next: `http://mock.test:9000/conversations?type=user&intercom_user_id=${FIXTURE.mal.id}&open=true&per_page=20&page=2`,
    page: 1,
    per_page: 20,
    total_pages: 3
  })
  const seen: string[] = ids(first)
  let next: string | null = first.json().pages.next
  let pages = 1
  while (next !== null) {
    const url = new URL(next)
    const res = await api.request({ url: `${url.pathname}${url.search}`, headers: { host: url.host } })
    t.equal(res.statusCode, 200)
    seen.push(...ids(res))
    next = res.json().pages.next
    pages++
    t.equal(res.json().pages.page, pages)
  }
  t.equal(pages, 3)
  t.equal(seen.length, 45)
  t.equal(new Set(seen).size, 45, 'no conversation twice')
  t.equal((await api.request({ url: '/conversations?page=3' })).json().conversations.length, 5)
})

t.test('total_pages of one user\'s open, closed or all conversations follows closing and reopening', async t => {
  const api = await build(t)
  const started: string[] = []
  for (let i = 0; i < 25; i++) started.push(await start(api, mal))
  const totalPages = async (filter: string) =>
    (await api.request({ url: `/conversations?type=user&intercom_user_id=${FIXTURE.mal.id}&per_page=10${filter}` })).json().pages.total_pages
  const act = (id: string, messageType: string) =>
    api.request({ method: 'POST', url: `/conversations/${id}/reply`, payload: { type: 'admin', admin_id: FIXTURE.wash.id, message_type: messageType } })
  t.strictSame([await totalPages('&open=true'), await totalPages('&open=false'), await totalPages('')], [3, 0, 3])
  for (const id of started.slice(0, 6)) t.equal((await act(id, 'close')).statusCode, 200)
  t.strictSame([await totalPages('&open=true'), await totalPages('&open=false'), await totalPages('')], [2, 1, 3])
  t.equal((await act(started[0] as string, 'open')).statusCode, 200)
  t.strictSame([await totalPages('&open=true'), await totalPages('&open=false'), await totalPages('')], [2, 1, 3])
  t.strictSame((await api.request({ url: `/conversations?type=user&intercom_user_id=${FIXTURE.mal.id}&per_page=10&open=false` })).json().conversations.length, 5)
})

t.test('pages honour X-Forwarded-Proto and X-Forwarded-Host', async t => {
  const api = await build(t)
  for (let i = 0; i < 3; i++) await start(api, mal)
  const res = await api.request({
    url: '/conversations?per_page=2',
    headers: { host: 'internal:8080', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'intercom.example.com, proxy' }
  })
  t.equal(res.json().pages.next, 'https://intercom.example.com/conversations?per_page=2&page=2')
})

t.test('per_page above 60 is capped; page past the end is empty', async t => {
  const api = await build(t)
  await start(api, mal)
  t.equal((await api.request({ url: '/conversations?per_page=500' })).json().pages.per_page, 60)
  const past = (await api.request({ url: '/conversations?page=9' })).json()
  t.same(past.conversations, [])
  t.same(past.pages, { type: 'pages', next: null, page: 9, per_page: 20, total_pages: 1 })
})

t.test('page and per_page must be positive integers', async t => {
  const api = await build(t)
  assertError(t, await api.request({ url: '/conversations?per_page=0' }), 400, { code: 'parameter_invalid', message: 'per_page must be at least 1', field: 'per_page' })
  assertError(t, await api.request({ url: '/conversations?page=two' }), 400, { code: 'parameter_invalid', message: 'page must be an integer', field: 'page' })
  assertError(t, await api.request({ url: '/conversations?open=maybe' }), 400, { code: 'parameter_invalid', message: 'open must be a boolean', field: 'open' })
})

t.test('an empty workspace lists nothing', async t => {
  const api = await build(t)
  const res = await api.request({ url: '/conversations' })
  t.strictSame(res.json(), { type: 'conversation.list', conversations: [], pages: { type: 'pages', next: null, page: 1, per_page: 20, total_pages: 0 } })
})

t.test("a customer's list names every customer and author, the listed one and others", async t => {
  const api = await build(t)
  const own = await start(api, mal, 'Mine')
  api.clock.advance(10)
  const shared = await start(api, inara, 'Ours')
  const added = await api.request({ method: 'POST', url: `/conversations/${shared}/customers`, version: '2.14', payload: { admin_id: FIXTURE.wash.id, customer: { intercom_user_id: FIXTURE.mal.id } } })
  t.equal(added.statusCode, 200)
  const res = await api.request({ url: `/conversations?type=user&intercom_user_id=${FIXTURE.mal.id}`, version: '1.4' })
  t.equal(res.statusCode, 200)
  const byId = new Map((res.json().conversations as Array<{ id: string, customers: unknown, user: unknown, conversation_message: { author: unknown } }>).map(c => [c.id, c]))
  t.same([...byId.keys()].sort(), [own, shared].sort())
  const malRef = { type: 'user', id: FIXTURE.mal.id }
  const inaraRef = { type: 'user', id: FIXTURE.inara.id }
  t.strictSame(byId.get(own)?.customers, [malRef])
  t.strictSame(byId.get(own)?.conversation_message.author, { ...malRef, name: 'Malcolm Reynolds', email: FIXTURE.mal.email })
  t.strictSame(byId.get(shared)?.customers, [inaraRef, malRef], 'the other customer first, as she joined first')
  t.strictSame(byId.get(shared)?.user, inaraRef)
  t.strictSame(byId.get(shared)?.conversation_message.author, { ...inaraRef, name: 'Inara Serra', email: FIXTURE.inara.email })
})
