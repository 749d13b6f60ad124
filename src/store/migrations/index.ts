import * as initial from './001-initial.js'
import * as controlPlane from './002-control-plane.js'
import * as bodyWords from './003-body-words.js'
import * as workspaceResources from './004-workspace-resources.js'
import * as conversationExtras from './005-conversation-extras.js'
import * as webhooks from './006-webhooks.js'
import * as contactListOrder from './007-contact-list-order.js'
import * as counters from './008-counters.js'
import * as deferredBodyWords from './009-deferred-body-words.js'
import * as openConversationCounts from './010-open-conversation-counts.js'

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
  { version: 2, name: 'control-plane', up: controlPlane.up },
  { version: 3, name: 'body words', up: bodyWords.up },
  { version: 4, name: 'workspace-resources', up: workspaceResources.up },
  { version: 5, name: 'conversation-extras', up: conversationExtras.up },
  { version: 6, name: 'webhooks', up: webhooks.up },
  { version: 7, name: 'contact list order', up: contactListOrder.up },
  { version: 8, name: 'counters', up: counters.up },
  { version: 9, name: 'deferred body words', up: deferredBodyWords.up },
  { version: 10, name: 'open conversation counts', up: openConversationCounts.up }
]
