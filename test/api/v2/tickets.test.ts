import t from 'tap'
import { assertError, build, FIXTURE, T0, type TestApp } from '../../helper.js'

const call = (api: TestApp, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown, version = '2.11') =>
  api.request({ method, url, version, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) })

const BUG = '1001'
const REFUND = '1002'
const bug = { ticket_type_id: BUG, contacts: [{ id: FIXTURE.mal.id }], ticket_attributes: { _default_title_: 'Engine noise', Severity: 'High' } }

t.test('ticket types and states come from the fixtures, in each version\'s shape', async t => {
  const api = await build(t)
  const old = (await call(api, 'GET', '/ticket_types', undefined, '2.9')).json()
  t.equal(old.type, 'ticket_type_attributes.list')
  t.match(old.ticket_types, [{ type: 'ticket_type', id: BUG, name: 'Bug report', icon: '🐞' }, { id: REFUND, name: 'Refund' }])
  t.notOk('category' in old.ticket_types[0])
  const attributes = old.ticket_types[0].ticket_type_attributes.ticket_type_attributes
  t.same(attributes.map((a: { name: string }) => a.name), ['_default_title_', '_default_description_', 'Severity'])
  t.match(attributes[2], { type: 'ticket_type_attribute', data_type: 'list', required_to_create: true, default: false, ticket_type_id: 1001 })

  const current = (await call(api, 'GET', '/ticket_types', undefined, '2.14')).json()
  t.equal(current.type, 'list')
  t.match(current.data[1], { id: REFUND, category: 'Back-office', ticket_states: { type: 'list', data: [{ type: 'ticket_state', category: 'submitted' }] } })
  t.match((await call(api, 'GET', `/ticket_types/${REFUND}`, undefined, '2.14')).json(), { type: 'ticket_type', id: REFUND, category: 'Back-office' })
  assertError(t, await call(api, 'GET', '/ticket_types/9'), 404, { code: 'not_found', message: 'Resource Not Found' })

  const states = (await call(api, 'GET', '/ticket_states', undefined, '2.14')).json()
  t.same(states.data.map((s: { category: string }) => s.category), ['submitted', 'in_progress', 'waiting_on_customer', 'resolved'])
  t.match(states.data[0], { type: 'ticket_state', id: '1', internal_label: 'Submitted', archived: false, ticket_types: { type: 'list', data: [{ id: BUG }, { id: REFUND }] } })
  const unavailable = { code: 'intercom_version_invalid', message: 'Requested resource is not available in current API version.' }
  assertError(t, await call(api, 'GET', '/ticket_states', undefined, '2.11'), 400, unavailable)
  assertError(t, await call(api, 'GET', '/ticket_types', undefined, '2.8'), 400, unavailable)
})

