/** What the control plane answers, as plain types (the package's public types import them). */

export interface ClockState {
  now: number
  mode: 'real' | 'frozen' | 'offset'
}

/** A change to a workspace's clock: exactly one of these (the body of `PUT /__mock/clock`). */
export interface ClockChange {
  frozen_at?: number | undefined
  advance?: number | undefined
  real?: boolean | undefined
}

export interface WorkspaceListing {
  token_hint: string
  created_at: number
  contacts: number
  conversations: number
  journal_entries: number
}
