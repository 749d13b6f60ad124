import type { ActivityLog } from '../../domain/admins.js'
import type { Admin, Page, Team } from '../../domain/types.js'
import { presentCursorPagesV2, type CursorPagesV2 } from './pages.js'
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
  /** 2.14+: an integer, or null when the admin is not away for a reason. */
  away_status_reason_id?: number | null
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

/** `activity_log_list`: what teammates did (the mock records away-mode changes). */
export interface ActivityLogListV2 {
  type: 'activity_log.list'
  pages: CursorPagesV2
  activity_logs: Array<{
    id: string
    performed_by: { type: 'admin', id: string, email: string, ip: string } | null
    metadata: Record<string, unknown>
    created_at: number
    activity_type: string
    activity_description: string
  }>
}

export function presentActivityLogsV2 (page: Page<ActivityLog>): ActivityLogListV2 {
  return {
    type: 'activity_log.list',
    pages: presentCursorPagesV2(page),
    activity_logs: page.items.map(log => ({
      id: log.id,
      // The mock has no client addresses: every teammate acts from the loopback address.
      performed_by: log.performedBy === null ? null : { type: 'admin', id: log.performedBy.id, email: log.performedBy.email, ip: '127.0.0.1' },
      metadata: log.metadata,
      created_at: log.createdAt,
      activity_type: log.activityType,
      activity_description: log.activityDescription
    }))
  }
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
  // 2.14 adds `away_status_reason_id`.
  if (isAtLeast(version, 2, 14)) wire.away_status_reason_id = admin.awayStatusReasonId === null ? null : integerId(admin.awayStatusReasonId)
  return wire
}
