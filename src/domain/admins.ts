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

/** `GET /me`: the admin who owns the access token (the fixtures' `me`, else the first admin), with the app. */
export function identifyAdmin (ctx: DomainContext): { admin: Admin, app: App } {
  const owner = ctx.workspace.ownerAdminId === null ? null : ctx.store.admins.findById(ctx.workspace.ownerAdminId)
  const admin = owner ?? ctx.store.admins.all()[0]
  if (admin === undefined) throw errors.adminNotFound()
  return { admin, app: ctx.workspace.app }
}
