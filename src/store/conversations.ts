import type { Statement } from 'better-sqlite3'
import { bulkInserter } from './bulk-insert.js'
import type { SqliteDatabase } from './db.js'
import type { ConversationQuery, ConversationRecord } from './records.js'
import { boundLimit, fromFlag, IDS_JOIN, idList, toFlag } from './values.js'

/**
 * @internal A conversation row as COLUMNS select it, read as an array (better-sqlite3's raw mode):
 * listings read many, and an array per row is about half the cost of an object with a key per column.
 */
export type ConversationRow = [
  id: number,
  message_id: number,
  delivered_as: ConversationRecord['deliveredAs'],
  state: ConversationRecord['state'],
  read: number,
  title: string | null,
  admin_assignee_id: string | null,
  team_assignee_id: string | null,
  waiting_since: number | null,
  snoozed_until: number | null,
  customer_first_reply_at: number | null,
  last_author_type: ConversationRecord['lastAuthorType'],
  custom_attributes: string,
  company_id: string | null,
  parts_count: number,
  created_at: number,
  updated_at: number
]

/** @internal The columns of a conversation row, from table alias c. */
export const COLUMNS = `c.id, c.message_id, c.delivered_as, c.state, c.read, c.title, c.admin_assignee_id, c.team_assignee_id,
  c.waiting_since, c.snoozed_until, c.customer_first_reply_at, c.last_author_type, c.custom_attributes, c.company_id, c.parts_count,
  c.created_at, c.updated_at`

/** @internal */
export function prepareConversationStatements (db: SqliteDatabase) {
  return {
    db,
    byId: db.prepare<[number, number], ConversationRow>(`SELECT ${COLUMNS} FROM conversations c WHERE c.workspace_id = ? AND c.id = ?`).raw(),
    update: db.prepare(`UPDATE conversations SET state = @state, read = @read, title = @title,
      admin_assignee_id = @admin_assignee_id, team_assignee_id = @team_assignee_id, waiting_since = @waiting_since,
      snoozed_until = @snoozed_until, customer_first_reply_at = @customer_first_reply_at,
      last_author_type = @last_author_type, custom_attributes = @custom_attributes, company_id = @company_id, parts_count = @parts_count,
      updated_at = @updated_at WHERE workspace_id = @workspace_id AND id = @id`),
    insertMany: bulkInserter(db, 'INSERT INTO conversations', ['workspace_id', 'id', 'message_id', 'delivered_as', 'state', 'read', 'title',
      'admin_assignee_id', 'team_assignee_id', 'waiting_since', 'snoozed_until', 'customer_first_reply_at', 'last_author_type',
      'custom_attributes', 'company_id', 'parts_count', 'created_at', 'updated_at']),
    insertCustomers: bulkInserter(db, 'INSERT OR IGNORE INTO conversation_contacts', ['workspace_id', 'conversation_id', 'contact_id', 'position',
      'open', 'read', 'waiting_since', 'created_at', 'updated_at']),
    updateCustomers: db.prepare(`UPDATE conversation_contacts SET open = @open, read = @read, waiting_since = @waiting_since,
      updated_at = @updated_at WHERE workspace_id = @workspace_id AND conversation_id = @id`),
    removeCustomer: db.prepare<[number, number, string]>('DELETE FROM conversation_contacts WHERE workspace_id = ? AND conversation_id = ? AND contact_id = ?'),
    nextCustomerPosition: db.prepare<[number, number], { next: number }>(`SELECT coalesce(max(position) + 1, 0) AS next
      FROM conversation_contacts WHERE workspace_id = ? AND conversation_id = ?`),
    delete: db.prepare<[number, number]>('DELETE FROM conversations WHERE workspace_id = ? AND id = ?'),
    customersOf: db.prepare<[number, string], [conversationId: number, contactId: string]>(`SELECT conversation_id, contact_id
      FROM ${IDS_JOIN} conversation_contacts WHERE workspace_id = ids.listed_in AND conversation_id = ids.listed_id
      ORDER BY conversation_id, position`).raw(),
    latestOfContact: db.prepare<[number, string], ConversationRow>(`SELECT ${COLUMNS} FROM conversation_contacts cc
      JOIN conversations c ON c.workspace_id = cc.workspace_id AND c.id = cc.conversation_id
      WHERE cc.workspace_id = ? AND cc.contact_id = ? ORDER BY c.created_at DESC, c.id DESC LIMIT 1`).raw(),
    everyConversation: db.prepare<[number], ConversationRow>(`SELECT ${COLUMNS} FROM conversations c WHERE c.workspace_id = ? ORDER BY c.rowid`).raw(),
    countAll: db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM conversations WHERE workspace_id = ?'),
    customerCounts: db.prepare<[number, string], { n: number, open_n: number }>('SELECT n, open_n FROM contact_conversation_counts WHERE workspace_id = ? AND contact_id = ?'),
    dueSnoozes: db.prepare<[number, number], ConversationRow>(`SELECT ${COLUMNS} FROM conversations c INDEXED BY ix_conversations_snoozed
      WHERE c.workspace_id = ? AND c.state = 'snoozed' AND c.snoozed_until <= ? ORDER BY c.snoozed_until, c.id`).raw(),
    earliestSnooze: db.prepare<[number], number | null>(`SELECT min(snoozed_until) FROM conversations INDEXED BY ix_conversations_snoozed
      WHERE workspace_id = ? AND state = 'snoozed'`).pluck(),
    // Listing statements, one per combination of filters and order, prepared on first use.
    listings: new Map<string, { page: Statement, count: Statement }>()
  }
}

