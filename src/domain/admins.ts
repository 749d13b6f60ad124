import type { DomainContext } from './context.js'
import { errors } from './errors.js'
import type { Admin, App, Team } from './types.js'

export function listAdmins (ctx: DomainContext): { admins: Admin[], teams: Team[] } {
  return { admins: ctx.store.admins.all(), teams: ctx.store.admins.allTeams() }
}

export function retrieveAdmin (ctx: DomainContext, id: string): Admin {
  const admin = ctx.store.admins.findById(id)
  if (admin === null) throw errors.adminNotFound()
  return admin
}

/** `PUT /admins/{id}/away`: away mode on or off, with reassignment and (2.14+) a reason. */
export interface AwayInput {
  awayModeEnabled: boolean
  awayModeReassign: boolean
  awayStatusReasonId?: string | undefined
}

/**
 * Sets an admin's away mode. While away with `away_mode_reassign`, new replies to conversations
 * assigned to them go back to the team inbox (replies.ts). Turning away mode off clears the reason.
 */
export function setAdminAway (ctx: DomainContext, id: string, input: AwayInput): Admin {
  return ctx.store.transaction(() => {
    const admin = ctx.store.admins.findById(id)
    if (admin === null) throw errors.adminForIdNotFound()
    // All checks are above this line; below it, only writes.
    const away = {
      awayModeEnabled: input.awayModeEnabled,
      awayModeReassign: input.awayModeReassign,
      awayStatusReasonId: input.awayModeEnabled ? input.awayStatusReasonId ?? admin.awayStatusReasonId : null
    }
    ctx.store.admins.updateAway(id, away)
    return { ...admin, ...away }
  })
}

/** `GET /me`: the admin who owns the access token (the fixtures' `me`, else the first admin), with the app. */
export function identifyAdmin (ctx: DomainContext): { admin: Admin, app: App } {
  const owner = ctx.workspace.ownerAdminId === null ? null : ctx.store.admins.findById(ctx.workspace.ownerAdminId)
  const admin = owner ?? ctx.store.admins.all()[0]
  if (admin === undefined) throw errors.adminNotFound()
  return { admin, app: ctx.workspace.app }
}
