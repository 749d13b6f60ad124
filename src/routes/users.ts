import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { isAtLeast } from '../versions.js'
import { createOrUpdateUser, deleteUser, findUserByEmail, findUserByUserId, listPeople, listUsersByEmail, retrieveUser } from '../domain/users.js'
import { v1Only } from '../http/api-version.js'
import { pageLinks } from '../http/links.js'
import { presentPersonListV1, presentPersonV1 } from '../presenters/v1/person.js'
import { IdParams } from '../schemas/common.js'
import { CreateOrUpdatePersonBody, ListPeopleQuery } from '../schemas/people.js'
import { personChanges } from './inputs.js'

/** 1.x users (intercom-api.md §3.1); 2.x has contacts instead. */
export const userRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post('/users', { schema: { body: CreateOrUpdatePersonBody }, constraints: v1Only }, async (request) => {
    const user = createOrUpdateUser(request.ctx, { id: request.body.id, ...personChanges(request.body), allows: { nullUnsubscribed: !isAtLeast(request.apiVersion, 1, 3) } })
    return presentPersonV1(user, request.ctx.workspace.app.idCode, request.apiVersion)
  })

  app.get('/users/:id', { schema: { params: IdParams }, constraints: v1Only }, async (request) => {
    return presentPersonV1(retrieveUser(request.ctx, request.params.id), request.ctx.workspace.app.idCode, request.apiVersion)
  })

  app.delete('/users/:id', { schema: { params: IdParams }, constraints: v1Only }, async (request) => {
    return presentPersonV1(deleteUser(request.ctx, { id: request.params.id }), request.ctx.workspace.app.idCode, request.apiVersion)
  })

  app.delete('/users', { schema: { querystring: ListPeopleQuery }, constraints: v1Only }, async (request) => {
    const user = deleteUser(request.ctx, { userId: request.query.user_id, email: request.query.email })
    return presentPersonV1(user, request.ctx.workspace.app.idCode, request.apiVersion)
  })

  app.get('/users', { schema: { querystring: ListPeopleQuery }, constraints: v1Only }, async (request) => {
    const { query, ctx } = request
    const appId = ctx.workspace.app.idCode
    if (query.user_id !== undefined) return presentPersonV1(findUserByUserId(ctx, query.user_id), appId, request.apiVersion)
    if (query.email !== undefined && !isAtLeast(request.apiVersion, 1, 1)) return presentPersonV1(findUserByEmail(ctx, query.email), appId, request.apiVersion)
    const page = query.email !== undefined
      ? listUsersByEmail(ctx, query.email, { includeLeads: !isAtLeast(request.apiVersion, 1, 2) })
      : listPeople(ctx, 'user', { page: query.page, perPage: query.per_page, order: query.order, sort: query.sort })
    return presentPersonListV1('users', page, appId, pageLinks(request), request.apiVersion)
  })
}
