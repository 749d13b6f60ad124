import type { NumericIdKind } from '../domain/ids.js'
import { ActivityLogStore, prepareActivityLogStatements } from './activity-logs.js'
import { AdminStore, prepareAdminStatements } from './admins.js'
import { AssignmentRuleStore, prepareAssignmentRuleStatements } from './assignment-rules.js'
import { attachmentContent, AttachmentFileStore, prepareAttachmentFileStatements } from './attachment-files.js'
import { ContactStore, prepareContactStatements } from './contacts.js'
import { ConversationStore, prepareConversationStatements } from './conversations.js'
import { openDatabase, type SqliteDatabase } from './db.js'
import { MessageStore, prepareMessageStatements } from './messages.js'
import { PartStore, preparePartStatements } from './parts.js'
import { prepareRedactionStatements, redactBody } from './redaction.js'
import type { BodyFormat } from './records.js'
import { SearchStore, prepareSearchStatements } from './search.js'
import { TicketStore, prepareTicketStatements } from './tickets.js'
import { WorkspaceRegistry, prepareWorkspaceStatements } from './workspaces.js'

export type { ConversationQuery, ConversationRecord, MessageRecord, PartRecord } from './records.js'

/** The store, seen from inside one workspace: every read and write is scoped to it. */
export interface WorkspaceStore {
  readonly workspaceId: number
  readonly contacts: ContactStore
  readonly admins: AdminStore
  readonly conversations: ConversationStore
  readonly messages: MessageStore
  readonly parts: PartStore
  readonly search: SearchStore
  readonly attachmentFiles: AttachmentFileStore
  readonly assignmentRules: AssignmentRuleStore
  readonly tickets: TicketStore
  readonly activityLogs: ActivityLogStore
  /** Replaces a message's or part's body and marks it redacted (store/redaction.ts). */
  redactBody: (target: { type: 'message' | 'part', id: string }, replacement: { text: string, format: BodyFormat }, at: number) => void
  nextInSequence: (kind: NumericIdKind, base: number) => number
  /** Runs `fn` in one transaction (a savepoint when nested); a throw rolls every write back. */
  transaction: <T>(fn: () => T) => T
}

export interface Store {
  readonly workspaces: WorkspaceRegistry
  forWorkspace: (workspaceId: number) => WorkspaceStore
  transaction: <T>(fn: () => T) => T
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
    attachmentFiles: prepareAttachmentFileStatements(db),
    redaction: prepareRedactionStatements(db),
    assignmentRules: prepareAssignmentRuleStatements(db),
    tickets: prepareTicketStatements(db),
    activityLogs: prepareActivityLogStatements(db)
  }
  const workspaces = new WorkspaceRegistry(prepareWorkspaceStatements(db))
  const inTransaction = db.transaction((fn: () => unknown) => fn())
  const transaction = <T>(fn: () => T): T => inTransaction(fn) as T
  const ping = db.prepare('SELECT 1 AS ok')

  return {
    workspaces,
    transaction,
    forWorkspace: (workspaceId) => ({
      workspaceId,
      contacts: new ContactStore(statements.contacts, workspaceId),
      admins: new AdminStore(statements.admins, workspaceId),
      conversations: new ConversationStore(statements.conversations, workspaceId),
      messages: new MessageStore(statements.messages, workspaceId),
      parts: new PartStore(statements.parts, workspaceId),
      search: new SearchStore(statements.search, workspaceId),
      attachmentFiles: new AttachmentFileStore(statements.attachmentFiles, workspaceId),
      assignmentRules: new AssignmentRuleStore(statements.assignmentRules, workspaceId),
      tickets: new TicketStore(statements.tickets, workspaceId),
      activityLogs: new ActivityLogStore(statements.activityLogs, workspaceId),
      redactBody: (target, replacement, at) => { redactBody(statements.redaction, workspaceId, target, replacement, at) },
      nextInSequence: (kind, base) => workspaces.nextInSequence(workspaceId, kind, base),
      transaction
    }),
    attachmentContent: (key) => attachmentContent(statements.attachmentFiles, key),
    ping: () => db.open && (ping.get() as { ok: number } | undefined)?.ok === 1,
    close: () => { if (db.open) db.close() }
  }
}

export function openStore (path: string): Store {
  return createStore(openDatabase(path))
}
