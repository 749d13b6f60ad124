import type { Admin, Team } from '../../domain/types.js'

/** An admin as 1.x lists and shows it (intercom-api.md §3.4). */
export interface AdminV1 {
  type: 'admin'
  id: string
  name: string
  email: string
  job_title: string | null
  away_mode_enabled: boolean
  away_mode_reassign: boolean
  has_inbox_seat: boolean
  team_ids: string[]
  avatar: { image_url: string | null }
}

/** 1.x `GET /admins` lists teams beside admins, as entries of type team. */
export interface TeamV1 {
  type: 'team'
  id: string
  name: string
  admin_ids: string[]
}

export interface AdminListV1 {
  type: 'admin.list'
  admins: Array<AdminV1 | TeamV1>
}

/** The `owner` of an admin message. */
export interface AdminOwnerV1 {
  type: 'admin'
  id: string
  name: string
  email: string
}

export function presentAdminV1 (admin: Admin): AdminV1 {
  return {
    type: 'admin',
    id: admin.id,
    name: admin.name,
    email: admin.email,
    job_title: admin.jobTitle,
    away_mode_enabled: admin.awayModeEnabled,
    away_mode_reassign: admin.awayModeReassign,
    has_inbox_seat: admin.hasInboxSeat,
    team_ids: admin.teamIds,
    avatar: { image_url: admin.avatarUrl }
  }
}

export function presentAdminListV1 ({ admins, teams }: { admins: Admin[], teams: Team[] }): AdminListV1 {
  return {
    type: 'admin.list',
    admins: [
      ...admins.map(presentAdminV1),
      ...teams.map((team): TeamV1 => ({ type: 'team', id: team.id, name: team.name, admin_ids: team.adminIds }))
    ]
  }
}

export function presentAdminOwnerV1 (admin: Admin): AdminOwnerV1 {
  return { type: 'admin', id: admin.id, name: admin.name, email: admin.email }
}
