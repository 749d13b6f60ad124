import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { listConversations, retrieveConversation } from '../domain/conversations.js'
import { v1Only } from '../http/api-version.js'
import { pageLinks } from '../http/links.js'
import { ConversationParams, ListConversationsQuery, RetrieveConversationQuery } from '../schemas/conversations.js'
import { bodyDisplay } from './inputs.js'

export const conversationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/conversations', { schema: { querystring: ListConversationsQuery }, constraints: v1Only }, async (request) => {
    const { query } = request
    const page = listConversations(request.ctx, {
      type: query.type,
      intercomUserId: query.intercom_user_id,
      userId: query.user_id,
      email: query.email,
      adminId: query.admin_id ?? query.id,
      open: query.open,
      unread: query.unread,
      before: query.before,
      order: query.order,
      sort: query.sort,
      page: query.page,
      perPage: query.per_page
    })
    return request.present.conversationList(page, bodyDisplay(query.display_as), pageLinks(request))
  })

  app.get('/conversations/:id', {
    schema: { params: ConversationParams, querystring: RetrieveConversationQuery },
    constraints: v1Only
  }, async (request) => {
    const conversation = retrieveConversation(request.ctx, request.params.id)
    return request.present.conversation(conversation, bodyDisplay(request.query.display_as))
  })
}
