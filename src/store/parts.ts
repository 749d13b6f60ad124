import type { SqliteDatabase } from './db.js'
import type { PartRecord } from './records.js'
import { fromFlag, IDS_JOIN, idList, toFlag } from './values.js'

interface PartRow {
  id: number
  conversation_id: number
  part_type: PartRecord['partType']
  body: string | null
  body_format: PartRecord['bodyFormat']
  author_type: PartRecord['authorType']
  author_id: string
  assigned_to_type: PartRecord['assignedToType']
  assigned_to_id: string | null
  attachment_urls: string
  redacted: number
  created_at: number
  updated_at: number
  notified_at: number
}

const COLUMNS = `id, conversation_id, part_type, body, body_format, author_type, author_id, assigned_to_type,
  assigned_to_id, attachment_urls, redacted, created_at, updated_at, notified_at`

/** @internal */
export function preparePartStatements (db: SqliteDatabase) {
  return {
    ofConversations: db.prepare<[number, string], PartRow>(`SELECT ${COLUMNS} FROM ${IDS_JOIN} conversation_parts
      WHERE workspace_id = ids.listed_in AND conversation_id = ids.listed_id ORDER BY conversation_id, id`),
    exists: db.prepare<[number, number], { id: number }>('SELECT id FROM conversation_parts WHERE workspace_id = ? AND id = ?'),
    insert: db.prepare(`INSERT INTO conversation_parts (workspace_id, ${COLUMNS}) VALUES (@workspace_id, @id,
      @conversation_id, @part_type, @body, @body_format, @author_type, @author_id, @assigned_to_type, @assigned_to_id,
      @attachment_urls, @redacted, @created_at, @updated_at, @notified_at)`),
    byId: db.prepare<[number, number], PartRow>(`SELECT ${COLUMNS} FROM conversation_parts WHERE workspace_id = ? AND id = ?`)
  }
}

/** @internal */
export type PartStatements = ReturnType<typeof preparePartStatements>

export class PartStore {
  constructor (private readonly q: PartStatements, private readonly workspaceId: number) {}

  /** The parts of each conversation, oldest first. */
  ofConversations (conversationIds: readonly string[]): Map<string, PartRecord[]> {
    const parts = new Map<string, PartRecord[]>(conversationIds.map(id => [id, []]))
    if (conversationIds.length === 0) return parts
    for (const row of this.q.ofConversations.all(this.workspaceId, idList(conversationIds, true))) {
      parts.get(String(row.conversation_id))?.push(toRecord(row))
    }
    return parts
  }

  exists (id: string): boolean {
    return this.q.exists.get(this.workspaceId, Number(id)) !== undefined
  }

  findById (id: string): PartRecord | null {
    if (!/^[0-9]{1,15}$/.test(id)) return null
    const row = this.q.byId.get(this.workspaceId, Number(id))
    return row === undefined ? null : toRecord(row)
  }

  insert (p: PartRecord): void {
    this.q.insert.run({
      workspace_id: this.workspaceId,
      id: Number(p.id),
      conversation_id: Number(p.conversationId),
      part_type: p.partType,
      body: p.body,
      body_format: p.bodyFormat,
      author_type: p.authorType,
      author_id: p.authorId,
      assigned_to_type: p.assignedToType,
      assigned_to_id: p.assignedToId,
      attachment_urls: JSON.stringify(p.attachmentUrls),
      redacted: toFlag(p.redacted),
      created_at: p.createdAt,
      updated_at: p.updatedAt,
      notified_at: p.notifiedAt
    })
  }
}

function toRecord (row: PartRow): PartRecord {
  return {
    id: String(row.id),
    conversationId: String(row.conversation_id),
    partType: row.part_type,
    body: row.body,
    bodyFormat: row.body_format,
    authorType: row.author_type,
    authorId: row.author_id,
    assignedToType: row.assigned_to_type,
    assignedToId: row.assigned_to_id,
    attachmentUrls: JSON.parse(row.attachment_urls) as string[],
    redacted: fromFlag(row.redacted),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    notifiedAt: row.notified_at
  }
}
