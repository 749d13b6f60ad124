import type { Statement } from 'better-sqlite3'
import type { Contact, ContactLinks } from '../domain/types.js'
import type { SqliteDatabase } from './db.js'
import type { Criterion } from './search.js'
import { segmentMembersSql } from './search-sql.js'

interface LinkRow {
  id: string
  tags: string
  companies: string
  notes: string
  subscriptions: string
}

/** @internal */
export function prepareContactLinkStatements (db: SqliteDatabase) {
  // One row per contact id, each kind of link as a JSON array in the order the API lists it.
  const list = (select: string) => `(SELECT json_group_array(json(x)) FROM (${select}))`
  return {
    db,
    links: db.prepare<[{ ws: number, ids: string }], LinkRow>(`SELECT j.value AS id,
      ${list(`SELECT json_array(t.id, t.name, l.applied_at, l.applied_by_admin_id) AS x FROM contact_tags l
        JOIN tags t ON t.workspace_id = l.workspace_id AND t.id = l.tag_id
        WHERE l.workspace_id = @ws AND l.contact_id = j.value ORDER BY l.applied_at, t.id`)} AS tags,
      ${list(`SELECT json_array(c.id, c.company_id, c.name) AS x FROM company_contacts l
        JOIN companies c ON c.workspace_id = l.workspace_id AND c.id = l.company_id
        WHERE l.workspace_id = @ws AND l.contact_id = j.value ORDER BY l.attached_at, c.id`)} AS companies,
      ${list(`SELECT json_quote(CAST(n.id AS TEXT)) AS x FROM notes n
        WHERE n.workspace_id = @ws AND n.contact_id = j.value ORDER BY n.created_at DESC, n.id DESC`)} AS notes,
      ${list(`SELECT json_array(s.subscription_type_id, s.consent) AS x FROM contact_subscriptions s
        JOIN subscription_types st ON st.workspace_id = s.workspace_id AND st.id = s.subscription_type_id
        WHERE s.workspace_id = @ws AND s.contact_id = j.value ORDER BY st.position`)} AS subscriptions
      FROM json_each(@ids) j`),
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
    const ids = JSON.stringify(contacts.map(c => c.id))
    const ws = this.workspaceId
    const links = new Map<string, ContactLinks>()
    for (const row of this.q.links.all({ ws, ids })) {
      links.set(row.id, {
        tags: (JSON.parse(row.tags) as Array<[number, string, number, string | null]>)
          .map(([id, name, appliedAt, appliedBy]) => ({ tag: { id: String(id), name }, appliedAt, appliedBy })),
        companies: (JSON.parse(row.companies) as Array<[string, string, string | null]>).map(([id, companyId, name]) => ({ id, companyId, name })),
        noteIds: JSON.parse(row.notes) as string[],
        segmentIds: [],
        subscriptions: (JSON.parse(row.subscriptions) as Array<[string, 'opt_in' | 'opt_out']>)
          .map(([subscriptionTypeId, consent]) => ({ subscriptionTypeId, consent }))
      })
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
