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
    byId: db.prepare<[number, string], AdminRow>(`${ADMIN_SELECT} AND a.id = ?`),
    allTeams: db.prepare<[number], TeamRow>(`${TEAM_SELECT} ORDER BY t.position`),
    teamById: db.prepare<[number, string], TeamRow>(`${TEAM_SELECT} AND t.id = ?`),
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

/** Admins (teammates) and teams of one workspace. They come from fixtures; the API only reads them. */
export class AdminStore {
  constructor (private readonly q: AdminStatements, private readonly workspaceId: number) {}

  all (): Admin[] {
    return this.q.all.all(this.workspaceId).map(toAdmin)
  }

  findById (id: string): Admin | null {
    const row = this.q.byId.get(this.workspaceId, id)
    return row === undefined ? null : toAdmin(row)
  }

  allTeams (): Team[] {
    return this.q.allTeams.all(this.workspaceId).map(toTeam)
  }

  findTeamById (id: string): Team | null {
    const row = this.q.teamById.get(this.workspaceId, id)
    return row === undefined ? null : toTeam(row)
  }

  updateAway (id: string, away: Pick<Admin, 'awayModeEnabled' | 'awayModeReassign' | 'awayStatusReasonId'>): void {
    this.q.updateAway.run(toFlag(away.awayModeEnabled), toFlag(away.awayModeReassign), away.awayStatusReasonId, this.workspaceId, id)
  }

  insert (admin: Omit<Admin, 'teamIds' | 'awayStatusReasonId'>, position: number): void {
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
    this.q.insertTeam.run(this.workspaceId, team.id, team.name, position)
    for (const adminId of team.adminIds) this.q.insertMember.run(this.workspaceId, team.id, adminId)
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
    teamIds: JSON.parse(row.team_ids) as string[]
  }
}

function toTeam (row: TeamRow): Team {
  return { id: row.id, name: row.name, adminIds: JSON.parse(row.admin_ids) as string[] }
}
