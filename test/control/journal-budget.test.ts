import t from 'tap'
import type { RecordedRequest } from '../../src/control/journal/entry.js'
import { Journal } from '../../src/control/journal/journal.js'

const request = (id: string, responseBody: string, requestLength: number | null = null): RecordedRequest => ({
  id, time: 1, method: 'GET', url: '/contacts', apiVersion: '2.11', durationMs: 1, headers: {}, requestBody: null, requestLength, status: 200, responseBody
})
const body = (n: number) => JSON.stringify({ text: 'x'.repeat(n - 11) })

t.test('bodies past the budget are dropped oldest first, across workspaces; the entries stay', async t => {
  const journal = new Journal(1000, 10_000)
  for (let i = 1; i <= 6; i++) journal.record(i % 2, request(`r${i}`, body(3000)), false)
  t.equal(journal.bodyCharacters, 9000, 'three bodies of 3,000 fit in 10,000')
  const [newest, , oldest] = journal.list(1)
  t.same(newest?.response, { status: 200, body: { text: 'x'.repeat(2989) }, body_truncated: false })
  t.same(oldest?.response, { status: 200, body: null, body_truncated: true }, 'the oldest workspace-1 entry lost its body')
  t.equal(oldest?.request.body_truncated, true)
  t.equal(journal.count(0) + journal.count(1), 6, 'every entry is still listed')
  t.same(journal.list(0).map(e => e.response.body === null), [false, false, true], 'in the other workspace too, by age (r6, r4 keep theirs; r2 was third oldest)')
  t.same(journal.list(1).map(e => e.response.body === null), [false, true, true], 'r5 keeps its body; r3 and r1 were oldest')
})

t.test('the count follows entries leaving their rings: overwritten, cleared, dropped', async t => {
  const journal = new Journal(2, 1_000_000)
  for (let i = 1; i <= 5; i++) journal.record(7, request(`a${i}`, body(100), 50), false)
  t.equal(journal.bodyCharacters, 300, 'a ring of two: the overwritten entries no longer count (100 + 50 each)')
  journal.record(8, request('b1', body(200)), false)
  journal.record(null, request('s1', body(400)), false)
  t.equal(journal.bodyCharacters, 900)
  journal.clear(null)
  t.equal(journal.bodyCharacters, 500, 'a cleared ring')
  journal.drop(7)
  t.equal(journal.bodyCharacters, 200, 'a dropped workspace')
  journal.dropAll()
  t.equal(journal.bodyCharacters, 0)
})

t.test('the bookkeeping stays bounded over many entries', async t => {
  const journal = new Journal(10, 5_000)
  for (let i = 0; i < 50_000; i++) journal.record(i % 50, request(`m${i}`, body(500)), false)
  t.ok(journal.bodyCharacters <= 5_000, 'within the budget')
  t.ok((journal as unknown as { withBodies: unknown[] }).withBodies.length < 3_000, 'the list of entries with bodies is compacted')
  t.equal(journal.list(49)[0]?.id, 'm49999')
  t.same(journal.list(49)[0]?.response.body_truncated, false, 'the newest keeps its body')
})
