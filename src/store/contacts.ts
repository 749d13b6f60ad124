import type { Statement } from 'better-sqlite3'
import { NO_LINKS, type Contact, type ContactRef, type ContactRole } from '../domain/types.js'
import { bulkInserter } from './bulk-insert.js'
import type { ContactLinkLoader } from './contact-links.js'
import type { SqliteDatabase } from './db.js'
import { boundLimit, fromFlag, IDS_JOIN, idList, toFlag } from './values.js'

/** @internal A contact row as read (raw mode: one array a row, in the order of COLUMNS). */
export type ContactRow = [
  id: string, role: ContactRole, externalId: string | null, anonymousId: string | null, email: string | null, phone: string | null,
  name: string | null, pseudonym: string | null, avatarUrl: string | null, unsubscribedFromEmails: number, customAttributes: string,
  signedUpAt: number | null, lastRequestAt: number | null, lastRepliedAt: number | null, sessionCount: number, archived: number,
  blocked: number, ownerId: string | null, createdAt: number, updatedAt: number
]

export type ContactOrderField = 'created_at' | 'updated_at' | 'signed_up_at' | 'last_request_at'
export type Direction = 'asc' | 'desc'

/** Where a page of the 2.x contact list starts: after the contact with this sort key (newest first). */
export interface ContactListKey {
  createdAt: number
  id: string
}

/** @internal */
export const COLUMNS = `id, role, external_id, anonymous_id, email, phone, name, pseudonym, avatar_url, unsubscribed_from_emails,
  custom_attributes, signed_up_at, last_request_at, last_replied_at, session_count, archived, blocked, owner_id, created_at, updated_at`
const LIVE = 'workspace_id = ? AND deleted_at IS NULL'

