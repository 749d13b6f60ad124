import { clientSecretFor } from '../domain/ids.js'
import type { App, Workspace } from '../domain/types.js'
import type { SqliteDatabase } from './db.js'

interface WorkspaceRow {
  id: number
  token: string
  app_id_code: string
  app_name: string
  app_timezone: string
  app_region: string
  app_client_secret: string | null
  owner_admin_id: string | null
  api_version: string | null
  created_at: number
}

export interface NewWorkspace {
  token: string
  app: App
  ownerAdminId: string | null
  apiVersion: string | null
}

/** @internal */
export function prepareWorkspaceStatements (db: SqliteDatabase) {
  return {
    byToken: db.prepare<[string], WorkspaceRow>('SELECT * FROM workspaces WHERE token = ?'),
    byId: db.prepare<[number], WorkspaceRow>('SELECT * FROM workspaces WHERE id = ?'),
    insert: db.prepare<[string, string, string, string, string, string, string | null, string | null, number], WorkspaceRow>(`INSERT INTO
      workspaces (token, app_id_code, app_name, app_timezone, app_region, app_client_secret, owner_admin_id, api_version, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (token) DO NOTHING RETURNING *`),
    nextInSequence: db.prepare<[number, string, number], { last_value: number }>(`INSERT INTO id_sequences
      (workspace_id, kind, last_value) VALUES (?, ?, ? + 1)
      ON CONFLICT (workspace_id, kind) DO UPDATE SET last_value = last_value + 1 RETURNING last_value`)
  }
}

/** @internal */
export type WorkspaceStatements = ReturnType<typeof prepareWorkspaceStatements>

/** Workspaces across the database: one per access token. */
export class WorkspaceRegistry {
  constructor (private readonly q: WorkspaceStatements) {}

  findByToken (token: string): Workspace | null {
    const row = this.q.byToken.get(token)
    return row === undefined ? null : toWorkspace(row)
  }

  findById (id: number): Workspace | null {
    const row = this.q.byId.get(id)
    return row === undefined ? null : toWorkspace(row)
  }

  /** Inserts the workspace unless its token already has one; returns it only when it is new. */
  insertIfAbsent (workspace: NewWorkspace): Workspace | null {
    const row = this.q.insert.get(workspace.token, workspace.app.idCode, workspace.app.name, workspace.app.timezone,
      workspace.app.region, workspace.app.clientSecret, workspace.ownerAdminId, workspace.apiVersion, workspace.app.createdAt)
    return row === undefined ? null : toWorkspace(row)
  }

  nextInSequence (workspaceId: number, kind: string, base: number): number {
    const row = this.q.nextInSequence.get(workspaceId, kind, base)
    if (row === undefined) throw new Error(`id sequence ${kind} of workspace ${workspaceId} returned nothing`)
    return row.last_value
  }
}

function toWorkspace (row: WorkspaceRow): Workspace {
  return {
    id: row.id,
    token: row.token,
    app: {
      idCode: row.app_id_code,
      name: row.app_name,
      createdAt: row.created_at,
      timezone: row.app_timezone,
      region: row.app_region,
      // Workspaces made before webhooks existed get the secret their token derives.
      clientSecret: row.app_client_secret ?? clientSecretFor(row.token)
    },
    ownerAdminId: row.owner_admin_id,
    apiVersion: row.api_version
  }
}
