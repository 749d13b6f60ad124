import type { Store } from '../store/index.js'

/**
 * Deletes dropped workspaces' rows off the request path: one bounded step per turn of the event loop
 * (setImmediate), so requests interleave with the purge and a reset answers at once.
 */
export class BackgroundPurge {
  private running = false
  private stopped = false

  constructor (private readonly store: Store) {}

  schedule (): void {
    if (this.running || this.stopped) return
    this.running = true
    const next = (): void => {
      let more = false
      try {
        more = !this.stopped && this.store.purgeStep()
      } catch {} // a closed database: nothing left to purge in this process
      if (!more) {
        this.running = false
        return
      }
      setImmediate(next)
    }
    setImmediate(next)
  }

  stop (): void {
    this.stopped = true
  }
}
