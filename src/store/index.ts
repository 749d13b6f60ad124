import type { NumericIdKind } from '../domain/ids.js'
import { ActivityLogStore, prepareActivityLogStatements } from './activity-logs.js'
import { AdminStore, prepareAdminStatements } from './admins.js'
import { CompanyStore, prepareCompanyStatements } from './companies.js'
import { ContactLinkLoader, prepareContactLinkStatements } from './contact-links.js'
import { AssignmentRuleStore, prepareAssignmentRuleStatements } from './assignment-rules.js'
import { attachmentContent, AttachmentFileStore, prepareAttachmentFileStatements } from './attachment-files.js'
import { ContactStore, prepareContactStatements } from './contacts.js'
import { ConversationStore, prepareConversationStatements } from './conversations.js'
import { openDatabase, type SqliteDatabase } from './db.js'
import { DataAttributeStore, prepareDataAttributeStatements } from './data-attributes.js'
import { EventStore, prepareEventStatements } from './events.js'
import { groupCommit, type GroupCommit } from './group-commit.js'
import { MessageStore, prepareMessageStatements } from './messages.js'
import { NoteStore, prepareNoteStatements } from './notes.js'
import { PartStore, preparePartStatements } from './parts.js'
import { preparePurge } from './purge.js'
import { SearchStore, prepareSearchStatements } from './search.js'
import { WebhookQueue, WebhookStore, prepareWebhookStatements } from './webhooks.js'
import { SegmentStore, prepareSegmentStatements } from './segments.js'
import { SubscriptionTypeStore, prepareSubscriptionTypeStatements } from './subscription-types.js'
import { TagStore, prepareTagStatements } from './tags.js'
import { prepareRedactionStatements, redactBody } from './redaction.js'
import type { BodyFormat } from './records.js'
import { TicketStore, prepareTicketStatements } from './tickets.js'
import { WorkspaceRegistry, prepareWorkspaceStatements } from './workspaces.js'

export type { CompanyRecord } from './companies.js'
export type { CustomAttributeRecord } from './data-attributes.js'
export type { EventRecord } from './events.js'
export type { NoteRecord } from './notes.js'
export type { ConversationQuery, ConversationRecord, MessageRecord, PartRecord } from './records.js'
export type { WebhookQueue, WebhookStore } from './webhooks.js'
export type { SegmentRecord } from './segments.js'

/** The store, seen from inside one workspace: every read and write is scoped to it. */
export interface WorkspaceStore {
  readonly workspaceId: number
  readonly contacts: ContactStore
  readonly admins: AdminStore
  readonly conversations: ConversationStore
  readonly messages: MessageStore
  readonly parts: PartStore
  readonly search: SearchStore
  readonly webhooks: WebhookStore
  readonly tags: TagStore
  readonly notes: NoteStore
  readonly companies: CompanyStore
  readonly segments: SegmentStore
  readonly dataAttributes: DataAttributeStore
  readonly events: EventStore
  readonly subscriptionTypes: SubscriptionTypeStore
  readonly attachmentFiles: AttachmentFileStore
  readonly assignmentRules: AssignmentRuleStore
  readonly tickets: TicketStore
  readonly activityLogs: ActivityLogStore
  /** Replaces a message's or part's body and marks it redacted (store/redaction.ts). */
  redactBody: (target: { type: 'message' | 'part', id: string }, replacement: { text: string, format: BodyFormat }, at: number) => void
  nextInSequence: (kind: NumericIdKind, base: number) => number
  /** The last value each id sequence handed out. */
  sequences: () => Record<string, number>
  /** Makes sure the sequence never hands out `lastValue` or anything below it again. */
  raiseSequence: (kind: string, lastValue: number) => void
  /** Runs `fn` in one transaction (a savepoint when nested); a throw rolls every write back. */
  transaction: <T>(fn: () => T) => T
}

export interface Store {
  readonly workspaces: WorkspaceRegistry
  /** The webhook outbox across workspaces, for the dispatcher. */
  readonly webhookQueue: WebhookQueue
  forWorkspace: (workspaceId: number) => WorkspaceStore
  transaction: <T>(fn: () => T) => T
  /**
   * From now on, the transactions of one event-loop turn share one commit (store/group-commit.ts):
   * the server turns it on, and answers a request only once `settled()` says its writes are committed.
   */
  groupCommits: () => void
  /** Null when every write is committed; else resolves once they are (rejects if that commit failed). */
  settled: () => Promise<void> | null
  /** Runs `fn` once every write made so far is committed, or rolled back by a failed commit (at once when none waits). */
  afterCommit: (fn: () => void) => void
  /** One bounded step of deleting dropped workspaces' rows; false when there is nothing left to purge. */
  purgeStep: () => boolean
  /** A stored attachment file by the key in its URL, in any workspace. */
  attachmentContent: (key: string) => { contentType: string, data: Buffer } | null
  /** True when the database answers a query: what the health check reports. */
  ping: () => boolean
  close: () => void
}