/** @internal */
export function prepareContactStatements (db: SqliteDatabase) {
  return {
    byId: db.prepare<[number, string], ContactRow>(`SELECT ${COLUMNS} FROM contacts WHERE ${LIVE} AND id = ?`).raw(),
    byUserId: db.prepare<[number, string, number, string], ContactRow>(`SELECT ${COLUMNS} FROM contacts WHERE ${LIVE} AND external_id = ?
      UNION SELECT ${COLUMNS} FROM contacts WHERE ${LIVE} AND anonymous_id = ? ORDER BY created_at, id`).raw(),
    byExternalId: db.prepare<[number, string], ContactRow>(`SELECT ${COLUMNS} FROM contacts WHERE ${LIVE} AND external_id = ? ORDER BY created_at, id`).raw(),
    byEmail: db.prepare<[number, string], ContactRow>(`SELECT ${COLUMNS} FROM contacts WHERE ${LIVE} AND email = ? ORDER BY created_at, id`).raw(),
    byPhone: db.prepare<[number, string], ContactRow>(`SELECT ${COLUMNS} FROM contacts WHERE ${LIVE} AND phone = ? ORDER BY created_at, id`).raw(),
    // Users and leads together: the 2.x contacts list (visitors are not contacts there).
    // `role <> 'visitor'` (users and leads, by the CHECK on role) is the condition of ix_contacts_list_order (migration 7).
    pageOfContacts: db.prepare<[number, number, number], ContactRow>(`SELECT ${COLUMNS} FROM contacts WHERE ${LIVE}
      AND role <> 'visitor' AND archived = 0 ORDER BY created_at DESC, id DESC ${boundLimit('?')} OFFSET ?`).raw(),
    // The page after a cursor's last row, by its sort key: as fast at the millionth contact as at the first.
    pageOfContactsAfter: db.prepare<[number, number, string, number], ContactRow>(`SELECT ${COLUMNS} FROM contacts WHERE ${LIVE}
      AND role <> 'visitor' AND archived = 0 AND (created_at, id) < (?, ?) ORDER BY created_at DESC, id DESC ${boundLimit('?')}`).raw(),
    // Counted by migration 8's triggers: live contacts by role and archived flag.
    counts: db.prepare<[number], { role: ContactRole, archived: number, n: number }>('SELECT role, archived, n FROM contact_counts WHERE workspace_id = ?'),
    everyContact: db.prepare<[number], [...ContactRow, deletedAt: number | null]>(`SELECT ${COLUMNS}, deleted_at FROM contacts WHERE workspace_id = ? ORDER BY rowid`).raw(),
    exists: db.prepare<[number, string], { id: string }>('SELECT id FROM contacts WHERE workspace_id = ? AND id = ?'),
    byIds: db.prepare<[number, string], ContactRow>(`SELECT ${COLUMNS} FROM ${IDS_JOIN} contacts WHERE workspace_id = ids.listed_in AND deleted_at IS NULL AND id = ids.listed_id`).raw(),
    refsByIds: db.prepare<[number, string], ContactRow>(`SELECT ${COLUMNS} FROM ${IDS_JOIN} contacts WHERE workspace_id = ids.listed_in AND id = ids.listed_id`).raw(),
    insert: db.prepare(`INSERT INTO contacts (workspace_id, ${COLUMNS}) VALUES (@workspace_id, @id, @role, @external_id, @anonymous_id, @email, @phone,
      @name, @pseudonym, @avatar_url, @unsubscribed_from_emails, @custom_attributes, @signed_up_at, @last_request_at,
      @last_replied_at, @session_count, @archived, @blocked, @owner_id, @created_at, @updated_at)`),
    insertMany: bulkInserter(db, 'INSERT INTO contacts', ['workspace_id', ...COLUMNS.split(',').map(column => column.trim())]),
    update: db.prepare(`UPDATE contacts SET role = @role, external_id = @external_id, anonymous_id = @anonymous_id, email = @email, phone = @phone, name = @name,
      pseudonym = @pseudonym, avatar_url = @avatar_url, unsubscribed_from_emails = @unsubscribed_from_emails,
      custom_attributes = @custom_attributes, signed_up_at = @signed_up_at, last_request_at = @last_request_at,
      last_replied_at = @last_replied_at, session_count = @session_count, archived = @archived, blocked = @blocked, owner_id = @owner_id, updated_at = @updated_at
      WHERE workspace_id = @workspace_id AND id = @id AND deleted_at IS NULL`),
    // Only the two columns a message changes: an UPDATE that names indexed columns rewrites their index entries.
    markReplied: db.prepare<[number, number, number, string]>(`UPDATE contacts SET last_replied_at = ?, updated_at = ?
      WHERE workspace_id = ? AND id = ? AND deleted_at IS NULL`),
    markDeleted: db.prepare<[number, number, number, string]>(`UPDATE contacts SET deleted_at = ?, updated_at = ?
      WHERE workspace_id = ? AND id = ? AND deleted_at IS NULL`),
    transferCustomerships: db.prepare(`INSERT OR IGNORE INTO conversation_contacts (workspace_id, conversation_id, contact_id,
      position, open, read, waiting_since, created_at, updated_at) SELECT workspace_id, conversation_id, @to, position, open,
      read, waiting_since, created_at, updated_at FROM conversation_contacts WHERE workspace_id = @workspace_id AND contact_id = @from`),
    dropCustomerships: db.prepare('DELETE FROM conversation_contacts WHERE workspace_id = @workspace_id AND contact_id = @from'),
    transferMessages: db.prepare(`UPDATE messages SET author_id = @to
      WHERE workspace_id = @workspace_id AND author_type = 'contact' AND author_id = @from`),
    transferParts: db.prepare(`UPDATE conversation_parts SET author_id = @to
      WHERE workspace_id = @workspace_id AND author_type = 'contact' AND author_id = @from`),
    // A merged contact's tags, companies, notes, events and subscription choices move to the one it
    // merged into; where both have one (a tag, a company, a choice), the survivor's stands.
    transferLinks: [
      `INSERT OR IGNORE INTO contact_tags (workspace_id, contact_id, tag_id, applied_at, applied_by_admin_id)
        SELECT workspace_id, @to, tag_id, applied_at, applied_by_admin_id FROM contact_tags WHERE workspace_id = @workspace_id AND contact_id = @from`,
      'DELETE FROM contact_tags WHERE workspace_id = @workspace_id AND contact_id = @from',
      `INSERT OR IGNORE INTO company_contacts (workspace_id, company_id, contact_id, attached_at)
        SELECT workspace_id, company_id, @to, attached_at FROM company_contacts WHERE workspace_id = @workspace_id AND contact_id = @from`,
      'DELETE FROM company_contacts WHERE workspace_id = @workspace_id AND contact_id = @from',
      'UPDATE notes SET contact_id = @to WHERE workspace_id = @workspace_id AND contact_id = @from',
      'UPDATE events SET contact_id = @to WHERE workspace_id = @workspace_id AND contact_id = @from',
      `INSERT INTO event_summaries (workspace_id, contact_id, event_name, count, first_at, last_at)
        SELECT workspace_id, @to, event_name, count, first_at, last_at FROM event_summaries WHERE workspace_id = @workspace_id AND contact_id = @from
        ON CONFLICT (workspace_id, contact_id, event_name) DO UPDATE SET count = count + excluded.count,
        first_at = min(first_at, excluded.first_at), last_at = max(last_at, excluded.last_at)`,
      'DELETE FROM event_summaries WHERE workspace_id = @workspace_id AND contact_id = @from',
      `INSERT OR IGNORE INTO contact_subscriptions (workspace_id, contact_id, subscription_type_id, consent)
        SELECT workspace_id, @to, subscription_type_id, consent FROM contact_subscriptions WHERE workspace_id = @workspace_id AND contact_id = @from`,
      'DELETE FROM contact_subscriptions WHERE workspace_id = @workspace_id AND contact_id = @from'
    ].map(sql => db.prepare(sql)),
    // One statement per (role, field, direction): ORDER BY cannot be a parameter. Prepared on first use, then reused.
    pageByRole: new Map<string, Statement>(),
    db
  }
}