t.test('POST /tickets creates a ticket; GET, PUT and reply work on it; it is a conversation too', async t => {
  const api = await build(t)
  const created = await call(api, 'POST', '/tickets', bug)
  t.equal(created.statusCode, 200)
  const ticket = created.json()
  t.match(ticket, {
    type: 'ticket', ticket_id: '1', category: 'Customer', open: true, is_shared: true,
    ticket_attributes: { _default_title_: 'Engine noise', Severity: 'High' },
    ticket_state: 'submitted', ticket_state_internal_label: 'Submitted', ticket_state_external_label: 'Submitted',
    ticket_type: { id: BUG }, contacts: { type: 'contact.list', contacts: [{ type: 'contact', id: FIXTURE.mal.id }] },
    admin_assignee_id: '0', team_assignee_id: '0', created_at: T0,
    ticket_parts: { type: 'ticket_part.list', ticket_parts: [], total_count: 0 }
  })
  t.match((await call(api, 'GET', `/tickets/${ticket.id}`)).json(), { id: ticket.id, ticket_id: '1' })
  t.match((await call(api, 'GET', `/conversations/${ticket.id}`, undefined, '2.11')).json(), { id: ticket.id, ticket: { type: 'ticket', id: ticket.id, ticket_id: '1', category: 'Customer' } })

  api.clock.advance(10)
  const updated = (await call(api, 'PUT', `/tickets/${ticket.id}`, { state: 'in_progress', ticket_attributes: { Severity: 'Low' }, assignment: { admin_id: FIXTURE.wash.id, assignee_id: FIXTURE.zoe.id } })).json()
  t.match(updated, { ticket_state: 'in_progress', ticket_attributes: { _default_title_: 'Engine noise', Severity: 'Low' }, admin_assignee_id: FIXTURE.zoe.id, updated_at: T0 + 10 })
  const byId = (await call(api, 'PUT', `/tickets/${ticket.id}`, { ticket_state_id: '4', open: false }, '2.16')).json()
  t.match(byId, { ticket_state: { type: 'ticket_state', id: '4', category: 'resolved' }, open: false, admin_assignee_id: Number(FIXTURE.zoe.id), previous_ticket_state_id: '2' })

  const reply = await call(api, 'POST', `/tickets/${ticket.id}/reply`, { type: 'admin', message_type: 'comment', admin_id: FIXTURE.wash.id, body: 'Fixed it' })
  t.equal(reply.statusCode, 200)
  t.match(reply.json(), { type: 'ticket_part', part_type: 'comment', body: '<p>Fixed it</p>', author: { type: 'admin', id: FIXTURE.wash.id }, redacted: false })
  const userReply = (await call(api, 'POST', `/tickets/${ticket.id}/reply`, { type: 'user', message_type: 'comment', intercom_user_id: FIXTURE.mal.id, body: 'Thanks' })).json()
  t.match(userReply, { part_type: 'comment', author: { type: 'user', id: FIXTURE.mal.id } })
  t.match((await call(api, 'GET', `/tickets/${ticket.id}`)).json().ticket_parts, { total_count: 2, ticket_parts: [{ part_type: 'comment', ticket_state: 'resolved' }, { part_type: 'open' }] })
})

