import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { identifyAdmin, listAdmins, listTeams, retrieveAdmin, retrieveTeam } from '../domain/admins.js'
import { v2Only } from '../http/api-version.js'
import { presentTeamListV2, presentTeamV2 } from '../presenters/v2/team.js'
import { IdParams } from '../schemas/common.js'

export const adminRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/admins', async (request) => request.present.adminList(listAdmins(request.ctx)))

  app.get('/admins/:id', { schema: { params: IdParams } }, async (request) => {
    return request.present.admin(retrieveAdmin(request.ctx, request.params.id))
  })

  app.get('/me', async (request) => request.present.me(identifyAdmin(request.ctx)))

  app.get('/teams', { constraints: v2Only }, async (request) => presentTeamListV2(listTeams(request.ctx)))

  app.get('/teams/:id', { schema: { params: IdParams }, constraints: v2Only }, async (request) => {
    return presentTeamV2(retrieveTeam(request.ctx, request.params.id))
  })
}
