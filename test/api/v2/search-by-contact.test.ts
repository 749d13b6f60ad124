import t from 'tap'
import { build, FIXTURE } from '../../helper.js'

/**
 * `contact_ids =` one contact (sorted by created_at) is read from its customer links and counted from
 * migration 8's counts: the same pages and total_count as the general path (`IN` that one contact).
 */
t.test('contact_ids = a contact answers as contact_ids IN [that contact], page by page, ties and added customers included', async t => {
  const api = await build(t)
  const search = async (query: object, sort: object | undefined, startingAfter?: string) => (await api.request({
    method: 'POST', url: '/conversations/search', version: '2.11',
    payload: { query, ...(sort === undefined ? {} : { sort }), pagination: { per_page: 2, ...(startingAfter === undefined ? {} : { starting_after: startingAfter }) } }
  })).json()
  for (let i = 0; i < 7; i++) {
    if (i % 2 === 0) api.clock.advance(1) // pairs share a created_at
    const from = i % 3 === 0 ? FIXTURE.inara.id : FIXTURE.mal.id
    const id = (await api.request({ method: 'POST', url: '/conversations', version: '2.11', payload: { from: { type: 'user', id: from }, body: `Conversation ${i}` } })).json().conversation_id
    if (i === 3) await api.request({ method: 'POST', url: `/conversations/${id}/customers`, version: '2.11', payload: { admin_id: FIXTURE.wash.id, customer: { intercom_user_id: FIXTURE.mal.id } } })
  }
  for (const sort of [undefined, { field: 'created_at', order: 'ascending' }, { field: 'created_at', order: 'descending' }]) {
    const all = async (query: object) => {
      const pages = [await search(query, sort)]
      while (pages.at(-1).pages.next !== undefined) pages.push(await search(query, sort, pages.at(-1).pages.next.starting_after))
      return { ids: pages.flatMap(p => p.conversations.map((c: { id: string }) => c.id)), totals: pages.map(p => [p.total_count, p.pages.total_pages]) }
    }
    const exact = await all({ field: 'contact_ids', operator: '=', value: FIXTURE.mal.id })
    const general = await all({ field: 'contact_ids', operator: 'IN', value: [FIXTURE.mal.id] })
    t.same(exact, general, JSON.stringify(sort))
    t.equal(exact.ids.length, 5, 'four started by the contact, one it was added to')
    const combined = await all({ operator: 'AND', value: [{ field: 'contact_ids', operator: '=', value: FIXTURE.mal.id }, { field: 'open', operator: '=', value: true }] })
    t.same(combined.ids, exact.ids, 'with another condition, through the links too')
  }
})
