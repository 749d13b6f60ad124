import type { UnixSeconds } from './types.js'

/** The only source of time in the domain, so tests and (later) the control plane can set it. */
export interface Clock {
  now: () => UnixSeconds
}

export const systemClock: Clock = {
  now: () => Math.floor(Date.now() / 1000)
}

/** A clock that stands still until moved: for tests that assert exact timestamps. */
export function fixedClock (start: UnixSeconds): Clock & { set: (t: UnixSeconds) => void, advance: (seconds: number) => void } {
  let current = start
  return {
    now: () => current,
    set: (t) => { current = t },
    advance: (seconds) => { current += seconds }
  }
}
