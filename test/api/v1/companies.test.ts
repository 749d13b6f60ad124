import t from 'tap'
import { assertError, build, FIXTURE } from '../../helper.js'

const v1 = { version: '1.4' }

t.test('1.x: a user\'s companies list creates, joins and (remove: true) leaves companies', async t => {
  const api = await build(t)
  const user = (await api.request({ ...v1, method: 'POST', url: '/users', payload: {
    user_id: 'u-co', email: 'co@example.com', companies: [{ company_id: 'blue-sun', name: 'Blue Sun', monthly_spend: 49, custom_attributes: { founded: 2400 } }, { company_id: 'companions-guild' }]
  } })).json()
  t.same(user.companies.companies.map((c: { company_id: string }) => c.company_id).sort(), ['blue-sun', 'companions-guild'])
  t.match(user.companies.companies.find((c: { company_id: string }) => c.company_id === 'blue-sun'), { type: 'company', id: /^[0-9a-f]{24}$/, name: 'Blue Sun' })
  const blueSun = (await api.request({ ...v1, url: '/companies?company_id=blue-sun' })).json()
  t.match(blueSun, { type: 'company', company_id: 'blue-sun', name: 'Blue Sun', monthly_spend: 49, user_count: 1, custom_attributes: { founded: 2400 } })
  const left = (await api.request({ ...v1, method: 'POST', url: '/users', payload: { user_id: 'u-co', companies: [{ company_id: 'blue-sun', remove: true }] } })).json()
  t.same(left.companies.companies.map((c: { company_id: string }) => c.company_id), ['companions-guild'])
  t.equal((await api.request({ ...v1, url: `/companies/${blueSun.id}` })).json().user_count, 0)
})

t.test('1.x companies: POST, GET by id, company_id and name, the list with absolute next, users of a company', async t => {
  const api = await build(t)
  for (let i = 0; i < 3; i++) await api.request({ ...v1, method: 'POST', url: '/companies', payload: { company_id: `c${i}`, name: `Co ${i}` } })
  const byName = (await api.request({ ...v1, url: '/companies?name=Co%201' })).json()
  t.match(byName, { type: 'company', company_id: 'c1' })
  t.equal((await api.request({ ...v1, url: `/companies/${byName.id}` })).json().company_id, 'c1')
  const list = (await api.request({ ...v1, url: '/companies?per_page=2' })).json()
  t.match(list, { type: 'company.list', total_count: 4, pages: { type: 'pages', page: 1, per_page: 2, total_pages: 2 } })
  t.match(list.pages.next, /^http:\/\/localhost(:\d+)?\/companies\?per_page=2&page=2$/)
  const guild = (await api.request({ ...v1, url: '/companies?company_id=companions-guild' })).json()
  const users = (await api.request({ ...v1, url: `/companies/${guild.id}/users` })).json()
  t.match(users, { type: 'user.list', total_count: 1, users: [{ id: FIXTURE.inara.id }] })
  const scroll = (await api.request({ ...v1, url: '/companies/scroll' })).json()
  t.match(scroll, { type: 'company.list', scroll_param: /.+/ })
  t.equal(scroll.companies.length, 4)
  assertError(t, await api.request({ ...v1, url: '/companies?company_id=nobody' }), 404, { code: 'company_not_found', message: 'Company Not Found' })
  assertError(t, await api.request({ ...v1, method: 'DELETE', url: `/companies/${guild.id}` }), 400, { code: 'intercom_version_invalid', message: 'Requested resource is not available in current API version.' })
})
