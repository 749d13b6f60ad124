import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import t, { type Test } from 'tap'
import { registerBodyWordFunctions } from '../../src/store/body-words.js'
import { migrations } from '../../src/store/migrations/index.js'
import { openDatabase, type SqliteDatabase } from '../../src/store/db.js'
import { createStore } from '../../src/store/index.js'
import { build, FIXTURE, type TestApp } from '../helper.js'

/**
 * Migration 8's counts (live contacts by role and archived flag; conversations per customer) and
 * migration 10's (open conversations per customer) against the rows they count, recounted, after every
 * kind of write that moves them.
 */
function recounted (db: SqliteDatabase): { contacts: unknown[], conversations: unknown[] } {
  const rows = (sql: string): unknown[] => db.prepare(sql).all()
  return {
    contacts: rows(`SELECT c.workspace_id, c.role, c.archived, c.n FROM contact_counts c WHERE c.n <> 0 ORDER BY 1, 2, 3`),
    conversations: rows(`SELECT c.workspace_id, c.contact_id, c.n, c.open_n FROM contact_conversation_counts c WHERE c.n <> 0 ORDER BY 1, 2`)
  }
}

function counted (db: SqliteDatabase): { contacts: unknown[], conversations: unknown[] } {
  const rows = (sql: string): unknown[] => db.prepare(sql).all()
  return {
    contacts: rows(`SELECT workspace_id, role, archived, count(*) AS n FROM contacts WHERE deleted_at IS NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`),
    conversations: rows(`SELECT workspace_id, contact_id, count(*) AS n, sum(open) AS open_n FROM conversation_contacts GROUP BY 1, 2 ORDER BY 1, 2`)
  }
}

async function setUp (t: Test): Promise<{ api: TestApp, db: SqliteDatabase, check: (what: string) => void }> {
  const db = openDatabase(':memory:')
  const api = await build(t, {}, { store: createStore(db) })
  const check = (what: string): void => { t.strictSame(recounted(db), counted(db), what) }
  return { api, db, check }
}

