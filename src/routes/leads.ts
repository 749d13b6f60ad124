import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { convertLead, createOrUpdateLead, deleteLead, findLead, listLeadsBy } from '../domain/leads.js'
import { listPeople } from '../domain/users.js'
import { v1Only } from '../http/api-version.js'
import { pageLinks } from '../http/links.js'
import { presentPersonListV1, presentPersonV1 } from '../presenters/v1/person.js'
import { IdParams } from '../schemas/common.js'
import { ConvertLeadBody, CreateOrUpdatePersonBody, ListPeopleQuery } from '../schemas/people.js'
import { contactIdentifiers, personChanges } from './inputs.js'

/** 1.x leads, which 1.x calls contacts (intercom-api.md §3.2); 2.x `/contacts` is another resource. */
export const leadRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post('/contacts', { schema: { body: CreateOrUpdatePersonBody }, constraints: v1Only }, async (request) => {
    // A lead's user_id names the lead to update; it cannot be changed.
    const lead = createOrUpdateLead(request.ctx, { ...personChanges(request.body), externalId: undefined, id: request.body.id, userId: request.body.user_id })
    return presentPersonV1(lead, request.ctx.workspace.app.idCode, request.apiVersion)
  })

  app.put('/contacts/:id', { schema: { params: IdParams, body: CreateOrUpdatePersonBody }, constraints: v1Only }, async (request) => {
    const lead = createOrUpdateLead(request.ctx, { ...personChanges(request.body), externalId: undefined, id: request.params.id })
    return presentPersonV1(lead, request.ctx.workspace.app.idCode, request.apiVersion)
  })

  app.delete('/contacts/:id', { schema: { params: IdParams }, constraints: v1Only }, async (request) => {
    return presentPersonV1(deleteLead(request.ctx, { by: 'id', value: request.params.id }), request.ctx.workspace.app.idCode, request.apiVersion)
  })

  app.post('/contacts/convert', { schema: { body: ConvertLeadBody }, constraints: v1Only }, async (request) => {
    const user = convertLead(request.ctx, { contact: contactIdentifiers(request.body.contact), user: contactIdentifiers(request.body.user) })
    return presentPersonV1(user, request.ctx.workspace.app.idCode, request.apiVersion)
  })

  app.get('/contacts/:id', { schema: { params: IdParams }, constraints: v1Only }, async (request) => {
    return presentPersonV1(findLead(request.ctx, { by: 'id', value: request.params.id }), request.ctx.workspace.app.idCode, request.apiVersion)
  })

  app.get('/contacts', { schema: { querystring: ListPeopleQuery }, constraints: v1Only }, async (request) => {
    const { query, ctx } = request
    const appId = ctx.workspace.app.idCode
    if (query.user_id !== undefined) return presentPersonV1(findLead(ctx, { by: 'userId', value: query.user_id }), appId, request.apiVersion)
    const page = query.email !== undefined ? listLeadsBy(ctx, 'email', query.email)
      : query.phone !== undefined ? listLeadsBy(ctx, 'phone', query.phone)
        : listPeople(ctx, 'lead', { page: query.page, perPage: query.per_page, order: query.order, sort: query.sort })
    return presentPersonListV1('contacts', page, appId, pageLinks(request), request.apiVersion)
  })
}
