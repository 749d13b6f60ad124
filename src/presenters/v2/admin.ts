import type { Admin, Team } from '../../domain/types.js'
import { isAtLeast, type ApiVersion } from '../../versions.js'
import { integerId } from './integer-id.js'
import { is211 } from './version-2-11.js'

/**
 * A 2.x admin (`admin`, intercom-api.md §3.4), in the shape of the spec's admin examples.
 * `job_title` is there when the admin has one, as in those examples (2.11 requires it: '' then).
 */
export interface AdminV2 {
  type: 'admin'
  id: string
  name: string
  email: string
  job_title?: string
  away_mode_enabled: boolean
  away_mode_reassign: boolean
  has_inbox_seat: boolean
  /** 2.14+. */
  away_status_reason_id?: null
  /** Integers, unlike the ids themselves. */
  team_ids: number[]
  /**
   * `GET /admins/{id}` only: `GET /admins` sends avatars only when asked (`display_avatar=true`,
   * Intercom-OpenAPI #451). An object, as 2.11 declares it and Intercom sends it (Intercom-OpenAPI #199);
   * the other descriptions still say a URL string (see KNOWN_DEVIATIONS).
   */
  avatar?: { image_url: string } | null
}

/** 2.x `GET /admins` lists admins only; 1.x listed teams beside them. */
export interface AdminListV2 {
  type: 'admin.list'
  admins: AdminV2[]
}

/** The `owner` of an admin message, as the `POST /messages` examples show it. */
export interface AdminOwnerV2 {
  type: 'admin'
  id: string
  name: string
  email: string
  away_mode_enabled: boolean
  away_mode_reassign: boolean
}

/** `GET /admins/{id}`. */
export function presentAdminV2 (admin: Admin, version: ApiVersion): AdminV2 {
  const wire = presentListedAdminV2(admin, version)
  wire.avatar = admin.avatarUrl === null ? null : { image_url: admin.avatarUrl }
  return wire
}

/** `GET /admins`: teams are not listed (`admin_list` holds admins only, in every 2.x description). */
export function presentAdminListV2 ({ admins }: { admins: Admin[], teams: Team[] }, version: ApiVersion): AdminListV2 {
  return { type: 'admin.list', admins: admins.map(admin => presentListedAdminV2(admin, version)) }
}

export function presentAdminOwnerV2 (admin: Admin): AdminOwnerV2 {
  return {
    type: 'admin',
    id: admin.id,
    name: admin.name,
    email: admin.email,
    away_mode_enabled: admin.awayModeEnabled,
    away_mode_reassign: admin.awayModeReassign
  }
}

function presentListedAdminV2 (admin: Admin, version: ApiVersion): AdminV2 {
  const wire: AdminV2 = {
    type: 'admin',
    id: admin.id,
    name: admin.name,
    email: admin.email,
    away_mode_enabled: admin.awayModeEnabled,
    away_mode_reassign: admin.awayModeReassign,
    has_inbox_seat: admin.hasInboxSeat,
    team_ids: admin.teamIds.map(integerId)
  }
  // 2.11's `admin` alone requires job_title (its own examples have none): '' for an admin without one.
  if (admin.jobTitle !== null) wire.job_title = admin.jobTitle
  else if (is211(version)) wire.job_title = ''
  // 2.14 adds `away_status_reason_id` (null: the mock has no away reasons).
  if (isAtLeast(version, 2, 14)) wire.away_status_reason_id = null
  return wire
}
