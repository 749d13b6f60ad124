import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { identifyAdmin, listAdmins, retrieveAdmin } from '../domain/admins.js'
import { IdParams } from '../schemas/common.js'

export const adminRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/admins', async (request) => request.present.adminList(listAdmins(request.ctx)))

  app.get('/admins/:id', { schema: { params: IdParams } }, async (request) => {
    return request.present.admin(retrieveAdmin(request.ctx, request.params.id))
  })

  app.get('/me', async (request) => request.present.me(identifyAdmin(request.ctx)))
}
