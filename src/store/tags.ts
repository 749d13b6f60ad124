import type { AppliedTag, Tag } from '../domain/types.js'
import { toNumericId } from './conversations.js'
import type { SqliteDatabase } from './db.js'
import { IDS_JOIN, idList } from './values.js'

interface TagRow {
  id: number
  name: string
}

interface AppliedTagRow extends TagRow {
  owner_id: string | number
  applied_at: number
  applied_by_admin_id: string | null
}

/** What a tag can be applied to, and the table that records it. */
type Taggable = 'contact' | 'conversation' | 'company'
const LINKS: Record<Taggable, { table: string, column: string }> = {
  contact: { table: 'contact_tags', column: 'contact_id' },
  conversation: { table: 'conversation_tags', column: 'conversation_id' },
  company: { table: 'company_tags', column: 'company_id' }
}

function prepareLinkStatements (db: SqliteDatabase, taggable: Taggable) {
  const { table, column } = LINKS[taggable]
  const by = taggable === 'company' ? '' : ', applied_by_admin_id'
  return {
    apply: db.prepare<[number, string | number, number, number, ...Array<string | null>]>(`INSERT INTO ${table}
      (workspace_id, ${column}, tag_id, applied_at${by}) VALUES (?, ?, ?, ?${by === '' ? '' : ', ?'}) ON CONFLICT DO NOTHING`),
    remove: db.prepare<[number, string | number, number]>(`DELETE FROM ${table} WHERE workspace_id = ? AND ${column} = ? AND tag_id = ?`),
    ofOwners: db.prepare<[number, string], AppliedTagRow>(`SELECT l.${column} AS owner_id, t.id, t.name, l.applied_at,
      ${by === '' ? 'NULL AS applied_by_admin_id' : 'l.applied_by_admin_id'} FROM ${IDS_JOIN} ${table} l
      JOIN tags t ON t.workspace_id = l.workspace_id AND t.id = l.tag_id
      WHERE l.workspace_id = ids.listed_in AND l.${column} = ids.listed_id ORDER BY l.applied_at, t.id`),
    countOfTag: db.prepare<[number, number], { n: number }>(`SELECT count(*) AS n FROM ${table} WHERE workspace_id = ? AND tag_id = ?`)
  }
}

/** @internal */
export function prepareTagStatements (db: SqliteDatabase) {
  return {
    all: db.prepare<[number], TagRow>('SELECT id, name FROM tags WHERE workspace_id = ? ORDER BY id'),
    byId: db.prepare<[number, number], TagRow>('SELECT id, name FROM tags WHERE workspace_id = ? AND id = ?'),
    byName: db.prepare<[number, string], TagRow>('SELECT id, name FROM tags WHERE workspace_id = ? AND name = ?'),
    insert: db.prepare<[number, number, string, number]>('INSERT INTO tags (workspace_id, id, name, created_at) VALUES (?, ?, ?, ?)'),
    rename: db.prepare<[string, number, number]>('UPDATE tags SET name = ? WHERE workspace_id = ? AND id = ?'),
    delete: db.prepare<[number, number]>('DELETE FROM tags WHERE workspace_id = ? AND id = ?'),
    contact: prepareLinkStatements(db, 'contact'),
    conversation: prepareLinkStatements(db, 'conversation'),
    company: prepareLinkStatements(db, 'company')
  }
}

/** @internal */
export type TagStatements = ReturnType<typeof prepareTagStatements>

/** Tags of one workspace, and what they are applied to. */
export class TagStore {
  constructor (private readonly q: TagStatements, private readonly workspaceId: number) {}

  all (): Tag[] {
    return this.q.all.all(this.workspaceId).map(toTag)
  }

  findById (id: string): Tag | null {
    const numericId = toNumericId(id)
    const row = numericId === null ? undefined : this.q.byId.get(this.workspaceId, numericId)
    return row === undefined ? null : toTag(row)
  }

  findByName (name: string): Tag | null {
    const row = this.q.byName.get(this.workspaceId, name)
    return row === undefined ? null : toTag(row)
  }

  insert (tag: Tag, createdAt: number): void {
    this.q.insert.run(this.workspaceId, Number(tag.id), tag.name, createdAt)
  }

  rename (tag: Tag): void {
    this.q.rename.run(tag.name, this.workspaceId, Number(tag.id))
  }

  /** Deletes the tag and takes it off everything it was applied to. */
  delete (id: string): void {
    this.q.delete.run(this.workspaceId, Number(id))
  }

  /** Applies the tag unless it is already applied (then its first application stands). */
  apply (to: Taggable, ownerId: string, tagId: string, at: number, adminId: string | null): void {
    const params = [this.workspaceId, owner(to, ownerId), Number(tagId), at] as const
    if (to === 'company') this.q.company.apply.run(...params)
    else this.q[to].apply.run(...params, adminId)
  }

  /** True when the tag was applied and is now removed. */
  remove (from: Taggable, ownerId: string, tagId: string): boolean {
    return this.q[from].remove.run(this.workspaceId, owner(from, ownerId), Number(tagId)).changes > 0
  }

  /** The tags of each owner, in the order they were applied. */
  of (taggable: Taggable, ownerIds: readonly string[]): Map<string, AppliedTag[]> {
    const tags = new Map<string, AppliedTag[]>(ownerIds.map(id => [id, []]))
    if (ownerIds.length === 0) return tags
    const ids = idList(ownerIds, taggable === 'conversation')
    for (const row of this.q[taggable].ofOwners.all(this.workspaceId, ids)) {
      tags.get(String(row.owner_id))?.push({ tag: toTag(row), appliedAt: row.applied_at, appliedBy: row.applied_by_admin_id })
    }
    return tags
  }

  /** How many contacts, conversations and companies the tag is on. */
  usage (tagId: string): number {
    return (['contact', 'conversation', 'company'] as const)
      .reduce((n, taggable) => n + (this.q[taggable].countOfTag.get(this.workspaceId, Number(tagId))?.n ?? 0), 0)
  }
}

/** Conversation ids are integers in the store; contact and company ids are text. */
function owner (taggable: Taggable, id: string): string | number {
  return taggable === 'conversation' ? Number(id) : id
}

function toTag (row: TagRow): Tag {
  return { id: String(row.id), name: row.name }
}
