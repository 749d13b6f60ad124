import type { ClockSetting } from '../domain/clock.js'
import { clientSecretFor } from '../domain/ids.js'
import type { App, Workspace } from '../domain/types.js'
import type { KeptAdmins } from './admins.js'
import type { SqliteDatabase } from './db.js'
import type { SubscriptionRecord } from './webhook-records.js'

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
  seed: string
  clock_mode: ClockSetting['mode']
  clock_value: number
}

export interface NewWorkspace {
  token: string
  app: App
  ownerAdminId: string | null
  apiVersion: string | null
  seed: string
  clock: ClockSetting
}

/** A workspace with the sizes the control plane lists. */
export interface WorkspaceSummary {
  workspace: Workspace
  contacts: number
  conversations: number
}

const LIVE = 'dropped = 0'
const SUMMARY = `SELECT w.*, (SELECT count(*) FROM contacts c WHERE c.workspace_id = w.id AND c.deleted_at IS NULL) AS contact_count,
  (SELECT count(*) FROM conversations v WHERE v.workspace_id = w.id) AS conversation_count FROM workspaces w WHERE w.${LIVE}`

/** @internal */
export function prepareWorkspaceStatements (db: SqliteDatabase) {
  return {
    byToken: db.prepare<[string], WorkspaceRow>(`SELECT * FROM workspaces WHERE token = ? AND ${LIVE}`),
    byId: db.prepare<[number], WorkspaceRow>(`SELECT * FROM workspaces WHERE id = ? AND ${LIVE}`),
    insert: db.prepare<[string, string, string, string, string, string, string | null, string | null, number, string, string, number], WorkspaceRow>(`INSERT INTO
      workspaces (token, app_id_code, app_name, app_timezone, app_region, app_client_secret, owner_admin_id, api_version, created_at, seed, clock_mode, clock_value)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (token) DO NOTHING RETURNING *`),
    setClock: db.prepare<[string, number, number]>(`UPDATE workspaces SET clock_mode = ?, clock_value = ? WHERE id = ? AND ${LIVE}`),
    // A dropped workspace gives up its token (a NUL-prefixed name no request can send) so the token can start afresh.
    drop: db.prepare<[number]>(`UPDATE workspaces SET dropped = 1, token = char(0) || 'dropped:' || id WHERE id = ? AND ${LIVE}`),
    dropAll: db.prepare(`UPDATE workspaces SET dropped = 1, token = char(0) || 'dropped:' || id WHERE ${LIVE} RETURNING id`),
    summaries: db.prepare<[], WorkspaceRow & { contact_count: number, conversation_count: number }>(`${SUMMARY} ORDER BY w.id`),
    // The counter's row exists after its first id: a plain UPDATE then, cheaper than the upsert that creates it.
    advanceSequence: db.prepare<[number, string], number>(`UPDATE id_sequences SET last_value = last_value + 1
      WHERE workspace_id = ? AND kind = ? RETURNING last_value`).pluck(),
    nextInSequence: db.prepare<[number, string, number], { last_value: number }>(`INSERT INTO id_sequences
      (workspace_id, kind, last_value) VALUES (?, ?, ? + 1)
      ON CONFLICT (workspace_id, kind) DO UPDATE SET last_value = last_value + 1 RETURNING last_value`),
    sequences: db.prepare<[number], { kind: string, last_value: number }>('SELECT kind, last_value FROM id_sequences WHERE workspace_id = ? ORDER BY kind'),
    raiseSequence: db.prepare<[number, string, number]>(`INSERT INTO id_sequences (workspace_id, kind, last_value) VALUES (?, ?, ?)
      ON CONFLICT (workspace_id, kind) DO UPDATE SET last_value = max(last_value, excluded.last_value)`),
    // Changes when another connection (another process on the same file) commits; this one's own commits leave it.
    dataVersion: db.prepare<[], number>('PRAGMA data_version').pluck()
  }
}

/** @internal */
export type WorkspaceStatements = ReturnType<typeof prepareWorkspaceStatements>

/**
 * Workspaces across the database: one per access token. Every request looks its token up, so live
 * workspaces are kept in memory: this registry's own writes update the cache, a failed transaction
 * (`forgetCached`, which may have rolled back a write the cache saw) and another process's commit
 * (`PRAGMA data_version`) empty it.
 */
export class WorkspaceRegistry {
  private readonly byToken = new Map<string, Workspace>()
  private readonly byId = new Map<number, Workspace>()
  /**
   * Per workspace, the earliest `snoozed_until` of its snoozed conversations (Infinity for none), which
   * ConversationStore reads once and keeps; forgotten with the rest of the cache.
   */
  readonly earliestSnoozes = new Map<number, number>()
  /** Per workspace, its active webhook subscriptions, which WebhookStore reads once and keeps. */
  readonly activeSubscriptions = new Map<number, readonly SubscriptionRecord[]>()
  /** Per workspace, its admins and teams, which AdminStore reads once and keeps. */
  readonly admins = new Map<number, KeptAdmins>()
  private seenVersion = -1
  private checkedInBatch: object | null = null

