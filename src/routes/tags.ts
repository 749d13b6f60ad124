import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  createOrUpdateTag, deleteTag, listContactTags, listTags, retrieveTag, tagContact, tagConversation, untagContact, untagConversation
} from '../domain/tags.js'
import { v2Only } from '../http/api-version.js'
import { presentAppliedTagListV2, presentAppliedTagV2, presentTagV2 } from '../presenters/v2/tag.js'
import { IdParams } from '../schemas/common.js'
import { ApplyTagBody, RemoveTagBody, TagBody, TaggedParams } from '../schemas/tags.js'

/** Tags in both majors (`/tags`), and 2.x tagging of contacts and conversations. */
export const tagRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/tags', async (request) => request.present.tagList(listTags(request.ctx)))

  app.post('/tags', { schema: { body: TagBody } }, async (request) => {
    const { body } = request
    const tag = createOrUpdateTag(request.ctx, {
      name: body.name,
      id: body.id,
      users: body.users?.map(user => ({ id: user.id, userId: user.user_id, email: user.email, untag: user.untag })),
      companies: body.companies?.map(company => ({ id: company.id, companyId: company.company_id, untag: company.untag }))
    })
    return request.present.tag(tag)
  })

  app.get('/tags/:id', { schema: { params: IdParams }, constraints: v2Only }, async (request) => {
    return presentTagV2(retrieveTag(request.ctx, request.params.id))
  })

  app.delete('/tags/:id', { schema: { params: IdParams } }, async (request, reply) => {
    deleteTag(request.ctx, request.params.id)
    return reply.code(200).send()
  })

  app.get('/contacts/:id/tags', { schema: { params: IdParams }, constraints: v2Only }, async (request) => {
    return presentAppliedTagListV2(listContactTags(request.ctx, request.params.id))
  })

  app.post('/contacts/:id/tags', { schema: { params: IdParams, body: ApplyTagBody }, constraints: v2Only }, async (request) => {
    return presentAppliedTagV2(tagContact(request.ctx, request.params.id, request.body.id))
  })

  app.delete('/contacts/:id/tags/:tag_id', { schema: { params: TaggedParams }, constraints: v2Only }, async (request) => {
    return presentAppliedTagV2(untagContact(request.ctx, request.params.id, request.params.tag_id))
  })

  app.post('/conversations/:id/tags', { schema: { params: IdParams, body: ApplyTagBody }, constraints: v2Only }, async (request) => {
    const applied = tagConversation(request.ctx, request.params.id, { tagId: request.body.id, adminId: request.body.admin_id })
    return presentAppliedTagV2(applied)
  })

  app.delete('/conversations/:id/tags/:tag_id', { schema: { params: TaggedParams, body: RemoveTagBody }, constraints: v2Only }, async (request) => {
    const { params, body } = request
    return presentAppliedTagV2(untagConversation(request.ctx, params.id, params.tag_id, body?.admin_id))
  })
}
