import type { DomainContext } from './context.js'
import { errors } from './errors.js'
import type { ActivityLogRecord } from '../store/activity-logs.js'
import { numberedPage, pageWindow, type PageRequest } from './pagination.js'
import type { Admin, App, Page, Team } from './types.js'

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
    recordAwayChange(ctx, admin, away)
    const updated = { ...admin, ...away }
    ctx.events.record({ type: 'admin.away_changed', admin: updated })
    return updated
  })
}

/** Records an away-mode change as Intercom's `admin_away_mode_change` activity, by the token's owner. */
function recordAwayChange (ctx: DomainContext, admin: Admin, away: Pick<Admin, 'awayModeEnabled' | 'awayModeReassign' | 'awayStatusReasonId'>): void {
  const actor = identifyAdmin(ctx).admin
  const whose = actor.id === admin.id ? 'their' : `${admin.name}'s`
  ctx.store.activityLogs.insert({
    id: ctx.ids.uuid(),
    performedBy: actor.id,
    activityType: 'admin_away_mode_change',
    activityDescription: `${actor.name} changed ${whose} away mode to ${away.awayModeEnabled ? 'away' : 'active'}.`,
    metadata: {
      away_mode: away.awayModeEnabled,
      reassign_conversations: away.awayModeReassign,
      ...(away.awayStatusReasonId === null ? {} : { away_status_reason: away.awayStatusReasonId }),
      // A string in every description ("Indicates if the status was changed automatically or manually").
      auto_changed: 'manual',
      source: 'api',
      update_by: Number(actor.id),
      update_by_name: actor.name
    },
    createdAt: ctx.clock.now()
  })
}

/** Activity logs (`GET /admins/activity_logs`) created after `after` and before `before` (now by default), newest first. */
export function listActivityLogs (ctx: DomainContext, input: { after: number, before?: number | undefined } & PageRequest): Page<ActivityLog> {
  const window = { after: input.after, before: input.before ?? ctx.clock.now() + 1 }
  const page = pageWindow(input, ACTIVITY_LOG_PAGE_LIMITS)
  const admins = new Map(ctx.store.admins.all().map(a => [a.id, a]))
  const items = ctx.store.activityLogs.page(window, page.perPage, page.offset).map(log => ({ ...log, performedBy: admins.get(log.performedBy) ?? null }))
  return numberedPage(items, page, ctx.store.activityLogs.count(window))
}

export type ActivityLog = Omit<ActivityLogRecord, 'performedBy'> & { performedBy: Admin | null }

/** Intercom pages activity logs 20 at a time (its example). */
const ACTIVITY_LOG_PAGE_LIMITS = { defaultPerPage: 20, maxPerPage: 20 }

/** `GET /me`: the admin who owns the access token (the fixtures' `me`, else the first admin), with the app. */
export function identifyAdmin (ctx: DomainContext): { admin: Admin, app: App } {
  const owner = ctx.workspace.ownerAdminId === null ? null : ctx.store.admins.findById(ctx.workspace.ownerAdminId)
  const admin = owner ?? ctx.store.admins.all()[0]
  if (admin === undefined) throw errors.adminNotFound()
  return { admin, app: ctx.workspace.app }
}
