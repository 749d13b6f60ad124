import t from 'tap'
import { connectIntercomMock } from '../../src/control/client/connect.js'
import { assertError, build, FIXTURE, listen, T0 } from '../helper.js'

/** "A conversation already waiting for an admin", as a person writes it. */
const waiting = {
  conversations: [{
    customers: [FIXTURE.mal.id],
    source: { author: { type: 'user', id: FIXTURE.mal.id }, body: 'Where is my order?', created_at: T0 - 600 },
    parts: [{ part_type: 'note', author: { type: 'admin', id: FIXTURE.zoe.id }, body: 'Check the warehouse', created_at: T0 - 300 }],
    admin_assignee_id: FIXTURE.wash.id,
    custom_attributes: { order: 'A-1' }
  }]
}

t.test('POST /__mock/seed adds a conversation waiting for an admin, which the API then shows and continues', async t => {
  const api = await build(t)
  const res = await api.request({ method: 'POST', url: '/__mock/seed', payload: waiting })
  t.equal(res.statusCode, 200)
  t.strictSame(res.json(), { added: { conversations: 1 } })
  const v1 = (await api.request({ url: '/conversations/1000000001' })).json()
  t.match(v1, {
    id: '1000000001', state: 'open', open: true, read: false, created_at: T0 - 600, updated_at: T0 - 300, waiting_since: T0 - 600,
    assignee: { type: 'admin', id: FIXTURE.wash.id }, user: { id: FIXTURE.mal.id },
    conversation_message: { id: '2001', body: '<p>Where is my order?</p>', author: { type: 'user', id: FIXTURE.mal.id } },
    conversation_parts: { total_count: 1, conversation_parts: [{ part_type: 'note', body: '<p>Check the warehouse</p>', author: { type: 'admin', id: FIXTURE.zoe.id }, created_at: T0 - 300 }] }
  })
  const v2 = (await api.request({ url: '/conversations/1000000001', version: '2.11' })).json()
  t.match(v2, { custom_attributes: { order: 'A-1' }, admin_assignee_id: Number(FIXTURE.wash.id), waiting_since: T0 - 600 })
  const waitingList = (await api.request({ url: '/conversations?sort=waiting_since' })).json()
  t.match(waitingList.conversations, [{ id: '1000000001' }], 'listed as waiting on an admin')
  const reply = (await api.request({ method: 'POST', url: '/conversations/1000000001/reply', payload: { type: 'admin', admin_id: FIXTURE.wash.id, message_type: 'comment', body: 'Shipped' } })).json()
  t.match(reply, { waiting_since: null, read: true, conversation_parts: { total_count: 2 } })
  t.equal((await api.request({ method: 'POST', url: '/messages', payload: { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Next' } })).json().id, '2002', 'new ids follow the seeded ones')
})

t.test('seed adds people, admins and teams, and conversations that refer to them or to what was there', async t => {
  const api = await build(t)
  const res = await api.request({
    method: 'POST',
    url: '/__mock/seed',
    payload: {
      admins: [{ id: '500', name: 'Book', email: 'book@serenity.io' }],
      teams: [{ id: '900', name: 'Shepherds', admin_ids: ['500', FIXTURE.wash.id] }],
      users: [{ id: 'cccccccccccccccccccccccc', user_id: 'u-9', email: 'nine@example.com' }],
      leads: [{ id: 'dddddddddddddddddddddddd', email: 'lead9@example.com' }],
      conversations: [
        { id: '1000000500', customers: ['cccccccccccccccccccccccc'], state: 'snoozed', snoozed_until: T0 + 60, team_assignee_id: '900', source: { id: '9000', author: { type: 'admin', id: '500' }, body: '<p>Welcome</p>', subject: 'Hi' }, parts: [{ part_type: 'comment', author: { type: 'user', id: 'cccccccccccccccccccccccc' }, body: 'Thanks' }, { part_type: 'snoozed', author: { type: 'admin', id: '500' } }] }
      ]
    }
  })
  t.strictSame(res.json(), { added: { admins: 1, teams: 1, users: 1, leads: 1, conversations: 1 } })
  t.match((await api.request({ url: '/admins/500' })).json(), { id: '500', name: 'Book' })
  t.equal((await api.request({ url: '/users?user_id=u-9' })).json().id, 'cccccccccccccccccccccccc')
  t.match((await api.request({ url: '/contacts/dddddddddddddddddddddddd' })).json(), { type: 'contact', email: 'lead9@example.com', user_id: /^[0-9a-f-]{36}$/ })
  const conversation = (await api.request({ url: '/conversations/1000000500', version: '2.11' })).json()
  t.match(conversation, { state: 'snoozed', team_assignee_id: 900, source: { id: '9000', subject: 'Hi' } })
  t.match((await api.request({ url: '/conversations/1000000500' })).json(), { conversation_message: { delivered_as: 'admin_initiated' } })
  await api.request({ method: 'PUT', url: '/__mock/clock', payload: { advance: 61 } })
  const woken = (await api.request({ url: '/conversations/1000000500' })).json()
  t.match(woken, { state: 'open' })
  t.match(woken.conversation_parts.conversation_parts.at(-1), { part_type: 'timer_unsnooze', author: { id: '500' }, created_at: T0 + 60 })
  t.equal((await api.request({ method: 'POST', url: '/messages', payload: { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Next' } })).json().id, '9001')
})

t.test('seed conflicts are 409 naming the record; bad records 400 naming the JSON path; nothing is written', async t => {
  const api = await build(t)
  await api.request({ method: 'POST', url: '/__mock/seed', payload: waiting })
  const seed = (payload: unknown) => api.request({ method: 'POST', url: '/__mock/seed', payload: payload as object })
  assertError(t, await seed({ users: [{ id: FIXTURE.mal.id }] }), 409, { code: 'conflict', message: `A contact with id ${FIXTURE.mal.id} already exists`, field: '/users/0/id' })
  assertError(t, await seed({ users: [{ id: 'eeeeeeeeeeeeeeeeeeeeeeee', user_id: FIXTURE.mal.userId }] }), 409, { code: 'conflict', message: 'A user with user_id 25 already exists', field: '/users/0/user_id' })
  assertError(t, await seed({ admins: [{ id: FIXTURE.wash.id, name: 'W', email: 'w@example.com' }] }), 409, { code: 'conflict', message: `An admin with id ${FIXTURE.wash.id} already exists`, field: '/admins/0/id' })
  assertError(t, await seed({ teams: [{ id: FIXTURE.crew.id, name: 'Crew', admin_ids: [] }] }), 409, { code: 'conflict', message: `A team with id ${FIXTURE.crew.id} already exists`, field: '/teams/0/id' })
  const conversation = { customers: [FIXTURE.mal.id], source: { author: { type: 'user', id: FIXTURE.mal.id }, body: 'x' } }
  assertError(t, await seed({ conversations: [{ ...conversation, id: '1000000001' }] }), 409, { code: 'conflict', message: 'A conversation with id 1000000001 already exists', field: '/conversations/0/id' })
  assertError(t, await seed({ conversations: [{ ...conversation, source: { ...conversation.source, id: '2001' } }] }), 409, { code: 'conflict', message: 'A message with id 2001 already exists', field: '/conversations/0/source/id' })
  assertError(t, await seed({ users: [{ id: 'ffffffffffffffffffffffff' }], conversations: [{ ...conversation, id: '1000000001' }] }), 409, { code: 'conflict', message: /1000000001/, field: '/conversations/0/id' })
  t.equal((await api.request({ url: '/users/ffffffffffffffffffffffff' })).statusCode, 404, 'all or nothing: the user of a refused seed is not there')

  assertError(t, await seed({ conversations: [{ ...conversation, customers: [] }] }), 400, { code: 'parameter_invalid', message: '/conversations/0/customers: Expected array length to be greater or equal to 1', field: '/conversations/0/customers' })
  assertError(t, await seed({ conversations: [{ ...conversation, state: 'snoozed' }] }), 400, { code: 'parameter_invalid', message: '/conversations/0/snoozed_until: a snoozed conversation needs snoozed_until', field: '/conversations/0/snoozed_until' })
  assertError(t, await seed({ conversations: [{ ...conversation, state: 'pending' }] }), 400, { code: 'parameter_invalid', message: /^\/conversations\/0\/state: /, field: '/conversations/0/state' })
  assertError(t, await seed({ conversations: [{ ...conversation, parts: [{ part_type: 'comment', author: { type: 'admin', id: '1' }, body: 'x' }] }] }), 400, { code: 'parameter_invalid', message: '/conversations/0/parts/0/author/id: no admin has id 1', field: '/conversations/0/parts/0/author/id' })
  assertError(t, await seed({ conversations: [{ ...conversation, id: '5', parts: [{ id: '7', part_type: 'comment', author: conversation.source.author }, { id: '7', part_type: 'comment', author: conversation.source.author }] }] }), 400, { code: 'parameter_invalid', message: '/conversations/0/parts/1/id: part id 7 is used twice', field: '/conversations/0/parts/1/id' })
  assertError(t, await seed({ me: '1' }), 400, { code: 'parameter_invalid', message: '/me: Unexpected property', field: '/me' })
  assertError(t, await seed({ users: [{ id: 'ffffffffffffffffffffffff', emial: 'x' }] }), 400, { code: 'parameter_invalid', message: '/users/0/emial: Unexpected property', field: '/users/0/emial' })
  assertError(t, await api.request({ method: 'POST', url: '/__mock/seed', payload: waiting, token: null }), 400, { code: 'parameter_not_found', message: /acts on one workspace/ })
  t.equal((await api.request({ url: '/conversations' })).json().conversations.length, 1)
})

t.test('seed through the handles, in process and over HTTP', async t => {
  const mock = await listen(t)
  for (const [name, control] of [['in process', mock], ['over HTTP', connectIntercomMock(mock.url)]] as const) {
    const workspace = control.workspace(`seed-${name}`)
    t.strictSame(await workspace.seed(waiting as never), { added: { conversations: 1 } }, name)
    t.match((await workspace.state()).conversations, [{ id: '1000000001', waiting_since: T0 - 600 }], name)
    await t.rejects(workspace.seed({ conversations: [{ ...waiting.conversations[0], id: '1000000001' }] } as never), { name: 'IntercomMockError', status: 409, errors: [{ code: 'conflict', field: '/conversations/0/id' }] }, name)
  }
})
