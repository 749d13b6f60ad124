import t from 'tap'
import { assertError, build, FIXTURE, T0, type TestApp } from '../../helper.js'

const V = '2.14'
const v2 = (api: TestApp, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: Record<string, unknown>, version = V) =>
  api.request({ method, url, version, ...(payload === undefined ? {} : { payload }) })

t.test('POST /companies creates by company_id, then updates the same company', async t => {
  const api = await build(t)
  const appId = (await v2(api, 'GET', '/me')).json().app.id_code
  const created = await v2(api, 'POST', '/companies', { company_id: 'blue-sun', name: 'Blue Sun', plan: 'Enterprise', monthly_spend: 155.98, size: 5000, remote_created_at: 1374138000, custom_attributes: { guild_rank: 'Registered' } })
  t.equal(created.statusCode, 200)
  const company = created.json()
  t.match(company.id, /^[0-9a-f]{24}$/)
  t.strictSame(company, {
    type: 'company',
    id: company.id,
    company_id: 'blue-sun',
    app_id: appId,
    plan: { type: 'plan', id: 'Enterprise', name: 'Enterprise' },
    created_at: T0,
    updated_at: T0,
    monthly_spend: 155,
    session_count: 0,
    user_count: 0,
    custom_attributes: { guild_rank: 'Registered' },
    tags: { type: 'tag.list', tags: [] },
    segments: { type: 'segment.list', segments: [] },
    name: 'Blue Sun',
    remote_created_at: 1374138000,
    size: 5000
  }, 'monthly_spend keeps whole units')
  api.clock.advance(10)
  const updated = (await v2(api, 'POST', '/companies', { company_id: 'blue-sun', industry: 'Conglomerate' })).json()
  t.match(updated, { id: company.id, name: 'Blue Sun', industry: 'Conglomerate', updated_at: T0 + 10, created_at: T0 })
  const put = (await v2(api, 'PUT', `/companies/${company.id}`, { website: 'https://bluesun.example' })).json()
  t.match(put, { id: company.id, website: 'https://bluesun.example', industry: 'Conglomerate' })
  t.strictSame((await v2(api, 'GET', `/companies/${company.id}`)).json(), put)

  assertError(t, await v2(api, 'POST', '/companies', { name: 'No id' }), 400, { code: 'parameter_invalid', message: 'company_id is required', field: 'company_id' })
  assertError(t, await v2(api, 'POST', '/companies', { company_id: 'x', custom_attributes: { founded: 1 } }), 400, { code: 'parameter_invalid', message: "Custom attribute 'founded' does not exist" })
  assertError(t, await v2(api, 'GET', '/companies/000000000000000000000000'), 404, { code: 'company_not_found', message: 'Company Not Found' })
  assertError(t, await v2(api, 'PUT', '/companies/000000000000000000000000', { name: 'x' }), 404, { code: 'company_not_found', message: 'Company Not Found' })
})

t.test('attaching contacts: user_count and session_count follow; contacts and companies list each other', async t => {
  const api = await build(t)
  const guild = (await v2(api, 'GET', '/companies?company_id=companions-guild')).json()
  t.match(guild, { type: 'list', total_count: 1, data: [{ company_id: 'companions-guild', name: 'Companions Guild', user_count: 1, custom_attributes: { guild_rank: 'Senior' } }] })
  const id = guild.data[0].id as string
  await api.request({ method: 'POST', url: '/users', version: '1.4', payload: { id: FIXTURE.mal.id, new_session: true } })
  const attached = await v2(api, 'POST', `/contacts/${FIXTURE.mal.id}/companies`, { id })
  t.equal(attached.statusCode, 200)
  t.match(attached.json(), { id, user_count: 2, session_count: 1 })
  const ofMal = (await v2(api, 'GET', `/contacts/${FIXTURE.mal.id}/companies`)).json()
  t.match(ofMal, { type: 'list', total_count: 1, data: [{ id, name: 'Companions Guild' }], companies: [{ id }] })
  const mal = (await v2(api, 'GET', `/contacts/${FIXTURE.mal.id}`)).json()
  t.strictSame(mal.companies, { type: 'list', data: [{ type: 'company', id, url: `/companies/${id}` }], url: `/contacts/${FIXTURE.mal.id}/companies`, total_count: 1, has_more: false })
  const members = (await v2(api, 'GET', `/companies/${id}/contacts`)).json()
  t.match(members, { type: 'list', total_count: 2, pages: { type: 'pages', page: 1 } })
  t.same(members.data.map((c: { id: string }) => c.id), [FIXTURE.inara.id, FIXTURE.mal.id])

  const detached = await v2(api, 'DELETE', `/contacts/${FIXTURE.mal.id}/companies/${id}`)
  t.match(detached.json(), { id, user_count: 1 })
  assertError(t, await v2(api, 'DELETE', `/contacts/${FIXTURE.mal.id}/companies/${id}`), 404, { code: 'company_not_found', message: 'Company Not Found' })
  assertError(t, await v2(api, 'POST', `/contacts/${FIXTURE.mal.id}/companies`, {}), 400, { code: 'parameter_not_found', message: 'company not specified' })
  assertError(t, await v2(api, 'POST', `/contacts/${FIXTURE.mal.id}/companies`, { id: '123' }), 404, { code: 'company_not_found', message: 'Company Not Found' })
  assertError(t, await v2(api, 'POST', '/contacts/000000000000000000000000/companies', { id }), 404, { code: 'not_found', message: 'User Not Found' })
  assertError(t, await v2(api, 'GET', '/contacts/000000000000000000000000/companies'), 404, { code: 'not_found', message: 'User Not Found' })
  assertError(t, await v2(api, 'GET', '/companies/123/contacts'), 404, { code: 'company_not_found', message: 'Company Not Found' })
  t.strictSame((await v2(api, 'GET', `/companies/${id}/segments`)).json(), { type: 'list', data: [] }, 'segments are of people')
  assertError(t, await v2(api, 'GET', '/companies/123/segments'), 404, { code: 'company_not_found', message: 'Company Not Found' })
  assertError(t, await v2(api, 'GET', '/companies?company_id=nobody'), 404, { code: 'company_not_found', message: 'Company Not Found' })
})

