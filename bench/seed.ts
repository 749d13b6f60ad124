import { loadFixtures } from '../src/control/fixtures.js'
import { Workspaces } from '../src/control/workspaces.js'
import { fixedClock } from '../src/domain/clock.js'
import { NO_LINKS, type Contact } from '../src/domain/types.js'
import { numericIdBases } from '../src/domain/ids.js'
import { cursorOf } from '../src/domain/pagination.js'
import { openDatabase } from '../src/store/db.js'
import { createStore, type ConversationRecord, type MessageRecord } from '../src/store/index.js'

export const QUERIED_USER = '536e564f316c83104c000020'

/** Rows built in memory before the store writes them, a chunk at a time. */
const CHUNK = 10_000

export interface SeedPlan {
  token: string
  conversations: number
  /** One conversation in this many belongs to the queried user; the rest spread over 200 other users. */
  queriedUserEvery: number
  /**
   * One conversation in this many is closed, of the queried user's too: whole runs of `queriedUserEvery`
   * close together, so the two periods never line up (with `i % closedEvery`, every conversation of the
   * queried user was closed and the seed listing's `open=true` answered an empty page).
   */
  closedEvery: number
  /** Users besides the fixture's, each with a conversation or none (for the deep GET /contacts cursor). */
  extraContacts?: number
}

/**
 * Fills a workspace through the store (the rows the API writes for `POST /messages`: message,
 * conversation, customer link; ids from the workspace's sequences), one conversation a second of mock
 * time, all in one transaction with the store's multi-row inserts (store/bulk-insert.ts: the same rows,
 * triggers and indexes as one-row inserts, a two-hundredth of the statements), so a million takes well under a minute.
 */
export function seedWorkspace (dbPath: string, plan: SeedPlan): { seconds: number } {
  const started = process.hrtime.bigint()
  const db = openDatabase(dbPath)
  // A page cache that holds the indexes being filled (this connection only; the server keeps its own setting).
  db.pragma('cache_size = -1048576')
  const store = createStore(db)
  const clock = fixedClock(1_700_000_000)
  const workspaces = new Workspaces(store, loadFixtures('fixtures/default.json'), clock)
  const ctx = workspaces.contextFor(workspaces.forToken(plan.token))
  store.transaction(() => {
    const newUser = (externalId: string): Contact => {
      const now = clock.now()
      return {
        id: ctx.ids.contactId(), role: 'user', externalId, anonymousId: null, email: `${externalId}@example.com`, phone: null, name: null,
        pseudonym: null, avatarUrl: null, unsubscribedFromEmails: false, customAttributes: {}, signedUpAt: null, lastRequestAt: null,
        lastRepliedAt: null, sessionCount: 0, createdAt: now, updatedAt: now, archived: false, ownerId: null, blocked: false, links: NO_LINKS
      }
    }
    const others = Array.from({ length: 200 }, (_, i) => newUser(`bench-${i}`))
    ctx.store.contacts.insertMany(others)
    for (let start = 0; start < (plan.extraContacts ?? 0); start += CHUNK) {
      const chunk: Contact[] = []
      for (let i = start; i < Math.min(start + CHUNK, plan.extraContacts ?? 0); i++) {
        if (i % 1000 === 0) clock.advance(1)
        chunk.push(newUser(`bench-contact-${i}`))
      }
      ctx.store.contacts.insertMany(chunk)
    }
    // Ids drawn as the API draws them, a block at a time: the sequences are raised past the block at the end.
    const last = ctx.store.sequences()
    const firstMessage = (last.message ?? numericIdBases.message) + 1
    const firstConversation = (last.conversation ?? numericIdBases.conversation) + 1
    for (let start = 0; start < plan.conversations; start += CHUNK) {
      const messages: MessageRecord[] = []
      const conversations: Array<{ record: ConversationRecord, customerIds: string[] }> = []
      for (let i = start; i < Math.min(start + CHUNK, plan.conversations); i++) {
        clock.advance(1)
        const now = clock.now()
        const sender = i % plan.queriedUserEvery === 0 ? QUERIED_USER : (others[i % others.length] as Contact).id
        const id = String(firstMessage + i)
        const conversationId = String(firstConversation + i)
        messages.push({
          id, conversationId, authorType: 'contact', authorId: sender, messageType: 'inapp', subject: null,
          body: `Benchmark conversation ${i}`, bodyFormat: 'plaintext', template: null, url: null, attachmentUrls: [], redacted: false, createdAt: now
        })
        const record: ConversationRecord = {
          id: conversationId, messageId: id, deliveredAs: 'customer_initiated', state: Math.floor(i / plan.queriedUserEvery) % plan.closedEvery === 0 ? 'closed' : 'open',
          read: false, title: null, adminAssigneeId: null, teamAssigneeId: null, waitingSince: now, snoozedUntil: null,
          customerFirstReplyAt: null, lastAuthorType: 'contact', customAttributes: {}, partsCount: 0, companyId: null, createdAt: now, updatedAt: now
        }
        conversations.push({ record, customerIds: [sender] })
      }
      ctx.store.messages.insertMany(messages)
      ctx.store.conversations.insertMany(conversations)
    }
    if (plan.conversations > 0) {
      ctx.store.raiseSequence('message', firstMessage + plan.conversations - 1)
      ctx.store.raiseSequence('conversation', firstConversation + plan.conversations - 1)
    }
  })
  store.close()
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9 }
}

/**
 * The cursor `GET /contacts` hands out for page `page` of `perPage` in the workspace: the key of the
 * contact before that page, read through the store once (the walk a client would make page by page).
 */
export function contactListCursor (dbPath: string, token: string, page: number, perPage: number): string {
  const store = createStore(openDatabase(dbPath))
  const workspace = store.workspaces.findByToken(token)
  if (workspace === null) throw new Error(`no workspace has token ${token}`)
  const before = (page - 1) * perPage
  const [last] = store.forWorkspace(workspace.id).contacts.pageOfUsersAndLeads(1, before - 1)
  store.close()
  if (last === undefined) throw new Error(`the workspace has fewer than ${before} contacts`)
  return cursorOf(page, before, [last.createdAt, last.id])
}
