import { loadFixtures } from '../src/control/fixtures.js'
import { Workspaces } from '../src/control/workspaces.js'
import { fixedClock } from '../src/domain/clock.js'
import { createMessage } from '../src/domain/messages.js'
import { createOrUpdateUser } from '../src/domain/users.js'
import { openStore } from '../src/store/index.js'

export const QUERIED_USER = '536e564f316c83104c000020'

export interface SeedPlan {
  token: string
  conversations: number
  /** One conversation in this many belongs to the queried user; the rest spread over 200 other users. */
  queriedUserEvery: number
  /** One conversation in this many is closed. */
  closedEvery: number
}

/**
 * Fills a workspace through the domain layer (the same writes the API makes), one conversation a
 * second of mock time, all in one transaction so seeding 100k takes seconds.
 */
export function seedWorkspace (dbPath: string, plan: SeedPlan): { seconds: number } {
  const started = process.hrtime.bigint()
  const store = openStore(dbPath)
  const clock = fixedClock(1_700_000_000)
  const workspaces = new Workspaces(store, loadFixtures('fixtures/default.json'), clock)
  const ctx = workspaces.contextFor(workspaces.forToken(plan.token))
  store.transaction(() => {
    const others = Array.from({ length: 200 }, (_, i) => createOrUpdateUser(ctx, { externalId: `bench-${i}`, email: `bench-${i}@example.com` }).id)
    for (let i = 0; i < plan.conversations; i++) {
      clock.advance(1)
      const sender = i % plan.queriedUserEvery === 0 ? QUERIED_USER : others[i % others.length] as string
      const message = createMessage(ctx, { from: { type: 'user', id: sender }, body: `Benchmark conversation ${i}` })
      if (i % plan.closedEvery === 0) {
        const record = ctx.store.conversations.findById(message.conversationId)
        if (record !== null) ctx.store.conversations.update({ ...record, state: 'closed' })
      }
    }
  })
  store.close()
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9 }
}
