import type { SqliteDatabase } from './db.js'
import type { BodyFormat } from './records.js'

/** @internal */
export function prepareRedactionStatements (db: SqliteDatabase) {
  return {
    part: db.prepare(`UPDATE conversation_parts SET body = @body, body_format = @body_format, redacted = 1, updated_at = @at
      WHERE workspace_id = @workspace_id AND id = @id`),
    message: db.prepare(`UPDATE messages SET body = @body, body_format = @body_format, redacted = 1
      WHERE workspace_id = @workspace_id AND id = @id`)
  }
}

/** @internal */
export type RedactionStatements = ReturnType<typeof prepareRedactionStatements>

/**
 * Replaces the body of a conversation's opening message or of a part with `replacement` and marks
 * it redacted. The one place a stored body changes after it was written: whatever indexes bodies
 * for search must follow it here.
 */
export function redactBody (
  q: RedactionStatements,
  workspaceId: number,
  target: { type: 'message' | 'part', id: string },
  replacement: { text: string, format: BodyFormat },
  at: number
): void {
  const params = { workspace_id: workspaceId, id: Number(target.id), body: replacement.text, body_format: replacement.format }
  if (target.type === 'part') q.part.run({ ...params, at })
  else q.message.run(params)
}
