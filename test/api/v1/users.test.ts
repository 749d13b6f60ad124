import t from 'tap'
import { assertError, build, FIXTURE, T0 } from '../../helper.js'

t.test('POST /users creates a user and answers the 1.x user object', async t => {
  const api = await build(t)
  const res = await api.request({
    method: 'POST',
    url: '/users',
    payload: { user_id: 'u1', email: 'U@Example.com', name: 'U', phone: '+353 1 555', custom_attributes: { plan: 'pro', seats: 3 }, signed_up_at: 1700000000 }
  })
  t.equal(res.statusCode, 200)
  const user = res.json()
  t.match(user.id, /^[0-9a-f]{24}$/)
  const appId = (await api.request({ url: '/me' })).json().app.id_code
  t.strictSame(user, {
    type: 'user',
    id: user.id,
    user_id: 'u1',
    anonymous: false,
    email: 'u@example.com',
    phone: '+353 1 555',
    name: 'U',
    pseudonym: null,
    avatar: { type: 'avatar', image_url: null },
    app_id: appId,
    companies: { type: 'company.list', companies: [] },
    location_data: {},
    last_request_at: null,
    created_at: T0,
    remote_created_at: 1700000000,
    signed_up_at: 1700000000,
    updated_at: T0,
    session_count: 0,
    social_profiles: { type: 'social_profile.list', social_profiles: [] },
    unsubscribed_from_emails: false,
    tags: { type: 'tag.list', tags: [] },
    segments: { type: 'segment.list', segments: [] },
    custom_attributes: { plan: 'pro', seats: 3 }
  })
  t.same((await api.request({ url: `/users/${user.id}` })).json(), user)
})

t.test('POST /users updates: by id, by user_id, by email; custom attributes merge', async t => {
  const api = await build(t)
  api.clock.advance(5)
  const byId = (await api.request({ method: 'POST', url: '/users', payload: { id: FIXTURE.mal.id, name: 'Captain Reynolds', user_id: 'mal-1' } })).json()
  t.match(byId, { id: FIXTURE.mal.id, name: 'Captain Reynolds', user_id: 'mal-1', email: FIXTURE.mal.email, updated_at: T0 + 5 })
  const byUserId = (await api.request({ method: 'POST', url: '/users', payload: { user_id: 'mal-1', email: 'captain@serenity.io', custom_attributes: { ship: 'Serenity' } } })).json()
  t.match(byUserId, { id: FIXTURE.mal.id, email: 'captain@serenity.io', custom_attributes: { plan: 'captain', ship: 'Serenity' } })
  const byEmail = (await api.request({ method: 'POST', url: '/users', payload: { email: FIXTURE.inara.email, new_session: true, update_last_request_at: true } })).json()
  t.match(byEmail, { id: FIXTURE.inara.id, session_count: 1, last_request_at: T0 + 5 })
})

t.test('POST /users: an email match with no user_id gets the user_id; with another user_id a new user is made', async t => {
  const api = await build(t)
  const noUserId = (await api.request({ method: 'POST', url: '/users', payload: { email: 'solo@example.com' } })).json()
  t.equal(noUserId.user_id, null)
  const claimed = (await api.request({ method: 'POST', url: '/users', payload: { email: 'solo@example.com', user_id: 's1' } })).json()
  t.equal(claimed.id, noUserId.id)
  t.equal(claimed.user_id, 's1')
  const other = (await api.request({ method: 'POST', url: '/users', payload: { email: 'solo@example.com', user_id: 's2' } })).json()
  t.not(other.id, noUserId.id)
  const both = (await api.request({ url: '/users?email=solo%40example.com' })).json()
  t.equal(both.type, 'user.list')
  t.equal(both.total_count, 2)
  t.same(both.users.map((u: { user_id: string }) => u.user_id), ['s1', 's2'])
  const conflict = await api.request({ method: 'POST', url: '/users', payload: { email: 'solo@example.com', name: 'Which?' } })
  assertError(t, conflict, 409, { code: 'conflict', message: 'Multiple existing users match this email address - must be more specific using user_id', field: 'email' })
})

t.test('POST /users errors', async t => {
  const api = await build(t)
  assertError(t, await api.request({ method: 'POST', url: '/users', payload: { name: 'Nobody' } }), 400, { code: 'parameter_invalid', message: 'A user needs a user_id or an email', field: 'user_id' })
  assertError(t, await api.request({ method: 'POST', url: '/users', payload: { id: '000000000000000000000000', name: 'x' } }), 404, { code: 'not_found', message: 'User Not Found' })
  assertError(t, await api.request({ method: 'POST', url: '/users', payload: { user_id: 'x', custom_attributes: { 'a.b': 1 } } }), 400, {
    code: 'parameter_invalid', message: 'Custom attribute names must be 1 to 190 characters without . or $: a.b', field: 'custom_attributes.a.b'
  })
  assertError(t, await api.request({ method: 'POST', url: '/users', payload: { user_id: 'x', custom_attributes: { nested: { a: 1 } } } }), 400, {
    code: 'parameter_invalid', message: 'Custom attribute nested must be a string, a number, a boolean or null', field: 'custom_attributes.nested'
  })
  assertError(t, await api.request({ method: 'POST', url: '/users', payload: { user_id: 'x', signed_up_at: 'yesterday' } }), 400, {
    code: 'parameter_invalid', message: 'signed_up_at must be null or an integer', field: 'signed_up_at'
  })
})

t.test('GET /users?user_id= finds one user; ?email= a list; unknown is 404', async t => {
  const api = await build(t)
  t.equal((await api.request({ url: `/users?user_id=${FIXTURE.mal.userId}` })).json().id, FIXTURE.mal.id)
  const byEmail = (await api.request({ url: `/users?email=${encodeURIComponent('MAL@serenity.io')}` })).json()
  t.same(byEmail.users.map((u: { id: string }) => u.id), [FIXTURE.mal.id])
  t.same(byEmail.pages, { type: 'pages', next: null, page: 1, per_page: 1, total_pages: 1 })
  assertError(t, await api.request({ url: '/users?user_id=nobody' }), 404, { code: 'not_found', message: 'User Not Found' })
  assertError(t, await api.request({ url: `/users/${FIXTURE.simon.id}` }), 404, { code: 'not_found', message: 'User Not Found' })
  t.same((await api.request({ url: '/users?email=nobody%40example.com' })).json().users, [])
})

t.test('GET /users pages through users, newest first, 50 a page by default', async t => {
  const api = await build(t)
  for (let i = 0; i < 4; i++) {
    api.clock.advance(1)
    await api.request({ method: 'POST', url: '/users', payload: { user_id: `p${i}` } })
  }
  const all = (await api.request({ url: '/users' })).json()
  t.equal(all.total_count, 7)
  t.equal(all.pages.per_page, 50)
  t.same(all.users.slice(0, 4).map((u: { user_id: string }) => u.user_id), ['p3', 'p2', 'p1', 'p0'])
  const page = (await api.request({ url: '/users?per_page=3&page=2&order=asc', headers: { host: 'h' } })).json()
  t.same(page.users.map((u: { user_id: string }) => u.user_id), ['p0', 'p1', 'p2'], 'after the three fixture users')
  t.equal(page.pages.next, 'http://h/users?per_page=3&page=3&order=asc')
})
