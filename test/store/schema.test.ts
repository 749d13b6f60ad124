import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import t from 'tap'
import { Workspaces } from '../../src/control/workspaces.js'
import { fixedClock } from '../../src/domain/clock.js'
import { openDatabase, schemaVersion } from '../../src/store/db.js'
import { migrations } from '../../src/store/migrations/index.js'
import { createStore } from '../../src/store/index.js'
import { fixtures, T0 } from '../helper.js'

t.test('every table but workspaces belongs to a workspace', async t => {
  const db = openDatabase(':memory:')
  t.teardown(() => db.close())
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]
  t.ok(tables.length > 5)
  // The full-text indexes of bodies (and FTS5's own tables behind them) are keyed by the rowid of a
  // message or part, which belongs to a workspace; word_index_marks holds how far each index has got.
  const wordIndexes = /^((message|part)_words(_\w+)?|word_index_marks)$/
  t.ok(tables.includes('message_words') && tables.includes('part_words'), 'bodies are indexed')
  for (const table of tables.filter(name => name !== 'workspaces' && !wordIndexes.test(name))) {
    const columns = db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]
    t.ok(columns.includes('workspace_id'), `${table} has workspace_id`)
  }
})

t.test('users, leads and visitors are views of contacts for anyone browsing the file', async t => {
  const db = openDatabase(':memory:')
  const store = createStore(db)
  t.teardown(() => store.close())
  const workspaces = new Workspaces(store, fixtures(), fixedClock(T0))
  workspaces.forToken('browse')
  const count = (view: string) => (db.prepare(`SELECT count(*) FROM ${view}`).pluck().get() as number)
  t.equal(count('users'), fixtures().users?.length)
  t.equal(count('leads'), fixtures().leads?.length)
  t.equal(count('visitors'), fixtures().visitors?.length)
  t.equal(db.prepare("SELECT email FROM users WHERE id = '536e564f316c83104c000020'").pluck().get(), 'mal@serenity.io')
})

t.test('a file database uses WAL, foreign keys and temporary storage in memory, keeps state, and records its schema version', async t => {
  const file = join(mkdtempSync(join(tmpdir(), 'intercom-mock-db-')), 'state.sqlite')
  const db = openDatabase(file)
  t.equal(db.pragma('journal_mode', { simple: true }), 'wal')
  t.equal(db.pragma('foreign_keys', { simple: true }), 1)
  t.equal(db.pragma('synchronous', { simple: true }), 0, 'OFF: a commit is durable once its WAL frames are written')
  t.equal(db.pragma('temp_store', { simple: true }), 2, 'savepoint sub-journals stay in memory')
  t.equal(schemaVersion(db), migrations.at(-1)?.version)
  const store = createStore(db)
  new Workspaces(store, fixtures(), fixedClock(T0)).forToken('kept')
  store.close()
  const reopened = createStore(openDatabase(file))
  t.teardown(() => reopened.close())
  t.ok(reopened.workspaces.findByToken('kept'), 'the workspace survived a reopen')
})

t.test('a database from a newer intercom-mock is refused with a clear message', async t => {
  const file = join(mkdtempSync(join(tmpdir(), 'intercom-mock-db-')), 'future.sqlite')
  const raw = new Database(file)
  raw.pragma(`user_version = ${(migrations.at(-1)?.version ?? 0) + 1}`)
  raw.close()
  t.throws(() => openDatabase(file), { message: /written by a newer intercom-mock \(schema version \d+; this one knows up to \d+\)/ })
})
