import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import t from 'tap'
import { fixedClock } from '../src/domain/clock.js'
import { startIntercomMock } from '../src/index.js'
import { fixtures, T0 } from './helper.js'

t.test('startIntercomMock starts the mock in-process on a free port and closes it', async t => {
  const mock = await startIntercomMock({ dbPath: ':memory:', logLevel: 'silent', fixtures: fixtures(), clock: fixedClock(T0) })
  t.match(mock.url, /^http:\/\/127\.0\.0\.1:\d+$/)
  t.not(mock.port, 0)
  const res = await fetch(`${mock.url}/messages`, {
    method: 'POST',
    headers: { authorization: 'Bearer in-process', 'content-type': 'application/json' },
    body: JSON.stringify({ from: { type: 'user', id: '536e564f316c83104c000020' }, body: 'Hey' })
  })
  t.equal(res.status, 200)
  t.match(await res.json(), { type: 'user_message', created_at: T0 })
  await mock.close()
  await t.rejects(fetch(`${mock.url}/__mock/health`), 'no longer listening')
})

t.test('two mocks side by side get different ports', async t => {
  const [a, b] = await Promise.all([startIntercomMock({ dbPath: ':memory:', logLevel: 'silent' }), startIntercomMock({ dbPath: ':memory:', logLevel: 'silent' })])
  t.teardown(async () => { await a.close(); await b.close() })
  t.not(a.port, b.port)
})

t.test('with no options: an in-memory database, a free port on 127.0.0.1, warnings only, the bundled fixtures from any folder', async t => {
  const previous = process.cwd()
  const folder = t.testdir()
  process.chdir(folder)
  t.teardown(() => process.chdir(previous))
  const lines: string[] = []
  const logStream = new Writable({ write (chunk, _encoding, done) { lines.push(String(chunk)); done() } })
  const mock = await startIntercomMock({ logStream })
  t.teardown(() => mock.close())
  t.match(mock.url, /^http:\/\/127\.0\.0\.1:\d+$/)
  t.not(mock.port, 0)
  t.equal(mock.app.log.level, 'warn')
  const res = await fetch(`${mock.url}/admins/394051`, { headers: { authorization: 'Bearer defaults', accept: 'application/json' } })
  t.match(await res.json(), { type: 'admin', id: '394051', name: 'Wash' }, 'seeded from the package\'s fixtures')
  t.same(lines, [], 'no request logs in the test output')
  t.same(readdirSync(folder), [], 'nothing written to the working directory (no data/ folder)')
  const second = await startIntercomMock({ logLevel: 'silent' })
  t.teardown(() => second.close())
  const sent = await fetch(`${mock.url}/messages`, {
    method: 'POST',
    headers: { authorization: 'Bearer defaults', 'content-type': 'application/json' },
    body: JSON.stringify({ from: { type: 'user', id: '536e564f316c83104c000020' }, body: 'Only in the first' })
  })
  t.equal(sent.status, 200)
  const conversations = async (url: string) => ((await (await fetch(`${url}/conversations`, { headers: { authorization: 'Bearer defaults' } })).json()) as { conversations: unknown[] }).conversations.length
  t.equal(await conversations(mock.url), 1)
  t.equal(await conversations(second.url), 0, 'each mock has its own in-memory state')
})

t.test('urlFile: the URL is written once listening and removed on close', async t => {
  const urlFile = join(t.testdir(), 'mock.url')
  const mock = await startIntercomMock({ logLevel: 'silent', urlFile })
  t.equal(readFileSync(urlFile, 'utf8'), `${mock.url}\n`)
  await mock.close()
  t.notOk(existsSync(urlFile))
})
