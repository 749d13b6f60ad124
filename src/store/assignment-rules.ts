import type { Assignee } from '../domain/types.js'
import type { SqliteDatabase } from './db.js'

/** @internal */
export function prepareAssignmentRuleStatements (db: SqliteDatabase) {
  return {
    get: db.prepare<[number], { assignee_type: Assignee['type'], assignee_id: string }>('SELECT assignee_type, assignee_id FROM assignment_rules WHERE workspace_id = ?'),
    set: db.prepare<[number, string, string]>(`INSERT INTO assignment_rules (workspace_id, assignee_type, assignee_id) VALUES (?, ?, ?)
      ON CONFLICT (workspace_id) DO UPDATE SET assignee_type = excluded.assignee_type, assignee_id = excluded.assignee_id`)
  }
}

/** @internal */
export type AssignmentRuleStatements = ReturnType<typeof prepareAssignmentRuleStatements>

/** The assignee a workspace's assignment rules give a conversation, or none when it has no rules. */
export class AssignmentRuleStore {
  constructor (private readonly q: AssignmentRuleStatements, private readonly workspaceId: number) {}

  get (): Assignee | null {
    const row = this.q.get.get(this.workspaceId)
    return row === undefined ? null : { type: row.assignee_type, id: row.assignee_id }
  }

  set (assignee: Assignee): void {
    this.q.set.run(this.workspaceId, assignee.type, assignee.id)
  }
}
