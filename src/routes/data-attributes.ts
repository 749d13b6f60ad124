import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { createDataAttribute, listDataAttributes, updateDataAttribute } from '../domain/data-attributes.js'
import { v2Only } from '../http/api-version.js'
import { presentDataAttributeListV2, presentDataAttributeV2 } from '../presenters/v2/data-attribute.js'
import { IdParams } from '../schemas/common.js'
import { CreateDataAttributeBody, ListDataAttributesQuery, UpdateDataAttributeBody } from '../schemas/data-attributes.js'

/** 2.x data attributes: the attributes of contacts, companies and conversations, and creating custom ones. */
export const dataAttributeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/data_attributes', { schema: { querystring: ListDataAttributesQuery }, constraints: v2Only }, async (request) => {
    return presentDataAttributeListV2(listDataAttributes(request.ctx, { model: request.query.model, includeArchived: request.query.include_archived }))
  })

  app.post('/data_attributes', { schema: { body: CreateDataAttributeBody }, constraints: v2Only }, async (request) => {
    const { body } = request
    const attribute = createDataAttribute(request.ctx, {
      name: body.name, model: body.model, dataType: body.data_type, options: body.options, description: body.description, messengerWritable: body.messenger_writable
    })
    return presentDataAttributeV2(attribute)
  })

  app.put('/data_attributes/:id', { schema: { params: IdParams, body: UpdateDataAttributeBody }, constraints: v2Only }, async (request) => {
    const { body } = request
    const attribute = updateDataAttribute(request.ctx, request.params.id, {
      archived: body.archived, options: body.options, description: body.description, messengerWritable: body.messenger_writable
    })
    return presentDataAttributeV2(attribute)
  })
}
