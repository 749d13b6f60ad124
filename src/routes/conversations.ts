import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { listConversations, retrieveConversation, updateConversation } from '../domain/conversations.js'
import { REPLY_LIMITS, replyConversation } from '../domain/replies.js'
import { v1Only } from '../http/api-version.js'
import { pageLinks } from '../http/links.js'
import { ConversationParams, ListConversationsQuery, ReplyBody, RetrieveConversationQuery, UpdateConversationBody } from '../schemas/conversations.js'
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

  const retrieve = { params: ConversationParams, querystring: RetrieveConversationQuery }

  app.get('/conversations/:id', { schema: retrieve, constraints: v1Only }, async (request) => {
    const conversation = retrieveConversation(request.ctx, request.params.id)
    return request.present.conversation(conversation, bodyDisplay(request.query.display_as))
  })

  app.post('/conversations/:id/reply', { schema: { ...retrieve, body: ReplyBody }, constraints: v1Only }, async (request) => {
    const { body } = request
    const conversation = replyConversation(request.ctx, request.params.id, {
      type: body.type,
      messageType: body.message_type,
      body: body.body,
      intercomUserId: body.intercom_user_id,
      userId: body.user_id,
      email: body.email,
      adminId: body.admin_id,
      assigneeId: body.assignee_id,
      snoozedUntil: body.snoozed_until,
      attachmentUrls: body.attachment_urls
    }, REPLY_LIMITS[request.apiVersion.major])
    return request.present.conversation(conversation, bodyDisplay(request.query.display_as))
  })

  // python-intercom 3.x marks a conversation read with PUT /conversations/{id}/reply.
  for (const url of ['/conversations/:id', '/conversations/:id/reply']) {
    app.put(url, { schema: { ...retrieve, body: UpdateConversationBody }, constraints: v1Only }, async (request) => {
      const { body } = request
      const conversation = updateConversation(request.ctx, request.params.id, {
        read: body.read,
        title: body.title,
        customAttributes: body.custom_attributes
      })
      return request.present.conversation(conversation, bodyDisplay(request.query.display_as))
    })
  }
}
