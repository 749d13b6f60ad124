import t from 'tap'
import { assertError, build, FIXTURE, T0, type TestApp } from '../../helper.js'

const call = (api: TestApp, url: string, payload: unknown, version = '2.14') =>
  api.request({ method: 'POST', url, version, payload: payload as Record<string, unknown> })

const search = async (api: TestApp, query: unknown, extra: Record<string, unknown> = {}, version = '2.14') => {
  const res = await call(api, '/tickets/search', { query, ...extra }, version)
  if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body}`)
  return res.json()
}
const ids = (list: { tickets: Array<{ id: string }> }) => list.tickets.map(ticket => ticket.id)

t.test('POST /tickets/search (2.10+) finds tickets by the fields the mock keeps, as a ticket.list paged by cursor', async t => {
  const api = await build(t)
  const bug = (await call(api, '/tickets', { ticket_type_id: '1001', contacts: [{ id: FIXTURE.mal.id }], ticket_attributes: { _default_title_: 'Engine noise', Severity: 'High' } })).json()
  api.clock.advance(60)
  const refund = (await call(api, '/tickets', { ticket_type_id: '1002', contacts: [{ id: FIXTURE.inara.id }], ticket_attributes: { _default_title_: 'Passage refund', Amount: 12.5 } })).json()
  api.clock.advance(60)
  const other = (await call(api, '/tickets', { ticket_type_id: '1001', contacts: [{ id: FIXTURE.inara.id }], ticket_attributes: { _default_title_: 'Loose panel', Severity: 'Low' } })).json()
  await api.request({ method: 'PUT', url: `/tickets/${String(other.id)}`, version: '2.14', payload: { ticket_state_id: '4', open: false } })
  // A plain conversation is no ticket.
  await api.request({ method: 'POST', url: '/messages', payload: { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Not a ticket' } })

  const all = await search(api, { field: 'created_at', operator: '>', value: 0 })
  t.match(all, { type: 'ticket.list', total_count: 3, pages: { type: 'pages', page: 1, per_page: 20, total_pages: 1 } })
  t.same(ids(all), [other.id, refund.id, bug.id], 'newest first')
  t.match(all.tickets[2], { type: 'ticket', id: bug.id, ticket_id: bug.ticket_id, ticket_attributes: { _default_title_: 'Engine noise' } })

  t.same(ids(await search(api, { field: 'ticket_type_id', operator: '=', value: '1001' })), [other.id, bug.id])
  t.same(ids(await search(api, { field: 'title', operator: '~', value: 'refund' })), [refund.id])
  t.same(ids(await search(api, { field: 'category', operator: '=', value: 'task' })), [refund.id], 'Back-office is searched as task')
  t.same(ids(await search(api, { field: 'state', operator: '=', value: 'resolved' })), [other.id])
  t.same(ids(await search(api, { field: 'ticket_state_id', operator: '!=', value: '4' })), [refund.id, bug.id])
  t.same(ids(await search(api, { field: 'open', operator: '=', value: false })), [other.id])
  t.same(ids(await search(api, { field: 'contact_ids', operator: '=', value: FIXTURE.inara.id })), [other.id, refund.id])
  t.same(ids(await search(api, { field: 'id', operator: 'IN', value: [bug.id, other.id] })), [other.id, bug.id])
  t.same(ids(await search(api, { operator: 'AND', value: [{ field: 'ticket_type_id', operator: '=', value: '1001' }, { field: 'created_at', operator: '<', value: T0 + 30 }] })), [bug.id])
  t.same(ids(await search(api, { field: 'created_at', operator: '>', value: 0 }, { sort: { field: 'created_at', order: 'ascending' } })), [bug.id, refund.id, other.id])

  const first = await search(api, { field: 'created_at', operator: '>', value: 0 }, { pagination: { per_page: 2 } })
  t.same(ids(first), [other.id, refund.id])
  t.match(first.pages, { per_page: 2, total_pages: 2, next: { per_page: 2, starting_after: /./ } })
  const second = await search(api, { field: 'created_at', operator: '>', value: 0 }, { pagination: { per_page: 2, starting_after: first.pages.next.starting_after } })
  t.same(ids(second), [bug.id])
  t.notOk('next' in second.pages, 'the last page has no next')

  t.match(await search(api, { field: 'created_at', operator: '>', value: 0 }, {}, '2.10'), { type: 'ticket.list', total_count: 3 })
})

t.test('POST /tickets/search errors: a field that is not searchable, a bad operator, a version without it', async t => {
  const api = await build(t)
  const bad = (await call(api, '/tickets/search', { query: { field: 'nope', operator: '=', value: 1 } }))
  t.equal(bad.statusCode, 400)
  t.match(bad.json(), { type: 'error.list', errors: [{ code: 'parameter_invalid' }] })
  const attribute = await call(api, '/tickets/search', { query: { field: 'ticket_attribute.7', operator: '=', value: 'x' } })
  t.equal(attribute.statusCode, 400)
  const operator = await call(api, '/tickets/search', { query: { field: 'title', operator: '>', value: 'x' } })
  t.equal(operator.statusCode, 400)
  t.equal((await call(api, '/tickets/search', {})).statusCode, 400)
  assertError(t, await call(api, '/tickets/search', { query: { field: 'id', operator: '=', value: '1' } }, '2.9'), 400, {
    code: 'intercom_version_invalid', message: 'Requested resource is not available in current API version.'
  })
  assertError(t, await api.request({ method: 'POST', url: '/tickets/search', version: '1.4', payload: { query: {} } }), 400, {
    code: 'intercom_version_invalid', message: 'Requested resource is not available in current API version.'
  })
})