/** @internal */
export type ConversationStatements = ReturnType<typeof prepareConversationStatements>

export class ConversationStore {
  /** `earliestSnoozes`: the registry's, per workspace (WorkspaceRegistry.earliestSnoozes). */
  constructor (private readonly q: ConversationStatements, private readonly workspaceId: number, private readonly earliestSnoozes: Map<number, number>) {}

  findById (id: string): ConversationRecord | null {
    const numericId = toNumericId(id)
    if (numericId === null) return null
    const row = this.q.byId.get(this.workspaceId, numericId)
    return row === undefined ? null : toRecord(row)
  }

  /** The most recently started conversation that this contact is a customer of. */
  latestOfContact (contactId: string): ConversationRecord | null {
    const row = this.q.latestOfContact.get(this.workspaceId, contactId)
    return row === undefined ? null : toRecord(row)
  }

  /** Every conversation in the order they were written: what a state dump holds. */
  everyConversation (): ConversationRecord[] {
    return this.q.everyConversation.all(this.workspaceId).map(toRecord)
  }

  countAll (): number {
    return this.q.countAll.get(this.workspaceId)?.n ?? 0
  }

  /** Snoozed conversations whose `snoozed_until` is at or before `now`, the earliest first. */
  dueSnoozes (now: number): ConversationRecord[] {
    // Every API request asks (domain/snoozes.ts): the earliest snooze is read once and kept until a
    // write snoozes a conversation, some are due, or the registry forgets what it holds.
    let earliest = this.earliestSnoozes.get(this.workspaceId)
    if (earliest === undefined) {
      earliest = this.q.earliestSnooze.get(this.workspaceId) ?? Infinity
      this.earliestSnoozes.set(this.workspaceId, earliest)
    }
    if (now < earliest) return []
    this.earliestSnoozes.delete(this.workspaceId)
    return this.q.dueSnoozes.all(this.workspaceId, now).map(toRecord)
  }

  // One row goes through the multi-row inserters too: positional parameters bind in about half the time of named ones.
  insert (record: ConversationRecord): void {
    this.snoozing(record)
    this.q.insertMany([{ ...toRow(this.workspaceId, record), message_id: Number(record.messageId) }])
  }

  /** Many conversations, each with its customers (in order), at once: the rows `insert` and `addCustomer` write, fewer statements. */
  insertMany (conversations: ReadonlyArray<{ record: ConversationRecord, customerIds: readonly string[] }>): void {
    const rows = conversations.map(({ record }) => {
      this.snoozing(record)
      return { ...toRow(this.workspaceId, record), message_id: Number(record.messageId) }
    })
    this.q.insertMany(rows)
    this.q.insertCustomers(conversations.flatMap(({ customerIds }, i) =>
      customerIds.map((contactId, position) => customerRow(rows[i] as ConversationColumns, contactId, position))))
  }