t.test('ticket errors', async t => {
  const api = await build(t)
  assertError(t, await call(api, 'POST', '/tickets', { ...bug, ticket_attributes: { Severity: 'Urgent' } }), 400, { code: 'parameter_invalid', message: 'The ticket attribute Severity must be one of Low, High', field: 'ticket_attributes' })
  assertError(t, await call(api, 'POST', '/tickets', { ...bug, ticket_attributes: {} }), 400, { code: 'parameter_invalid', message: 'The ticket attribute Severity is required to create a ticket of type Bug report', field: 'ticket_attributes' })
  assertError(t, await call(api, 'POST', '/tickets', { ...bug, ticket_attributes: { Severity: 'Low', Colour: 'red' } }), 400, { code: 'parameter_invalid', message: 'Colour is not an attribute of the ticket type Bug report', field: 'ticket_attributes' })
  assertError(t, await call(api, 'POST', '/tickets', { ticket_type_id: REFUND, contacts: [{ id: FIXTURE.mal.id }], ticket_attributes: { Amount: 'lots' } }), 400, { code: 'parameter_invalid', message: 'The ticket attribute Amount must be a decimal', field: 'ticket_attributes' })
  assertError(t, await call(api, 'POST', '/tickets', { ...bug, contacts: [] }), 400, { code: 'parameter_invalid', message: 'contacts must hold exactly one contact', field: 'contacts' })
  assertError(t, await call(api, 'POST', '/tickets', { ...bug, ticket_type_id: '9' }), 404, { code: 'not_found', message: 'Resource Not Found' })
  assertError(t, await call(api, 'POST', '/tickets', { ...bug, contacts: [{ id: '000000000000000000000000' }] }), 404, { code: 'not_found', message: 'User Not Found' })
  assertError(t, await call(api, 'GET', '/tickets/123'), 404, { code: 'not_found', message: 'Resource Not Found' })
  const plain = (await call(api, 'POST', '/conversations', { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Just chatting' })).json().conversation_id
  assertError(t, await call(api, 'GET', `/tickets/${plain}`), 404, { code: 'not_found', message: 'Resource Not Found' })
  const ticket = (await call(api, 'POST', '/tickets', bug)).json()
  assertError(t, await call(api, 'PUT', `/tickets/${ticket.id}`, { state: 'lost' }), 400, { code: 'parameter_invalid', message: 'state must be one of submitted, in_progress, waiting_on_customer, resolved', field: 'state' })
  assertError(t, await call(api, 'PUT', `/tickets/${ticket.id}`, { ticket_state_id: '99' }, '2.14'), 400, { code: 'parameter_invalid', message: 'No ticket state has id 99', field: 'ticket_state_id' })
  assertError(t, await call(api, 'PUT', `/tickets/${ticket.id}`, { assignment: { assignee_id: FIXTURE.zoe.id } }), 400, { code: 'parameter_invalid', message: 'admin_id is required', field: 'admin_id' })
})

t.test('POST /conversations/{id}/convert makes the conversation a ticket of a Customer type', async t => {
  const api = await build(t)
  const id = (await call(api, 'POST', '/conversations', { from: { type: 'user', id: FIXTURE.mal.id }, body: 'It broke' })).json().conversation_id
  await call(api, 'POST', `/conversations/${id}/reply`, { type: 'admin', message_type: 'comment', admin_id: FIXTURE.wash.id, body: 'Which part?' })
  api.clock.advance(5)
  const res = await call(api, 'POST', `/conversations/${id}/convert`, { ticket_type_id: BUG, attributes: { Severity: 'High' } })
  t.equal(res.statusCode, 200)
  t.match(res.json(), { type: 'ticket', id, ticket_id: '1', category: 'Customer', ticket_attributes: { Severity: 'High' }, ticket_parts: { total_count: 1, ticket_parts: [{ part_type: 'comment', body: '<p>Which part?</p>' }] } })
  const conversation = (await call(api, 'GET', `/conversations/${id}`)).json()
  t.match(conversation, { ticket: { type: 'ticket', id, ticket_id: '1' }, updated_at: T0 + 5 })
  t.equal((await call(api, 'GET', `/conversations/${id}`, undefined, '2.8')).json().ticket, undefined)

  assertError(t, await call(api, 'POST', `/conversations/${id}/convert`, { ticket_type_id: BUG, attributes: { Severity: 'High' } }), 400, { code: 'parameter_invalid', message: 'The conversation is already a ticket', field: 'conversation_id' })
  const other = (await call(api, 'POST', '/conversations', { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Refund please' })).json().conversation_id
  assertError(t, await call(api, 'POST', `/conversations/${other}/convert`, { ticket_type_id: REFUND }), 400, { code: 'parameter_invalid', message: 'Ticket type is not a customer ticket type', field: 'ticket_type_id' })
  assertError(t, await call(api, 'POST', '/conversations/999/convert', { ticket_type_id: BUG }), 404, { code: 'not_found', message: 'Resource Not Found' })
  assertError(t, await call(api, 'POST', `/conversations/${other}/convert`, { ticket_type_id: BUG }, '2.9'), 400, { code: 'intercom_version_invalid', message: 'Requested resource is not available in current API version.' })
})

t.test('2.14: a ticket created with conversation_to_link_id is linked both ways; DELETE /tickets/{id} (2.13+)', async t => {
  const api = await build(t)
  const conversation = (await call(api, 'POST', '/conversations', { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Refund please' }, '2.14')).json().conversation_id
  const ticket = (await call(api, 'POST', '/tickets', { ticket_type_id: REFUND, contacts: [{ email: 'newcomer@example.com' }], ticket_attributes: { Amount: 12.5 }, conversation_to_link_id: conversation }, '2.14')).json()
  t.match(ticket, { category: 'Back-office', is_shared: false, linked_objects: { type: 'list', total_count: 1, has_more: false, data: [{ type: 'conversation', id: conversation, category: null }] } })
  const linked = (await call(api, 'GET', `/conversations/${conversation}`, undefined, '2.14')).json()
  t.strictSame(linked.linked_objects, { type: 'list', data: [{ type: 'ticket', id: ticket.id, category: 'Back-office' }], total_count: 1, has_more: false })
  t.equal(linked.ticket, null, 'linked, not itself a ticket')

  assertError(t, await call(api, 'DELETE', `/tickets/${ticket.id}`, undefined, '2.12'), 400, { code: 'intercom_version_invalid', message: 'Requested resource is not available in current API version.' })
  t.strictSame((await call(api, 'DELETE', `/tickets/${ticket.id}`, undefined, '2.14')).json(), { id: ticket.id, object: 'ticket', deleted: true })
  assertError(t, await call(api, 'GET', `/tickets/${ticket.id}`, undefined, '2.14'), 404, { code: 'not_found', message: 'Resource Not Found' })
  t.equal((await call(api, 'GET', `/conversations/${conversation}`, undefined, '2.14')).json().linked_objects.total_count, 0)
})
