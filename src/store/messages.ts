import { bulkInserter } from './bulk-insert.js'
import type { SqliteDatabase } from './db.js'
import type { MessageRecord } from './records.js'
import { fromFlag, IDS_JOIN, idList, toFlag } from './values.js'

/** A message row as COLUMNS select it, read as an array (better-sqlite3's raw mode; see store/conversations.ts). */
type MessageRow = [
  id: number,
  conversation_id: number,
  author_type: MessageRecord['authorType'],
  author_id: string,
  message_type: MessageRecord['messageType'],
  subject: string | null,
  body: string,
  body_format: MessageRecord['bodyFormat'],
  template: MessageRecord['template'],
  url: string | null,
  attachment_urls: string,
  redacted: number,
  created_at: number
]

const COLUMNS = 'id, conversation_id, author_type, author_id, message_type, subject, body, body_format, template, url, attachment_urls, redacted, created_at'

/** @internal */
export function prepareMessageStatements (db: SqliteDatabase) {
  return {
    byIds: db.prepare<[number, string], MessageRow>(`SELECT ${COLUMNS} FROM ${IDS_JOIN} messages
      WHERE workspace_id = ids.listed_in AND id = ids.listed_id`).raw(),
    byId: db.prepare<[number, number], MessageRow>(`SELECT ${COLUMNS} FROM messages WHERE workspace_id = ? AND id = ?`).raw(),
    insertMany: bulkInserter(db, 'INSERT INTO messages', ['workspace_id', ...COLUMNS.split(', ')])
  }
}

/** @internal */
export type MessageStatements = ReturnType<typeof prepareMessageStatements>

export class MessageStore {
  constructor (private readonly q: MessageStatements, private readonly workspaceId: number) {}

  // Through the multi-row inserter: positional parameters bind in about half the time of named ones.
  insert (m: MessageRecord): void {
    this.q.insertMany([toRow(this.workspaceId, m)])
  }

  /** Many messages at once (the bench's seeding, fixtures): the same rows as `insert` writes, fewer statements. */
  insertMany (messages: readonly MessageRecord[]): void {
    this.q.insertMany(messages.map(m => toRow(this.workspaceId, m)))
  }

  findById (id: string): MessageRecord | null {
    if (!/^[0-9]{1,15}$/.test(id)) return null
    const row = this.q.byId.get(this.workspaceId, Number(id))
    return row === undefined ? null : toRecord(row)
  }

  byIds (ids: readonly string[]): Map<string, MessageRecord> {
    const messages = new Map<string, MessageRecord>()
    if (ids.length === 0) return messages
    for (const row of this.q.byIds.all(this.workspaceId, idList(ids, true))) {
      messages.set(String(row[0]), toRecord(row))
    }
    return messages
  }
}

function toRecord (row: MessageRow): MessageRecord {
  const [id, conversationId, authorType, authorId, messageType, subject, body, bodyFormat, template, url, attachmentUrls, redacted, createdAt] = row
  return {
    id: String(id),
    conversationId: String(conversationId),
    authorType,
    authorId,
    messageType,
    subject,
    body,
    bodyFormat,
    template,
    url,
    attachmentUrls: JSON.parse(attachmentUrls) as string[],
    redacted: fromFlag(redacted),
    createdAt
  }
}

/** The row of a message, keyed by column. */
function toRow (workspaceId: number, m: MessageRecord) {
  return {
    workspace_id: workspaceId,
    id: Number(m.id),
    conversation_id: Number(m.conversationId),
    author_type: m.authorType,
    author_id: m.authorId,
    message_type: m.messageType,
    subject: m.subject,
    body: m.body,
    body_format: m.bodyFormat,
    template: m.template,
    url: m.url,
    attachment_urls: JSON.stringify(m.attachmentUrls),
    redacted: toFlag(m.redacted),
    created_at: m.createdAt
  }
}
