import type { Admin, App } from '../../domain/types.js'
import type { ApiVersion } from '../../versions.js'
import { presentMe, type MeWire } from '../me.js'
import { integerId } from './integer-id.js'
import { is211 } from './version-2-11.js'

/**
 * `GET /me` in 2.x: the shape every version's example shows (src/presenters/me.ts), plus what 2.11's
 * `admin_with_app` alone requires. Its own example omits these four; sending them costs clients
 * nothing, and the mock knows them.
 */
export interface MeV2 extends MeWire {
  job_title?: string
  away_mode_enabled?: boolean
  away_mode_reassign?: boolean
  team_ids?: number[]
}

export function presentMeV2 (identity: { admin: Admin, app: App }, version: ApiVersion): MeV2 {
  const wire: MeV2 = presentMe(identity)
  if (is211(version)) {
    const { admin } = identity
    wire.job_title = admin.jobTitle ?? ''
    wire.away_mode_enabled = admin.awayModeEnabled
    wire.away_mode_reassign = admin.awayModeReassign
    wire.team_ids = admin.teamIds.map(integerId)
  }
  return wire
}
