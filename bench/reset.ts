import { loadFixtures } from '../src/control/fixtures.js'
import { Workspaces } from '../src/control/workspaces.js'
import { systemClock } from '../src/domain/clock.js'
import { openStore } from '../src/store/index.js'

export interface ResetFigures {
  /** Each reset of a workspace holding the seeded conversations, in ms. */
  resetsMs: number[]
  /** Time to purge one dropped workspace's rows, all steps together, in ms. */
  purgeTotalMs: number
  /** The longest single purge step: how long the purge can hold up a request, in ms. */
  purgeMaxStepMs: number
  purgeSteps: number
}

/**
 * `POST /__mock/reset` is `Workspaces.reset` and a background purge; this times both on the bench's
 * file database, for workspaces filled by seed.ts. The purge runs to completion between resets here,
 * as it does between the tests of a suite.
 */
export function timeResets (dbPath: string, tokens: string[]): ResetFigures {
  const store = openStore(dbPath)
  const workspaces = new Workspaces(store, loadFixtures('fixtures/default.json'), systemClock)
  workspaces.close() // no background purge: it is stepped and timed below
  const figures: ResetFigures = { resetsMs: [], purgeTotalMs: 0, purgeMaxStepMs: 0, purgeSteps: 0 }
  // A suite resets before every test: time the steady state, not the process's first transaction.
  workspaces.reset('bench-reset-warm-up')
  workspaces.reset('bench-reset-warm-up')
  while (store.purgeStep()) ;
  for (const token of tokens) {
    const started = process.hrtime.bigint()
    workspaces.reset(token)
    figures.resetsMs.push(Number(process.hrtime.bigint() - started) / 1e6)
    const purgeStarted = process.hrtime.bigint()
    for (;;) {
      const stepStarted = process.hrtime.bigint()
      const more = store.purgeStep()
      figures.purgeMaxStepMs = Math.max(figures.purgeMaxStepMs, Number(process.hrtime.bigint() - stepStarted) / 1e6)
      if (!more) break
      figures.purgeSteps++
    }
    figures.purgeTotalMs += Number(process.hrtime.bigint() - purgeStarted) / 1e6 / tokens.length
  }
  store.close()
  return figures
}