t.test('listing: GET /companies and POST /companies/list page by number; scroll walks every company once', async t => {
  const api = await build(t)
  for (let i = 0; i < 20; i++) {
    api.clock.advance(1)
    await v2(api, 'POST', '/companies', { company_id: `c${i}`, name: `Company ${i}` })
  }
  const first = (await v2(api, 'GET', '/companies?per_page=8')).json()
  t.match(first, { type: 'list', total_count: 21, pages: { type: 'pages', page: 1, per_page: 8, total_pages: 3 } })
  t.same(first.data.slice(0, 2).map((c: { name: string }) => c.name), ['Company 19', 'Company 18'], 'newest first')
  const third = (await v2(api, 'POST', '/companies/list?page=3&per_page=8&order=asc')).json()
  t.same(third.data.map((c: { name: string }) => c.name), ['Company 15', 'Company 16', 'Company 17', 'Company 18', 'Company 19'])

  const seen: string[] = []
  let scroll = (await v2(api, 'GET', '/companies/scroll')).json()
  t.match(scroll, { type: 'list', pages: null, total_count: null })
  while (scroll.data.length > 0) {
    seen.push(...scroll.data.map((c: { id: string }) => c.id))
    scroll = (await v2(api, 'GET', `/companies/scroll?scroll_param=${encodeURIComponent(scroll.scroll_param)}`)).json()
  }
  t.equal(seen.length, 21)
  t.equal(new Set(seen).size, 21)
  assertError(t, await v2(api, 'GET', '/companies/scroll?scroll_param=nonsense'), 400, {
    code: 'parameter_invalid', message: 'scroll_param is not one this server handed out: pass the scroll_param of the previous page as it came', field: 'scroll_param'
  })
})

t.test('DELETE /companies/{id} answers the deleted company; its contacts stay', async t => {
  const api = await build(t)
  const id = (await v2(api, 'GET', '/companies?company_id=companions-guild')).json().data[0].id
  t.strictSame((await v2(api, 'DELETE', `/companies/${id}`)).json(), { id, object: 'company', deleted: true })
  assertError(t, await v2(api, 'GET', `/companies/${id}`), 404, { code: 'company_not_found', message: 'Company Not Found' })
  t.same((await v2(api, 'GET', `/contacts/${FIXTURE.inara.id}`)).json().companies.data, [])
})

t.test('tagging companies through POST /tags; GET /companies?tag_id=', async t => {
  const api = await build(t)
  await v2(api, 'POST', '/companies', { company_id: 'blue-sun', name: 'Blue Sun' })
  await v2(api, 'POST', '/tags', { name: 'VIP', companies: [{ company_id: 'blue-sun' }] })
  const tagged = (await v2(api, 'GET', '/companies?tag_id=7000002')).json()
  t.same(tagged.data.map((c: { company_id: string }) => c.company_id), ['blue-sun'])
  t.strictSame(tagged.data[0].tags, { type: 'tag.list', tags: [{ type: 'tag', id: '7000002', name: 'VIP' }] })
  await v2(api, 'POST', '/tags', { name: 'VIP', companies: [{ company_id: 'blue-sun', untag: true }] })
  t.equal((await v2(api, 'GET', '/companies?tag_id=7000002')).json().total_count, 0)
})