t.test('the counts follow every write of contacts and customers', async t => {
  const { api, db, check } = await setUp(t)
  const v2 = async (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: Record<string, unknown>, version = '2.14') => {
    const res = await api.request({ method, url, version, ...(payload === undefined ? {} : { payload }) })
    t.equal(res.statusCode, 200, `${method} ${url}`)
    return res
  }
  t.equal((await v2('GET', '/contacts')).statusCode, 200)
  check('the fixtures, loaded')
  const lead = (await v2('POST', '/contacts', { role: 'lead', name: 'Lead' })).json().id as string
  const user = (await v2('POST', '/contacts', { email: 'new@example.com' })).json().id as string
  check('contacts created')
  await v2('POST', `/contacts/${user}/archive`)
  check('archived')
  await v2('POST', `/contacts/${user}/unarchive`)
  check('unarchived')
  await v2('PUT', `/contacts/${lead}`, { name: 'Renamed' })
  check('updated without moving between counts')
  await v2('PUT', `/contacts/${lead}`, { role: 'user', external_id: 'lead-became-user' })
  check('a lead made a user')
  const conversation = (await v2('POST', '/conversations', { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Hello' })).json().conversation_id as string
  await v2('POST', '/messages', { from: { type: 'user', id: user }, body: 'Hey' })
  check('conversations started')
  const part = (payload: Record<string, unknown>) => v2('POST', `/conversations/${conversation}/parts`, { type: 'admin', admin_id: FIXTURE.wash.id, ...payload })
  await part({ message_type: 'close' })
  check('closed')
  await part({ message_type: 'open' })
  check('reopened')
  await part({ message_type: 'snoozed', snoozed_until: 4_102_444_800 })
  check('snoozed, which counts as open')
  await v2('POST', `/conversations/${conversation}/reply`, { type: 'admin', admin_id: FIXTURE.wash.id, message_type: 'comment', body: 'Still here' })
  check('a reply')
  await part({ message_type: 'close' })
  check('closed again')
  await v2('POST', `/conversations/${conversation}/customers`, { admin_id: FIXTURE.wash.id, customer: { intercom_user_id: FIXTURE.inara.id } })
  check('a customer added')
  await v2('DELETE', `/conversations/${conversation}/customers/${FIXTURE.inara.id}`, { admin_id: FIXTURE.wash.id })
  check('a customer removed')
  const other = (await v2('POST', '/contacts', { role: 'lead', name: 'Merged' })).json().id as string
  await v2('POST', '/messages', { from: { type: 'lead', id: other }, body: 'From a lead' })
  await v2('POST', '/contacts/merge', { from: other, into: user })
  check('a lead merged into a user: its conversations follow, it is deleted')
  await v2('POST', '/visitors/convert', { visitor: { user_id: FIXTURE.visitor.userId }, user: { user_id: 'visitor-became-user' }, type: 'user' }, '1.4')
  check('a visitor converted')
  await v2('DELETE', `/contacts/${user}`)
  check('a contact deleted')
  await v2('DELETE', `/conversations/${conversation}`)
  check('a conversation deleted')
  const listed = (await v2('GET', '/contacts')).json()
  const live = db.prepare("SELECT count(*) AS n FROM contacts WHERE workspace_id = (SELECT id FROM workspaces WHERE token = 'test-token') AND deleted_at IS NULL AND archived = 0 AND role <> 'visitor'").get() as { n: number }
  t.equal(listed.total_count, live.n, 'total_count, from the counts')
  t.equal(listed.data.length, live.n, 'one page holds them all')
})

t.test('reset, purge and loading a state dump keep the counts', async t => {
  const { api, check } = await setUp(t)
  await api.request({ method: 'POST', url: '/messages', payload: { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Hey' }, token: 'first' })
  await api.request({ method: 'POST', url: '/messages', payload: { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Hey' }, token: 'second' })
  check('two workspaces')
  const dump = (await api.request({ url: '/__mock/state', token: 'first' })).json()
  await api.request({ method: 'POST', url: '/__mock/reset', token: 'first' })
  check('reset: the dropped workspace still counts its rows until purged')
  while (api.store.purgeStep()) check('a purge step')
  check('purged')
  t.equal((await api.request({ method: 'POST', url: '/__mock/reset', payload: dump, token: 'copy' })).statusCode, 200)
  check('a state dump loaded')
  const copy = (await api.request({ url: '/contacts', version: '2.14', token: 'copy' })).json()
  const original = (await api.request({ url: '/contacts', version: '2.14', token: 'second' })).json()
  t.equal(copy.total_count, original.total_count)
})

/** A database file written by the migrations before `version` alone, holding the rows `sql` inserts, opened as the store opens it. */
function openedAfterWriting (t: Test, version: number, sql: string): SqliteDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'intercom-mock-counters-'))
  t.teardown(() => { rmSync(dir, { recursive: true, force: true }) })
  const file = join(dir, 'old.sqlite')
  const old = new Database(file)
  registerBodyWordFunctions(old)
  for (const migration of migrations.filter(m => m.version < version)) old.exec(migration.up)
  old.pragma(`user_version = ${version - 1}`)
  old.exec(sql)
  old.close()
  const db = openDatabase(file)
  t.teardown(() => db.close())
  return db
}

t.test('migration 8 counts the rows of a database written before it', async t => {
  const db = openedAfterWriting(t, 8, `INSERT INTO workspaces (id, token, app_id_code, app_name, app_timezone, app_region, created_at) VALUES (1, 't', 'a', 'A', 'UTC', 'US', 0);
    INSERT INTO contacts (workspace_id, id, role, created_at, updated_at) VALUES (1, 'u1', 'user', 0, 0), (1, 'u2', 'user', 0, 0), (1, 'l1', 'lead', 0, 0);
    INSERT INTO contacts (workspace_id, id, role, archived, created_at, updated_at) VALUES (1, 'u3', 'user', 1, 0, 0);
    INSERT INTO contacts (workspace_id, id, role, deleted_at, created_at, updated_at) VALUES (1, 'u4', 'user', 5, 0, 0);
    INSERT INTO conversations (workspace_id, id, message_id, delivered_as, state, last_author_type, created_at, updated_at)
      VALUES (1, 1, 1, 'customer_initiated', 'open', 'contact', 0, 0), (1, 2, 2, 'customer_initiated', 'open', 'contact', 0, 0);
    INSERT INTO conversation_contacts (workspace_id, conversation_id, contact_id, position, open, read, created_at, updated_at)
      VALUES (1, 1, 'u1', 0, 1, 0, 0, 0), (1, 2, 'u1', 0, 1, 0, 0, 0), (1, 2, 'l1', 1, 1, 0, 0, 0);`)
  t.strictSame(recounted(db), counted(db))
  t.strictSame(recounted(db).contacts, [
    { workspace_id: 1, role: 'lead', archived: 0, n: 1 }, { workspace_id: 1, role: 'user', archived: 0, n: 2 }, { workspace_id: 1, role: 'user', archived: 1, n: 1 }
  ])
  t.strictSame(recounted(db).conversations, [{ workspace_id: 1, contact_id: 'l1', n: 1, open_n: 1 }, { workspace_id: 1, contact_id: 'u1', n: 2, open_n: 2 }])
})

t.test('migration 10 counts the open conversations of a database written before it', async t => {
  const db = openedAfterWriting(t, 10, `INSERT INTO workspaces (id, token, app_id_code, app_name, app_timezone, app_region, created_at) VALUES (1, 't', 'a', 'A', 'UTC', 'US', 0);
    INSERT INTO contacts (workspace_id, id, role, created_at, updated_at) VALUES (1, 'u1', 'user', 0, 0), (1, 'u2', 'user', 0, 0);
    INSERT INTO conversations (workspace_id, id, message_id, delivered_as, state, last_author_type, created_at, updated_at)
      VALUES (1, 1, 1, 'customer_initiated', 'open', 'contact', 0, 0), (1, 2, 2, 'customer_initiated', 'closed', 'contact', 0, 0),
      (1, 3, 3, 'customer_initiated', 'closed', 'contact', 0, 0);
    INSERT INTO conversation_contacts (workspace_id, conversation_id, contact_id, position, open, read, created_at, updated_at)
      VALUES (1, 1, 'u1', 0, 1, 0, 0, 0), (1, 2, 'u1', 0, 0, 0, 0, 0), (1, 3, 'u2', 0, 0, 0, 0, 0);`)
  t.strictSame(recounted(db).conversations, [{ workspace_id: 1, contact_id: 'u1', n: 2, open_n: 1 }, { workspace_id: 1, contact_id: 'u2', n: 1, open_n: 0 }])
})
