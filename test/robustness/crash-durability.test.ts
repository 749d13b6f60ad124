import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import t from 'tap'
import { FIXTURE } from '../helper.js'

/**
 * Crash durability: the CLI (as `npm run build` left it in dist/) on a database file, under concurrent
 * writes, killed with SIGKILL, several times over. Every write a client saw acknowledged must be there
 * after each crash, through the restarted server and in the file, and the file must pass integrity_check.
 * The writes of one event-loop turn share one commit (store/group-commit.ts), so each kill lands amid
 * batches of several requests, some of them refused: none of those may leave a row.
 */
const CLI = 'dist/cli.js'
const CYCLES = 4
const CLIENTS = 24
const LOAD_MS = 1200
const TOKEN = 'durable'

async function freePort (): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = createServer()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port
      server.close(() => resolve(port))
    })
  })
}

async function startServer (dbPath: string): Promise<{ child: ChildProcess, url: string }> {
  const port = await freePort()
  const child = spawn(process.execPath, [CLI], {
    env: { PATH: process.env.PATH ?? '', PORT: String(port), HOST: '127.0.0.1', INTERCOM_MOCK_DB: dbPath, LOG_LEVEL: 'error' },
    stdio: ['ignore', 'ignore', 'pipe']
  })
  let stderr = ''
  child.stderr?.on('data', (chunk) => { stderr += String(chunk) })
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 15000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}): ${stderr}`)
    try {
      if ((await fetch(`${url}/__mock/health`)).status === 200) return { child, url }
    } catch {}
    await new Promise(resolve => setTimeout(resolve, 50))
  }
  child.kill('SIGKILL')
  throw new Error(`the server did not start: ${stderr}`)
}

interface Acknowledged {
  users: string[]
  messages: string[]
}

/** One client writing until `stop` is set: a user, then a message from Mal, and so on. */
async function writer (url: string, client: number, cycle: number, acknowledged: Acknowledged, stop: { now: boolean }): Promise<void> {
  const headers = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }
  for (let n = 0; !stop.now; n++) {
    try {
      if (n % 4 === 3) {
        // Refused inside its transaction, a savepoint among its neighbours' writes in the same group commit: it leaves nothing.
        const res = await fetch(`${url}/messages`, { method: 'POST', headers, body: JSON.stringify({ from: { type: 'user', id: '000000000000000000000000' }, body: `never written ${cycle} ${client} ${n}` }) })
        await res.arrayBuffer()
      } else if (n % 2 === 0) {
        const userId = `c${cycle}-k${client}-n${n}`
        const res = await fetch(`${url}/users`, { method: 'POST', headers, body: JSON.stringify({ user_id: userId, name: `Client ${client}`, custom_attributes: { n } }) })
        if (res.status === 200 && (await res.json() as { user_id: string }).user_id === userId) acknowledged.users.push(userId)
      } else {
        const res = await fetch(`${url}/messages`, { method: 'POST', headers, body: JSON.stringify({ from: { type: 'user', id: FIXTURE.mal.id }, body: `cycle ${cycle} client ${client} write ${n}` }) })
        if (res.status === 200) acknowledged.messages.push((await res.json() as { id: string }).id)
      }
    } catch {
      return // the server was killed mid-request: that write was never acknowledged
    }
  }
}

t.test(`kill -9 under concurrent writes, ${CYCLES} times: every acknowledged write survives, the file stays sound`, async t => {
  t.ok(existsSync(CLI), `${CLI} exists (npm test builds it first)`)
  const dir = mkdtempSync(join(tmpdir(), 'intercom-mock-crash-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const dbPath = join(dir, 'mock.sqlite')
  const all: Acknowledged = { users: [], messages: [] }

  for (let cycle = 0; cycle < CYCLES; cycle++) {
    const { child, url } = await startServer(dbPath)
    const exited = new Promise(resolve => child.once('exit', resolve))
    // What earlier cycles acknowledged is served by this one, after the crash before it.
    const sample = all.users.filter((_, i) => i % Math.max(1, Math.floor(all.users.length / 40)) === 0)
    for (const userId of sample) {
      const res = await fetch(`${url}/users?user_id=${encodeURIComponent(userId)}`, { headers: { authorization: `Bearer ${TOKEN}` } })
      if (res.status !== 200) t.fail(`user ${userId}, acknowledged before a crash, is answered ${res.status}`)
    }
    const acknowledged: Acknowledged = { users: [], messages: [] }
    const stop = { now: false }
    const writers = Array.from({ length: CLIENTS }, (_, client) => writer(url, client, cycle, acknowledged, stop))
    await new Promise(resolve => setTimeout(resolve, LOAD_MS))
    child.kill('SIGKILL')
    await exited
    stop.now = true
    await Promise.all(writers)
    all.users.push(...acknowledged.users)
    all.messages.push(...acknowledged.messages)

    const db = new Database(dbPath, { readonly: true, fileMustExist: true })
    try {
      t.equal(db.pragma('integrity_check', { simple: true }), 'ok', `cycle ${cycle + 1}: integrity_check ok after kill -9`)
      const users = new Set(db.prepare('SELECT external_id FROM contacts WHERE external_id IS NOT NULL').pluck().all() as string[])
      const messages = new Set((db.prepare('SELECT id FROM messages').pluck().all() as number[]).map(String))
      const lostUsers = all.users.filter(id => !users.has(id))
      const lostMessages = all.messages.filter(id => !messages.has(id))
      t.same(lostUsers, [], `cycle ${cycle + 1}: all ${all.users.length} acknowledged users are in the file`)
      t.same(lostMessages, [], `cycle ${cycle + 1}: all ${all.messages.length} acknowledged messages are in the file`)
      t.equal(db.prepare("SELECT count(*) FROM messages WHERE body LIKE 'never written %'").pluck().get(), 0, `cycle ${cycle + 1}: no refused message is in the file`)
    } finally {
      db.close()
    }
    t.ok(acknowledged.users.length + acknowledged.messages.length > 0, `cycle ${cycle + 1}: ${acknowledged.users.length + acknowledged.messages.length} writes were acknowledged before the kill`)
  }

  const { child, url } = await startServer(dbPath)
  t.teardown(() => { child.kill('SIGKILL') })
  const search = await fetch(`${url}/contacts/search`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', 'intercom-version': '2.11' },
    body: JSON.stringify({ query: { field: 'name', operator: '^', value: 'Client ' }, pagination: { per_page: 1 } })
  })
  t.equal(search.status, 200)
  const counted = (await search.json() as { total_count: number }).total_count
  // A write can commit in the instant before the kill without its answer reaching the client: the file
  // may hold more users than were acknowledged, never fewer.
  const inFile = new Database(dbPath, { readonly: true, fileMustExist: true })
  const committed = inFile.prepare("SELECT count(*) FROM contacts WHERE name LIKE 'Client %'").pluck().get() as number
  inFile.close()
  t.equal(counted, committed, 'after the last crash the server counts every committed user')
  t.ok(counted >= all.users.length, `and so every acknowledged one (${counted} ≥ ${all.users.length})`)
})