/** @internal */
export type ContactStatements = ReturnType<typeof prepareContactStatements>

/** Contacts of one workspace. Deleted contacts are invisible to lookups but still render in old conversations. */
export class ContactStore {
  constructor (private readonly q: ContactStatements, private readonly workspaceId: number, private readonly links: ContactLinkLoader) {}

  findById (id: string): Contact | null {
    const row = this.q.byId.get(this.workspaceId, id)
    return row === undefined ? null : this.linked([row])[0] ?? null
  }

  /** Contacts whose external id or anonymous id is `value` (either can be a 1.x `user_id`). */
  findByUserId (value: string): Contact[] {
    return this.linked(this.q.byUserId.all(this.workspaceId, value, this.workspaceId, value))
  }

  findByExternalId (externalId: string): Contact[] {
    return this.linked(this.q.byExternalId.all(this.workspaceId, externalId))
  }

  findByEmail (email: string): Contact[] {
    return this.linked(this.q.byEmail.all(this.workspaceId, email))
  }

  findByPhone (phone: string): Contact[] {
    return this.linked(this.q.byPhone.all(this.workspaceId, phone))
  }

  /** Contacts with these ids (deleted ones left out), in the order of `ids`. */
  findByIds (ids: readonly string[]): Contact[] {
    if (ids.length === 0) return []
    const rows = new Map(this.q.byIds.all(this.workspaceId, idList(ids, false)).map(row => [row[0], row]))
    return this.linked(ids.map(id => rows.get(id)).filter((row): row is ContactRow => row !== undefined))
  }

  /** Every contact, deleted ones too (with when), in the order they were written: what a state dump holds. */
  everyContact (): Array<{ contact: Contact, deletedAt: number | null }> {
    const rows = this.q.everyContact.all(this.workspaceId)
    const contacts = this.links.load(rows.map(toContact))
    return rows.map((row, i) => ({ contact: contacts[i] as Contact, deletedAt: row[20] }))
  }

  /** True when a contact has this id, deleted or not (ids are never reused). */
  exists (id: string): boolean {
    return this.q.exists.get(this.workspaceId, id) !== undefined
  }

  /** Every contact not deleted: users, leads and visitors. */
  countLive (): number {
    return this.counted(() => true)
  }

  /** Contacts of the role that are neither deleted nor archived. */
  countByRole (role: ContactRole): number {
    return this.counted(count => count.role === role && count.archived === 0)
  }

  /** Users and leads, newest first; after `after` (the last of the previous page) when given, else skipping `offset`. */
  pageOfUsersAndLeads (limit: number, offset: number, after: ContactListKey | null = null): Contact[] {
    return this.linked(after === null
      ? this.q.pageOfContacts.all(this.workspaceId, limit, offset)
      : this.q.pageOfContactsAfter.all(this.workspaceId, after.createdAt, after.id, limit))
  }

  countOfUsersAndLeads (): number {
    return this.counted(count => count.role !== 'visitor' && count.archived === 0)
  }

  private counted (which: (count: { role: ContactRole, archived: number }) => boolean): number {
    let total = 0
    for (const count of this.q.counts.all(this.workspaceId)) if (which(count)) total += count.n
    return total
  }

