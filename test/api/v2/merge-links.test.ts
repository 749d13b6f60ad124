import t from 'tap'
import { build, FIXTURE, T0 } from '../../helper.js'

t.test('a lead merged into a user (2.x POST /contacts/merge, 1.x convert) brings its tags, companies, notes, events and subscription choices', async t => {
  const api = await build(t)
  const v2 = async (method: 'GET' | 'POST', url: string, payload?: object) => {
    const res = await api.request({ method, url, version: '2.14', ...(payload === undefined ? {} : { payload }) })
    t.ok(res.statusCode < 300, `${method} ${url}: ${res.statusCode}`)
    return res.body === '' ? null : res.json()
  }
  const company = await v2('POST', '/companies', { company_id: 'blue-sun', name: 'Blue Sun' })
  for (const [lead, user] of [[FIXTURE.simon.id, FIXTURE.jayne.id], [FIXTURE.river.id, FIXTURE.mal.id]] as const) {
    await v2('POST', `/contacts/${lead}/tags`, { id: '7000002' })
    await v2('POST', `/contacts/${lead}/companies`, { id: company.id })
    await v2('POST', `/contacts/${lead}/notes`, { body: 'Was a lead', admin_id: FIXTURE.wash.id })
    await v2('POST', '/events', { event_name: 'looked-around', id: lead, created_at: T0 - 10 })
    await v2('POST', `/contacts/${lead}/subscriptions`, { id: '37847', consent_type: 'opt_in' })
    if (user === FIXTURE.jayne.id) {
      await v2('POST', '/contacts/merge', { from: lead, into: user })
    } else {
      const res = await api.request({ method: 'POST', url: '/contacts/convert', version: '1.4', payload: { contact: { id: lead }, user: { user_id: FIXTURE.mal.userId } } })
      t.equal(res.statusCode, 200)
    }
    const merged = await v2('GET', `/contacts/${user}`)
    t.ok(merged.tags.data.some((tag: { id: string }) => tag.id === '7000002'), 'the tag')
    t.ok(merged.companies.data.some((c: { id: string }) => c.id === company.id), 'the company')
    t.match((await v2('GET', `/contacts/${user}/notes`)).data, [{ body: '<p>Was a lead</p>' }])
    t.match((await v2('GET', `/contacts/${user}/subscriptions`)).data, [{ id: '37847', consent_type: 'opt_in' }])
    const events = await v2('GET', `/events?type=user&intercom_user_id=${user}&summary=true`)
    t.match(events.events, [{ name: 'looked-around', count: 1 }])
  }
})
