import t from 'tap'
import { assertError, build, FIXTURE, T0, type TestApp } from '../../helper.js'

const V = '2.14'
const search = (api: TestApp, kind: 'conversations' | 'contacts', payload: unknown) =>
  api.request({ method: 'POST', url: `/${kind}/search`, version: V, payload: payload as Record<string, unknown> })

async function conversationsOf (api: TestApp, count: number): Promise<string[]> {
  const ids: string[] = []
  for (let i = 0; i < count; i++) {
    const from = i % 2 === 0 ? FIXTURE.mal.id : FIXTURE.inara.id
    const res = await api.request({ method: 'POST', url: '/conversations', version: V, payload: { from: { type: 'user', id: from }, body: i % 3 === 0 ? 'I need support please' : 'Hello there' } })
    ids.push(res.json().conversation_id)
    api.clock.advance(10)
  }
  return ids
}

t.test('POST /conversations/search: the SDKs\' query (open AND a contact) as a conversation.list', async t => {
  const api = await build(t)
  const ids = await conversationsOf(api, 6)
  await api.request({ method: 'POST', url: `/conversations/${ids[0]}/parts`, version: V, payload: { message_type: 'close', admin_id: FIXTURE.wash.id } })
  const res = await search(api, 'conversations', {
    query: { operator: 'AND', value: [{ field: 'open', operator: '=', value: 'true' }, { field: 'contact_ids', operator: '=', value: FIXTURE.mal.id }] },
    pagination: { per_page: 5 }
  })
  t.equal(res.statusCode, 200)
  const body = res.json()
  t.match(body, { type: 'conversation.list', total_count: 2, pages: { type: 'pages', page: 1, per_page: 5, total_pages: 1 } })
  t.same(body.conversations.map((c: { id: string }) => c.id), [ids[4], ids[2]], 'newest first by default')
  t.notOk('conversation_parts' in body.conversations[0])
})

t.test('conversation search: words in the body, dates, OR groups, sort and cursor pages', async t => {
  const api = await build(t)
  const ids = await conversationsOf(api, 7)
  const words = (await search(api, 'conversations', { query: { field: 'source.body', operator: '=', value: 'support' } })).json()
  t.same(words.conversations.map((c: { id: string }) => c.id).sort(), [ids[0], ids[3], ids[6]].sort())
  const phrase = (await search(api, 'conversations', { query: { field: 'source.body', operator: '=', value: 'need support' } })).json()
  t.equal(phrase.total_count, 0, 'a phrase is not one word')
  const recent = (await search(api, 'conversations', { query: { field: 'created_at', operator: '>', value: String(T0 + 40) }, sort: { field: 'created_at', order: 'ascending' } })).json()
  t.same(recent.conversations.map((c: { id: string }) => c.id), [ids[4], ids[5], ids[6]])
  const either = (await search(api, 'conversations', {
    query: { operator: 'OR', value: [{ field: 'id', operator: '=', value: ids[1] }, { field: 'id', operator: 'IN', value: [ids[2], ids[3]] }] }
  })).json()
  t.equal(either.total_count, 3)

  const seen: string[] = []
  let startingAfter: string | undefined
  do {
    const page = (await search(api, 'conversations', { query: { field: 'state', operator: '=', value: 'open' }, pagination: { per_page: 3, ...(startingAfter === undefined ? {} : { starting_after: startingAfter }) } })).json()
    seen.push(...page.conversations.map((c: { id: string }) => c.id))
    startingAfter = page.pages.next?.starting_after
  } while (startingAfter !== undefined)
  t.same(seen, [...ids].reverse(), 'every conversation once, in order')
})

t.test('POST /contacts/search by external_id and by email answers a list', async t => {
  const api = await build(t)
  const byExternal = (await search(api, 'contacts', { query: { field: 'external_id', operator: '=', value: FIXTURE.mal.userId }, pagination: { per_page: 5 } })).json()
  t.match(byExternal, { type: 'list', total_count: 1, data: [{ type: 'contact', id: FIXTURE.mal.id, role: 'user' }] })
  const leads = (await search(api, 'contacts', { query: { field: 'role', operator: '=', value: 'lead' } })).json()
  t.same(leads.data.map((c: { id: string }) => c.id).sort(), [FIXTURE.simon.id, FIXTURE.river.id].sort())
  const domain = (await search(api, 'contacts', { query: { field: 'email', operator: '$', value: '@serenity.io' } })).json()
  t.equal(domain.total_count, 5, 'users and leads at serenity.io, never visitors')
})

t.test('malformed searches are 400 naming the problem', async t => {
  const api = await build(t)
  const bad = await search(api, 'conversations', { query: { field: 'open', operator: 'LIKE', value: true } })
  t.equal(bad.statusCode, 400)
  t.match(bad.json().errors[0], { code: 'parameter_invalid', field: 'query.operator' })
  const unknown = await search(api, 'contacts', { query: { field: 'favourite_colour', operator: '=', value: 'blue' } })
  t.match(unknown.json().errors[0], { code: 'parameter_invalid', field: 'query.field', message: /^favourite_colour is not a searchable contact field/ })
  const tooMany = await search(api, 'conversations', { query: { operator: 'AND', value: Array.from({ length: 16 }, () => ({ field: 'open', operator: '=', value: true })) } })
  t.match(tooMany.json().errors[0], { code: 'parameter_invalid', message: /at most 15/ })
  assertError(t, await api.request({ method: 'POST', url: '/conversations/search', version: V, payload: '{', headers: { 'content-type': 'application/json' } }), 400, {
    code: 'parameter_invalid', message: 'The request body is not valid JSON'
  })
})
