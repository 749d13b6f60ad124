import t from 'tap'
import { assertError, build, FIXTURE, T0 } from '../../helper.js'

t.test('POST /contacts with an empty body creates a lead with an assigned user_id and pseudonym', async t => {
  const api = await build(t)
  // intercom-client 2.x leads.create(): Content-Length 0 and no Content-Type
  const res = await api.app.inject({ method: 'POST', url: '/contacts', headers: { authorization: 'Bearer test-token' } })
  t.equal(res.statusCode, 200)
  const lead = res.json()
  t.match(lead, { type: 'contact', anonymous: true, email: null, created_at: T0, custom_attributes: {} })
  t.match(lead.id, /^[0-9a-f]{24}$/)
  t.match(lead.user_id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  t.match(lead.pseudonym, /^\w+ \w+ from \w+$/)
  t.same((await api.request({ url: `/contacts/${lead.id}` })).json(), lead)
  t.same((await api.request({ url: `/contacts?user_id=${lead.user_id}` })).json(), lead)
})

t.test('POST /contacts with {} or a JSON content type and no body creates a lead too', async t => {
  const api = await build(t)
  t.equal((await api.request({ method: 'POST', url: '/contacts', payload: {} })).statusCode, 200)
  t.equal((await api.request({ method: 'POST', url: '/contacts', payload: '', headers: { 'content-type': 'application/json' } })).statusCode, 200)
  t.equal((await api.request({ method: 'POST', url: '/contacts', payload: { custom_attributes: {} } })).statusCode, 200, 'Ruby sends custom_attributes {}')
})

t.test('POST /contacts sets attributes, and with id or user_id updates that lead', async t => {
  const api = await build(t)
  const created = (await api.request({ method: 'POST', url: '/contacts', payload: { email: 'Lead@Example.com', name: 'Lead', phone: '555' } })).json()
  t.match(created, { email: 'lead@example.com', name: 'Lead', phone: '555' })
  api.clock.advance(3)
  const byId = (await api.request({ method: 'POST', url: '/contacts', payload: { id: created.id, name: 'Renamed' } })).json()
  t.match(byId, { id: created.id, name: 'Renamed', user_id: created.user_id, updated_at: T0 + 3 })
  const byUserId = (await api.request({ method: 'POST', url: '/contacts', payload: { user_id: created.user_id, custom_attributes: { source: 'ad' } } })).json()
  t.match(byUserId, { id: created.id, custom_attributes: { source: 'ad' } })
  assertError(t, await api.request({ method: 'POST', url: '/contacts', payload: { user_id: 'nobody', name: 'x' } }), 404, { code: 'not_found', message: 'User Not Found' })
  assertError(t, await api.request({ method: 'POST', url: '/contacts', payload: { id: FIXTURE.mal.id, name: 'x' } }), 404, { code: 'not_found', message: 'User Not Found' })
})

t.test('GET /contacts finds leads by id, user_id, email and phone, and pages through them', async t => {
  const api = await build(t)
  t.match((await api.request({ url: `/contacts/${FIXTURE.simon.id}` })).json(), { type: 'contact', id: FIXTURE.simon.id, name: 'Simon Tam' })
  t.equal((await api.request({ url: `/contacts?user_id=${FIXTURE.simon.userId}` })).json().id, FIXTURE.simon.id)
  const byEmail = (await api.request({ url: `/contacts?email=${FIXTURE.simon.email}` })).json()
  t.match(byEmail, { type: 'contact.list', total_count: 1, contacts: [{ id: FIXTURE.simon.id }] })
  await api.request({ method: 'POST', url: '/contacts', payload: { phone: '+1 555 0100' } })
  t.equal((await api.request({ url: `/contacts?phone=${encodeURIComponent('+1 555 0100')}` })).json().total_count, 1)
  const all = (await api.request({ url: '/contacts?per_page=2' })).json()
  t.equal(all.total_count, 3)
  t.equal(all.contacts.length, 2)
  t.equal(all.pages.total_pages, 2)
  assertError(t, await api.request({ url: `/contacts/${FIXTURE.mal.id}` }), 404, { code: 'not_found', message: 'User Not Found' })
  assertError(t, await api.request({ url: '/contacts?user_id=nobody' }), 404, { code: 'not_found', message: 'User Not Found' })
})
