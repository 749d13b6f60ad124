import * as initial from './001-initial.js'
import * as conversationExtras from './002-conversation-extras.js'

/**
 * Schema migrations in the order they apply. Rules: never edit a migration that has been released;
 * add the next number instead. `PRAGMA user_version` records how many have run, and each runs in a
 * transaction of its own, so a database is always at a version boundary.
 */
export interface Migration {
  version: number
  name: string
  up: string
}

export const migrations: readonly Migration[] = [
  { version: 1, name: 'initial', up: initial.up },
  { version: 2, name: 'conversation-extras', up: conversationExtras.up }
]
