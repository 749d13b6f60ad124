import type { Attachment } from '../domain/types.js'
import type { SqliteDatabase } from './db.js'
import { IDS_JOIN, idList } from './values.js'

export interface AttachmentFileRecord extends Attachment {
  key: string
  conversationId: string
  ownerType: 'message' | 'part'
  ownerId: string
  position: number
}

interface AttachmentFileRow {
  key: string
  owner_id: number
  url: string
  name: string
  content_type: string
  filesize: number
  width: number | null
  height: number | null
}

const COLUMNS = 'key, owner_id, url, name, content_type, filesize, width, height'

/** @internal */
export function prepareAttachmentFileStatements (db: SqliteDatabase) {
  return {
    insert: db.prepare(`INSERT INTO attachment_files (key, workspace_id, conversation_id, owner_type, owner_id, position, url,
      name, content_type, filesize, width, height, data) VALUES (@key, @workspace_id, @conversation_id, @owner_type, @owner_id,
      @position, @url, @name, @content_type, @filesize, @width, @height, @data)`),
    ofOwners: db.prepare<[workspaceId: number, ids: string, ownerType: string], AttachmentFileRow>(`SELECT ${COLUMNS} FROM ${IDS_JOIN} attachment_files
      WHERE workspace_id = ids.listed_in AND owner_type = ? AND owner_id = ids.listed_id ORDER BY owner_id, position`),
    content: db.prepare<[string], { content_type: string, data: Buffer }>('SELECT content_type, data FROM attachment_files WHERE key = ?')
  }
}

/** @internal */
export type AttachmentFileStatements = ReturnType<typeof prepareAttachmentFileStatements>

/** Files sent inline as `attachment_files`, kept with the message or part they came with. */
export class AttachmentFileStore {
  constructor (private readonly q: AttachmentFileStatements, private readonly workspaceId: number) {}

  insert (file: AttachmentFileRecord, data: Buffer): void {
    this.q.insert.run({
      key: file.key,
      workspace_id: this.workspaceId,
      conversation_id: Number(file.conversationId),
      owner_type: file.ownerType,
      owner_id: Number(file.ownerId),
      position: file.position,
      url: file.url,
      name: file.name,
      content_type: file.contentType,
      filesize: file.filesize,
      width: file.width,
      height: file.height,
      data
    })
  }

  /** The files of each message or part, in the order they were sent. */
  ofOwners (ownerType: 'message' | 'part', ownerIds: readonly string[]): Map<string, Attachment[]> {
    const files = new Map<string, Attachment[]>()
    if (ownerIds.length === 0) return files
    for (const row of this.q.ofOwners.all(this.workspaceId, idList(ownerIds, true), ownerType)) {
      const list = files.get(String(row.owner_id)) ?? []
      list.push({ url: row.url, name: row.name, contentType: row.content_type, filesize: row.filesize, width: row.width, height: row.height })
      files.set(String(row.owner_id), list)
    }
    return files
  }
}

/** A stored file by its key, whichever workspace holds it: the key is the secret in its URL. */
export function attachmentContent (q: AttachmentFileStatements, key: string): { contentType: string, data: Buffer } | null {
  const row = q.content.get(key)
  return row === undefined ? null : { contentType: row.content_type, data: row.data }
}