/** Prepares every statement once, up front, and hands out workspace-scoped views that share them. */
export function createStore (db: SqliteDatabase): Store {
  const statements = {
    contacts: prepareContactStatements(db),
    admins: prepareAdminStatements(db),
    conversations: prepareConversationStatements(db),
    messages: prepareMessageStatements(db),
    parts: preparePartStatements(db),
    search: prepareSearchStatements(db),
    webhooks: prepareWebhookStatements(db),
    contactLinks: prepareContactLinkStatements(db),
    tags: prepareTagStatements(db),
    notes: prepareNoteStatements(db),
    companies: prepareCompanyStatements(db),
    segments: prepareSegmentStatements(db),
    dataAttributes: prepareDataAttributeStatements(db),
    events: prepareEventStatements(db),
    subscriptionTypes: prepareSubscriptionTypeStatements(db),
    attachmentFiles: prepareAttachmentFileStatements(db),
    redaction: prepareRedactionStatements(db),
    assignmentRules: prepareAssignmentRuleStatements(db),
    tickets: prepareTicketStatements(db),
    activityLogs: prepareActivityLogStatements(db)
  }
  let grouped: GroupCommit | null = null
  const workspaces = new WorkspaceRegistry(prepareWorkspaceStatements(db), () => grouped?.openBatch() ?? null)
  const inTransaction = db.transaction((fn: () => unknown) => fn())
  const transaction = <T>(fn: () => T): T => {
    try {
      return grouped === null ? inTransaction(fn) as T : grouped.run(fn)
    } catch (error) {
      workspaces.forgetCached() // what the failed transaction wrote is rolled back; the cache may have seen it
      throw error
    }
  }
  const ping = db.prepare('SELECT 1 AS ok')
  const purge = preparePurge(db)

  return {
    workspaces,
    webhookQueue: new WebhookQueue(statements.webhooks),
    transaction,
    forWorkspace: (workspaceId) => {
      const links = new ContactLinkLoader(statements.contactLinks, workspaceId)
      return {
        workspaceId,
        contacts: new ContactStore(statements.contacts, workspaceId, links),
        admins: new AdminStore(statements.admins, workspaceId, workspaces.admins),
        conversations: new ConversationStore(statements.conversations, workspaceId, workspaces.earliestSnoozes),
        messages: new MessageStore(statements.messages, workspaceId),
        parts: new PartStore(statements.parts, workspaceId),
        search: new SearchStore(statements.search, workspaceId, links),
        webhooks: new WebhookStore(statements.webhooks, workspaceId, workspaces.activeSubscriptions),
        tags: new TagStore(statements.tags, workspaceId),
        notes: new NoteStore(statements.notes, workspaceId),
        companies: new CompanyStore(statements.companies, workspaceId),
        segments: new SegmentStore(statements.segments, workspaceId),
        dataAttributes: new DataAttributeStore(statements.dataAttributes, workspaceId),
        events: new EventStore(statements.events, workspaceId),
        subscriptionTypes: new SubscriptionTypeStore(statements.subscriptionTypes, workspaceId),
        nextInSequence: (kind, base) => workspaces.nextInSequence(workspaceId, kind, base),
        sequences: () => workspaces.sequences(workspaceId),
        attachmentFiles: new AttachmentFileStore(statements.attachmentFiles, workspaceId),
        assignmentRules: new AssignmentRuleStore(statements.assignmentRules, workspaceId),
        tickets: new TicketStore(statements.tickets, workspaceId),
        activityLogs: new ActivityLogStore(statements.activityLogs, workspaceId),
        redactBody: (target, replacement, at) => { redactBody(statements.redaction, workspaceId, target, replacement, at) },
        raiseSequence: (kind, lastValue) => { workspaces.raiseSequence(workspaceId, kind, lastValue) },
        transaction
      }
    },
    groupCommits: () => { grouped ??= groupCommit(db, () => { workspaces.forgetCached() }) },
    settled: () => grouped?.settled() ?? null,
    afterCommit: (fn) => { if (grouped === null) fn(); else grouped.afterCommit(fn) },
    purgeStep: () => db.open && purge.step(),
    attachmentContent: (key) => attachmentContent(statements.attachmentFiles, key),
    ping: () => db.open && (ping.get() as { ok: number } | undefined)?.ok === 1,
    close: () => {
      if (!db.open) return
      grouped?.flush()
      db.close()
    }
  }
}

export function openStore (path: string): Store {
  return createStore(openDatabase(path))
}