  update (record: ConversationRecord): void {
    this.snoozing(record)
    const row = toRow(this.workspaceId, record)
    this.q.update.run(row)
    this.q.updateCustomers.run(row)
  }

  addCustomer (record: ConversationRecord, contactId: string, position: number): void {
    this.q.insertCustomers([customerRow(toRow(this.workspaceId, record), contactId, position)])
  }

  /** Adds `contactId` after the conversation's current customers. */
  appendCustomer (record: ConversationRecord, contactId: string): void {
    const { next } = this.q.nextCustomerPosition.get(this.workspaceId, Number(record.id)) as { next: number }
    this.addCustomer(record, contactId, next)
  }

  removeCustomer (conversationId: string, contactId: string): void {
    this.q.removeCustomer.run(this.workspaceId, Number(conversationId), contactId)
  }

  /** Deletes the conversation; its message, parts, customer links, files and ticket cascade with it. */
  delete (id: string): void {
    this.q.delete.run(this.workspaceId, Number(id))
  }

  /** Customer contact ids of each conversation, in the order they joined. */
  customersOf (conversationIds: readonly string[]): Map<string, string[]> {
    const customers = new Map<string, string[]>(conversationIds.map(id => [id, []]))
    if (conversationIds.length === 0) return customers
    for (const [conversationId, contactId] of this.q.customersOf.all(this.workspaceId, idList(conversationIds, true))) {
      customers.get(String(conversationId))?.push(contactId)
    }
    return customers
  }

  page (query: ConversationQuery, limit: number, offset: number): ConversationRecord[] {
    const rows = this.listing(query).page.all({ ...listingParams(this.workspaceId, query), limit, offset }) as ConversationRow[]
    return rows.map(toRecord)
  }

  count (query: ConversationQuery): number {
    if (query.contactId !== undefined && countedPerCustomer(query)) {
      const counts = this.q.customerCounts.get(this.workspaceId, query.contactId) ?? { n: 0, open_n: 0 }
      return query.open === undefined ? counts.n : query.open ? counts.open_n : counts.n - counts.open_n
    }
    return (this.listing(query).count.get(listingParams(this.workspaceId, query)) as { n: number }).n
  }

  /** A snoozed conversation written may wake before the earliest snooze kept. */
  private snoozing (record: ConversationRecord): void {
    if (record.state === 'snoozed') this.earliestSnoozes.delete(this.workspaceId)
  }

  private listing (query: ConversationQuery) {
    const sql = listingSql(query)
    let statements = this.q.listings.get(sql.key)
    if (statements === undefined) {
      statements = { page: this.q.db.prepare(sql.page).raw(), count: this.q.db.prepare(sql.count) }
      this.q.listings.set(sql.key, statements)
    }
    return statements
  }
}

/** A customer's conversations, all, open or closed, are counted by migration 10's triggers; other filters are counted by rows. */
function countedPerCustomer (query: ConversationQuery): boolean {
  return query.adminAssigneeId === undefined && query.unreadOnly !== true && query.updatedBefore === undefined && query.waitingOnly !== true
}

