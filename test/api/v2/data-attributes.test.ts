import t from 'tap'
import { assertError, build, fixtures, FIXTURE, T0, type TestApp } from '../../helper.js'

const v2 = (api: TestApp, method: 'GET' | 'POST' | 'PUT', url: string, payload?: Record<string, unknown>, version = '2.14') =>
  api.request({ method, url, version, ...(payload === undefined ? {} : { payload }) })

t.test('GET /data_attributes lists Intercom\'s attributes and the declared ones, by model', async t => {
  const api = await build(t)
  const contact = (await v2(api, 'GET', '/data_attributes?model=contact')).json()
  t.equal(contact.type, 'list')
  t.ok(contact.data.every((a: { model: string }) => a.model === 'contact'))
  t.match(contact.data.find((a: { name: string }) => a.name === 'email'), { type: 'data_attribute', full_name: 'email', custom: false, data_type: 'string' })
  t.strictSame(contact.data.find((a: { name: string }) => a.name === 'plan'), {
    type: 'data_attribute', model: 'contact', name: 'plan', full_name: 'custom_attributes.plan', label: 'plan', data_type: 'string',
    api_writable: true, ui_writable: false, messenger_writable: false, custom: true, archived: false, id: 1,
    description: 'The contact\'s plan', admin_id: FIXTURE.wash.id, created_at: T0, updated_at: T0
  })
  const company = (await v2(api, 'GET', '/data_attributes?model=company')).json()
  t.match(company.data.find((a: { name: string }) => a.name === 'guild_rank'), { data_type: 'string', options: ['Registered', 'Senior'], custom: true })
  const conversation = (await v2(api, 'GET', '/data_attributes?model=conversation')).json()
  t.same(conversation.data.map((a: { name: string }) => a.name), ['issue_type'])
  t.equal((await v2(api, 'GET', '/data_attributes')).json().data.length, contact.data.length + company.data.length + 1)
})

t.test('POST /data_attributes creates; PUT archives, restores and changes options; Intercom\'s errors', async t => {
  const api = await build(t)
  api.clock.advance(5)
  const created = (await v2(api, 'POST', '/data_attributes', { name: 'Mithril Shirt', model: 'company', data_type: 'string' })).json()
  t.match(created, { type: 'data_attribute', id: 6, name: 'Mithril Shirt', full_name: 'custom_attributes.Mithril Shirt', model: 'company', custom: true, created_at: T0 + 5 })
  const list = (await v2(api, 'POST', '/data_attributes', { name: 'size_band', model: 'contact', data_type: 'options', options: [{ value: '1-10' }, { value: '11-50' }] })).json()
  t.match(list, { data_type: 'string', options: ['1-10', '11-50'] })
  const archived = (await v2(api, 'PUT', `/data_attributes/${list.id}`, { archived: true, options: [{ value: '1-10' }, { value: '11-20' }] })).json()
  t.match(archived, { archived: true, options: ['1-10', '11-20'] })
  t.notOk((await v2(api, 'GET', '/data_attributes?model=contact')).json().data.some((a: { name: string }) => a.name === 'size_band'), 'archived attributes are left out')
  t.ok((await v2(api, 'GET', '/data_attributes?model=contact&include_archived=true')).json().data.some((a: { name: string }) => a.name === 'size_band'))

  const error = (payload: Record<string, unknown>, message: string) => v2(api, 'POST', '/data_attributes', payload).then(res => assertError(t, res, 400, { code: 'parameter_invalid', message }))
  await error({ name: 'ship', model: 'company', data_type: 'string' }, "You already have 'ship' in your people data. To save this as new company data, use a different name.")
  await error({ name: 'plan', model: 'company', data_type: 'string' }, "You already have 'plan' in your company data. To save this as new company data, use a different name.")
  await error({ name: 'plan', model: 'contact', data_type: 'integer' }, "You already have 'plan' in your people data. To save this as new people data, use a different name.")
  await error({ name: '!nv@l!d n@me', model: 'company', data_type: 'string' }, 'Your name for this attribute must only contain alphanumeric characters, currency symbols, and hyphens')
  await error({ name: 'The Second Ring', model: 'company', data_type: 'mithril' }, "Data Type isn't an option")
  await error({ name: 'Ring', model: 'ticket', data_type: 'string' }, 'The Data Attribute model field must be either contact or company')
  await error({ name: 'Ring', model: 'contact', data_type: 'options', options: [{ value: '1-10' }] }, 'A list attribute needs at least two options')
  assertError(t, await v2(api, 'PUT', `/data_attributes/${list.id}`, { options: { value: '1-10' } }), 400, { code: 'parameter_invalid', message: "Options isn't an array" })
  assertError(t, await v2(api, 'PUT', '/data_attributes/999', { archived: true }), 404, { code: 'field_not_found', message: "We couldn't find that data attribute to update" })
})