  /** `writeBatch`: the group transaction this connection has open, if any (store/group-commit.ts). */
  constructor (private readonly q: WorkspaceStatements, private readonly writeBatch: () => object | null = () => null) {}

  findByToken (token: string): Workspace | null {
    this.checkVersion()
    const cached = this.byToken.get(token)
    if (cached !== undefined) return cached
    const row = this.q.byToken.get(token)
    return row === undefined ? null : this.remember(toWorkspace(row))
  }

  findById (id: number): Workspace | null {
    this.checkVersion()
    const cached = this.byId.get(id)
    if (cached !== undefined) return cached
    const row = this.q.byId.get(id)
    return row === undefined ? null : this.remember(toWorkspace(row))
  }

  /** Empties the cache: a transaction failed, and a write it had made may be gone. */
  forgetCached (): void {
    this.byToken.clear()
    this.byId.clear()
    this.earliestSnoozes.clear()
    this.activeSubscriptions.clear()
    this.admins.clear()
  }

  /** Inserts the workspace unless its token already has one; returns it only when it is new. */
  insertIfAbsent (workspace: NewWorkspace): Workspace | null {
    const clock = clockColumns(workspace.clock)
    const row = this.q.insert.get(workspace.token, workspace.app.idCode, workspace.app.name, workspace.app.timezone,
      workspace.app.region, workspace.app.clientSecret, workspace.ownerAdminId, workspace.apiVersion, workspace.app.createdAt, workspace.seed, clock.mode, clock.value)
    return row === undefined ? null : this.remember(toWorkspace(row))
  }

  setClock (workspaceId: number, setting: ClockSetting): void {
    const { mode, value } = clockColumns(setting)
    this.q.setClock.run(mode, value, workspaceId)
    this.forget(workspaceId)
  }

  /** Takes the workspace out of use at once; its rows are purged later (store/purge.ts). */
  drop (workspaceId: number): void {
    this.q.drop.run(workspaceId)
    this.forget(workspaceId)
  }

  /** Drops every workspace; answers the ids it dropped. */
  dropAll (): number[] {
    this.forgetCached()
    return (this.q.dropAll.all() as Array<{ id: number }>).map(row => row.id)
  }

  summaries (): WorkspaceSummary[] {
    return this.q.summaries.all().map(row => ({ workspace: toWorkspace(row), contacts: row.contact_count, conversations: row.conversation_count }))
  }

  nextInSequence (workspaceId: number, kind: string, base: number): number {
    const advanced = this.q.advanceSequence.get(workspaceId, kind)
    if (advanced !== undefined) return advanced
    const row = this.q.nextInSequence.get(workspaceId, kind, base)
    if (row === undefined) throw new Error(`id sequence ${kind} of workspace ${workspaceId} returned nothing`)
    return row.last_value
  }

  /** The last value each id sequence of the workspace handed out. */
  sequences (workspaceId: number): Record<string, number> {
    return Object.fromEntries(this.q.sequences.all(workspaceId).map(row => [row.kind, row.last_value]))
  }

  /** Makes sure the sequence never hands out `lastValue` or anything below it again. */
  raiseSequence (workspaceId: number, kind: string, lastValue: number): void {
    this.q.raiseSequence.run(workspaceId, kind, lastValue)
  }

  private checkVersion (): void {
    // An open group transaction holds SQLite's write lock, so no other connection commits before it
    // ends: one check inside it stands for the rest of it (the requests of a turn share one).
    const batch = this.writeBatch()
    if (batch !== null && batch === this.checkedInBatch) return
    this.checkedInBatch = batch
    const version = this.q.dataVersion.get() as number
    if (version === this.seenVersion) return
    this.seenVersion = version
    this.forgetCached()
  }

  private remember (workspace: Workspace): Workspace {
    this.byToken.set(workspace.token, workspace)
    this.byId.set(workspace.id, workspace)
    return workspace
  }

  private forget (workspaceId: number): void {
    const workspace = this.byId.get(workspaceId)
    if (workspace !== undefined) this.byToken.delete(workspace.token)
    this.byId.delete(workspaceId)
    this.earliestSnoozes.delete(workspaceId)
    this.activeSubscriptions.delete(workspaceId)
    this.admins.delete(workspaceId)
  }
}

function clockColumns (setting: ClockSetting): { mode: ClockSetting['mode'], value: number } {
  return { mode: setting.mode, value: setting.mode === 'frozen' ? setting.at : setting.mode === 'offset' ? setting.seconds : 0 }
}

function toClockSetting (mode: ClockSetting['mode'], value: number): ClockSetting {
  return mode === 'frozen' ? { mode, at: value } : mode === 'offset' ? { mode, seconds: value } : { mode }
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
    apiVersion: row.api_version,
    seed: row.seed,
    clock: toClockSetting(row.clock_mode, row.clock_value)
  }
}
