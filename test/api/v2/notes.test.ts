import t from 'tap'
import { assertError, build, FIXTURE, T0, type TestApp } from '../../helper.js'

const v2 = (api: TestApp, method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>, version = '2.14') =>
  api.request({ method, url, version, ...(payload === undefined ? {} : { payload }) })
const ZOE = { type: 'admin', id: '394052', name: 'Zoe Washburne', email: 'zoe@serenity.io', away_mode_enabled: false, away_mode_reassign: false }

t.test('notes on a contact: create, list newest first, get; the contact links them', async t => {
  const api = await build(t)
  const first = await v2(api, 'POST', `/contacts/${FIXTURE.mal.id}/notes`, { body: 'Hello', admin_id: Number(FIXTURE.zoe.id) })
  t.equal(first.statusCode, 200)
  t.strictSame(first.json(), { type: 'note', id: '17000001', created_at: T0, contact: { type: 'contact', id: FIXTURE.mal.id }, author: ZOE, body: '<p>Hello</p>' })
  api.clock.advance(60)
  const second = (await v2(api, 'POST', `/contacts/${FIXTURE.mal.id}/notes`, { body: '<p>Owes <b>money</b></p>' })).json()
  t.match(second, { id: '17000002', author: { id: FIXTURE.wash.id }, body: '<p>Owes <b>money</b></p>' }, 'without admin_id, the token owner\'s')
  const list = (await v2(api, 'GET', `/contacts/${FIXTURE.mal.id}/notes`)).json()
  t.match(list, { type: 'list', total_count: 2, pages: { type: 'pages', page: 1, per_page: 50, total_pages: 1 } })
  t.same(list.data.map((n: { id: string }) => n.id), ['17000002', '17000001'])
  t.strictSame((await v2(api, 'GET', '/notes/17000001')).json(), first.json())
  t.match((await v2(api, 'GET', '/notes/17000001', undefined, '2.11')).json(), { ...first.json(), author: { ...ZOE, has_inbox_seat: true, team_ids: [814860] } }, '2.11 requires a whole admin')
  const contact = (await v2(api, 'GET', `/contacts/${FIXTURE.mal.id}`)).json()
  t.strictSame(contact.notes, {
    type: 'list',
    data: [{ type: 'note', id: '17000002', url: '/notes/17000002' }, { type: 'note', id: '17000001', url: '/notes/17000001' }],
    url: `/contacts/${FIXTURE.mal.id}/notes`,
    total_count: 2,
    has_more: false
  })
})

t.test('note errors: no body, unknown contact, unknown admin, unknown note', async t => {
  const api = await build(t)
  assertError(t, await v2(api, 'POST', `/contacts/${FIXTURE.mal.id}/notes`, {}), 400, { code: 'parameter_invalid', message: 'Body is required' })
  assertError(t, await v2(api, 'POST', '/contacts/000000000000000000000000/notes', { body: 'x' }), 404, { code: 'not_found', message: 'User Not Found' })
  assertError(t, await v2(api, 'POST', `/contacts/${FIXTURE.mal.id}/notes`, { body: 'x', admin_id: '123' }), 404, { code: 'not_found', message: 'Resource Not Found' })
  assertError(t, await v2(api, 'GET', '/contacts/000000000000000000000000/notes'), 404, { code: 'not_found', message: 'User Not Found' })
  assertError(t, await v2(api, 'GET', '/notes/1'), 404, { code: 'not_found', message: 'Resource Not Found' })
  t.equal((await v2(api, 'GET', `/contacts/${FIXTURE.mal.id}/notes`)).json().total_count, 0, 'nothing was written')
})

t.test('1.x notes: POST /notes for a user by user_id or email, GET /notes?…, GET /notes/{id}', async t => {
  const api = await build(t)
  const v1 = { version: '1.4' }
  const note = (await api.request({ ...v1, method: 'POST', url: '/notes', payload: { user: { user_id: FIXTURE.mal.userId }, body: 'Captain', admin_id: FIXTURE.wash.id } })).json()
  t.strictSame(note, {
    type: 'note', id: '17000001', created_at: T0, body: '<p>Captain</p>',
    author: { type: 'admin', id: FIXTURE.wash.id, name: 'Wash', email: 'wash@serenity.io' }, user: { type: 'user', id: FIXTURE.mal.id }
  })
  await api.request({ ...v1, method: 'POST', url: '/notes', payload: { user: { email: FIXTURE.mal.email }, body: 'Again' } })
  for (const query of [`user_id=${FIXTURE.mal.userId}`, `email=${FIXTURE.mal.email}`, `id=${FIXTURE.mal.id}`]) {
    const list = (await api.request({ ...v1, url: `/notes?${query}` })).json()
    t.match(list, { type: 'note.list', total_count: 2, pages: { type: 'pages', next: null } }, query)
  }
  t.strictSame((await api.request({ ...v1, url: '/notes/17000001' })).json(), note)
  assertError(t, await api.request({ ...v1, method: 'POST', url: '/notes', payload: { body: 'x' } }), 400, {
    code: 'parameter_invalid', message: 'user must identify the contact by one of user.id, user.user_id or user.email', field: 'user'
  })
  assertError(t, await api.request({ ...v1, url: '/notes?user_id=nobody' }), 404, { code: 'not_found', message: 'User Not Found' })
})