  pageByRole (role: ContactRole, order: { field: ContactOrderField, direction: Direction }, limit: number, offset: number): Contact[] {
    const key = `${order.field} ${order.direction}`
    let statement = this.q.pageByRole.get(key)
    if (statement === undefined) {
      statement = this.q.db.prepare(`SELECT ${COLUMNS} FROM contacts WHERE ${LIVE} AND role = ? AND archived = 0
        ORDER BY ${order.field} ${order.direction}, id ${order.direction} ${boundLimit('?')} OFFSET ?`).raw()
      this.q.pageByRole.set(key, statement)
    }
    return this.linked(statement.all(this.workspaceId, role, limit, offset) as ContactRow[])
  }

  /** References for rendering, deleted contacts included, keyed by id. */
  refsByIds (ids: readonly string[]): Map<string, ContactRef> {
    const refs = new Map<string, ContactRef>()
    if (ids.length === 0) return refs
    for (const row of this.q.refsByIds.all(this.workspaceId, idList(ids, false))) {
      refs.set(row[0], toRef(row))
    }
    return refs
  }

  insert (contact: Contact): void {
    this.q.insert.run(toRow(this.workspaceId, contact))
  }

  /** Many contacts at once: the rows `insert` writes, fewer statements. */
  insertMany (contacts: readonly Contact[]): void {
    this.q.insertMany(contacts.map(contact => toRow(this.workspaceId, contact)))
  }

  update (contact: Contact): void {
    this.q.update.run(toRow(this.workspaceId, contact))
  }

  /** The contact wrote at `at`: its last_replied_at and updated_at. */
  markReplied (id: string, at: number): void {
    this.q.markReplied.run(at, at, this.workspaceId, id)
  }

  markDeleted (id: string, at: number): void {
    this.q.markDeleted.run(at, at, this.workspaceId, id)
  }

  private linked (rows: ContactRow[]): Contact[] {
    return this.links.load(rows.map(toContact))
  }

  /** Makes `to` the customer and author of everything `from` was customer or author of, and gives it `from`'s links. */
  transferConversations (from: string, to: string): void {
    const params = { workspace_id: this.workspaceId, from, to }
    this.q.transferCustomerships.run(params)
    this.q.dropCustomerships.run(params)
    this.q.transferMessages.run(params)
    this.q.transferParts.run(params)
    for (const statement of this.q.transferLinks) statement.run(params)
  }
}

/** @internal Row to domain contact, links not yet read (shared with the search store). */
export function toContact (row: ContactRow | [...ContactRow, number | null]): Contact {
  const [id, role, externalId, anonymousId, email, phone, name, pseudonym, avatarUrl, unsubscribedFromEmails, customAttributes,
    signedUpAt, lastRequestAt, lastRepliedAt, sessionCount, archived, blocked, ownerId, createdAt, updatedAt] = row
  return {
    id,
    role,
    externalId,
    anonymousId,
    email,
    phone,
    name,
    pseudonym,
    avatarUrl,
    unsubscribedFromEmails: fromFlag(unsubscribedFromEmails),
    customAttributes: JSON.parse(customAttributes) as Record<string, unknown>,
    signedUpAt,
    lastRequestAt,
    lastRepliedAt,
    sessionCount,
    archived: fromFlag(archived),
    blocked: fromFlag(blocked),
    ownerId,
    createdAt,
    updatedAt,
    links: NO_LINKS
  }
}

function toRef ([id, role, externalId, , email, , name]: ContactRow): ContactRef {
  return { id, role, externalId, email, name }
}

function toRow (workspaceId: number, c: Contact) {
  return {
    workspace_id: workspaceId,
    id: c.id,
    role: c.role,
    external_id: c.externalId,
    anonymous_id: c.anonymousId,
    email: c.email,
    phone: c.phone,
    name: c.name,
    pseudonym: c.pseudonym,
    avatar_url: c.avatarUrl,
    unsubscribed_from_emails: toFlag(c.unsubscribedFromEmails),
    custom_attributes: JSON.stringify(c.customAttributes),
    signed_up_at: c.signedUpAt,
    last_request_at: c.lastRequestAt,
    last_replied_at: c.lastRepliedAt,
    session_count: c.sessionCount,
    archived: toFlag(c.archived),
    blocked: toFlag(c.blocked),
    owner_id: c.ownerId,
    created_at: c.createdAt,
    updated_at: c.updatedAt
  }
}
