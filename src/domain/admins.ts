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

/** `GET /teams` (2.x; 1.x lists teams within `GET /admins`). */
export function listTeams (ctx: DomainContext): Team[] {
  return ctx.store.admins.allTeams()
}

/** `GET /teams/{id}`: an unknown id is Intercom's 404 `team_not_found`. */
export function retrieveTeam (ctx: DomainContext, id: string): Team {
  const team = ctx.store.admins.findTeamById(id)
  if (team === null) throw errors.teamNotFound()
  return team
}

/** `GET /me`: the admin who owns the access token (the fixtures' `me`, else the first admin), with the app. */
export function identifyAdmin (ctx: DomainContext): { admin: Admin, app: App } {
  const owner = ctx.workspace.ownerAdminId === null ? null : ctx.store.admins.findById(ctx.workspace.ownerAdminId)
  const admin = owner ?? ctx.store.admins.all()[0]
  if (admin === undefined) throw errors.adminNotFound()
  return { admin, app: ctx.workspace.app }
}