/** @internal The SQL of a listing (exported for the index tests). */
export function listingSql (query: ConversationQuery) {
  // A customer's conversations are read through the customer links, which carry the columns they are
  // filtered and sorted by; CROSS JOIN fixes that join order in SQLite. An admin's go through their
  // own index rather than a walk of the whole workspace in sort order.
  const byCustomer = query.contactId !== undefined
  const t = byCustomer ? 'cc' : 'c'
  const from = byCustomer
    ? 'FROM conversation_contacts cc INDEXED BY ix_conversation_contacts_contact CROSS JOIN conversations c ON c.workspace_id = cc.workspace_id AND c.id = cc.conversation_id'
    : query.adminAssigneeId !== undefined ? 'FROM conversations c INDEXED BY ix_conversations_admin' : 'FROM conversations c'
  const where = [byCustomer ? 'cc.workspace_id = @workspace_id AND cc.contact_id = @contact_id' : 'c.workspace_id = @workspace_id']
  if (query.adminAssigneeId === null) where.push('c.admin_assignee_id IS NULL')
  else if (query.adminAssigneeId !== undefined) where.push('c.admin_assignee_id = @admin_assignee_id')
  if (query.open !== undefined) where.push(`${t}.open = ${query.open ? 1 : 0}`)
  if (query.unreadOnly === true) where.push(`${t}.read = 0`)
  if (query.updatedBefore !== undefined) where.push(`${t}.updated_at < @updated_before`)
  if (query.waitingOnly === true) where.push(`${t}.waiting_since IS NOT NULL AND ${t}.open = 1`)
  const filter = `${from} WHERE ${where.join(' AND ')}`
  // The links carry every filter but the admin's, so a customer's rows are counted in their index alone.
  const counted = byCustomer && query.adminAssigneeId === undefined
    ? `FROM conversation_contacts cc INDEXED BY ix_conversation_contacts_contact WHERE ${where.join(' AND ')}`
    : filter
  // Ties break on creation order: the conversation id, or the rowid that grows with it.
  const order = `ORDER BY ${t}.${query.sort} ${query.direction}, ${byCustomer ? 'cc.conversation_id' : 'c.rowid'} ${query.direction}`
  return {
    key: `${filter} ${order}`,
    page: `SELECT ${COLUMNS} ${filter} ${order} ${boundLimit('@limit')} OFFSET @offset`,
    count: `SELECT count(*) AS n ${counted}`
  }
}

/** @internal */
export function listingParams (workspaceId: number, query: ConversationQuery): Record<string, unknown> {
  const params: Record<string, unknown> = { workspace_id: workspaceId }
  if (query.contactId !== undefined) params.contact_id = query.contactId
  if (typeof query.adminAssigneeId === 'string') params.admin_assignee_id = query.adminAssigneeId
  if (query.updatedBefore !== undefined) params.updated_before = query.updatedBefore
  return params
}

/** Conversation ids are numeric strings; anything else can match no conversation. */
export function toNumericId (id: string): number | null {
  return /^[0-9]{1,15}$/.test(id) ? Number(id) : null
}

/** @internal Row to record (shared with the search store). */
export function toRecord (row: ConversationRow): ConversationRecord {
  const [id, messageId, deliveredAs, state, read, title, adminAssigneeId, teamAssigneeId, waitingSince, snoozedUntil,
    customerFirstReplyAt, lastAuthorType, customAttributes, companyId, partsCount, createdAt, updatedAt] = row
  return {
    id: String(id),
    messageId: String(messageId),
    deliveredAs,
    state,
    read: fromFlag(read),
    title,
    adminAssigneeId,
    teamAssigneeId,
    waitingSince,
    snoozedUntil,
    customerFirstReplyAt,
    lastAuthorType,
    customAttributes: JSON.parse(customAttributes) as Record<string, unknown>,
    companyId,
    partsCount,
    createdAt,
    updatedAt
  }
}

type ConversationColumns = ReturnType<typeof toRow>

/** The conversation_contacts row linking `contactId` to the conversation: its flags and times are the conversation's. */
function customerRow (row: ConversationColumns, contactId: string, position: number) {
  return { workspace_id: row.workspace_id, conversation_id: row.id, contact_id: contactId, position,
    open: row.open, read: row.read, waiting_since: row.waiting_since, created_at: row.created_at, updated_at: row.updated_at }
}

function toRow (workspaceId: number, r: ConversationRecord) {
  return {
    workspace_id: workspaceId,
    id: Number(r.id),
    delivered_as: r.deliveredAs,
    state: r.state,
    open: toFlag(r.state !== 'closed'),
    read: toFlag(r.read),
    title: r.title,
    admin_assignee_id: r.adminAssigneeId,
    team_assignee_id: r.teamAssigneeId,
    waiting_since: r.waitingSince,
    snoozed_until: r.snoozedUntil,
    customer_first_reply_at: r.customerFirstReplyAt,
    last_author_type: r.lastAuthorType,
    custom_attributes: JSON.stringify(r.customAttributes),
    company_id: r.companyId,
    parts_count: r.partsCount,
    created_at: r.createdAt,
    updated_at: r.updatedAt
  }
}
