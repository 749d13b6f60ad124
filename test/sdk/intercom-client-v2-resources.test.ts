import t from 'tap'
import { Client, type SdkResponse } from 'intercom-client-v2'
import { FIXTURE, listen } from '../helper.js'

/**
 * intercom-client 2.11.2 (API 1.x, Basic auth) over a real socket through what a product does around
 * its conversations: tag a user, leave a note, record events, put the user in a company, set a
 * declared custom attribute (and see an undeclared one of the wrong type refused).
 */
t.test('intercom-client 2.11.2: tags, notes, events, companies and custom attributes', async t => {
  const mock = await listen(t)
  const client = new Client({ token: 'sdk-v2-resources' })
  client.useRequestOpts({ baseUrl: mock.url })
  const body = <T = any>(response: SdkResponse<T>) => response.body // eslint-disable-line @typescript-eslint/no-explicit-any
  const now = mock.clock.now()
  const user = body(await client.users.create({ user_id: 'sdk2-r', email: 'r@sdk2.example', custom_attributes: { plan: 'pro' } }))
  t.match(user, { type: 'user', custom_attributes: { plan: 'pro' } }, 'a declared attribute')

  const tag = body(await client.tags.tag({ name: 'Trial', users: [{ id: user.id }] }))
  t.match(tag, { type: 'tag', name: 'Trial' })
  t.same(body(await client.users.find({ id: user.id })).tags.tags.map((x: { name: string }) => x.name), ['Trial'])
  body(await client.tags.untag({ name: 'Trial', users: [{ id: user.id }] }))
  t.same(body(await client.users.find({ id: user.id })).tags.tags, [])
  t.same(body(await client.tags.list()).tags.map((x: { name: string }) => x.name), ['Browncoat', 'VIP', 'Trial'])

  const note = body(await client.notes.create({ admin_id: FIXTURE.wash.id, body: 'Asked about pricing', user: { id: user.id } }))
  t.match(note, { type: 'note', body: '<p>Asked about pricing</p>', author: { id: FIXTURE.wash.id }, user: { id: user.id } })
  t.match(body(await client.notes.list({ user_id: 'sdk2-r' })), { type: 'note.list', notes: [{ id: note.id }] })
  t.equal(body(await client.notes.find({ id: note.id })).id, note.id)

  const created = await client.events.create({ event_name: 'placed-order', created_at: now, user_id: 'sdk2-r', metadata: { price: { amount: 2999, currency: 'usd' } } })
  t.equal(created.statusCode, 202)
  const events = body(await client.events.listBy({ type: 'user', user_id: 'sdk2-r' }))
  t.match(events, { type: 'event.list', events: [{ event_name: 'placed-order', metadata: { price: { amount: 2999, currency: 'usd' } } }] })
  const noUser = await client.events.create({ event_name: 'x', created_at: now, email: 'nobody@sdk2.example' }).then(() => null, (error: unknown) => error)
  t.match(noUser, { statusCode: 404, message: 'User Not Found' })

  const inCompany = body(await client.users.create({ user_id: 'sdk2-r', companies: [{ company_id: 'sdk2-co', name: 'SDK2 Co', monthly_spend: 10 }] }))
  t.match(inCompany.companies.companies, [{ type: 'company', company_id: 'sdk2-co', name: 'SDK2 Co' }])
  const company = body(await client.companies.find({ company_id: 'sdk2-co' }))
  t.match(company, { type: 'company', company_id: 'sdk2-co', user_count: 1, monthly_spend: 10 })
  t.match(body(await client.companies.listUsers({ id: company.id })), { type: 'user.list', users: [{ id: user.id }] })
  t.match(body(await client.companies.listUsers({ company_id: 'sdk2-co' })), { type: 'user.list', users: [{ id: user.id }] })

  const wrongType = await client.users.create({ user_id: 'sdk2-r', custom_attributes: { plan: 3 } }).then(() => null, (error: unknown) => error)
  t.match(wrongType, { statusCode: 400, message: 'Custom attribute \'plan\' is a string attribute: 3 is not a string' })
})
