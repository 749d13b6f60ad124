import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t, { type Test } from 'tap'
import { Workspaces } from '../../src/control/workspaces.js'
import { fixedClock } from '../../src/domain/clock.js'
import { openStore } from '../../src/store/index.js'
import { build, FIXTURE, fixtures, T0 } from '../helper.js'

/** The workspace-by-token cache (store/workspaces.ts): never an answer the database would not give. */
function twoProcesses (t: Test) {
  const dir = mkdtempSync(join(tmpdir(), 'intercom-mock-cache-'))
  const path = join(dir, 'db.sqlite')
  const [a, b] = [openStore(path), openStore(path)]
  t.teardown(() => { a.close(); b.close(); rmSync(dir, { recursive: true, force: true }) })
  const clock = fixedClock(T0)
  return { a, b, wa: new Workspaces(a, fixtures(), clock), wb: new Workspaces(b, fixtures(), clock) }
}

t.test("another process's reset of a token is seen at once", async t => {
  const { a, wa, wb } = twoProcesses(t)
  const first = wa.forToken('shared')
  t.equal(a.workspaces.findByToken('shared')?.id, first.id, 'cached')
  const { workspace: second } = wb.reset('shared')
  t.not(second.id, first.id)
  t.equal(a.workspaces.findByToken('shared')?.id, second.id, 'the other connection committed: the cache was dropped')
  t.equal(a.workspaces.findById(first.id), null, 'the dropped workspace is gone by id too')
  wb.drop('shared')
  t.equal(a.workspaces.findByToken('shared'), null)
})

t.test('own writes keep the cache true: a clock set, a drop, a drop of all', async t => {
  const { a, wa } = twoProcesses(t)
  const workspace = wa.forToken('own')
  wa.setClock(workspace, { mode: 'frozen', at: T0 + 60 })
  t.same(a.workspaces.findByToken('own')?.clock, { mode: 'frozen', at: T0 + 60 })
  t.same(a.workspaces.findById(workspace.id)?.clock, { mode: 'frozen', at: T0 + 60 })
  wa.drop('own')
  t.equal(a.workspaces.findByToken('own'), null)
  const again = wa.forToken('own')
  wa.dropAll()
  t.equal(a.workspaces.findByToken('own'), null)
  t.equal(a.workspaces.findById(again.id), null)
})

t.test('a workspace created in a transaction that fails is not remembered', async t => {
  const { a, wa } = twoProcesses(t)
  t.throws(() => a.transaction(() => {
    wa.forToken('rolled-back')
    t.ok(a.workspaces.findByToken('rolled-back'), 'seen inside the transaction')
    throw new Error('the request fails after creating it')
  }))
  t.equal(a.workspaces.findByToken('rolled-back'), null)
})

t.test('over HTTP a request looks its workspace up once, and sees another process\'s reset by its next request', async t => {
  const { a, wb } = twoProcesses(t)
  const { request } = await build(t, {}, { store: a })
  const send = async () => request({ method: 'POST', url: '/messages', token: 'shared', payload: { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Hi' } })
  t.equal((await send()).statusCode, 200, 'the first request creates the workspace')
  const lookUp = a.workspaces.findByToken.bind(a.workspaces)
  let lookups = 0
  a.workspaces.findByToken = (token) => { lookups++; return lookUp(token) }
  t.equal((await send()).statusCode, 200)
  t.equal(lookups, 1, 'routing, the version hook and the workspace hook share one lookup (with one PRAGMA data_version)')
  const listed = async () => (await request({ url: '/conversations', token: 'shared' })).json().conversations.length as number
  t.equal(await listed(), 2)
  wb.reset('shared')
  t.equal(await listed(), 0, 'the reset workspace, not the cached one')
})
