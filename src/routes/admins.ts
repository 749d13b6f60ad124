import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { identifyAdmin, listActivityLogs, listAdmins, listTeams, retrieveAdmin, retrieveTeam, setAdminAway } from '../domain/admins.js'
import { v2Only } from '../http/api-version.js'
import { presentActivityLogsV2 } from '../presenters/v2/admin.js'
import { presentTeamListV2, presentTeamV2 } from '../presenters/v2/team.js'
import { ActivityLogsQuery, AwayBody, IdParams } from '../schemas/common.js'
import { isAtLeast } from '../versions.js'

export const adminRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/admins', async (request) => request.present.adminList(listAdmins(request.ctx)))

  app.get('/admins/activity_logs', { schema: { querystring: ActivityLogsQuery }, constraints: v2Only }, async (request) => {
    const { query } = request
    return presentActivityLogsV2(listActivityLogs(request.ctx, { after: query.created_at_after, before: query.created_at_before, startingAfter: query.starting_after }))
  })

  app.get('/admins/:id', { schema: { params: IdParams } }, async (request) => {
    return request.present.admin(retrieveAdmin(request.ctx, request.params.id))
  })

  app.put('/admins/:id/away', { schema: { params: IdParams, body: AwayBody }, constraints: v2Only }, async (request) => {
    const { body } = request
    const admin = setAdminAway(request.ctx, request.params.id, {
      awayModeEnabled: body.away_mode_enabled,
      awayModeReassign: body.away_mode_reassign,
      awayStatusReasonId: isAtLeast(request.apiVersion, 2, 14) ? body.away_status_reason_id : undefined
    })
    return request.present.admin(admin)
  })

  app.get('/me', async (request) => request.present.me(identifyAdmin(request.ctx)))

  app.get('/teams', { constraints: v2Only }, async (request) => presentTeamListV2(listTeams(request.ctx)))

  app.get('/teams/:id', { schema: { params: IdParams }, constraints: v2Only }, async (request) => {
    return presentTeamV2(retrieveTeam(request.ctx, request.params.id))
  })
}
