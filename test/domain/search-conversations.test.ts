import t, { type Test } from 'tap'
import type { DomainContext } from '../../src/domain/context.js'
import { retrieveConversation } from '../../src/domain/conversations.js'
import { searchConversations } from '../../src/domain/search.js'
import { build, FIXTURE, T0, type TestApp } from '../helper.js'


/**
 * Four conversations of the default fixtures' crew, through the 1.x API:
 * - c1 (T0): Mal writes "I need support with the engine"; Wash answers at T0+300 (read, no longer
 *   waiting); Kaylee assigns it to the Engine room team (814861) at T0+360.
 * - c2 (T0+60): Simon, a lead, writes; Kaylee snoozes it at T0+420 until T0+86400. Unread, unassigned.
 * - c3 (T0+120): Wash emails Inara "Shiny news" (HTML body); closed, assigned to Wash.
 * - c4 (T0+180): Zoe messages Jayne in-app; Jayne replies at T0+240: open, unread, assigned to Zoe.
 */
async function crew (t: Test, token = 'test-token'): Promise<{ api: TestApp, ctx: DomainContext }> {
  const api = await build(t)
  const post = async (url: string, payload: Record<string, unknown>) => {
    const res = await api.request({ method: 'POST', url, payload, token, version: '1.4' })
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`)
  }
  await post('/messages', { from: { type: 'user', id: FIXTURE.mal.id }, body: 'I need support with the engine' })
  api.clock.set(T0 + 60)
  await post('/messages', { from: { type: 'contact', id: FIXTURE.simon.id }, body: 'Hello, is this thing on?' })
  api.clock.set(T0 + 120)
  await post('/messages', {
    message_type: 'email', subject: 'Shiny news', body: '<p>Supported <b>planets</b>: all &amp; more</p>',
    from: { type: 'admin', id: FIXTURE.wash.id }, to: { type: 'user', id: FIXTURE.inara.id }
  })
  api.clock.set(T0 + 180)
  await post('/messages', { message_type: 'inapp', body: 'Need a hand?', from: { type: 'admin', id: FIXTURE.zoe.id }, to: { type: 'user', id: FIXTURE.jayne.id } })
  api.clock.set(T0 + 240)
  await post(`/conversations/${C4}/reply`, { type: 'user', intercom_user_id: FIXTURE.jayne.id, message_type: 'comment', body: 'yes please' })
  api.clock.set(T0 + 300)
  await post(`/conversations/${C1}/reply`, { type: 'admin', admin_id: FIXTURE.wash.id, message_type: 'comment', body: 'On it' })
  api.clock.set(T0 + 360)
  await post(`/conversations/${C1}/reply`, { type: 'admin', admin_id: FIXTURE.kaylee.id, message_type: 'assignment', assignee_id: '814861' })
  api.clock.set(T0 + 420)
  await post(`/conversations/${C2}/reply`, { type: 'admin', admin_id: FIXTURE.kaylee.id, message_type: 'snoozed', snoozed_until: T0 + 86400 })
  return { api, ctx: api.ctxFor(token) }
}

const C1 = '1000000001'
const C2 = '1000000002'
const C3 = '1000000003'
const C4 = '1000000004'
const ALL = [C1, C2, C3, C4]

const { ctx } = await crew(t)

const filter = (field: string, operator: string, value: unknown) => ({ field, operator, value })

/** Asserts which conversations a query finds, in any order. */
function finds (t: Test, query: unknown, expected: string[], what = JSON.stringify(query)): void {
  const page = searchConversations(ctx, { query })
  t.same(page.items.map(c => c.id).sort(), [...expected].sort(), what)
  t.equal(page.totalCount, expected.length, `${what}: total_count`)
}

t.test('the crew: the conversations the searches below rely on', async t => {
  t.match(retrieveConversation(ctx, C1), { state: 'open', read: true, waitingSince: null, adminAssigneeId: null, teamAssigneeId: '814861', updatedAt: T0 + 360 })
  t.match(retrieveConversation(ctx, C2), { state: 'snoozed', read: false, adminAssigneeId: null, snoozedUntil: T0 + 86400, updatedAt: T0 + 420 })
  t.match(retrieveConversation(ctx, C3), { state: 'closed', read: true, adminAssigneeId: FIXTURE.wash.id, source: { messageType: 'email', subject: 'Shiny news' } })
  t.match(retrieveConversation(ctx, C4), { state: 'open', read: false, waitingSince: T0 + 240, adminAssigneeId: FIXTURE.zoe.id, updatedAt: T0 + 240 })
})

t.test('a search answers conversation list items with the total count', async t => {
  const page = searchConversations(ctx, { query: filter('id', '=', C3) })
  t.match(page, { page: 1, perPage: 20, totalCount: 1, totalPages: 1, nextStartingAfter: null })
  t.match(page.items[0], {
    id: C3,
    source: { deliveredAs: 'admin_initiated', author: { kind: 'admin', admin: { id: FIXTURE.wash.id, name: 'Wash' } } },
    customers: [{ id: FIXTURE.inara.id }],
    teammates: [{ id: FIXTURE.wash.id }],
    parts: null
  })
})

t.test('string fields: =, !=, IN, NIN, ~, !~, ^, $ (contains and friends ignore case)', async t => {
  finds(t, filter('source.author.name', '=', 'Wash'), [C3])
  finds(t, filter('source.author.name', '!=', 'Wash'), [C1, C2, C4])
  finds(t, filter('source.author.name', 'IN', ['Wash', 'Simon Tam']), [C2, C3])
  finds(t, filter('source.author.name', 'NIN', ['Wash', 'Simon Tam']), [C1, C4])
  finds(t, filter('source.author.name', '~', 'wash'), [C3, C4])
  finds(t, filter('source.author.name', '!~', 'wash'), [C1, C2])
  finds(t, filter('source.author.name', '^', 'Zoe'), [C4])
  finds(t, filter('source.author.name', '$', 'tam'), [C2])
  finds(t, filter('source.author.email', '=', 'WASH@serenity.io'), [C3], 'emails are compared downcased')
  finds(t, filter('source.subject', '=', 'Shiny news'), [C3])
  finds(t, filter('source.subject', '=', ''), [C1, C2, C4], 'no subject is the empty subject conversations render')
  finds(t, filter('source.url', '=', null), ALL)
  finds(t, filter('source.url', '!=', null), [])
})

t.test('source fields: type, delivered_as and the author type as 2.x renders them', async t => {
  finds(t, filter('source.type', '=', 'email'), [C3])
  finds(t, filter('source.type', '=', 'conversation'), [C1, C2, C4])
  finds(t, filter('source.delivered_as', '=', 'admin_initiated'), [C3, C4])
  finds(t, filter('source.delivered_as', 'NIN', ['admin_initiated']), [C1, C2])
  finds(t, filter('source.author.type', '=', 'admin'), [C3, C4])
  finds(t, filter('source.author.type', '=', 'user'), [C1])
  finds(t, filter('source.author.type', '=', 'lead'), [C2])
  finds(t, filter('source.author.id', '=', FIXTURE.simon.id), [C2])
  finds(t, filter('source.author.id', '=', Number(FIXTURE.zoe.id)), [C4], 'an admin id sent as an integer')
  const c3 = retrieveConversation(ctx, C3)
  finds(t, filter('source.id', '=', c3.source.messageId), [C3])
  finds(t, filter('source.id', '!=', Number(c3.source.messageId)), [C1, C2, C4])
})

t.test('id fields: the conversation id, its contacts and its teammates', async t => {
  finds(t, filter('id', '=', C2), [C2])
  finds(t, filter('id', '=', Number(C2)), [C2])
  finds(t, filter('id', 'IN', [C1, C3]), [C1, C3])
  finds(t, filter('id', 'NIN', [C1, C3]), [C2, C4])
  finds(t, filter('id', '^', '100000000'), ALL)
  finds(t, filter('id', '$', '4'), [C4])
  finds(t, filter('id', '=', 'abc'), [])
  finds(t, filter('contact_ids', '=', FIXTURE.mal.id), [C1])
  finds(t, filter('contact_ids', '!=', FIXTURE.mal.id), [C2, C3, C4])
  finds(t, filter('contact_ids', 'IN', [FIXTURE.mal.id, FIXTURE.inara.id]), [C1, C3])
  finds(t, filter('contact_ids', 'NIN', [FIXTURE.mal.id, FIXTURE.inara.id]), [C2, C4])
  finds(t, filter('contact_ids', '^', '536e'), [C1, C2])
  finds(t, filter('contact_ids', '!~', '536e'), [C3, C4])
  finds(t, filter('teammate_ids', '=', FIXTURE.wash.id), [C1, C3], 'the author of a part or of the source')
  finds(t, filter('teammate_ids', '=', Number(FIXTURE.kaylee.id)), [C1, C2])
  finds(t, filter('teammate_ids', '!=', FIXTURE.wash.id), [C2, C4])
  finds(t, filter('teammate_ids', 'IN', [FIXTURE.zoe.id, FIXTURE.kaylee.id]), [C1, C2, C4])
  finds(t, filter('teammate_ids', 'NIN', [FIXTURE.zoe.id, FIXTURE.kaylee.id]), [C3])
})

t.test('integer fields: assignees, with > and < inclusive as Intercom documents them', async t => {
  const wash = Number(FIXTURE.wash.id)
  finds(t, filter('admin_assignee_id', '=', wash), [C3])
  finds(t, filter('admin_assignee_id', '=', FIXTURE.wash.id), [C3])
  finds(t, filter('admin_assignee_id', '!=', wash), [C1, C2, C4], 'unassigned conversations are not assigned to Wash')
  finds(t, filter('admin_assignee_id', '=', null), [C1, C2])
  finds(t, filter('admin_assignee_id', '!=', null), [C3, C4])
  finds(t, filter('admin_assignee_id', 'IN', [wash, FIXTURE.zoe.id]), [C3, C4])
  finds(t, filter('admin_assignee_id', 'NIN', [wash]), [C1, C2, C4])
  finds(t, filter('admin_assignee_id', '>', wash), [C3, C4])
  finds(t, filter('admin_assignee_id', '<', wash), [C3])
  finds(t, filter('admin_assignee_id', '>=', wash + 1), [C4])
  finds(t, filter('admin_assignee_id', '<=', wash - 1), [])
  finds(t, filter('team_assignee_id', '=', '814861'), [C1])
})

t.test('dates compare to the second; > and < include the instant', async t => {
  finds(t, filter('created_at', '=', T0 + 60), [C2])
  finds(t, filter('created_at', '=', String(T0 + 60)), [C2], 'a date as a string of digits')
  finds(t, filter('created_at', '!=', T0 + 60), [C1, C3, C4])
  finds(t, filter('created_at', 'IN', [T0, T0 + 120]), [C1, C3])
  finds(t, filter('created_at', 'NIN', [T0, T0 + 120]), [C2, C4])
  finds(t, filter('created_at', '>', T0 + 120), [C3, C4])
  finds(t, filter('created_at', '<', T0 + 60), [C1, C2])
  finds(t, filter('created_at', '>=', T0 + 121), [C4])
  finds(t, filter('created_at', '<=', T0 + 119), [C1, C2])
  finds(t, filter('updated_at', '>', T0 + 300), [C1, C2])
  finds(t, filter('waiting_since', '=', T0 + 240), [C4])
  finds(t, filter('snoozed_until', '=', T0 + 86400), [C2])
  finds(t, filter('snoozed_until', '=', null), [C1, C3, C4])
})

t.test('booleans and state, as sent or as the strings "true" and "false"', async t => {
  finds(t, filter('open', '=', true), [C1, C2, C4])
  finds(t, filter('open', '=', 'false'), [C3])
  finds(t, filter('open', '!=', true), [C3])
  finds(t, filter('read', '=', false), [C2, C4])
  finds(t, filter('read', 'IN', [true, false]), ALL)
  finds(t, filter('read', 'NIN', ['true']), [C2, C4])
  finds(t, filter('state', '=', 'snoozed'), [C2])
  finds(t, filter('state', 'IN', ['open', 'snoozed']), [C1, C2, C4])
  finds(t, filter('state', '!=', 'open'), [C2, C3])
})

t.test('what the mock does not keep: no tags, no priority, no AI agent', async t => {
  finds(t, filter('tag_ids', '=', '123'), [])
  finds(t, filter('tag_ids', '!=', '123'), ALL)
  finds(t, filter('tag_ids', 'NIN', ['123']), ALL)
  finds(t, filter('priority', '=', 'not_priority'), ALL)
  finds(t, filter('priority', '=', 'priority'), [])
  finds(t, filter('ai_agent_participated', '=', false), ALL)
})

t.test('source.body = matches whole words, not phrases or parts of words', async t => {
  finds(t, filter('source.body', '=', 'support'), [C1], '"support" matches "I need support with the engine"')
  finds(t, filter('source.body', '=', 'SUPPORT'), [C1], 'without case')
  finds(t, filter('source.body', '=', 'need support'), [], '"need support" is not one word')
  finds(t, filter('source.body', '=', 'supp'), [])
  finds(t, filter('source.body', '=', 'planets'), [C3], 'HTML tags are not words, and do not join words')
  finds(t, filter('source.body', '=', 'b'), [], 'a tag name is not a word')
  finds(t, filter('source.body', '=', 'more'), [C3], 'after an entity')
  finds(t, filter('source.body', '!=', 'support'), [C2, C3, C4])
  finds(t, filter('source.body', 'IN', ['support', 'planets']), [C1, C3])
  finds(t, filter('source.body', 'NIN', ['support', 'hand']), [C2, C3])
  finds(t, filter('source.body', '~', 'supp'), [C1, C3], '~ is a substring')
  finds(t, filter('source.body', '^', 'I need'), [C1])
  finds(t, filter('source.body', '$', 'on?'), [C2])
  finds(t, filter('source.body', '=', null), [], 'every conversation has a body')
})

t.test('AND and OR groups nest two deep', async t => {
  finds(t, { operator: 'AND', value: [filter('open', '=', true), { operator: 'OR', value: [filter('source.author.type', '=', 'admin'), filter('contact_ids', '=', FIXTURE.simon.id)] }] }, [C2, C4])
  finds(t, {
    operator: 'OR',
    value: [
      { operator: 'AND', value: [filter('state', '=', 'closed'), filter('source.type', '=', 'email')] },
      { operator: 'AND', value: [filter('read', '=', false), filter('source.author.type', '=', 'lead')] }
    ]
  }, [C2, C3])
  finds(t, { operator: 'AND', value: [filter('open', '=', true)] }, [C1, C2, C4], 'a group of one')
  finds(t, { operator: 'OR', value: Array.from({ length: 15 }, (_, i) => filter('id', '=', String(1000000001 + i))) }, ALL, '15 filters in one group')
})

t.test('sort by any sortable field, either way; newest first by default', async t => {
  const order = (sort?: unknown) => searchConversations(ctx, { query: filter('id', '!=', '0'), sort }).items.map(c => c.id)
  t.same(order(), [C4, C3, C2, C1], 'created_at descending by default')
  t.same(order({ field: 'created_at', order: 'ascending' }), [C1, C2, C3, C4])
  t.same(order({ field: 'updated_at', order: 'ascending' }), [C3, C4, C1, C2])
  t.same(order({ field: 'updated_at', order: 'descending' }), [C2, C1, C4, C3])
  t.same(order({ field: 'admin_assignee_id', order: 'ascending' }), [C1, C2, C3, C4], 'unassigned first, ties in creation order')
  t.same(order({ field: 'admin_assignee_id', order: 'descending' }), [C4, C3, C2, C1])
  t.same(order({ field: 'state', order: 'ascending' }), [C3, C1, C4, C2])
})

t.test('the cursor walks every page once, in order', async t => {
  const api = await build(t)
  for (let i = 0; i < 25; i++) {
    api.clock.set(T0 + i)
    const res = await api.request({ method: 'POST', url: '/messages', version: '1.4', payload: { from: { type: 'user', id: FIXTURE.mal.id }, body: `Message ${i}` } })
    t.equal(res.statusCode, 200)
  }
  const many = api.ctxFor()
  const query = filter('contact_ids', '=', FIXTURE.mal.id)
  const first = searchConversations(many, { query })
  t.match(first, { page: 1, perPage: 20, totalCount: 25, totalPages: 2 })
  t.equal(first.items.length, 20, '20 a page by default')

  const seen: string[] = []
  const pages: number[] = []
  let startingAfter: string | null = null
  do {
    const page = searchConversations(many, { query, pagination: { per_page: 7, starting_after: startingAfter }, sort: { field: 'created_at', order: 'ascending' } })
    t.match(page, { perPage: 7, totalCount: 25, totalPages: 4, page: pages.length + 1 })
    pages.push(page.items.length)
    seen.push(...page.items.map(c => c.id))
    startingAfter = page.nextStartingAfter
  } while (startingAfter !== null)
  t.same(pages, [7, 7, 7, 4])
  t.same(seen, Array.from({ length: 25 }, (_, i) => String(1000000001 + i)), 'every conversation once, oldest first')
})

t.test("another workspace's conversations never appear", async t => {
  const api = await build(t)
  await api.request({ method: 'POST', url: '/messages', version: '1.4', token: 'workspace-a', payload: { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Secret plans' } })
  await api.request({ method: 'POST', url: '/messages', version: '1.4', token: 'workspace-b', payload: { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Public notice' } })
  const a = api.ctxFor('workspace-a')
  const b = api.ctxFor('workspace-b')
  t.same(searchConversations(a, { query: filter('source.body', '=', 'secret') }).items.map(c => c.source.body.text), ['Secret plans'])
  t.equal(searchConversations(b, { query: filter('source.body', '=', 'secret') }).totalCount, 0)
  t.equal(searchConversations(b, { query: filter('contact_ids', '=', FIXTURE.mal.id) }).totalCount, 1, 'the same contact id, in its own workspace')
  t.equal(searchConversations(a, { query: filter('id', '!=', '0') }).totalCount, 1)
})
