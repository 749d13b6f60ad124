import { readdirSync, readFileSync } from 'node:fs'
import t from 'tap'
import { openDatabase } from '../../src/store/db.js'
import { boundLimit } from '../../src/store/values.js'

/**
 * A bare `LIMIT ?` makes SQLite re-prepare its statement at every new binding (it plans with the
 * value), which no answer shows, only its cost: so no statement of the store may have one, and the
 * expression that replaces it limits and pages as `LIMIT ?` did.
 */
t.test('no statement of the store binds a bare LIMIT parameter', async t => {
  const dir = new URL('../../src/store/', import.meta.url)
  const files = readdirSync(dir, { recursive: true }).map(String).filter(name => name.endsWith('.ts'))
  t.ok(files.length > 20)
  for (const name of files) {
    const bare = readFileSync(new URL(name, dir), 'utf8').split('\n')
      .filter(line => !/^\s*(\/\/|\*|\/\*\*)/.test(line) && /LIMIT\s+(\?|@\w+)(?!\s*\+)/.test(line))
    t.strictSame(bare, [], name)
  }
})

t.test('the bound limit limits, pages and lifts as LIMIT does', async t => {
  const db = openDatabase(':memory:')
  t.teardown(() => db.close())
  db.exec('CREATE TABLE numbers (n INTEGER PRIMARY KEY); INSERT INTO numbers (n) VALUES (1), (2), (3), (4), (5)')
  const page = db.prepare<[number, number], number>(`SELECT n FROM numbers ORDER BY n ${boundLimit('?')} OFFSET ?`).pluck()
  t.strictSame(page.all(2, 0), [1, 2])
  t.strictSame(page.all(2, 3), [4, 5])
  t.strictSame(page.all(0, 0), [])
  t.strictSame(page.all(-1, 1), [2, 3, 4, 5], 'a negative limit is none, as in SQLite')
  const named = db.prepare<[{ limit: number }], number>(`SELECT n FROM numbers ORDER BY n DESC ${boundLimit('@limit')}`).pluck()
  t.strictSame(named.all({ limit: 3 }), [5, 4, 3])
})
