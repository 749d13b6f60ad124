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

/**
 * How a workspace's clock relates to the server's: the same (`real`), stopped at a time (`frozen`),
 * or running at a fixed distance from it (`offset`, what advancing a real clock gives).
 */
export type ClockSetting =
  | { mode: 'real' }
  | { mode: 'frozen', at: UnixSeconds }
  | { mode: 'offset', seconds: number }

export const realClockSetting: ClockSetting = { mode: 'real' }

/** The clock a workspace reads: `base` (the server's clock) as its setting bends it. */
export function workspaceClock (base: Clock, setting: ClockSetting): Clock {
  switch (setting.mode) {
    case 'real': return base
    case 'frozen': return { now: () => setting.at }
    case 'offset': return { now: () => base.now() + setting.seconds }
  }
}

/** The setting after moving a clock forward by `seconds`: a frozen clock stays frozen, a real one becomes an offset. */
export function advanceClockSetting (setting: ClockSetting, seconds: number): ClockSetting {
  switch (setting.mode) {
    case 'real': return { mode: 'offset', seconds }
    case 'frozen': return { mode: 'frozen', at: setting.at + seconds }
    case 'offset': return { mode: 'offset', seconds: setting.seconds + seconds }
  }
}
