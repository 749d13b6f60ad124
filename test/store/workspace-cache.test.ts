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

t.test('inside a group transaction the workspace is checked once against other processes; the next transaction checks again', async t => {
  const { a, wa, wb } = twoProcesses(t)
  a.groupCommits()
  const turn = () => new Promise<void>(resolve => setImmediate(resolve))
  const first = wa.forToken('shared')
  await turn()
  t.equal(a.workspaces.findByToken('shared')?.id, first.id, 'cached outside any transaction')
  const { workspace: second } = wb.reset('shared')
  t.equal(a.transaction(() => a.workspaces.findByToken('shared')?.id), second.id, 'a commit made before the transaction began is seen inside it')
  t.equal(a.transaction(() => a.workspaces.findByToken('shared')?.id), second.id, 'the same transaction, checked once')
  await turn()
  const { workspace: third } = wb.reset('shared')
  t.equal(a.transaction(() => a.workspaces.findByToken('shared')?.id), third.id, 'the next turn\'s transaction checks again')
  await turn()
})

t.test('active webhook subscriptions are kept per workspace: own writes, a rolled-back write and another process\'s write are seen', async t => {
  const { a, b, wa, wb } = twoProcesses(t)
  const workspace = wa.forToken('hooks')
  wb.forToken('hooks')
  const [hooksA, hooksB] = [a.forWorkspace(workspace.id).webhooks, b.forWorkspace(workspace.id).webhooks]
  const subscription = {
    id: 'nsub_1', url: 'http://127.0.0.1:1/hook', topics: ['ping'], apiVersion: '2.11', hubSecret: null, origin: 'control' as const,
    isoPersonTimes: false, faults: {}, active: true, throttleSeconds: 0, throttledUntil: null, pausedUntil: null, suspended: false,
    errorStreak: 0, errorStreakSince: null, createdAt: T0, updatedAt: T0
  }
  t.same(hooksA.activeSubscriptions(), [], 'none yet, and that is remembered')
  hooksA.insertSubscription(subscription)
  t.same(hooksA.activeSubscriptions().map(s => s.id), ['nsub_1'], 'an own insert is seen')
  hooksA.updateSubscription({ ...subscription, active: false })
  t.same(hooksA.activeSubscriptions(), [], 'an own update is seen')
  t.throws(() => a.transaction(() => {
    hooksA.updateSubscription(subscription)
    t.equal(hooksA.activeSubscriptions().length, 1, 'seen inside the transaction')
    throw new Error('the request fails after activating it')
  }))
  t.same(hooksA.activeSubscriptions(), [], 'the rolled-back activation is forgotten')
  hooksB.updateSubscription({ ...subscription, id: 'nsub_1', url: 'http://127.0.0.1:2/hook' })
  t.same(a.workspaces.findById(workspace.id)?.id, workspace.id, 'a request looks its workspace up first')
  t.same(hooksA.activeSubscriptions().map(s => s.url), ['http://127.0.0.1:2/hook'], 'another process\'s write is seen after the lookup')
  hooksA.deleteSubscription('nsub_1')
  t.same(hooksA.activeSubscriptions(), [], 'an own delete is seen')
  t.ok(Object.isFrozen(hooksA.activeSubscriptions()), 'the kept list cannot be changed by a caller')
})

t.test('admins and teams are kept per workspace: own writes, a rolled-back write and another process\'s write are seen', async t => {
  const { a, b, wa, wb } = twoProcesses(t)
  const workspace = wa.forToken('admins')
  wb.forToken('admins')
  const [adminsA, adminsB] = [a.forWorkspace(workspace.id).admins, b.forWorkspace(workspace.id).admins]
  const [first] = adminsA.all()
  if (first === undefined) throw new Error('the fixtures hold an admin')
  t.equal(adminsA.findById(first.id), first, 'read once, then the same object')
  t.equal(adminsA.findById('no-such-admin'), null)
  const away = { awayModeEnabled: true, awayModeReassign: true, awayStatusReasonId: null }
  adminsA.updateAway(first.id, away)
  t.match(adminsA.findById(first.id), away, 'an own update is seen')
  t.throws(() => a.transaction(() => {
    adminsA.updateAway(first.id, { ...away, awayModeEnabled: false })
    t.equal(adminsA.findById(first.id)?.awayModeEnabled, false, 'seen inside the transaction')
    throw new Error('the request fails after the update')
  }))
  t.equal(adminsA.findById(first.id)?.awayModeEnabled, true, 'the rolled-back update is forgotten')
  adminsB.updateAway(first.id, { ...away, awayModeReassign: false })
  t.equal(a.workspaces.findById(workspace.id)?.id, workspace.id, 'a request looks its workspace up first')
  t.equal(adminsA.findById(first.id)?.awayModeReassign, false, 'another process\'s update is seen after the lookup')
  adminsA.insertTeam({ id: 'team-new', name: 'New team', adminIds: [first.id] }, 99)
  t.same(adminsA.findTeamById('team-new'), { id: 'team-new', name: 'New team', adminIds: [first.id] }, 'an own new team is seen')
  t.equal(adminsA.allTeams().at(-1)?.id, 'team-new', 'in position order')
  t.ok(Object.isFrozen(adminsA.findById(first.id)) && Object.isFrozen(adminsA.findById(first.id)?.teamIds), 'kept objects cannot be changed by a caller')
})
