import type { Admin, Team } from '../domain/types.js'
import type { SqliteDatabase } from './db.js'
import { fromFlag, toFlag } from './values.js'

interface AdminRow {
  id: string
  name: string
  email: string
  job_title: string | null
  away_mode_enabled: number
  away_mode_reassign: number
  away_status_reason_id: string | null
  has_inbox_seat: number
  avatar_url: string | null
  team_ids: string
}

interface TeamRow {
  id: string
  name: string
  admin_ids: string
}

const ADMIN_SELECT = `SELECT a.id, a.name, a.email, a.job_title, a.away_mode_enabled, a.away_mode_reassign, a.away_status_reason_id, a.has_inbox_seat,
  a.avatar_url, (SELECT json_group_array(m.team_id) FROM team_members m
                 WHERE m.workspace_id = a.workspace_id AND m.admin_id = a.id) AS team_ids
  FROM admins a WHERE a.workspace_id = ?`
const TEAM_SELECT = `SELECT t.id, t.name, (SELECT json_group_array(m.admin_id) FROM team_members m
                 WHERE m.workspace_id = t.workspace_id AND m.team_id = t.id) AS admin_ids
  FROM teams t WHERE t.workspace_id = ?`

/** @internal */
export function prepareAdminStatements (db: SqliteDatabase) {
  return {
    all: db.prepare<[number], AdminRow>(`${ADMIN_SELECT} ORDER BY a.position`),
    allTeams: db.prepare<[number], TeamRow>(`${TEAM_SELECT} ORDER BY t.position`),
    insert: db.prepare(`INSERT INTO admins (workspace_id, id, name, email, job_title, away_mode_enabled, away_mode_reassign,
      has_inbox_seat, avatar_url, position) VALUES (@workspace_id, @id, @name, @email, @job_title, @away_mode_enabled,
      @away_mode_reassign, @has_inbox_seat, @avatar_url, @position)`),
    updateAway: db.prepare<[number, number, string | null, number, string]>(`UPDATE admins SET away_mode_enabled = ?, away_mode_reassign = ?,
      away_status_reason_id = ? WHERE workspace_id = ? AND id = ?`),
    insertTeam: db.prepare('INSERT INTO teams (workspace_id, id, name, position) VALUES (?, ?, ?, ?)'),
    insertMember: db.prepare('INSERT INTO team_members (workspace_id, team_id, admin_id) VALUES (?, ?, ?)')
  }
}

/** @internal */
export type AdminStatements = ReturnType<typeof prepareAdminStatements>

/** A workspace's admins and teams, each by id in the fixtures' order, as the store keeps them between requests. */
export interface KeptAdmins {
  admins: ReadonlyMap<string, Admin>
  teams: ReadonlyMap<string, Team>
}

/**
 * Admins (teammates) and teams of one workspace. They come from fixtures; the API only reads them
 * and sets away mode. They are read on many requests (`GET /me`, every admin named in a write), so the
 * workspace's are read once into `kept` (the registry's, emptied with its cache) and dropped by this
 * store's writes.
 */
export class AdminStore {
  constructor (private readonly q: AdminStatements, private readonly workspaceId: number, private readonly kept: Map<number, KeptAdmins>) {}

  all (): Admin[] {
    return [...this.read().admins.values()]
  }

  findById (id: string): Admin | null {
    return this.read().admins.get(id) ?? null
  }

  allTeams (): Team[] {
    return [...this.read().teams.values()]
  }

  findTeamById (id: string): Team | null {
    return this.read().teams.get(id) ?? null
  }

  updateAway (id: string, away: Pick<Admin, 'awayModeEnabled' | 'awayModeReassign' | 'awayStatusReasonId'>): void {
    this.kept.delete(this.workspaceId)
    this.q.updateAway.run(toFlag(away.awayModeEnabled), toFlag(away.awayModeReassign), away.awayStatusReasonId, this.workspaceId, id)
  }

  insert (admin: Omit<Admin, 'teamIds' | 'awayStatusReasonId'>, position: number): void {
    this.kept.delete(this.workspaceId)
    this.q.insert.run({
      workspace_id: this.workspaceId,
      id: admin.id,
      name: admin.name,
      email: admin.email,
      job_title: admin.jobTitle,
      away_mode_enabled: toFlag(admin.awayModeEnabled),
      away_mode_reassign: toFlag(admin.awayModeReassign),
      has_inbox_seat: toFlag(admin.hasInboxSeat),
      avatar_url: admin.avatarUrl,
      position
    })
  }

  insertTeam (team: Team, position: number): void {
    this.kept.delete(this.workspaceId)
    this.q.insertTeam.run(this.workspaceId, team.id, team.name, position)
    for (const adminId of team.adminIds) this.q.insertMember.run(this.workspaceId, team.id, adminId)
  }

  private read (): KeptAdmins {
    let kept = this.kept.get(this.workspaceId)
    if (kept === undefined) {
      // Frozen: every caller shares these objects.
      const admins = this.q.all.all(this.workspaceId).map(row => Object.freeze(toAdmin(row)))
      const teams = this.q.allTeams.all(this.workspaceId).map(row => Object.freeze(toTeam(row)))
      kept = { admins: new Map(admins.map(admin => [admin.id, admin])), teams: new Map(teams.map(team => [team.id, team])) }
      this.kept.set(this.workspaceId, kept)
    }
    return kept
  }
}

function toAdmin (row: AdminRow): Admin {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    jobTitle: row.job_title,
    awayModeEnabled: fromFlag(row.away_mode_enabled),
    awayModeReassign: fromFlag(row.away_mode_reassign),
    awayStatusReasonId: row.away_status_reason_id,
    hasInboxSeat: fromFlag(row.has_inbox_seat),
    avatarUrl: row.avatar_url,
    teamIds: Object.freeze(JSON.parse(row.team_ids)) as string[]
  }
}

function toTeam (row: TeamRow): Team {
  return { id: row.id, name: row.name, adminIds: Object.freeze(JSON.parse(row.admin_ids)) as string[] }
}
