import type { Team } from '../../domain/types.js'
import { integerId } from './integer-id.js'

/** A 2.x `team`: its admins' ids are integers, as `team_ids` of admins are. */
export interface TeamV2 {
  type: 'team'
  id: string
  name: string
  admin_ids: number[]
}

export function presentTeamV2 (team: Team): TeamV2 {
  return { type: 'team', id: team.id, name: team.name, admin_ids: team.adminIds.map(integerId) }
}

export function presentTeamListV2 (teams: Team[]): { type: 'team.list', teams: TeamV2[] } {
  return { type: 'team.list', teams: teams.map(presentTeamV2) }
}
