import type { Statement } from 'better-sqlite3'
import type { Contact, ContactLinks } from '../domain/types.js'
import type { SqliteDatabase } from './db.js'
import { IDS_JOIN, idList } from './values.js'
import type { Criterion } from './search.js'
import { segmentMembersSql } from './search-sql.js'

/** @internal */
export function prepareContactLinkStatements (db: SqliteDatabase) {
  // Each kind of link of a batch of contacts (`ids`, a JSON array) in one query, grouped by contact in
  // the order the API lists them. One query a kind, not one a contact: a page of 50 contacts with no
  // links cost 184 µs as correlated subqueries building JSON per contact.
  const ofContacts = 'l.workspace_id = ids.listed_in AND l.contact_id = ids.listed_id'
  return {
    db,
    tags: db.prepare<[number, string], [contactId: string, tagId: number, name: string, appliedAt: number, appliedBy: string | null]>(
      `SELECT l.contact_id, t.id, t.name, l.applied_at, l.applied_by_admin_id FROM ${IDS_JOIN} contact_tags l
        JOIN tags t ON t.workspace_id = l.workspace_id AND t.id = l.tag_id
        WHERE ${ofContacts} ORDER BY l.contact_id, l.applied_at, t.id`).raw(),
    companies: db.prepare<[number, string], [contactId: string, id: string, companyId: string, name: string | null]>(
      `SELECT l.contact_id, c.id, c.company_id, c.name FROM ${IDS_JOIN} company_contacts l
        JOIN companies c ON c.workspace_id = l.workspace_id AND c.id = l.company_id
        WHERE ${ofContacts} ORDER BY l.contact_id, l.attached_at, c.id`).raw(),
    notes: db.prepare<[number, string], [contactId: string, id: number]>(
      `SELECT l.contact_id, l.id FROM ${IDS_JOIN} notes l WHERE ${ofContacts} ORDER BY l.contact_id, l.created_at DESC, l.id DESC`).raw(),
    subscriptions: db.prepare<[number, string], [contactId: string, subscriptionTypeId: string, consent: 'opt_in' | 'opt_out']>(
      `SELECT l.contact_id, l.subscription_type_id, l.consent FROM ${IDS_JOIN} contact_subscriptions l
        JOIN subscription_types st ON st.workspace_id = l.workspace_id AND st.id = l.subscription_type_id
        WHERE ${ofContacts} ORDER BY l.contact_id, st.position`).raw(),
    segments: db.prepare<[number], { id: string, criteria: string }>('SELECT id, criteria FROM segments WHERE workspace_id = ? ORDER BY position'),
    // Membership statements, one per segment filter's SQL, prepared on first use.
    members: new Map<string, Statement>()
  }
}

/** @internal */
export type ContactLinkStatements = ReturnType<typeof prepareContactLinkStatements>

/**
 * Reads what contacts are linked to (tags, companies, notes, subscription choices) in one query, and
 * which segments they are in (one query per segment), for any number of contacts.
 */
export class ContactLinkLoader {
  constructor (private readonly q: ContactLinkStatements, private readonly workspaceId: number) {}

  /**
   * `contacts` with their links, read when the first of them is asked for its links (all of the batch
   * in one go): most writes look a contact up without ever rendering its tags, companies or segments,
   * and the segment filters alone are a query each.
   */
  load<C extends Contact> (contacts: C[]): C[] {
    if (contacts.length === 0) return contacts
    let read: Map<string, ContactLinks> | undefined
    const linksOf = (contact: C): ContactLinks => {
      read ??= this.read(contacts)
      return read.get(contact.id) ?? contact.links
    }
    return contacts.map(contact => {
      let links: ContactLinks | undefined
      return Object.defineProperty({ ...contact }, 'links', {
        enumerable: true,
        get: () => (links ??= linksOf(contact)),
        set: (value: ContactLinks) => { links = value }
      })
    })
  }

  private read (contacts: readonly Contact[]): Map<string, ContactLinks> {
    const ids = idList(contacts.map(c => c.id), false)
    const ws = this.workspaceId
    const links = new Map<string, ContactLinks>(contacts.map(c => [c.id, { tags: [], companies: [], noteIds: [], segmentIds: [], subscriptions: [] }]))
    for (const [contactId, id, name, appliedAt, appliedBy] of this.q.tags.all(ws, ids)) {
      links.get(contactId)?.tags.push({ tag: { id: String(id), name }, appliedAt, appliedBy })
    }
    for (const [contactId, id, companyId, name] of this.q.companies.all(ws, ids)) links.get(contactId)?.companies.push({ id, companyId, name })
    for (const [contactId, id] of this.q.notes.all(ws, ids)) links.get(contactId)?.noteIds.push(String(id))
    for (const [contactId, subscriptionTypeId, consent] of this.q.subscriptions.all(ws, ids)) {
      links.get(contactId)?.subscriptions.push({ subscriptionTypeId, consent })
    }
    for (const segment of this.q.segments.all(ws)) {
      for (const id of this.membersOf(segment.criteria, ids)) links.get(id)?.segmentIds.push(segment.id)
    }
    return links
  }

  /** Which of `ids` (a JSON array) the segment's criteria match. */
  private membersOf (criteria: string, ids: string): string[] {
    const sql = segmentMembersSql(JSON.parse(criteria) as Criterion, this.workspaceId)
    let statement = this.q.members.get(sql.text)
    if (statement === undefined) {
      statement = this.q.db.prepare(sql.text).pluck()
      this.q.members.set(sql.text, statement)
    }
    return statement.all(...sql.params, ids) as string[]
  }
}