t.test('the rule: an undeclared custom attribute, or a value of the wrong type, is refused on contacts, companies and conversations', async t => {
  const api = await build(t)
  assertError(t, await v2(api, 'PUT', `/contacts/${FIXTURE.mal.id}`, { custom_attributes: { anything: 'x' } }), 400, { code: 'parameter_invalid', message: "Custom attribute 'anything' does not exist" })
  assertError(t, await v2(api, 'POST', '/contacts', { email: 'new@example.com', custom_attributes: { seats: 'three' } }), 400, {
    code: 'parameter_invalid', message: 'Custom attribute \'seats\' is a integer attribute: "three" is not an integer'
  })
  t.equal((await v2(api, 'POST', '/contacts/search', { query: { field: 'email', operator: '=', value: 'new@example.com' } })).json().total_count, 0, 'nothing was written')
  assertError(t, await v2(api, 'POST', '/companies', { company_id: 'x', custom_attributes: { guild_rank: 3 } }), 400, {
    code: 'parameter_invalid', message: 'Custom attribute \'guild_rank\' is a string attribute: 3 is not a string'
  })
  const id = (await v2(api, 'POST', '/conversations', { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Hi' })).json().conversation_id
  assertError(t, await v2(api, 'PUT', `/conversations/${id}`, { custom_attributes: { anything: 'x' } }), 400, { code: 'parameter_invalid', message: "Conversation attribute 'anything' does not exist" })
  t.match((await v2(api, 'PUT', `/conversations/${id}`, { custom_attributes: { issue_type: 'billing' } })).json(), { custom_attributes: { issue_type: 'billing' } })
  t.match((await v2(api, 'PUT', `/contacts/${FIXTURE.mal.id}`, { custom_attributes: { seats: 3, plan: null } })).json(), { custom_attributes: { seats: 3, plan: null } }, 'null unsets any declared attribute')

  await v2(api, 'POST', '/data_attributes', { name: 'anything', model: 'contact', data_type: 'string' })
  t.match((await v2(api, 'PUT', `/contacts/${FIXTURE.mal.id}`, { custom_attributes: { anything: 'x' } })).json(), { custom_attributes: { anything: 'x' } }, 'declared, it may be set')
  const archivedId = (await v2(api, 'GET', '/data_attributes?model=contact')).json().data.find((a: { name: string }) => a.name === 'anything').id
  await v2(api, 'PUT', `/data_attributes/${archivedId}`, { archived: true })
  assertError(t, await v2(api, 'PUT', `/contacts/${FIXTURE.mal.id}`, { custom_attributes: { anything: 'y' } }), 400, { code: 'parameter_invalid', message: "Custom attribute 'anything' does not exist" })
})

t.test('1.x declares an attribute on its first write, typed by its value; then holds it to that type', async t => {
  const api = await build(t)
  const v1 = { version: '1.4' }
  t.equal((await api.request({ ...v1, method: 'POST', url: '/users', payload: { user_id: 'u', custom_attributes: { crew_size: 9, paid_at: 1700000000 } } })).statusCode, 200)
  const declared = (await v2(api, 'GET', '/data_attributes?model=contact')).json().data
  t.match(declared.find((a: { name: string }) => a.name === 'crew_size'), { data_type: 'integer', custom: true })
  t.match(declared.find((a: { name: string }) => a.name === 'paid_at'), { data_type: 'date' })
  assertError(t, await api.request({ ...v1, method: 'POST', url: '/users', payload: { user_id: 'u', custom_attributes: { crew_size: 'nine' } } }), 400, {
    code: 'parameter_invalid', message: 'Custom attribute \'crew_size\' is a integer attribute: "nine" is not an integer'
  })
})

t.test('the rule relaxed: INTERCOM_MOCK_UNDECLARED_ATTRIBUTES=accept, or the fixtures\' undeclared_attributes', async t => {
  for (const [how, api] of [
    ['server setting', await build(t, { undeclaredAttributes: 'accept' })],
    ['fixtures', await build(t, {}, { fixtures: { ...fixtures(), undeclared_attributes: 'accept' } })]
  ] as const) {
    const res = await v2(api, 'PUT', `/contacts/${FIXTURE.mal.id}`, { custom_attributes: { anything: 'x', seats: 'many' } })
    t.equal(res.statusCode, 200, how)
    t.match(res.json(), { custom_attributes: { anything: 'x', seats: 'many' } }, how)
  }
})
