import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { singleIdentifier } from '../domain/people.js'
import { convertVisitor, deleteVisitor, findVisitor, updateVisitor } from '../domain/visitors.js'
import { v1Only, v2Only } from '../http/api-version.js'
import { presentPersonV1 } from '../presenters/v1/person.js'
import { IdParams } from '../schemas/common.js'
import { ConvertVisitorBody, CreateOrUpdatePersonBody, FindVisitorQuery } from '../schemas/people.js'
import { contactIdentifiers, personChanges } from './inputs.js'

export const visitorRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/visitors', { schema: { querystring: FindVisitorQuery } }, async (request) => {
    const visitor = findVisitor(request.ctx, singleIdentifier(contactIdentifiers(request.query), 'visitor'))
    return request.present.visitor(visitor, request.ctx.workspace.app.idCode)
  })

  app.put('/visitors', { schema: { body: CreateOrUpdatePersonBody }, constraints: v2Only }, async (request) => {
    const visitor = updateVisitor(request.ctx, contactIdentifiers(request.body), personChanges(request.body))
    return request.present.visitor(visitor, request.ctx.workspace.app.idCode)
  })

  app.get('/visitors/:id', { schema: { params: IdParams }, constraints: v1Only }, async (request) => {
    return presentPersonV1(findVisitor(request.ctx, { by: 'id', value: request.params.id }), request.ctx.workspace.app.idCode, request.apiVersion)
  })

  app.post('/visitors', { schema: { body: CreateOrUpdatePersonBody }, constraints: v1Only }, async (request) => {
    const visitor = updateVisitor(request.ctx, contactIdentifiers(request.body), personChanges(request.body))
    return presentPersonV1(visitor, request.ctx.workspace.app.idCode, request.apiVersion)
  })

  app.delete('/visitors/:id', { schema: { params: IdParams }, constraints: v1Only }, async (request) => {
    return presentPersonV1(deleteVisitor(request.ctx, { by: 'id', value: request.params.id }), request.ctx.workspace.app.idCode, request.apiVersion)
  })

  app.post('/visitors/convert', { schema: { body: ConvertVisitorBody } }, async (request) => {
    const { body } = request
    const converted = convertVisitor(request.ctx, {
      type: body.type,
      visitor: contactIdentifiers(body.visitor),
      user: body.user === undefined ? undefined : contactIdentifiers(body.user)
    })
    return request.present.person(converted, request.ctx.workspace.app.idCode)
  })
}
