import { loadFixtures } from '../src/control/fixtures.js'
import { Workspaces } from '../src/control/workspaces.js'
import { fixedClock } from '../src/domain/clock.js'
import { NO_LINKS, type Contact } from '../src/domain/types.js'
import { numericIdBases } from '../src/domain/ids.js'
import { openDatabase } from '../src/store/db.js'
import { createStore } from '../src/store/index.js'

export const QUERIED_USER = '536e564f316c83104c000020'

export interface SeedPlan {
  token: string
  conversations: number
  /** One conversation in this many belongs to the queried user; the rest spread over 200 other users. */
  queriedUserEvery: number
  /** One conversation in this many is closed. */
  closedEvery: number
  /** Users besides the fixture's, each with a conversation or none (for the deep GET /contacts cursor). */
  extraContacts?: number
}

/**
 * Fills a workspace through the store (the rows the API writes for `POST /messages`: message,
 * conversation, customer link; ids from the workspace's sequences), one conversation a second of mock
 * time, all in one transaction with the store's prepared statements, so a million takes well under a minute.
 */
export function seedWorkspace (dbPath: string, plan: SeedPlan): { seconds: number } {
  const started = process.hrtime.bigint()
  const db = openDatabase(dbPath)
  // A page cache that holds the indexes being filled (this connection only; the server keeps its own setting).
  db.pragma('cache_size = -262144')
  const store = createStore(db)
  const clock = fixedClock(1_700_000_000)
  const workspaces = new Workspaces(store, loadFixtures('fixtures/default.json'), clock)
  const ctx = workspaces.contextFor(workspaces.forToken(plan.token))
  store.transaction(() => {
    const newUser = (externalId: string): Contact => {
      const now = clock.now()
      const user: Contact = {
        id: ctx.ids.contactId(), role: 'user', externalId, anonymousId: null, email: `${externalId}@example.com`, phone: null, name: null,
        pseudonym: null, avatarUrl: null, unsubscribedFromEmails: false, customAttributes: {}, signedUpAt: null, lastRequestAt: null,
        lastRepliedAt: null, sessionCount: 0, createdAt: now, updatedAt: now, archived: false, ownerId: null, blocked: false, links: NO_LINKS
      }
      ctx.store.contacts.insert(user)
      return user
    }
    const others = Array.from({ length: 200 }, (_, i) => newUser(`bench-${i}`).id)
    for (let i = 0; i < (plan.extraContacts ?? 0); i++) {
      if (i % 1000 === 0) clock.advance(1)
      newUser(`bench-contact-${i}`)
    }
    // Ids drawn as the API draws them, a block at a time: the sequences are raised past the block at the end.
    const last = ctx.store.sequences()
    const firstMessage = (last.message ?? numericIdBases.message) + 1
    const firstConversation = (last.conversation ?? numericIdBases.conversation) + 1
    for (let i = 0; i < plan.conversations; i++) {
      clock.advance(1)
      const now = clock.now()
      const sender = i % plan.queriedUserEvery === 0 ? QUERIED_USER : others[i % others.length] as string
      const id = String(firstMessage + i)
      const conversationId = String(firstConversation + i)
      ctx.store.messages.insert({
        id, conversationId, authorType: 'contact', authorId: sender, messageType: 'inapp', subject: null,
        body: `Benchmark conversation ${i}`, bodyFormat: 'plaintext', template: null, url: null, attachmentUrls: [], redacted: false, createdAt: now
      })
      const conversation = {
        id: conversationId, messageId: id, deliveredAs: 'customer_initiated' as const, state: i % plan.closedEvery === 0 ? 'closed' as const : 'open' as const,
        read: false, title: null, adminAssigneeId: null, teamAssigneeId: null, waitingSince: now, snoozedUntil: null,
        customerFirstReplyAt: null, lastAuthorType: 'contact' as const, customAttributes: {}, partsCount: 0, companyId: null, createdAt: now, updatedAt: now
      }
      ctx.store.conversations.insert(conversation)
      ctx.store.conversations.addCustomer(conversation, sender, 0)
    }
    if (plan.conversations > 0) {
      ctx.store.raiseSequence('message', firstMessage + plan.conversations - 1)
      ctx.store.raiseSequence('conversation', firstConversation + plan.conversations - 1)
    }
  })
  store.close()
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9 }
}
