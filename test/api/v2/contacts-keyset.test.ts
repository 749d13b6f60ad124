import t from 'tap'
import { assertError, build, type TestApp } from '../../helper.js'

const V = '2.14'
const list = async (api: TestApp, query: string) => (await api.request({ url: `/contacts?${query}`, version: V })).json()
const names = (page: { data: Array<{ name: string | null }> }) => page.data.map(c => c.name)

/** GET /contacts pages by keyset: each cursor carries the last contact's (created_at, id). */
t.test('GET /contacts cursors start after the previous page\'s last contact, whatever is written or deleted in between', async t => {
  const api = await build(t)
  const ids: string[] = []
  for (let i = 0; i < 10; i++) {
    if (i % 3 === 0) api.clock.advance(1) // some contacts share a created_at: ties break on the id
    ids.push((await api.request({ method: 'POST', url: '/contacts', version: V, payload: { role: 'lead', name: `Lead ${i}` } })).json().id)
  }
  const first = await list(api, 'per_page=4')
  const total = first.total_count as number
  t.match(first.pages, { page: 1, per_page: 4, total_pages: Math.ceil(total / 4) })
  const seen: Array<string | null> = names(first)

  // Between pages: a newer contact (before the cursor: not listed), one already seen and one not yet seen deleted.
  api.clock.advance(1)
  await api.request({ method: 'POST', url: '/contacts', version: V, payload: { role: 'lead', name: 'Newer' } })
  await api.request({ method: 'DELETE', url: `/contacts/${ids[9] as string}`, version: V })
  await api.request({ method: 'DELETE', url: `/contacts/${ids[2] as string}`, version: V })
  let next = first.pages.next
  let page = 1
  let last = first
  while (next !== undefined) {
    last = await list(api, `per_page=4&starting_after=${encodeURIComponent(next.starting_after)}`)
    page++
    t.equal(last.pages.page, page, 'pages count on')
    t.equal(last.total_count, total - 1, 'total_count is the count now: one more, two fewer')
    seen.push(...names(last))
    next = last.pages.next
  }
  t.equal(last.pages.total_pages, Math.ceil((total - 1) / 4))
  const expected = ['Lead 9', 'Lead 8', 'Lead 7', 'Lead 6', 'Lead 5', 'Lead 4', 'Lead 3', 'Lead 1', 'Lead 0']
  t.same(seen.slice(0, 9), expected, 'no contact repeated or skipped; the deleted unseen one is gone')
  t.equal(new Set(seen).size, seen.length)
  t.notOk(seen.includes('Newer'))
  t.equal(seen.length, total - 1, 'every contact listed once (the deleted seen one before its deletion)')
})

t.test('GET /contacts: the last page has no next; a page past the end is empty', async t => {
  const api = await build(t)
  const all = await list(api, 'per_page=150')
  t.equal(all.pages.next, undefined)
  const byTwo = await list(api, 'per_page=2')
  let next = byTwo.pages.next
  let pages = 1
  let lastPage = byTwo
  while (next !== undefined) {
    lastPage = await list(api, `per_page=2&starting_after=${encodeURIComponent(next.starting_after)}`)
    next = lastPage.pages.next
    pages++
  }
  t.equal(pages, byTwo.pages.total_pages)
  t.equal(lastPage.pages.page, byTwo.pages.total_pages)
  t.ok(lastPage.data.length >= 1 && lastPage.data.length <= 2)
  const oldest = lastPage.data.at(-1) as { id: string, created_at: number }
  const pastTheEnd = Buffer.from(JSON.stringify([pages + 1, pages * 2, oldest.created_at, oldest.id])).toString('base64')
  const after = await list(api, `per_page=2&starting_after=${pastTheEnd}`)
  t.same(after.data, [])
  t.equal(after.pages.next, undefined)
})

t.test('GET /contacts: cursors of the counted form still page; a cursor with a broken key is refused as Intercom refuses a bad one', async t => {
  const api = await build(t)
  const counted = Buffer.from(JSON.stringify([2, 2])).toString('base64')
  const second = await list(api, `per_page=2&starting_after=${counted}`)
  const byKey = await list(api, `per_page=2&starting_after=${encodeURIComponent((await list(api, 'per_page=2')).pages.next.starting_after)}`)
  t.same(second.data, byKey.data)
  t.equal(second.pages.page, 2)
  const error = { code: 'parameter_invalid', message: 'starting_after is not a cursor this server handed out: pass pages.next.starting_after as it came', field: 'starting_after' }
  for (const key of [[2, 2, 'x', 'id'], [2, 2, 1], [2, 2, 1, 2], [2, 2, 1, 'id', 3]]) {
    assertError(t, await api.request({ url: `/contacts?starting_after=${Buffer.from(JSON.stringify(key)).toString('base64')}`, version: V }), 400, error)
  }
})
