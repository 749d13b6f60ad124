import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import t, { type Test } from 'tap'
import { buildApp } from '../../src/app.js'
import { defaultConfig } from '../../src/config.js'
import { fixedClock } from '../../src/domain/clock.js'
import { openStore } from '../../src/store/index.js'
import { fixtures, FIXTURE, T0 } from '../helper.js'

/**
 * Group commit (store/group-commit.ts): the transactions of one event-loop turn share one commit, each
 * in a savepoint of its own; nothing is visible to another connection before that commit.
 */
function fileStore (t: Test) {
  const dir = mkdtempSync(join(tmpdir(), 'intercom-mock-group-'))
  const path = join(dir, 'db.sqlite')
  const store = openStore(path)
  store.groupCommits()
  const reader = new Database(path, { readonly: true })
  t.teardown(() => { reader.close(); store.close(); rmSync(dir, { recursive: true, force: true }) })
  return { store, path, reader }
}

const workspaceTokens = (reader: Database.Database): string[] =>
  (reader.prepare('SELECT token FROM workspaces ORDER BY token').all() as Array<{ token: string }>).map(row => row.token)

const newWorkspace = (token: string) => ({
  token,
  app: { idCode: token, name: token, timezone: 'UTC', region: 'US', clientSecret: null as unknown as string, createdAt: 1 },
  ownerAdminId: null,
  apiVersion: null,
  seed: token,
  clock: { mode: 'real' as const }
})

t.test('one turn, three transactions, the middle one fails after writing: one commit keeps the other two and nothing of it', async t => {
  const { store, reader } = fileStore(t)
  store.transaction(() => store.workspaces.insertIfAbsent(newWorkspace('a')))
  t.throws(() => store.transaction(() => {
    store.workspaces.insertIfAbsent(newWorkspace('b'))
    throw new Error('the middle request fails after its write')
  }), /the middle request fails/)
  store.transaction(() => store.workspaces.insertIfAbsent(newWorkspace('c')))
  t.same(workspaceTokens(reader), [], 'nothing is visible to another connection before the commit')
  const settled = store.settled()
  t.ok(settled, 'the turn has writes waiting to commit')
  const order: string[] = []
  store.afterCommit(() => order.push('after commit'))
  await settled
  order.push('settled')
  t.same(workspaceTokens(reader), ['a', 'c'], 'the neighbours are committed, the failed one left no trace')
  t.same(order, ['after commit', 'settled'])
  t.equal(store.settled(), null, 'nothing waits once committed')
  let ranAtOnce = false
  store.afterCommit(() => { ranAtOnce = true })
  t.ok(ranAtOnce, 'afterCommit runs at once when nothing waits')
})

t.test('a failed transaction that wrote far more than its sub-journal spills at (64 KiB) still leaves no trace beside its neighbours', async t => {
  const { store, reader } = fileStore(t)
  store.transaction(() => store.workspaces.insertIfAbsent(newWorkspace('a')))
  t.throws(() => store.transaction(() => {
    for (let i = 0; i < 300; i++) store.workspaces.insertIfAbsent(newWorkspace(`big-${String(i).padStart(3, '0')}-${'x'.repeat(2000)}`))
    throw new Error('fails after writing some 600 KiB')
  }), /fails after writing/)
  store.transaction(() => store.workspaces.insertIfAbsent(newWorkspace('c')))
  await store.settled()
  t.same(workspaceTokens(reader), ['a', 'c'])
})

t.test('a nested transaction is a savepoint of the batch: its failure, caught by its caller, undoes only itself', async t => {
  const { store, reader } = fileStore(t)
  store.transaction(() => {
    store.workspaces.insertIfAbsent(newWorkspace('outer'))
    try {
      store.transaction(() => { store.workspaces.insertIfAbsent(newWorkspace('inner')); throw new Error('inner') })
    } catch {}
  })
  await store.settled()
  t.same(workspaceTokens(reader), ['outer'])
})

t.test('transactions of the next turn make a batch of their own; closing the store commits an open batch', async t => {
  const { store, path } = fileStore(t)
  store.transaction(() => store.workspaces.insertIfAbsent(newWorkspace('first')))
  const first = store.settled()
  await first
  store.transaction(() => store.workspaces.insertIfAbsent(newWorkspace('second')))
  t.not(store.settled(), first, 'a new batch')
  store.close()
  const check = new Database(path, { readonly: true })
  t.teardown(() => check.close())
  t.same(workspaceTokens(check), ['first', 'second'], 'close committed the open batch')
})

t.test('a store without group commit commits each transaction at once', async t => {
  const dir = mkdtempSync(join(tmpdir(), 'intercom-mock-group-'))
  const path = join(dir, 'db.sqlite')
  const store = openStore(path)
  const reader = new Database(path, { readonly: true })
  t.teardown(() => { reader.close(); store.close(); rmSync(dir, { recursive: true, force: true }) })
  store.transaction(() => store.workspaces.insertIfAbsent(newWorkspace('now')))
  t.equal(store.settled(), null)
  t.same(workspaceTokens(reader), ['now'])
})

t.test('over HTTP: concurrent writes, some failing: each answer leaves after its commit; the failures leave nothing', async t => {
  const dir = mkdtempSync(join(tmpdir(), 'intercom-mock-group-'))
  const path = join(dir, 'db.sqlite')
  const app = buildApp(defaultConfig({ dbPath: path, logLevel: 'silent' }), { fixtures: fixtures(), clock: fixedClock(T0) })
  const reader = new Database(path, { readonly: true })
  const messageExists = reader.prepare('SELECT 1 AS found FROM messages m JOIN workspaces w ON w.id = m.workspace_id WHERE w.token = ? AND m.id = ?')
  const committedWhenSent: boolean[] = []
  // Runs after the mock's own onSend hooks, as the answer is handed to the socket: read by another connection.
  app.addHook('onSend', async (request, _reply, payload) => {
    if (request.url === '/messages' && typeof payload === 'string') {
      const { id } = JSON.parse(payload) as { id?: string }
      if (id !== undefined) committedWhenSent.push(messageExists.get('grouped', Number(id)) !== undefined)
    }
    return payload
  })
  await app.listen({ port: 0, host: '127.0.0.1' })
  t.teardown(async () => { await app.close(); reader.close(); rmSync(dir, { recursive: true, force: true }) })
  const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`
  const headers = { authorization: 'Bearer grouped', 'content-type': 'application/json', accept: 'application/json' }
  await fetch(`${url}/me`, { headers }) // the workspace
  const countMessages = reader.prepare('SELECT count(*) AS n FROM messages m JOIN workspaces w ON w.id = m.workspace_id WHERE w.token = ?')
  const before = (countMessages.get('grouped') as { n: number }).n
  const statuses = await Promise.all(Array.from({ length: 40 }, async (_, i) => {
    const from = i % 4 === 3 ? { type: 'user', id: '000000000000000000000000' } : { type: 'user', id: FIXTURE.mal.id }
    const res = await fetch(`${url}/messages`, { method: 'POST', headers, body: JSON.stringify({ from, body: `grouped ${i}` }) })
    await res.arrayBuffer()
    return res.status
  }))
  t.same(statuses.filter(s => s === 200).length, 30, '30 acknowledged')
  t.same(statuses.filter(s => s !== 200), Array(10).fill(404), '10 refused')
  t.same(committedWhenSent, Array(30).fill(true), 'every acknowledgement was committed when it was sent')
  t.equal((countMessages.get('grouped') as { n: number }).n - before, 30, 'exactly the acknowledged messages are in the file')
})
