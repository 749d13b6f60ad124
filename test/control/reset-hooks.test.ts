import t from 'tap'
import { FaultRules } from '../../src/control/faults/fault-rules.js'
import { RateLimits } from '../../src/control/rate-limit/rate-limits.js'
import type { Workspace } from '../../src/domain/types.js'
import { parseApiVersion, type ApiVersion } from '../../src/versions.js'
import { T0 } from '../helper.js'

/** What a workspace reset (the control plane's) calls: until that route exists, these are exercised directly. */
const workspace = { id: 7, token: 'reset-me' } as Workspace
const v14 = parseApiVersion('1.4') as ApiVersion

t.test('clearWorkspaceFaults forgets the rules and their id sequence, for that workspace only', async t => {
  const rules = new FaultRules()
  rules.add(workspace, { respond: { status: 500 } })
  rules.add(workspace, { delay_ms: 5 })
  const other = rules.add({ id: 8, token: 'other' } as Workspace, { respond: { status: 503 } })
  t.equal(rules.take(7, 'GET', '/me', v14)?.id, 'fault_1')
  rules.clearWorkspaceFaults(7)
  t.same(rules.list(7), [])
  t.equal(rules.take(7, 'GET', '/me', v14), null)
  t.equal(rules.add(workspace, { delay_ms: 1 }).id, 'fault_1', 'ids start again, as in a fresh workspace')
  t.same(rules.list(8), [other])
})

t.test('restoreDefault brings back the fixtures\' (or server\'s) rate limit with a fresh count', async t => {
  const limits = new RateLimits({ limit: 5, windowSeconds: 10 })
  limits.set(7, { limit: 1, windowSeconds: 60 })
  limits.take(7, T0)
  t.equal(limits.take(7, T0)?.refused, true)
  limits.restoreDefault(7)
  t.same(limits.setting(7), { limit: 5, windowSeconds: 10 })
  t.equal(limits.isOverridden(7), false)
  t.match(limits.take(7, T0), { limit: 5, remaining: 4, refused: false })
  limits.set(7, null)
  t.equal(limits.take(7, T0), null, 'off')
  limits.restoreDefault(7)
  t.match(limits.take(7, T0), { remaining: 4 })
})
